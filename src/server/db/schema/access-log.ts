import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea } from './customers.ts';

/**
 * Every read and change of personal data (Information Management Act 906/2019, 17 §). Append-only:
 * rows are inserted with an HMAC of their content and never updated or deleted; the sealer
 * chains them afterwards (access_log_chain), so writers never wait on each other.
 */
export const accessLog = pgTable(
  'access_log',
  {
    position: bigint('position', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: uuid('entry_id').notNull().unique(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id'),
    username: text('username'),
    role: text('role'),
    /** A contractor's partner organisation. */
    partnerId: uuid('partner_id'),
    action: text('action').notNull(),
    subjectIds: uuid('subject_ids').array().notNull(),
    fields: text('fields').array().notNull(),
    /** For a change: field → {old, new} for ordinary fields, "changed" for encrypted ones. */
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    purpose: text('purpose'),
    clientAddress: text('client_address'),
    requestId: text('request_id'),
    /** Set on entries an officer must review, e.g. 'breakGlass' (access without a relationship). */
    flag: text('flag'),
    /** HMAC-SHA-256 of the entry's content under the audit key. */
    entryMac: bytea('entry_mac').notNull(),
  },
  (t) => [
    index('access_log_subject_ids_idx').using('gin', t.subjectIds),
    index('access_log_user_idx').on(t.userId, t.occurredAt),
    index('access_log_occurred_idx').on(t.occurredAt),
  ],
);

/** The hash chain over the log, in position order, written by the sealer. Append-only too. */
export const accessLogChain = pgTable('access_log_chain', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  /** HMAC(previous link ‖ position ‖ entry MAC) */
  link: bytea('link').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

/**
 * The key check value: a MAC of a fixed label under the audit key, written once, so that a check
 * under another key says "wrong key" instead of calling every entry tampered (decision 0007).
 * One row; append-only like the log.
 */
export const accessLogKeyCheck = pgTable(
  'access_log_key_check',
  {
    id: smallint('id').primaryKey().default(1),
    mac: bytea('mac').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [check('access_log_key_check_one_row', sql`${t.id} = 1`)],
);
