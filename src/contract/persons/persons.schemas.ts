import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { zEmail, zIdentityCode, zPhone } from '../../finnish/index.ts';
import {
  addressInput,
  addressView,
  billingInput,
  billingView,
} from '../customers/customer-data.schemas.ts';
import { IDENTITY_CODE_PURPOSES, LANGUAGES } from './persons.constants.ts';
import { valueSourceInput } from './value-sources.schemas.ts';

export { IDENTITY_CODE_PURPOSES, LANGUAGES };

const name = text({ max: 100, kind: 'name' });

const organizationLink = z.strictObject({
  organizationId: zId,
  title: text({ max: 100, min: 0, kind: 'name' }).nullable().optional(),
});

const addressProtectionInput = z.strictObject({
  active: z.boolean(),
  endsOn: date('business').nullable().optional(),
  source: text({ max: 200 }).nullable().optional(),
});

const personFields = {
  firstName: name,
  lastName: name,
  personalIdentityCode: zIdentityCode.nullable().optional(),
  personalIdentityCodePurpose: z.enum(IDENTITY_CODE_PURPOSES).nullable().optional(),
  email: zEmail.nullable().optional(),
  phone: zPhone.nullable().optional(),
  permanentAddress: addressInput.nullable().optional(),
  contactAddress: addressInput.nullable().optional(),
  language: z.enum(LANGUAGES).optional(),
  organizations: z.array(organizationLink).max(50).optional(),
  billing: billingInput.nullable().optional(),
  addressProtection: addressProtectionInput.nullable().optional(),
  notes: text({ max: 5000, min: 0, multiline: true }).nullable().optional(),
  /** Where the values given came from (requirements §4); staff when not given. */
  source: valueSourceInput.optional(),
};

function identityCodeNeedsPurpose(
  person: { personalIdentityCode?: string | null; personalIdentityCodePurpose?: string | null },
  ctx: z.RefinementCtx,
) {
  if (person.personalIdentityCode && !person.personalIdentityCodePurpose) {
    ctx.addIssue({
      code: 'custom',
      path: ['personalIdentityCodePurpose'],
      message: 'An identity code is kept only with the reason for keeping it',
      params: { code: 'identityCode.purposeRequired' },
    });
  }
}

export const personCreate = z.strictObject(personFields).superRefine(identityCodeNeedsPurpose);

export const personPatch = z
  .strictObject({
    ...personFields,
    firstName: name.optional(),
    lastName: name.optional(),
  })
  .superRefine(identityCodeNeedsPurpose);

export type PersonCreate = z.output<typeof personCreate>;
export type PersonPatch = z.output<typeof personPatch>;

/**
 * A person's page. The fields a contractor's contract does not open are left out (optional here;
 * the municipality's own staff always get every field — see partners/contract-fields.ts).
 */
export const personView = z.object({
  id: zId,
  firstName: z.string(),
  lastName: z.string(),
  /** Always masked (131052-****); the full code only through reveal-identity-code. */
  personalIdentityCode: z.string().nullable().optional(),
  personalIdentityCodePurpose: z.enum(IDENTITY_CODE_PURPOSES).nullable().optional(),
  personalIdentityCodeTemporary: z.boolean().nullable().optional(),
  email: z.string().nullable().optional(),
  /** E.164 */
  phone: z.string().nullable().optional(),
  /** The phone number the Finnish way, e.g. 040 123 4567 */
  phoneDisplay: z.string().nullable().optional(),
  /** null while the address is protected and the reader may not see it */
  permanentAddress: addressView.nullable().optional(),
  contactAddress: addressView.nullable().optional(),
  addressProtected: z.boolean().optional(),
  addressProtection: z
    .object({ active: z.boolean(), endsOn: z.string().nullable(), source: z.string().nullable() })
    .nullable()
    .optional(),
  language: z.enum(LANGUAGES).optional(),
  organizations: z
    .array(
      z.object({
        organizationId: zId,
        name: z.string(),
        businessId: z.string().nullable(),
        title: z.string().nullable(),
      }),
    )
    .optional(),
  billing: billingView.nullable().optional(),
  notes: z.string().nullable().optional(),
  /** The day of death, as the population register (DVV) gave it (decision 0026). */
  deceasedOn: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type PersonView = z.infer<typeof personView>;

/** A person in a list or search result; a contractor gets only what its contract opens. */
export const personSummary = z.object({
  id: zId,
  firstName: z.string(),
  lastName: z.string(),
  personalIdentityCode: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  phoneDisplay: z.string().nullable().optional(),
  /** The contact address, else the permanent one; null while protected. */
  address: addressView.nullable().optional(),
  addressProtected: z.boolean().optional(),
  archivedAt: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const revealBody = z.strictObject({
  purpose: text({ max: 500, min: 3 }),
});
export const revealView = z.object({ personalIdentityCode: z.string() });
