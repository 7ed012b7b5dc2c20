import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { addressView } from '../customers/customer-data.schemas.ts';
import { zCursor } from '../cursor.ts';

const isoDate = date('business');

export const invoiceCreate = z.strictObject({
  orderId: zId,
  /** Today in Helsinki when not given; may be in the past (staff backdate), not in the future. */
  invoiceDate: isoDate.optional(),
  /** The invoice date plus the payment term when not given; never before the invoice date. */
  dueDate: isoDate.optional(),
});
export type InvoiceCreate = z.output<typeof invoiceCreate>;

/** At most this many orders named in one run; without orderIds a run takes every one. */
export const MAX_RUN_ORDER_IDS = 5_000;

export const invoiceRunCreate = z.strictObject({
  invoiceDate: isoDate.optional(),
  orderIds: z.array(zId).min(1).max(MAX_RUN_ORDER_IDS).optional(),
});
export type InvoiceRunCreate = z.output<typeof invoiceRunCreate>;

export const invoiceRunView = z.object({
  id: zId,
  invoiceDate: z.string(),
  dueDate: z.string(),
  invoiceCount: z.number().int(),
  paperCount: z.number().int(),
  eInvoiceCount: z.number().int(),
  /** Paper invoices of persons under address protection: printed without an address. */
  addressProtectedCount: z.number().int(),
  totalCents: z.number().int(),
  /** Where the documents are: a tar.gz of a PDF per paper invoice and a Finvoice per e-invoice. */
  archive: z.string(),
});
export type InvoiceRunView = z.infer<typeof invoiceRunView>;

/** Euros with two decimals, "12.25" or "12,25"; a number is read through its decimal form. */
const euros = z
  .union([z.string().trim(), z.number()])
  .transform((value) => String(value))
  .refine((value) => /^\d{1,9}([.,]\d{1,2})?$/.test(value), {
    message: 'An amount in euros with at most two decimals, e.g. 12.25',
    params: { code: 'amount.format' },
  })
  .transform((value) => {
    const [whole = '0', fraction = ''] = value.split(/[.,]/);
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  });

export const paymentCreate = z
  .strictObject({
    /** The national reference (viitenumero) or its RF form, with or without spaces. */
    reference: text({ max: 40 }),
    /** At most a billion euros: the sum of an invoice's payments stays an exact number. */
    amountCents: z.number().int().min(1).max(99_999_999_999).optional(),
    amount: euros.optional(),
    paidOn: isoDate,
  })
  .superRefine((payment, ctx) => {
    if ((payment.amountCents === undefined) === (payment.amount === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['amountCents'],
        message: 'Give the amount either in cents (amountCents) or in euros (amount), not both',
        params: { code: 'payment.amountRequired' },
      });
    }
    if (payment.amount === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'A payment is more than zero',
        params: { code: 'payment.amountZero' },
      });
    }
  });
export type PaymentCreate = z.output<typeof paymentCreate>;

export const invoiceCredit = z.strictObject({
  /** Why the invoice is credited; kept in the access log with the change. */
  reason: text({ max: 500, min: 3, multiline: true }),
  /** The credit note's date: today in Helsinki when not given. */
  invoiceDate: isoDate.optional(),
});
export type InvoiceCredit = z.output<typeof invoiceCredit>;

export const INVOICE_VIEW_STATUSES = [
  'open',
  'overdue',
  'paid',
  'in_collection',
  'credited',
] as const;
export type InvoiceViewStatus = (typeof INVOICE_VIEW_STATUSES)[number];

const money = {
  netCents: z.number().int(),
  vatCents: z.number().int(),
  totalCents: z.number().int(),
};

export const invoiceLineView = z.object({
  position: z.number().int(),
  description: z.string(),
  /** Decimal with up to three decimals, e.g. "1.5". */
  quantity: z.string(),
  unit: z.string(),
  unitPriceCents: z.number().int(),
  /** 25.5 % is 2550. */
  vatRateBasisPoints: z.number().int(),
  ...money,
});

export const invoiceView = z.object({
  id: zId,
  number: z.number().int(),
  kind: z.enum(['invoice', 'credit_note']),
  /** The invoice a credit note credits. */
  creditsInvoice: z.object({ id: zId, number: z.number().int() }).nullable(),
  /** The credit note that credited this invoice. */
  creditedBy: z.object({ id: zId, number: z.number().int() }).nullable(),
  orderId: zId.nullable(),
  runId: zId.nullable(),
  customer: z.object({
    kind: z.enum(['person', 'organization']),
    id: zId,
  }),
  /** As the invoice was made (an accounting record keeps it), but never a protected address. */
  recipient: z.object({
    name: z.string(),
    businessId: z.string().nullable(),
    address: addressView.nullable(),
    addressProtected: z.boolean(),
    language: z.enum(['fi', 'sv', 'en']),
    eInvoiceAddress: z.string().nullable(),
    eInvoiceIntermediator: z.string().nullable(),
  }),
  delivery: z.enum(['paper', 'einvoice']),
  invoiceDate: z.string(),
  dueDate: z.string(),
  /** The national reference in groups of five, e.g. "12345 67890". */
  reference: z.string(),
  /** The RF reference in groups of four, e.g. "RF71 1234 5678 90". */
  rfReference: z.string(),
  /** Which of the two the invoice prints and the barcode carries. */
  printedReference: z.string(),
  /** 54 digits (version 4, or 5 for an RF reference); null when nothing is to be paid. */
  virtualBarcode: z.string().nullable(),
  /** The stored status, except an open invoice past its due date (Helsinki) is overdue. */
  status: z.enum(INVOICE_VIEW_STATUSES),
  lines: z.array(invoiceLineView),
  vatSummary: z.array(z.object({ vatRateBasisPoints: z.number().int(), ...money })),
  ...money,
  /** Euros with two decimals, e.g. "123.45" (negative on a credit note). */
  total: z.string(),
  paidCents: z.number().int(),
  /** What is still to be paid: the total less the payments (never below zero). */
  openCents: z.number().int(),
  open: z.string(),
  payments: z.array(
    z.object({
      id: zId,
      reference: z.string(),
      amountCents: z.number().int(),
      paidOn: z.string(),
      recordedAt: z.string(),
    }),
  ),
  createdAt: z.string(),
});
export type InvoiceView = z.infer<typeof invoiceView>;

export const invoiceSummary = invoiceView.pick({
  id: true,
  number: true,
  kind: true,
  invoiceDate: true,
  dueDate: true,
  reference: true,
  status: true,
  delivery: true,
  totalCents: true,
  total: true,
  openCents: true,
  open: true,
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

/** The list across customers (`GET /api/invoices`): every filter optional, all of them ANDed. */
export const invoicesQuery = z.strictObject({
  /** As the invoice shows it: `overdue` is an open invoice past its due date, `open` one not yet. */
  status: z.enum(INVOICE_VIEW_STATUSES).optional(),
  kind: z.enum(['invoice', 'credit_note']).optional(),
  /** Due on or after this day. */
  dueFrom: isoDate.optional(),
  /** Due on or before this day. */
  dueTo: isoDate.optional(),
  /** The invoices of one invoice run. */
  runId: zId.optional(),
  /** A part of the customer's name: a person's first or last name, an organisation's name. */
  customer: text({ max: 100 }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});
export type InvoicesQuery = z.output<typeof invoicesQuery>;

/** A row of the list across customers: the summary, and whose invoice it is. */
export const invoiceListItem = invoiceSummary.extend({
  customer: z.object({ kind: z.enum(['person', 'organization']), id: zId, name: z.string() }),
  runId: zId.nullable(),
});
export type InvoiceListItem = z.infer<typeof invoiceListItem>;

/** Past invoice runs, newest first. */
export const invoiceRunsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});

/** A past run: when, how many invoices, and where its archive is (made again on download). */
export const invoiceRunSummary = z.object({
  id: zId,
  invoiceDate: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  invoiceCount: z.number().int(),
  archive: z.string(),
});
export type InvoiceRunSummary = z.infer<typeof invoiceRunSummary>;

export const invoiceListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});

export const paymentView = z.object({
  id: zId,
  invoice: invoiceView,
});

/** A document the register sends as a file of its own media type (PDF, Finvoice XML, tar.gz). */
export const invoiceDocument = (description: string) =>
  z.string().meta({ format: 'binary', description });
