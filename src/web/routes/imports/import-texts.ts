import type { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogues.ts';
import type { ImportRunView } from '../../../contract/imports/imports.schemas.ts';

type T = ReturnType<typeof useI18n>['t'];

const OUTCOMES: Record<string, MessageKey> = {
  applied: 'imports.outcome.applied',
  unchanged: 'imports.outcome.unchanged',
  noMatch: 'imports.outcome.noMatch',
  refused: 'imports.outcome.refused',
  skipped: 'imports.outcome.skipped',
  noPerson: 'imports.outcome.noPerson',
  unparsable: 'imports.outcome.unparsable',
  failed: 'imports.outcome.failed',
  created: 'moveIn.outcome.created',
  wouldCreate: 'moveIn.outcome.wouldCreate',
  invalid: 'moveIn.outcome.invalid',
  duplicate: 'moveIn.outcome.duplicate',
  alreadyImported: 'moveIn.outcome.alreadyImported',
};

const REASONS: Record<string, MessageKey> = {
  noPerson: 'imports.reason.noPerson',
  ambiguous: 'imports.reason.ambiguous',
  addressProtected: 'imports.reason.addressProtected',
  registerUpdateProhibited: 'imports.reason.registerUpdateProhibited',
  archived: 'imports.reason.archived',
  deceased: 'imports.reason.deceased',
  restricted: 'imports.reason.restricted',
  invalid: 'imports.reason.invalid',
  'row.quoting': 'moveIn.code.row.quoting',
  'row.cellCount': 'moveIn.code.row.cellCount',
  'row.encoding': 'moveIn.code.row.encoding',
  'duplicate.identityCode': 'moveIn.code.duplicate.identityCode',
  'duplicate.businessId': 'moveIn.code.duplicate.businessId',
  'possibleDuplicate.email': 'moveIn.code.possibleDuplicate.email',
  'possibleDuplicate.nameAddress': 'moveIn.code.possibleDuplicate.nameAddress',
  'address.incomplete': 'moveIn.code.address.incomplete',
};

const FIELDS: Record<string, MessageKey> = {
  row: 'imports.field.row',
  firstName: 'imports.field.firstName',
  lastName: 'imports.field.lastName',
  identityCode: 'imports.field.identityCode',
  permanentAddress: 'imports.field.permanentAddress',
  contactAddress: 'imports.field.contactAddress',
  street: 'imports.field.street',
  postalCode: 'imports.field.postalCode',
  postOffice: 'imports.field.postOffice',
  country: 'imports.field.country',
  previousStreet: 'imports.field.previousStreet',
  previousPostalCode: 'imports.field.previousPostalCode',
};

/** A row's field in the reader's language; a code the catalogue lacks (DVV's) as it is. */
export function fieldText(field: string, t: T): string {
  const key = FIELDS[field];
  return key ? t(key) : field;
}

export function outcomeText(outcome: string, t: T): string {
  const key = OUTCOMES[outcome];
  return key ? t(key) : outcome;
}

export function reasonText(reason: string | null, t: T): string {
  if (!reason) return '';
  const key = REASONS[reason];
  return key ? t(key) : reason;
}

/** "Update file 3 (dry run)". */
export function runTitle(run: ImportRunView, t: T): string {
  const title = t('imports.run', { kind: t(`imports.kind.${run.kind}`), number: run.number });
  return run.dryRun ? `${title} (${t('imports.dryRun')})` : title;
}

/** Each outcome that occurred, with its count: "Updated 2, Refused 3". */
export function countsText(run: ImportRunView, t: T): string {
  return Object.entries(run.counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${outcomeText(outcome, t)} ${n}`)
    .join(', ');
}
