import { z } from 'zod';
import { text, zCountryCode, zId } from '../text.ts';
import { zCursor } from '../cursor.ts';
import { parsePostalCode, zEInvoiceAddress, zIntermediator, zOvt } from '../../finnish/index.ts';

export const addressInput = z
  .strictObject({
    street: text({ max: 200, kind: 'name' }),
    postalCode: text({ max: 10 }),
    postOffice: text({ max: 100, kind: 'name' }),
    /** ISO 3166-1 alpha-2, the same list as partners' countries. */
    country: zCountryCode.default('FI'),
  })
  .transform((address, ctx) => {
    const postal = parsePostalCode(address.postalCode, address.country);
    if (!postal.ok) {
      ctx.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: postal.message,
        params: { code: postal.code },
      });
      return z.NEVER;
    }
    return { ...address, postalCode: postal.value };
  });

export const addressView = z.object({
  street: z.string(),
  postalCode: z.string(),
  postOffice: z.string(),
  country: z.string(),
});

export const billingInput = z
  .strictObject({
    billingAddress: addressInput.nullable().optional(),
    eInvoiceAddress: zEInvoiceAddress.nullable().optional(),
    eInvoiceIntermediator: zIntermediator.nullable().optional(),
    ovt: zOvt.nullable().optional(),
  })
  .superRefine((billing, ctx) => {
    if (billing.eInvoiceAddress && !billing.eInvoiceIntermediator) {
      ctx.addIssue({
        code: 'custom',
        path: ['eInvoiceIntermediator'],
        message: 'An e-invoice address needs its intermediator (operator code or bank BIC)',
        params: { code: 'billing.intermediatorRequired' },
      });
    }
  })
  .transform((billing) => ({
    billingAddress: billing.billingAddress ?? null,
    eInvoiceAddress: billing.eInvoiceAddress ?? null,
    eInvoiceIntermediator: billing.eInvoiceIntermediator ?? null,
    ovt: billing.ovt ?? null,
  }));

export const billingView = z.object({
  billingAddress: addressView.nullable(),
  eInvoiceAddress: z.string().nullable(),
  eInvoiceIntermediator: z.string().nullable(),
  ovt: z.string().nullable(),
});

export const listQuery = z.strictObject({
  q: text({ max: 200, min: 0 }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});

export const idParams = z.strictObject({ id: zId });

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
  })
  .loose();

/** The error responses every protected route can give, for the OpenAPI document. */
export const standardErrors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  415: problemSchema,
};
