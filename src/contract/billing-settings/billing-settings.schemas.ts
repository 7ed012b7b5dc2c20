import { z } from 'zod';
import { text, zId } from '../text.ts';
import { zBusinessId, zIban, zIntermediator, zOvt } from '../../finnish/index.ts';
import { addressInput, addressView } from '../customers/customer-data.schemas.ts';

export const REFERENCE_FORMATS = ['national', 'rf'] as const;

/** ISO 9362: bank (4 letters), country (2 letters), location (2), optional branch (3). */
const zBic = z
  .string()
  .transform((bic) => bic.replace(/\s+/g, '').toUpperCase())
  .refine((bic) => /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic), {
    message: 'A BIC has 8 or 11 characters, e.g. NDEAFIHH',
    params: { code: 'bic.format' },
  });

/** Payments come to a Finnish account: the barcode and the national reference need one. */
const zFinnishIban = zIban.refine((iban) => iban.startsWith('FI'), {
  message: 'The account must be a Finnish IBAN (FI…)',
  params: { code: 'iban.notFinnish' },
});

/** The whole settings row: PUT replaces it. */
export const billingSettingsInput = z
  .strictObject({
    sellerName: text({ max: 200, kind: 'name' }),
    sellerBusinessId: zBusinessId,
    sellerAddress: addressInput,
    iban: zFinnishIban,
    bic: zBic,
    /** The municipality's own e-invoice address (OVT) and its operator, for Finvoice. */
    eInvoiceAddress: zOvt.nullable().default(null),
    eInvoiceIntermediator: zIntermediator.nullable().default(null),
    paymentTermDays: z.number().int().min(0).max(365).default(14),
    referenceFormat: z.enum(REFERENCE_FORMATS).default('national'),
    accountingRetentionYears: z.number().int().min(1).max(20).default(6),
    /** Social-services client records: years after the client relationship ends (erasure). */
    socialRecordsRetentionYears: z.number().int().min(1).max(99).default(12),
  })
  .superRefine((settings, ctx) => {
    if (settings.eInvoiceAddress && !settings.eInvoiceIntermediator) {
      ctx.addIssue({
        code: 'custom',
        path: ['eInvoiceIntermediator'],
        message: 'An e-invoice address needs its intermediator (operator code or bank BIC)',
        params: { code: 'billing.intermediatorRequired' },
      });
    }
  });
export type BillingSettingsInput = z.output<typeof billingSettingsInput>;

export const billingSettingsView = z.object({
  sellerName: z.string(),
  sellerBusinessId: z.string(),
  sellerAddress: addressView,
  iban: z.string(),
  bic: z.string(),
  eInvoiceAddress: z.string().nullable(),
  eInvoiceIntermediator: z.string().nullable(),
  paymentTermDays: z.number().int(),
  referenceFormat: z.enum(REFERENCE_FORMATS),
  accountingRetentionYears: z.number().int(),
  socialRecordsRetentionYears: z.number().int(),
  updatedAt: z.string(),
  /** The staff account that last changed them. */
  updatedBy: zId.nullable(),
});
export type BillingSettingsView = z.infer<typeof billingSettingsView>;
