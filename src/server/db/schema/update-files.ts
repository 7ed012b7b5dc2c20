import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, persons } from './customers.ts';
import { partners, staffUsers } from './staff.ts';
import {
  UPDATE_FILE_OUTCOMES,
  UPDATE_FILE_REASONS,
  UPDATE_FILE_RUN_STATUSES,
  UPDATE_FILE_TRIGGERS,
  type UpdateFileOutcome,
  type UpdateFileReason,
  type UpdateFileRunStatus,
  type UpdateFileTrigger,
} from '../../../contract/update-files/update-files.constants.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * One reading of an update-service file (decision 0029): a dry run, or an apply. Its progress
 * (`rowsDone`, the file's lines read) moves in the transaction that applies each batch of rows,
 * so an apply killed half-way is continued by the next apply of the same file: nothing lost,
 * nothing applied twice.
 */
export const updateFileRuns = pgTable(
  'update_file_run',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'restrict' }),
    profile: text('profile').notNull(),
    fileName: text('file_name').notNull(),
    /** SHA-256 of the file's bytes: an apply of the same file continues its unfinished run. */
    fileHash: bytea('file_hash').notNull(),
    dryRun: boolean('dry_run').notNull(),
    trigger: text('trigger').$type<UpdateFileTrigger>().notNull(),
    startedBy: uuid('started_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').$type<UpdateFileRunStatus>().notNull(),
    /** The last line of the file whose row is in the report. */
    linesDone: integer('lines_done').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    /** Why the run stopped (the line, never a value), when it failed. */
    error: text('error'),
  },
  (t) => [
    index('update_file_run_hash_idx').on(t.fileHash),
    check(
      'update_file_run_status_check',
      sql`${t.status} in (${inList(UPDATE_FILE_RUN_STATUSES)})`,
    ),
    check('update_file_run_trigger_check', sql`${t.trigger} in (${inList(UPDATE_FILE_TRIGGERS)})`),
  ],
);

/**
 * The report of a run: one row per row of the file, with what was (or would be) done and why.
 * Never a value from the file: the line, the person (set null at erasure), the outcome, the
 * reason's code and the fields.
 */
export const updateFileRows = pgTable(
  'update_file_row',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => updateFileRuns.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    outcome: text('outcome').$type<UpdateFileOutcome>().notNull(),
    reason: text('reason').$type<UpdateFileReason>(),
    fields: text('fields').array().notNull(),
  },
  (t) => [
    uniqueIndex('update_file_row_line_key').on(t.runId, t.line),
    index('update_file_row_outcome_idx').on(t.runId, t.outcome, t.line),
    index('update_file_row_person_idx').on(t.personId),
    check('update_file_row_outcome_check', sql`${t.outcome} in (${inList(UPDATE_FILE_OUTCOMES)})`),
    check(
      'update_file_row_reason_check',
      sql`${t.reason} is null or ${t.reason} in (${inList(UPDATE_FILE_REASONS)})`,
    ),
  ],
);
