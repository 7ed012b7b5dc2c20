import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons } from './customers.ts';
import { dataSubjectRequests } from './requests.ts';
import { staffUsers } from './staff.ts';

/**
 * The uses a registered person may forbid (privacy statement; requirements §3 and §9): direct
 * marketing, distance selling, market and opinion research, publication in lists (mailing labels,
 * published lists) and targeting. The rule that applies them: modules/objections/usage-rule.ts.
 */
export const OBJECTION_TYPES = [
  'direct_marketing',
  'distance_selling',
  'market_research',
  'published_list',
  'targeting',
] as const;
export type ObjectionType = (typeof OBJECTION_TYPES)[number];

/**
 * Where the objection came from: a data subject's request (named by `request_id`), the person
 * through customer service, by email or through the register officer (the register's contact
 * person), or a prohibition recorded in the population register (DVV).
 */
export const OBJECTION_SOURCES = [
  'request',
  'customer_service',
  'email',
  'register_officer',
  'population_register',
] as const;
export type ObjectionSource = (typeof OBJECTION_SOURCES)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A person's objection to a use of their data. Never deleted: a withdrawal keeps the row with its
 * date, so the register can always say what was forbidden when. One active objection per use.
 */
export const objections = pgTable(
  'objection',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    type: text('type').$type<ObjectionType>().notNull(),
    /** The day the person objected (or DVV recorded the prohibition). */
    objectedOn: date('objected_on', { mode: 'string' }).notNull(),
    source: text('source').$type<ObjectionSource>().notNull(),
    /** The data subject's request it was recorded on; only with the source `request`. */
    requestId: uuid('request_id').references(() => dataSubjectRequests.id, {
      onDelete: 'set null',
    }),
    /** E.g. which DVV prohibition, or the email's date and subject. */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    withdrawalNote: text('withdrawal_note'),
  },
  (t) => [
    uniqueIndex('objection_active_key')
      .on(t.personId, t.type)
      .where(sql`${t.withdrawnOn} is null`),
    index('objection_person_idx').on(t.personId, t.objectedOn),
    index('objection_request_idx').on(t.requestId),
    check('objection_type_check', sql`${t.type} in (${inList(OBJECTION_TYPES)})`),
    check('objection_source_check', sql`${t.source} in (${inList(OBJECTION_SOURCES)})`),
    check('objection_request_source_check', sql`${t.requestId} is null or ${t.source} = 'request'`),
    check(
      'objection_withdrawal_check',
      sql`(${t.withdrawnOn} is null) = (${t.withdrawnAt} is null)`,
    ),
  ],
);
