import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './customers.ts';
import { partners, staffUsers } from './staff.ts';

export const LEGAL_BASES = [
  'credit_decision',
  'debt_collection',
  'billing',
  'value_added_service',
  'legal_obligation',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/**
 * Why a field of the file was not sent for a subject: their address is protected (turvakielto),
 * or the field does not apply to them (a person has no business ID).
 */
export type OmissionReason = 'protectedAddress' | 'notApplicable';
/** Subject id → field → why it was left out; subjects sent every field are not listed. */
export type OmittedFields = Record<string, Record<string, OmissionReason>>;

/**
 * A disclosure of personal data to a partner, as staff made it: to whom, on what legal basis,
 * whose data and which fields, by whom and when, and the file that was sent (its name, format and
 * SHA-256; the file itself is not kept, as the recipient now holds it).
 */
export const disclosures = pgTable(
  'disclosure',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    legalBasis: text('legal_basis').$type<LegalBasis>().notNull(),
    /** The persons and organisations whose data was disclosed. */
    subjectIds: uuid('subject_ids').array().notNull(),
    /** The fields sent, as named in the file. */
    fields: text('fields').array().notNull(),
    /** Per subject, the fields of the file not sent for them, and why. */
    omittedFields: jsonb('omitted_fields')
      .$type<OmittedFields>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Invoices sent to collection with it. */
    invoiceIds: uuid('invoice_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    purpose: text('purpose'),
    disclosedAt: timestamp('disclosed_at', { withTimezone: true }).notNull(),
    disclosedBy: uuid('disclosed_by').references(() => staffUsers.id),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format').$type<'csv' | 'json'>().notNull(),
    fileSha256: bytea('file_sha256').notNull(),
    recordCount: integer('record_count').notNull(),
    /** A protected address was included (legal obligation): the officer reviews it. */
    flagged: boolean('flagged').notNull().default(false),
    /** Outside the EU/EEA: the partner's transfer safeguard the disclosure was made under. */
    transferSafeguard: text('transfer_safeguard'),
  },
  (t) => [
    index('disclosure_subject_ids_idx').using('gin', t.subjectIds),
    index('disclosure_partner_idx').on(t.partnerId, t.disclosedAt),
    index('disclosure_disclosed_at_idx').on(t.disclosedAt, t.id),
  ],
);
