import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PostalAddress } from './customers.ts';
import { staffUsers } from './staff.ts';
import type {
  EditableSection,
  LocalisedText,
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
