import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, persons } from './customers.ts';
import { objections } from './objections.ts';
import { staffUsers } from './staff.ts';
import {
  DVV_PROHIBITION_KINDS,
  DVV_RECORD_OUTCOMES,
  DVV_SYNC_STATUSES,
  DVV_SYNC_TRIGGERS,
  type DvvProhibitionKind,
  type DvvRecordOutcome,
  type DvvSyncStatus,
  type DvvSyncTrigger,
} from '../../../contract/population-register/population-register.constants.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Where the register follows DVV's change log (decision 0026): the position up to which every
 * change has been applied. One row; written only in the transaction that finishes a sync run.
 */
export const dvvSyncPosition = pgTable(
  'dvv_sync_position',
  {
    id: smallint('id').primaryKey().default(1),
    position: bigint('position', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    runId: uuid('run_id'),
  },
  (t) => [check('dvv_sync_position_one_row', sql`${t.id} = 1`)],
);

/**
 * One sync run. Its progress (the batch of persons it is on and the position within it) is
 * written in the transaction that applies each page of changes, so a run killed between two
 * pages is resumed where it stopped: nothing lost, nothing applied twice.
 */
export const dvvSyncRuns = pgTable(
  'dvv_sync_run',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    trigger: text('trigger').$type<DvvSyncTrigger>().notNull(),
    startedBy: uuid('started_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').$type<DvvSyncStatus>().notNull(),
    /** The change-log position the run follows every person from. */
    startPosition: bigint('start_position', { mode: 'number' }).notNull(),
    /** The furthest position DVV answered in this run; the stored position when it finishes. */
    reachedPosition: bigint('reached_position', { mode: 'number' }).notNull(),
    /** The last person (by id) of the batches done. */
    personCursor: uuid('person_cursor'),
    /** The persons of the batch under way; null between batches. */
    batchPersonIds: uuid('batch_person_ids').array(),
    /** The position within the batch under way; null: the batch starts at startPosition. */
    batchPosition: bigint('batch_position', { mode: 'number' }),
    pages: integer('pages').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    /** Why the run stopped, when it failed (no personal data: DVV's status, a timeout…). */
    error: text('error'),
  },
  (t) => [
    uniqueIndex('dvv_sync_run_one_running')
      .on(t.status)
      .where(sql`${t.status} = 'running'`),
    check('dvv_sync_run_status_check', sql`${t.status} in (${inList(DVV_SYNC_STATUSES)})`),
    check('dvv_sync_run_trigger_check', sql`${t.trigger} in (${inList(DVV_SYNC_TRIGGERS)})`),
  ],
);

/**
 * The report of a run: one row per change record DVV sent, with what the register did. Never
 * the identity code or a value: the person (set null when they are erased), the kinds of the
 * record's groups, the fields it changed and notes (codes).
 */
export const dvvSyncRecords = pgTable(
  'dvv_sync_record',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => dvvSyncRuns.id, { onDelete: 'cascade' }),
    page: integer('page').notNull(),
    seq: integer('seq').notNull(),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    /** DVV's time of the change (muutospv), when the record gave one. */
    changedAt: timestamp('changed_at', { withTimezone: true }),
    outcome: text('outcome').$type<DvvRecordOutcome>().notNull(),
    kinds: text('kinds').array().notNull(),
    fields: text('fields').array().notNull(),
    notes: text('notes').array().notNull(),
    /**
     * HMAC of the record as DVV sent it (the blind-index key): a record seen again — the same
     * position run twice — is recognised and changes nothing. Null for an unparsable record.
     */
    fingerprint: bytea('fingerprint'),
  },
  (t) => [
    index('dvv_sync_record_run_idx').on(t.runId, t.id),
    index('dvv_sync_record_fingerprint_idx').on(t.fingerprint),
    index('dvv_sync_record_person_idx').on(t.personId),
    check('dvv_sync_record_outcome_check', sql`${t.outcome} in (${inList(DVV_RECORD_OUTCOMES)})`),
  ],
);

/**
 * DVV's prohibitions on a person (direct marketing, disclosing contact details, customer-register
 * updates), active until DVV lifts them. Never deleted: lifting keeps the row with its date. The
 * ones the usage rule knows also stand as objections with the source `population_register`.
 */
export const dvvProhibitions = pgTable(
  'dvv_prohibition',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<DvvProhibitionKind>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    runId: uuid('run_id').references(() => dvvSyncRuns.id, { onDelete: 'set null' }),
    objectionId: uuid('objection_id').references(() => objections.id, { onDelete: 'set null' }),
    liftedOn: date('lifted_on', { mode: 'string' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('dvv_prohibition_active_key')
      .on(t.personId, t.kind)
      .where(sql`${t.liftedOn} is null`),
    check('dvv_prohibition_kind_check', sql`${t.kind} in (${inList(DVV_PROHIBITION_KINDS)})`),
  ],
);
