import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, persons } from './customers.ts';
import { personErasures } from './erasure.ts';
import { staffUsers } from './staff.ts';
import {
  CUSTOMER_RETENTION_YEARS,
  DECEASED_RETENTION_YEARS,
  RETENTION_BASES,
  RETENTION_OUTCOMES,
  RETENTION_TRIGGERS,
  type RetentionBasis,
  type RetentionOutcome,
  type RetentionTrigger,
} from '../../../contract/retention/retention.constants.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * How long a customer with no relationship left is kept (requirements §10 "Retention"), and
 * whether the server erases them by itself every day (decision 0034). One row, kept by the
 * administrator; without it the columns' defaults hold and nothing runs by itself.
 */
export const retentionSettings = pgTable(
  'retention_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** Years after the last relationship (order, invoice, request, notice, client, contact). */
    customerYears: integer('customer_years').notNull().default(CUSTOMER_RETENTION_YEARS.default),
    /** Years after a person's death (the day the population register gave). */
    deceasedYears: integer('deceased_years').notNull().default(DECEASED_RETENTION_YEARS.default),
    /** The server's daily run erases them; off until the administrator turns it on. */
    dailyRun: boolean('daily_run').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [check('retention_settings_single_row', sql`${t.id} = 1`)],
);

/** One run that erased the customers past retention: when, by what, under which periods. */
export const retentionRuns = pgTable(
  'retention_run',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: integer('number').generatedAlwaysAsIdentity().notNull().unique(),
    trigger: text('trigger').$type<RetentionTrigger>().notNull(),
    startedBy: uuid('started_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The day the periods were counted to (Helsinki). */
    today: date('today', { mode: 'string' }).notNull(),
    customerYears: integer('customer_years').notNull(),
    deceasedYears: integer('deceased_years').notNull(),
  },
  (t) => [
    index('retention_run_started_idx').on(t.startedAt),
    check('retention_run_trigger_check', sql`${t.trigger} in (${inList(RETENTION_TRIGGERS)})`),
  ],
);

/**
 * What a run did with one customer past retention. It names them only by their id — after an
 * erasure the pseudonymous reference the access log and the erasure record keep — never by name.
 */
export const retentionOutcomes = pgTable(
  'retention_outcome',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => retentionRuns.id, { onDelete: 'cascade' }),
    subjectRef: uuid('subject_ref').notNull(),
    basis: text('basis').$type<RetentionBasis>().notNull(),
    /** The day of the last relationship, or of death. */
    basisOn: date('basis_on', { mode: 'string' }).notNull(),
    /** The last day the customer was kept. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    outcome: text('outcome').$type<RetentionOutcome>().notNull(),
    /** The blocker rules that stopped the erasure or keep a part (erasure/blockers.ts codes). */
    blockers: text('blockers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    erasureId: uuid('erasure_id').references(() => personErasures.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('retention_outcome_run_idx').on(t.runId, t.id),
    check('retention_outcome_basis_check', sql`${t.basis} in (${inList(RETENTION_BASES)})`),
    check('retention_outcome_check', sql`${t.outcome} in (${inList(RETENTION_OUTCOMES)})`),
  ],
);

/**
 * A paper document kept about a customer (requirements §7, manual material): what it is, whose,
 * in which locked, fire-safe store, which staff may handle it (each with a signed confidentiality
 * commitment), the day it is to be destroyed, and its destruction. A destroyed document's record
 * stays as the proof of it; at the customer's erasure it loses its description and its link to
 * them (decision 0034).
 */
export const paperDocuments = pgTable(
  'paper_document',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id').references(() => persons.id),
    organizationId: uuid('organization_id').references(() => organizations.id),
    /** What the document is, e.g. "Signed application for home care, 3 pages". */
    description: text('description').notNull(),
    /** The locked, fire-safe store it is kept in. */
    location: text('location').notNull(),
    /** The staff who may handle it: each has signed the confidentiality commitment. */
    handlerIds: uuid('handler_ids').array().notNull(),
    destroyOn: date('destroy_on', { mode: 'string' }).notNull(),
    destroyedOn: date('destroyed_on', { mode: 'string' }),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
    destroyedBy: uuid('destroyed_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    /** How it was destroyed, e.g. "shredded, security class". */
    destructionNote: text('destruction_note'),
    /** The customer was erased: the record keeps only that a document was kept and destroyed. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('paper_document_person_idx').on(t.personId),
    index('paper_document_organization_idx').on(t.organizationId),
    index('paper_document_destroy_idx')
      .on(t.destroyOn)
      .where(sql`${t.destroyedAt} is null`),
    check(
      'paper_document_owner_check',
      sql`${t.erasedAt} is not null or ((${t.personId} is null) <> (${t.organizationId} is null))`,
    ),
    check(
      'paper_document_destroyed_check',
      sql`(${t.destroyedAt} is null) = (${t.destroyedOn} is null)`,
    ),
    check(
      'paper_document_erased_check',
      sql`${t.erasedAt} is null or (${t.destroyedAt} is not null and ${t.personId} is null)`,
    ),
  ],
);
