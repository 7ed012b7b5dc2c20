import { sql } from 'drizzle-orm';
import {
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
import type { PostalAddress } from './customers.ts';
import { staffUsers } from './staff.ts';
import type {
  AccessibilitySettings,
  EditableSection,
  LocalisedText,
  StatementLanguage,
} from '../../../contract/privacy-statement/privacy-statement.schemas.ts';

export type StatementController = {
  name: string;
  businessId: string | null;
  address: PostalAddress;
  email: string;
  phone: string | null;
};

export type StatementContactPerson = {
  name: string;
  title: string | null;
  address: PostalAddress | null;
  phone: string | null;
  email: string;
};

/** The privacy statement's own settings: one row, kept by the administrator. */
export const privacyStatementSettings = pgTable(
  'privacy_statement_settings',
  {
    id: integer('id').primaryKey().default(1),
    controller: jsonb('controller').$type<StatementController>().notNull(),
    contactPerson: jsonb('contact_person').$type<StatementContactPerson>().notNull(),
    registerName: jsonb('register_name').$type<{ fi: string; sv: string; en: string }>().notNull(),
    drawnUpOn: date('drawn_up_on', { mode: 'string' }).notNull(),
    texts: jsonb('texts').$type<Record<EditableSection, LocalisedText>>().notNull(),
    accessibility: jsonb('accessibility').$type<AccessibilitySettings>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [check('privacy_statement_settings_single_row', sql`${t.id} = 1`)],
);

/**
 * The content the public statement has now, by a hash of its text in every language, and the day
 * it first had it: the statement's "last changed" is that day, whatever changed the content (a
 * setting, a partner, a retention period, the register's own words in a new release). One row.
 */
export const privacyStatementPublished = pgTable(
  'privacy_statement_published',
  {
    id: integer('id').primaryKey().default(1),
    contentHash: text('content_hash').notNull(),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('privacy_statement_published_single_row', sql`${t.id} = 1`)],
);

/**
 * Feedback on the service's accessibility (Act 306/2019, 15 §), from anyone; the administrator
 * reads it and marks it handled. `clientKey` is a keyed hash of the sender's address, kept only to
 * limit how much one address can send.
 */
export const accessibilityFeedback = pgTable(
  'accessibility_feedback',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    message: text('message').notNull(),
    email: text('email'),
    name: text('name'),
    page: text('page'),
    language: text('language').$type<StatementLanguage>().notNull(),
    clientKey: bytea('client_key').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: uuid('handled_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('accessibility_feedback_received_idx').on(t.receivedAt, t.id),
    index('accessibility_feedback_client_idx').on(t.clientKey, t.receivedAt),
  ],
);
