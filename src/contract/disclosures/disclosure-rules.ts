import type { LegalBasis } from '../enums.ts';
import type { FieldError } from '../errors.ts';
import { isInEea } from '../countries.ts';

/**
 * The identity code leaves the register only where the law asks for unambiguous identification
 * (Data Protection Act 1050/2018, 29 §): for a legal obligation or a credit decision, and with the
 * purpose stated.
 */
export const IDENTITY_CODE_BASES: readonly LegalBasis[] = ['legal_obligation', 'credit_decision'];

export function identityCodeProblems(
  legalBasis: LegalBasis,
  purpose: string | null | undefined,
): FieldError[] {
  const problems: FieldError[] = [];
  if (!IDENTITY_CODE_BASES.includes(legalBasis)) {
    problems.push({
      field: 'fields',
      message: 'The identity code is disclosed only for a legal obligation or a credit decision',
      code: 'disclosure.identityCodeBasis',
    });
  }
  if (!purpose?.trim()) {
    problems.push({
      field: 'purpose',
      message: 'State the purpose for which the identity code is disclosed',
      code: 'disclosure.purposeRequired',
    });
  }
  return problems;
}

export type PartnerTerms = {
  country: string;
  roles: readonly string[];
  processingAgreementOn: string | null;
  transferSafeguard: string | null;
};

/**
 * Why data may not go to this partner now, each reason with a stable code; none: it may.
 * A disclosure goes to a partner registered as a recipient; outside the EU/EEA only with a
 * recorded transfer safeguard (the registry asks for one, but a partner registered before it did
 * may lack it); and to a partner that is also the municipality's processor only under a data
 * processing agreement signed by today (GDPR art. 28(3)).
 */
export function transferRefusals(partner: PartnerTerms, today: string): FieldError[] {
  const refusals: FieldError[] = [];
  if (!partner.roles.includes('recipient')) {
    refusals.push({
      field: 'partnerId',
      message: 'The partner is not registered as a recipient of disclosures',
      code: 'disclosure.notRecipient',
    });
  }
  if (!isInEea(partner.country) && partner.transferSafeguard === null) {
    refusals.push({
      field: 'partnerId',
      message: `The partner is outside the EU/EEA (${partner.country}) and has no recorded transfer safeguard`,
      code: 'disclosure.noSafeguard',
    });
  }
  if (
    partner.roles.includes('processor') &&
    (partner.processingAgreementOn === null || partner.processingAgreementOn > today)
  ) {
    refusals.push({
      field: 'partnerId',
      message: 'The partner is a processor without a signed data processing agreement',
      code: 'disclosure.agreementMissing',
    });
  }
  return refusals;
}
