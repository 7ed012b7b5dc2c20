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
import {
  OBJECTION_TYPES,
  type ObjectionType,
  OBJECTION_SOURCES,
  type ObjectionSource,
} from '../../../contract/enums.ts';
export { OBJECTION_TYPES, type ObjectionType, OBJECTION_SOURCES, type ObjectionSource };

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
