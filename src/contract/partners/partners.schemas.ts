import { z } from 'zod';
import { date, text, zCountryCode, zId } from '../text.ts';
import { parseBusinessId } from '../../finnish/index.ts';
import type { FieldErrorCode } from '../field-errors.ts';
import { CONTRACT_FIELD_GROUPS, normaliseContractFields } from './contract-fields.ts';
import { zCursor } from '../cursor.ts';
import {
  normalisePartnerRoles,
  PARTNER_ROLE_NAMES,
  TRANSFER_SAFEGUARDS,
} from './transfer-terms.ts';

const CUSTOMER_KINDS = ['person', 'organization'] as const;

const contractFields = z
  .array(z.enum(CONTRACT_FIELD_GROUPS))
  .max(CONTRACT_FIELD_GROUPS.length)
  .transform(normaliseContractFields);

const partnerFields = {
  name: text({ max: 200, kind: 'name' }),
  /** A Finnish partner's Y-tunnus (checked and normalised); another country's ID as given. */
  businessId: text({ max: 40 }),
  country: zCountryCode,
  /** The field groups the contract opens; `name` is always one of them. */
  contractFields,
  /** The last day the contract is in force; after it the partner's contractors see no one. */
  contractEndsOn: date('business').nullable().optional(),
  /** What the partner is to the register: processor, recipient (of disclosures), source. */
  roles: z
    .array(z.enum(PARTNER_ROLE_NAMES))
    .min(1)
    .max(PARTNER_ROLE_NAMES.length)
    .transform(normalisePartnerRoles),
  /** The day the data processing agreement was signed (not in the future). */
  processingAgreementOn: date('business').nullable().optional(),
  /**
   * Outside the EU/EEA, for a processor or recipient: the transfer safeguard, with
   * `transferNecessity`, why the transfer is technically necessary. Refused in the EU/EEA.
   */
  transferSafeguard: z.enum(TRANSFER_SAFEGUARDS).nullable().optional(),
  transferNecessity: text({ max: 2000, multiline: true }).nullable().optional(),
};

export type BusinessIdCheck =
  { ok: true; value: string } | { ok: false; code: FieldErrorCode; message: string };

/** A Finnish partner's business ID is a Y-tunnus; other countries' IDs are kept as given. */
export function checkPartnerBusinessId(country: string, businessId: string): BusinessIdCheck {
  if (country !== 'FI') return { ok: true, value: businessId.trim() };
  const parsed = parseBusinessId(businessId);
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, code: parsed.code, message: parsed.message };
}

export const partnerCreate = z
  .strictObject({
    ...partnerFields,
    contractFields: contractFields.default(['name']),
    roles: partnerFields.roles.default(['processor']),
  })
  .transform((partner, ctx) => {
    const businessId = checkPartnerBusinessId(partner.country, partner.businessId);
    if (!businessId.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['businessId'],
        message: businessId.message,
        params: { code: businessId.code },
      });
      return z.NEVER;
    }
    return { ...partner, businessId: businessId.value };
  });
export type PartnerCreate = z.output<typeof partnerCreate>;

/**
 * Only the fields given change; a Finnish business ID is checked against the country it ends with,
 * and the transfer terms against the country and roles the partner ends with.
 */
export const partnerPatch = z.strictObject({
  name: partnerFields.name.optional(),
  businessId: partnerFields.businessId.optional(),
  country: partnerFields.country.optional(),
  contractFields: partnerFields.contractFields.optional(),
  contractEndsOn: partnerFields.contractEndsOn,
  roles: partnerFields.roles.optional(),
  processingAgreementOn: partnerFields.processingAgreementOn,
  transferSafeguard: partnerFields.transferSafeguard,
  transferNecessity: partnerFields.transferNecessity,
});
export type PartnerPatch = z.output<typeof partnerPatch>;

export const partnerView = z.object({
  id: zId,
  name: z.string(),
  businessId: z.string(),
  /** ISO 3166-1 alpha-2 */
  country: z.string(),
  /** In the EU/EEA: the privacy statement keeps data there unless a safeguard is recorded. */
  inEea: z.boolean(),
  contractFields: z.array(z.enum(CONTRACT_FIELD_GROUPS)),
  contractEndsOn: z.string().nullable(),
  /** False once the end date has passed: the partner's contractors then see no one. */
  contractInForce: z.boolean(),
  roles: z.array(z.enum(PARTNER_ROLE_NAMES)),
  processingAgreementOn: z.string().nullable(),
  transferSafeguard: z.enum(TRANSFER_SAFEGUARDS).nullable(),
  transferNecessity: z.string().nullable(),
  /** How many customers the contract covers. */
  customerCount: z.number().int(),
  /** How many staff accounts belong to the partner. */
  accountCount: z.number().int(),
  createdAt: z.string(),
});
export type PartnerView = z.infer<typeof partnerView>;

export const partnerList = z.object({ items: z.array(partnerView) });

export const coveredCustomer = z.object({
  id: zId,
  kind: z.enum(CUSTOMER_KINDS),
  /** "Last, First" for a person, the name for an organisation. */
  name: z.string(),
  archived: z.boolean(),
});
export type CoveredCustomer = z.infer<typeof coveredCustomer>;

export const partnerDetail = partnerView.extend({
  /** The customers the contract covers, by name, one page at a time. */
  customers: z.object({ items: z.array(coveredCustomer), nextCursor: z.string().nullable() }),
});
export type PartnerDetail = z.infer<typeof partnerDetail>;

export const partnerDetailQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: zCursor.optional(),
});

export const coverCustomerBody = z.strictObject({ customerId: zId });

export const partnerCustomerParams = z.strictObject({ id: zId, customerId: zId });
