import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import {
  LEGAL_BASES,
  type LegalBasis,
  DISCLOSURE_RECIPIENTS,
  type DisclosureRecipient,
  HANDOVER_CHANNELS,
  type HandoverChannel,
} from '../../../contract/enums.ts';
export {
  LEGAL_BASES,
  type LegalBasis,
  DISCLOSURE_RECIPIENTS,
  type DisclosureRecipient,
  HANDOVER_CHANNELS,
  type HandoverChannel,
};

/**
 * Why a field of the file was not sent for a subject: their address is protected (turvakielto),
 * or the field does not apply to them (a person has no business ID). A person the usage rule
 * (modules/objections/usage-rule.ts) keeps out of the disclosure's use has every field omitted,
 * for their objection, their protected address or their archived record (decision 0018).
 */
export type OmissionReason =
  | 'protectedAddress'
  | 'notApplicable'
  | 'objection'
  | 'archived'
  /** A restriction of processing held (decision 0033). */
  | 'restricted';
/** Subject id → field → why it was left out; subjects sent every field are not listed. */
export type OmittedFields = Record<string, Record<string, OmissionReason>>;

/**
 * A disclosure of personal data to a partner (or to the data subject themself), as staff made it: to whom, on what legal basis,
 * whose data and which fields, by whom and when, and the file that was sent (its name, format and
 * SHA-256; the file itself is not kept, as the recipient now holds it).
 */
export const disclosures = pgTable(
  'disclosure',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    recipient: text('recipient').$type<DisclosureRecipient>().notNull().default('partner'),
    /** The partner that received it; null when the data subject did. */
    partnerId: uuid('partner_id').references(() => partners.id),
    /** To the data subject: the day it was handed over, and how. */
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    channel: text('channel').$type<HandoverChannel>(),
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
    /** The use the data goes to (decision 0018): what the usage rule was asked about. */
    use: text('use'),
    disclosedAt: timestamp('disclosed_at', { withTimezone: true }).notNull(),
    disclosedBy: uuid('disclosed_by').references(() => staffUsers.id),
    fileName: text('file_name').notNull(),
    fileFormat: text('file_format').$type<'csv' | 'json' | 'pdf'>().notNull(),
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
    check(
      'disclosure_recipient_check',
      sql`(${t.recipient} = 'partner' and ${t.partnerId} is not null and ${t.channel} is null and ${t.handedOverOn} is null) or (${t.recipient} = 'data_subject' and ${t.partnerId} is null and ${t.channel} in ('letter', 'email', 'counter', 'e_service') and ${t.handedOverOn} is not null)`,
    ),
  ],
);
