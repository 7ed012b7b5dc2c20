// Shared with the web app: this file imports only lib/countries.ts, so the browser bundle can use it.
import { isInEea } from '../countries.ts';

/**
 * What a partner is to the register: a processor acting for the municipality (its contractors
 * use the register), a recipient of disclosures, a source of data.
 */
export const PARTNER_ROLE_NAMES = ['processor', 'recipient', 'source'] as const;
export type PartnerRoleName = (typeof PARTNER_ROLE_NAMES)[number];

/** The legal ground of a transfer outside the EU/EEA (GDPR chapter V). */
export const TRANSFER_SAFEGUARDS = [
  /** Art. 45: the Commission has found the country's protection adequate. */
  'adequacy_decision',
  /** Art. 46(2)(c): the Commission's standard contractual clauses. */
  'standard_contractual_clauses',
  /** Art. 47: binding corporate rules approved for the partner's group. */
  'binding_corporate_rules',
  /** Art. 49: a derogation for a specific situation. */
  'derogation',
] as const;
export type TransferSafeguard = (typeof TRANSFER_SAFEGUARDS)[number];

export const isPartnerRoleName = (value: string): value is PartnerRoleName =>
  (PARTNER_ROLE_NAMES as readonly string[]).includes(value);

/** The roles in the canonical order, each once. */
export const normalisePartnerRoles = (roles: readonly string[]): PartnerRoleName[] =>
  PARTNER_ROLE_NAMES.filter((role) => roles.includes(role));

/** A processor and a recipient get personal data from the register; a source only gives it. */
export const receivesData = (roles: readonly string[]): boolean =>
  roles.includes('processor') || roles.includes('recipient');

export type TransferTerms = {
  country: string;
  roles: readonly string[];
  transferSafeguard: string | null;
  transferNecessity: string | null;
};

export type TransferTermProblem = {
  field: 'transferSafeguard' | 'transferNecessity';
  code: 'partner.safeguardRequired' | 'partner.necessityRequired' | 'partner.transferInEea';
  message: string;
};

/**
 * The privacy statement keeps data in the EU/EEA; a transfer elsewhere needs a safeguard and the
 * reason it is technically necessary, both recorded. A partner outside the EU/EEA that receives
 * data (a processor or a recipient) must have both; one given calls for the other; inside the
 * EU/EEA neither applies, and giving one is a mistake to point out rather than keep.
 */
export function transferTermProblems(terms: TransferTerms): TransferTermProblem[] {
  const safeguard = terms.transferSafeguard !== null;
  const necessity = terms.transferNecessity !== null;
  if (isInEea(terms.country)) {
    const message = 'A partner in the EU/EEA transfers nothing outside it: leave this empty';
    return [
      ...(safeguard ? [{ field: 'transferSafeguard' as const, message }] : []),
      ...(necessity ? [{ field: 'transferNecessity' as const, message }] : []),
    ].map((problem) => ({ ...problem, code: 'partner.transferInEea' as const }));
  }
  if (!receivesData(terms.roles) && !safeguard && !necessity) return [];
  const problems: TransferTermProblem[] = [];
  if (!safeguard) {
    problems.push({
      field: 'transferSafeguard',
      code: 'partner.safeguardRequired',
      message:
        'Outside the EU/EEA a partner that receives data needs a recorded transfer safeguard',
    });
  }
  if (!necessity) {
    problems.push({
      field: 'transferNecessity',
      code: 'partner.necessityRequired',
      message: 'Outside the EU/EEA, say why the transfer is technically necessary',
    });
  }
  return problems;
}
