import { z } from 'zod';
import { text, zId } from '../text.ts';
import { zBusinessId, zEmail, zPhone } from '../../finnish/index.ts';
import {
  addressInput,
  addressView,
  billingInput,
  billingView,
} from '../customers/customer-data.schemas.ts';

const organizationFields = {
  name: text({ max: 200, kind: 'name' }),
  businessId: zBusinessId.nullable().optional(),
  postalAddress: addressInput.nullable().optional(),
  visitingAddress: addressInput.nullable().optional(),
  billing: billingInput.nullable().optional(),
  email: zEmail.nullable().optional(),
  phone: zPhone.nullable().optional(),
  notes: text({ max: 5000, min: 0, multiline: true }).nullable().optional(),
};

export const organizationCreate = z.strictObject(organizationFields);
export const organizationPatch = z.strictObject({
  ...organizationFields,
  name: organizationFields.name.optional(),
});
export type OrganizationCreate = z.output<typeof organizationCreate>;
export type OrganizationPatch = z.output<typeof organizationPatch>;

/** An organisation's page; a contractor gets only the fields its contract opens. */
export const organizationView = z.object({
  id: zId,
  name: z.string(),
  businessId: z.string().nullable(),
  postalAddress: addressView.nullable().optional(),
  visitingAddress: addressView.nullable().optional(),
  billing: billingView.nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  phoneDisplay: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
  representatives: z
    .array(
      z.object({
        personId: zId,
        firstName: z.string(),
        lastName: z.string(),
        title: z.string().nullable(),
      }),
    )
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});
export type OrganizationView = z.infer<typeof organizationView>;

export const organizationSummary = z.object({
  id: zId,
  name: z.string(),
  businessId: z.string().nullable(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  phoneDisplay: z.string().nullable().optional(),
  address: addressView.nullable().optional(),
  archivedAt: z.string().nullable(),
});
export type OrganizationSummary = z.infer<typeof organizationSummary>;
