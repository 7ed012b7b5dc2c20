import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, organizations, persons } from './customers.ts';
import { staffUsers } from './staff.ts';
import {
  IMPORT_ROW_OUTCOMES,
  IMPORT_RUN_STATUSES,
  IMPORT_TARGETS,
  type ImportRowOutcome,
  type ImportRunStatus,
  type ImportTarget,
} from '../../../contract/move-in/move-in.constants.ts';
import type { ImportProfileBody } from '../../../contract/move-in/move-in.schemas.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A saved column mapping of an old register's export: the file's format, column → field. */
export const importProfiles = pgTable(
  'import_profile',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull().unique(),
    target: text('target').$type<ImportTarget>().notNull(),
    /** The format, the mapping and the defaults, as the contract's profile body. */
    body: jsonb('body').$type<ImportProfileBody>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [check('import_profile_target_check', sql`${t.target} in (${inList(IMPORT_TARGETS)})`)],
);

/**
 * One run of a file through a profile, dry or applied. `rowsDone` is the last row whose batch
 * committed: moved in the batch's own transaction, so a run killed at any moment is continued
 * from there by the next run of the same file — never half a batch, never a row twice.
 */
export const importRuns = pgTable(
  'import_run',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    profileId: uuid('profile_id').references(() => importProfiles.id, { onDelete: 'set null' }),
    profileName: text('profile_name').notNull(),
    /** The profile as the run used it (a later change of the profile does not alter the run). */
    profile: jsonb('profile').$type<ImportProfileBody>().notNull(),
    target: text('target').$type<ImportTarget>().notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status').$type<ImportRunStatus>().notNull(),
    startedBy: uuid('started_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The last row number of the batches committed. */
    rowsDone: integer('rows_done').notNull().default(0),
    /** How far the file has been read, in bytes, with the batches committed (progress). */
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    batches: integer('batches').notNull().default(0),
    /** Why the run stopped, when it failed (never a value from the file). */
    error: text('error'),
  },
  (t) => [
    uniqueIndex('import_run_one_running_per_file')
      .on(t.fileSha256, t.dryRun)
      .where(sql`${t.status} = 'running'`),
    index('import_run_file_idx').on(t.fileSha256),
    check('import_run_status_check', sql`${t.status} in (${inList(IMPORT_RUN_STATUSES)})`),
    check('import_run_target_check', sql`${t.target} in (${inList(IMPORT_TARGETS)})`),
  ],
);

/**
 * The report of a run: one row per row of the file that is not blank, with what the import did
 * and why. Never a value from the file: the errors name the field, the column and a code; the
 * keys that find duplicates among the file's own rows are blind indexes (HMAC), not values.
 */
export const importRows = pgTable(
  'import_row',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    outcome: text('outcome').$type<ImportRowOutcome>().notNull(),
    personId: uuid('person_id').references(() => persons.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id').references(() => organizations.id, {
      onDelete: 'set null',
    }),
    /** `[{ field, column, code, message }]`: every problem of the row. */
    errors: jsonb('errors').$type<ImportRowError[]>().notNull(),
    /** The duplicate: another row of the file, or a customer already in the register. */
    duplicateOfRow: integer('duplicate_of_row'),
    duplicateOfPerson: uuid('duplicate_of_person').references(() => persons.id, {
      onDelete: 'set null',
    }),
    duplicateOfOrganization: uuid('duplicate_of_organization').references(() => organizations.id, {
      onDelete: 'set null',
    }),
    identityIndex: bytea('identity_index'),
    businessIdIndex: bytea('business_id_index'),
    emailIndex: bytea('email_index'),
  },
  (t) => [
    uniqueIndex('import_row_run_row_key').on(t.runId, t.rowNumber),
    index('import_row_run_outcome_idx').on(t.runId, t.outcome, t.rowNumber),
    index('import_row_identity_idx').on(t.runId, t.identityIndex),
    index('import_row_business_id_idx').on(t.runId, t.businessIdIndex),
    index('import_row_email_idx').on(t.runId, t.emailIndex),
    index('import_row_person_idx').on(t.personId),
    check('import_row_outcome_check', sql`${t.outcome} in (${inList(IMPORT_ROW_OUTCOMES)})`),
  ],
);

export type ImportRowError = {
  field: string;
  column: string | null;
  code: string;
  message: string;
};
