/** The disclosures register's filters and texts; pure, so unit-tested. */
import type { MessageKey } from '../../../i18n/catalogues.ts';
import type { QueryOf } from '../../../../contract/endpoint.ts';
import type { LegalBasis } from '../../../../contract/enums.ts';
import type { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { DisclosureDetail } from '../../../../contract/disclosures/disclosures.schemas.ts';

type OmissionReason = DisclosureDetail['subjects'][number]['omitted'][string];

/** Every legal basis (the type makes the list complete), with its name in the catalogue. */
export const LEGAL_BASIS_LABELS: Record<LegalBasis, MessageKey> = {
  billing: 'disclosures.basis.billing',
  debt_collection: 'disclosures.basis.debt_collection',
  credit_decision: 'disclosures.basis.credit_decision',
  legal_obligation: 'disclosures.basis.legal_obligation',
  value_added_service: 'disclosures.basis.value_added_service',
};

export const LEGAL_BASES = Object.keys(LEGAL_BASIS_LABELS) as LegalBasis[];

export const isLegalBasis = (value: string | null): value is LegalBasis =>
  value !== null && Object.hasOwn(LEGAL_BASIS_LABELS, value);

/** Why a field was not sent for a subject. */
export const OMISSION_LABELS: Record<OmissionReason, MessageKey> = {
  protectedAddress: 'disclosureRegister.omitted.protectedAddress',
  notApplicable: 'disclosureRegister.omitted.notApplicable',
  objection: 'disclosureRegister.omitted.objection',
  archived: 'disclosureRegister.omitted.archived',
  restricted: 'disclosureRegister.omitted.restricted',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters as the URL keeps them; anything the server would refuse is left out. */
export type DisclosureFilters = {
  legalBasis: LegalBasis | '';
  partnerId: string;
  flagged: boolean;
};

export function disclosureFiltersFrom(params: URLSearchParams): DisclosureFilters {
  const legalBasis = params.get('legalBasis');
  const partnerId = params.get('partnerId') ?? '';
  return {
    legalBasis: isLegalBasis(legalBasis) ? legalBasis : '',
    partnerId: UUID.test(partnerId) ? partnerId : '',
    flagged: params.get('flagged') === 'true',
  };
}

/** Only the filters that are set, for the URL. */
export function disclosureFiltersToParams(filters: DisclosureFilters): Record<string, string> {
  return {
    ...(filters.legalBasis ? { legalBasis: filters.legalBasis } : {}),
    ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
    ...(filters.flagged ? { flagged: 'true' } : {}),
  };
}

export function disclosureQuery(filters: DisclosureFilters): QueryOf<typeof disclosuresApi.list> {
  return {
    legalBasis: filters.legalBasis || undefined,
    partnerId: filters.partnerId || undefined,
    flagged: filters.flagged ? 'true' : undefined,
  };
}
