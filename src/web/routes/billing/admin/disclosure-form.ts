/** The form that makes a disclosure: checks before sending, and the request; pure, so unit-tested. */
import type { DisclosureFormat } from '../../../../contract/enums.ts';
import { identityCodeProblems } from '../../../../contract/disclosures/disclosure-rules.ts';
import type { DisclosableGroup } from '../../../../contract/disclosures/disclosures.schemas.ts';
import type { FieldErrors, FormValues } from '../../../components/form.ts';
import type { PickedPerson } from '../../../components/PersonPicker.tsx';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import type { BodyOf } from '../../../../contract/endpoint.ts';
import type { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { DisclosureMade } from '../../../../contract/disclosures/disclosures.schemas.ts';
import { DISCLOSURE_USE_LABELS } from '../../objections/labels.ts';
import { isLegalBasis } from './disclosure-register.ts';

type DisclosureCreateInput = BodyOf<typeof disclosuresApi.make>;

/** The groups one chooses; the name always goes (the server adds it), so it is no choice. */
export type ChosenGroup = Exclude<DisclosableGroup, 'name'>;

/** Every group (the type makes the list complete) by its name in the catalogue. */
export const GROUP_LABELS: Record<DisclosableGroup, MessageKey> = {
  name: 'disclosureForm.group.name',
  identityCode: 'disclosureForm.group.identityCode',
  contact: 'disclosureForm.group.contact',
  address: 'disclosureForm.group.address',
  billing: 'disclosureForm.group.billing',
};

/** What each group one chooses sends. */
export const GROUP_HINTS: Record<ChosenGroup, MessageKey> = {
  identityCode: 'disclosureForm.groupHint.identityCode',
  contact: 'disclosureForm.groupHint.contact',
  address: 'disclosureForm.groupHint.address',
  billing: 'disclosureForm.groupHint.billing',
};

export const CHOSEN_GROUPS = Object.keys(GROUP_HINTS) as ChosenGroup[];

export const FORMAT_LABELS: Record<DisclosureFormat, MessageKey> = {
  csv: 'disclosureForm.format.csv',
  json: 'disclosureForm.format.json',
};

const isFormat = (value: string | undefined): value is DisclosureFormat =>
  value !== undefined && Object.hasOwn(FORMAT_LABELS, value);

export const DISCLOSURE_FORM_INITIAL: FormValues = {
  partnerId: '',
  legalBasis: '',
  use: '',
  purpose: '',
  format: 'csv',
};

/** What the form holds besides its text values: the persons added, the groups ticked. */
export type DisclosureChoices = {
  persons: readonly PickedPerson[];
  groups: readonly ChosenGroup[];
};

const problem = (field: string, code: string) => ({ field, code, message: '' });

/**
 * The errors found before sending beyond the schema's required fields (useContractForm checks
 * those): no person, and the identity code's rules (the server's own).
 */
export function disclosureProblems(values: FormValues, choices: DisclosureChoices): FieldErrors {
  const errors: FieldErrors = {};
  if (choices.persons.length === 0) {
    errors.subjectIds = problem('subjectIds', 'disclosure.subjectsRequired');
  }
  const legalBasis = values.legalBasis ?? '';
  if (choices.groups.includes('identityCode') && isLegalBasis(legalBasis)) {
    for (const found of identityCodeProblems(legalBasis, values.purpose)) {
      errors[found.field] ??= { ...found };
    }
  }
  return errors;
}

/** The request; call it when `disclosureProblems` found nothing. */
export function disclosureInput(
  values: FormValues,
  choices: DisclosureChoices,
): DisclosureCreateInput {
  const legalBasis = values.legalBasis ?? '';
  const purpose = (values.purpose ?? '').trim();
  if (!isLegalBasis(legalBasis)) throw new Error('the legal basis is checked before sending');
  // Only a value-added service states its use; without one every objection applies.
  const use = legalBasis === 'value_added_service' ? values.use : undefined;
  return {
    partnerId: values.partnerId ?? '',
    legalBasis,
    ...(use && isDisclosureUse(use) ? { use } : {}),
    ...(purpose ? { purpose } : {}),
    subjectIds: choices.persons.map((person) => person.id),
    fields: ['name', ...CHOSEN_GROUPS.filter((group) => choices.groups.includes(group))],
    format: isFormat(values.format) ? values.format : 'csv',
  };
}

const isDisclosureUse = (value: string): value is NonNullable<DisclosureCreateInput['use']> =>
  Object.hasOwn(DISCLOSURE_USE_LABELS, value);

let justMade: DisclosureMade | null = null;

/**
 * The file of the disclosure just made, for its page to offer once. It stays in memory only —
 * never in the browser's history or storage — and the register does not keep it either.
 */
export function keepMadeFile(made: DisclosureMade): void {
  justMade = made;
}

/** The file of this disclosure if it was just made here, handed over once. */
export function takeMadeFile(disclosureId: string): DisclosureMade['file'] | null {
  if (justMade?.disclosure.id !== disclosureId) return null;
  const { file } = justMade;
  justMade = null;
  return file;
}
