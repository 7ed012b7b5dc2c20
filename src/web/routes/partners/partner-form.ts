// Browser-safe server files: constants only, no imports of their own.
import {
  normaliseContractFields,
  type ContractFieldGroup,
} from '../../../contract/partners/contract-fields.ts';
import { isInEea } from '../../../contract/countries.ts';
import {
  normalisePartnerRoles,
  transferTermProblems,
  type PartnerRoleName,
  type TransferSafeguard,
} from '../../../contract/partners/transfer-terms.ts';
import type { BodyOf } from '../../../contract/endpoint.ts';
import type { partnersApi } from '../../../contract/partners/partners.endpoints.ts';
import type { PartnerView } from '../../../contract/partners/partners.schemas.ts';
import {
  changedFields,
  textOrNull,
  type FieldErrors,
  type FormValues,
} from '../../components/form.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';

type PartnerCreateInput = BodyOf<typeof partnersApi.create>;
type PartnerPatchInput = BodyOf<typeof partnersApi.update>;

/**
 * The form keeps the business ID under its own path: the shared field checks read `businessId`
 * as a Finnish Y-tunnus, and a partner abroad has another kind of ID.
 */
export const BUSINESS_ID_PATH = 'partnerBusinessId';

export type PartnerFormState = {
  values: FormValues;
  contractFields: ContractFieldGroup[];
  roles: PartnerRoleName[];
};

export function partnerFormFrom(partner: PartnerView | null): PartnerFormState {
  return {
    values: {
      name: partner?.name ?? '',
      [BUSINESS_ID_PATH]: partner?.businessId ?? '',
      country: partner?.country ?? 'FI',
      contractEndsOn: partner?.contractEndsOn ? formatDate(partner.contractEndsOn) : '',
      processingAgreementOn: partner?.processingAgreementOn
        ? formatDate(partner.processingAgreementOn)
        : '',
      transferSafeguard: partner?.transferSafeguard ?? '',
      transferNecessity: partner?.transferNecessity ?? '',
    },
    contractFields: partner?.contractFields ?? ['name'],
    roles: partner?.roles ?? ['processor'],
  };
}

/** The transfer terms the form stands for: none in the EU/EEA, where they do not apply. */
function transferTerms(values: FormValues) {
  const country = values.country ?? 'FI';
  return {
    transferSafeguard: isInEea(country)
      ? null
      : (textOrNull(values, 'transferSafeguard') as TransferSafeguard | null),
    transferNecessity: isInEea(country) ? null : textOrNull(values, 'transferNecessity'),
  };
}

/**
 * The form's problems before sending beyond the schema's required fields: what the server would
 * refuse anyway, said sooner.
 */
export function partnerFormProblems(
  values: FormValues,
  roles: readonly PartnerRoleName[] = ['processor'],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of ['contractEndsOn', 'processingAgreementOn']) {
    const date = textOrNull(values, path);
    if (date && !parseFinnishDate(date)) {
      errors[path] = { field: path, code: 'date.format', message: 'd.m.yyyy' };
    }
  }
  if (roles.length === 0) errors.roles = { field: 'roles', code: 'required', message: '' };
  const terms = { country: values.country ?? 'FI', roles, ...transferTerms(values) };
  for (const problem of transferTermProblems(terms)) errors[problem.field] = problem;
  return errors;
}

export function partnerCreateInput(state: PartnerFormState): PartnerCreateInput {
  const date = (path: string) => {
    const value = textOrNull(state.values, path);
    return value ? parseFinnishDate(value) : null;
  };
  return {
    name: (state.values.name ?? '').trim(),
    businessId: (state.values[BUSINESS_ID_PATH] ?? '').trim(),
    country: state.values.country ?? 'FI',
    contractFields: normaliseContractFields(state.contractFields),
    contractEndsOn: date('contractEndsOn'),
    roles: normalisePartnerRoles(state.roles),
    processingAgreementOn: date('processingAgreementOn'),
    ...transferTerms(state.values),
  };
}

/** What changed since the stored partner: what a PATCH sends. */
export function partnerPatchInput(state: PartnerFormState, stored: PartnerView): PartnerPatchInput {
  const before = partnerCreateInput(partnerFormFrom(stored));
  return changedFields(before, partnerCreateInput(state));
}

/**
 * The form's path of a field the server names: the business ID has its own, and an error on a
 * member of a list (`contractFields.2`) belongs to the list's checkbox group.
 */
export const partnerFormPath = (field: string): string =>
  field === 'businessId' ? BUSINESS_ID_PATH : (field.split('.')[0] ?? field);
