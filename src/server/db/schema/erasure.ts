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
import { persons } from './customers.ts';
import { dataSubjectRequests } from './requests.ts';
import { staffUsers } from './staff.ts';
import { ERASURE_STATUSES, type ErasureStatus } from '../../../contract/enums.ts';
export { ERASURE_STATUSES, type ErasureStatus };

/**
 * A legal hold: the register officer stops a person's data from being erased, e.g. for a pending
 * lawsuit or an authority's request, from a day until a day (or until released).
 */
export const legalHolds = pgTable(
  'legal_hold',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    fromOn: date('from_on', { mode: 'string' }).notNull(),
    /** The last day of the hold; null until released. */
    untilOn: date('until_on', { mode: 'string' }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
  },
  (t) => [index('legal_hold_person_idx').on(t.personId, t.fromOn)],
);

/** A part of a person's data kept after a partial erasure, why, and until when. */
export type KeptPart = {
  part: 'accounting' | 'socialServices';
  /** The blocker rule that keeps it (erasure/blockers.ts). */
  rule: string;
  /** The last day it is kept. */
  until: string;
  /** Why, in Finnish, Swedish and English, as the rule gave it at the erasure. */
  reasons: { fi: string; sv: string; en: string };
};

/**
 * The record of an erasure. It names the erased person only by their former id — a random
 * reference that, once the person's row is gone, nothing in the register ties to a name — which
 * is all the access log keeps of them too. Restoring an older backup re-applies the erasures
 * recorded here (decision 0011). A partial erasure keeps parts until `finishOn`; the register
 * finishes it by itself on that day (decision 0019).
 */
export const personErasures = pgTable(
  'person_erasure',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** The erased person's former id: the pseudonymous reference the access log keeps. */
    subjectRef: uuid('subject_ref').notNull().unique(),
    requestId: uuid('request_id').references(() => dataSubjectRequests.id, {
      onDelete: 'set null',
    }),
    status: text('status').$type<ErasureStatus>().notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
    erasedBy: uuid('erased_by').references(() => staffUsers.id),
    /** What was erased, by category (erasure.service.ts ERASED_CATEGORIES). */
    erased: text('erased').array().notNull(),
    kept: jsonb('kept').$type<KeptPart[]>().notNull(),
    /** The day after the last kept part's period: the finisher erases the rest then. */
    finishOn: date('finish_on', { mode: 'string' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    keyDestroyedAt: timestamp('key_destroyed_at', { withTimezone: true }),
    /** Access-log entries written before values were sealed: their old values stay (0019). */
    unsealedLogEntries: integer('unsealed_log_entries').notNull().default(0),
  },
  (t) => [
    index('person_erasure_finish_idx')
      .on(t.finishOn)
      .where(sql`${t.status} = 'partial'`),
    check('person_erasure_status_check', sql`${t.status} in ('partial', 'complete')`),
    check(
      'person_erasure_finish_check',
      sql`(${t.status} = 'partial') = (${t.finishOn} is not null)`,
    ),
  ],
);
