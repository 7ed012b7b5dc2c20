import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, persons, type PostalAddress } from './customers.ts';
import { staffUsers } from './staff.ts';
import {
  ORDER_STATUSES,
  type OrderStatus,
  INVOICE_STATUSES,
  type StoredInvoiceStatus,
} from '../../../contract/enums.ts';
export { ORDER_STATUSES, type OrderStatus, INVOICE_STATUSES, type StoredInvoiceStatus };

/**
 * Money is whole cents (integer); VAT rates are basis points (25.5 % = 2550), so that no sum is
 * ever a float.
 */

/** The municipality as the seller: one row, kept by the administrator. */
export const billingSettings = pgTable(
  'billing_settings',
  {
    id: integer('id').primaryKey().default(1),
    sellerName: text('seller_name').notNull(),
    sellerBusinessId: text('seller_business_id').notNull(),
    sellerAddress: jsonb('seller_address').$type<PostalAddress>().notNull(),
    /** The account payments go to (Finnish IBAN) and its bank's BIC. */
    iban: text('iban').notNull(),
    bic: text('bic').notNull(),
    /** The seller's own e-invoice address (OVT) and intermediator, for Finvoice messages. */
    eInvoiceAddress: text('e_invoice_address'),
    eInvoiceIntermediator: text('e_invoice_intermediator'),
    paymentTermDays: integer('payment_term_days').notNull().default(14),
    /** Which reference the invoices print and the barcode carries: national (7-3-1) or RF. */
    referenceFormat: text('reference_format')
      .$type<'national' | 'rf'>()
      .notNull()
      .default('national'),
    /** Accounting records are kept this many years after the end of their financial year. */
    accountingRetentionYears: integer('accounting_retention_years').notNull().default(6),
    /** Social-services client records are kept this many years after the client relationship ends. */
    socialRecordsRetentionYears: integer('social_records_retention_years').notNull().default(12),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id),
  },
  (t) => [check('billing_settings_single_row', sql`${t.id} = 1`)],
);

/** The services the municipality sells. */
export const services = pgTable('service', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  /** The unit of quantity, e.g. "kpl", "h", "kk". */
  unit: text('unit').notNull(),
  unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
  vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An order of a person or an organisation (exactly one of the two). */
export const orders = pgTable(
  'customer_order',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: bigint('number', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    personId: uuid('person_id').references(() => persons.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    status: text('status').$type<OrderStatus>().notNull().default('draft'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    /** Finished (delivered and invoiced, or cancelled) and archived: read-only from then on. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** The last day the archived order must be kept (the accounting retention period). */
    retainUntil: date('retain_until', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('customer_order_number_key').on(t.number),
    index('customer_order_person_idx').on(t.personId, t.createdAt),
    index('customer_order_organization_idx').on(t.organizationId, t.createdAt),
    index('customer_order_status_idx').on(t.status, t.deliveredOn),
    check(
      'customer_order_one_customer',
      sql`(${t.personId} is null) <> (${t.organizationId} is null)`,
    ),
    check(
      'customer_order_status_check',
      sql`${t.status} in ('draft', 'confirmed', 'delivered', 'cancelled')`,
    ),
  ],
);

export const orderLines = pgTable(
  'order_line',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    /** The service's name in the customer's language when ordered, or a text of its own. */
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'string' }).notNull(),
    unit: text('unit').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
  },
  (t) => [uniqueIndex('order_line_position_key').on(t.orderId, t.position)],
);

/** The history of an order: who did what, when, and what changed. */
export const orderEvents = pgTable(
  'order_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').references(() => staffUsers.id),
    username: text('username'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
  },
  (t) => [index('order_event_order_idx').on(t.orderId, t.id)],
);

/** An invoice run: many delivered orders invoiced at once, their documents in one archive. */
export const invoiceRuns = pgTable('invoice_run', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  startedBy: uuid('started_by').references(() => staffUsers.id),
  invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
  invoiceCount: integer('invoice_count').notNull().default(0),
});

/** What the invoice says of its customer, as it was sent: an accounting record keeps it. */
export type InvoiceRecipient = {
  name: string;
  /** The business ID of an organisation. */
  businessId: string | null;
  address: PostalAddress | null;
  /** The address was protected (turvakielto) when the invoice was made: it is not printed. */
  addressProtected: boolean;
  language: 'fi' | 'sv' | 'en';
  eInvoiceAddress: string | null;
  eInvoiceIntermediator: string | null;
};

/** Invoice and credit-note numbers, one series; the reference is made from the number. */
export const invoiceNumbers = pgSequence('invoice_number_seq', { startWith: 1000 });

export const invoices = pgTable(
  'invoice',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: bigint('number', { mode: 'number' }).notNull(),
    kind: text('kind').$type<'invoice' | 'credit_note'>().notNull().default('invoice'),
    /** The invoice a credit note credits. */
    creditsInvoiceId: uuid('credits_invoice_id'),
    orderId: uuid('order_id').references(() => orders.id),
    personId: uuid('person_id').references(() => persons.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    runId: uuid('run_id').references(() => invoiceRuns.id),
    /** National reference (viitenumero) and its RF form, digits and letters only. */
    reference: text('reference').notNull(),
    rfReference: text('rf_reference').notNull(),
    invoiceDate: date('invoice_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status').$type<StoredInvoiceStatus>().notNull().default('open'),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    recipient: jsonb('recipient').$type<InvoiceRecipient>().notNull(),
    /** Paper (PDF) or e-invoice (Finvoice 3.0). */
    delivery: text('delivery').$type<'paper' | 'einvoice'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invoice_number_key').on(t.number),
    uniqueIndex('invoice_reference_key').on(t.reference),
    uniqueIndex('invoice_rf_reference_key').on(t.rfReference),
    index('invoice_person_idx').on(t.personId, t.invoiceDate),
    index('invoice_organization_idx').on(t.organizationId, t.invoiceDate),
    index('invoice_status_due_idx').on(t.status, t.dueDate),
    index('invoice_order_idx').on(t.orderId),
    index('invoice_run_idx').on(t.runId),
    check(
      'invoice_status_check',
      sql`${t.status} in ('open', 'paid', 'in_collection', 'credited')`,
    ),
  ],
);

export const invoiceLines = pgTable(
  'invoice_line',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 3, mode: 'string' }).notNull(),
    unit: text('unit').notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull(),
    netCents: bigint('net_cents', { mode: 'number' }).notNull(),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('invoice_line_position_key').on(t.invoiceId, t.position)],
);

/** A payment, matched to its invoice by the reference it came with. */
export const payments = pgTable(
  'payment',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    reference: text('reference').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => staffUsers.id),
  },
  (t) => [index('payment_invoice_idx').on(t.invoiceId)],
);
