import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { staffUsers } from './staff.ts';
import {
  REQUEST_TYPES,
  type RequestType,
  REQUEST_CHANNELS,
  type RequestChannel,
  REQUEST_LANGUAGES,
  type RequestLanguage,
  REQUEST_STATUSES,
  type RequestStatus,
  REQUEST_OUTCOMES,
  type RequestOutcome,
  IDENTITY_METHODS,
  type IdentityMethod,
} from '../../../contract/enums.ts';
export {
  REQUEST_TYPES,
  type RequestType,
  REQUEST_CHANNELS,
  type RequestChannel,
  REQUEST_LANGUAGES,
  type RequestLanguage,
  REQUEST_STATUSES,
  type RequestStatus,
  REQUEST_OUTCOMES,
  type RequestOutcome,
  IDENTITY_METHODS,
  type IdentityMethod,
};

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A data subject's request, from receipt to answer, with its deadline. */
export const dataSubjectRequests = pgTable(
  'data_subject_request',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: bigint('number', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    type: text('type').$type<RequestType>().notNull(),
    /**
     * The person, without a foreign key: an erasure request outlives its person, and then this is
     * the pseudonymous reference its erasure record names (decision 0019).
     */
    personId: uuid('person_id').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    channel: text('channel').$type<RequestChannel>().notNull(),
    language: text('language').$type<RequestLanguage>().notNull(),
    status: text('status').$type<RequestStatus>().notNull().default('received'),
    /** One calendar month from receipt, or three with an extension; never before a working day. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    identityMethod: text('identity_method').$type<IdentityMethod>(),
    identityVerifiedOn: date('identity_verified_on', { mode: 'string' }),
    identityVerifiedBy: uuid('identity_verified_by').references(() => staffUsers.id),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    extensionReason: text('extension_reason'),
    extensionToldOn: date('extension_told_on', { mode: 'string' }),
    outcome: text('outcome').$type<RequestOutcome>(),
    decisionReasons: text('decision_reasons'),
    decidedOn: date('decided_on', { mode: 'string' }),
    answeredOn: date('answered_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('data_subject_request_number_key').on(t.number),
    index('data_subject_request_open_idx')
      .on(t.dueOn, t.id)
      .where(sql`${t.status} <> 'answered'`),
    index('data_subject_request_person_idx').on(t.personId, t.receivedOn),
    check('data_subject_request_type_check', sql`${t.type} in (${inList(REQUEST_TYPES)})`),
    check('data_subject_request_channel_check', sql`${t.channel} in (${inList(REQUEST_CHANNELS)})`),
    check(
      'data_subject_request_language_check',
      sql`${t.language} in (${inList(REQUEST_LANGUAGES)})`,
    ),
    check('data_subject_request_status_check', sql`${t.status} in (${inList(REQUEST_STATUSES)})`),
    check(
      'data_subject_request_outcome_check',
      sql`${t.outcome} is null or ${t.outcome} in (${inList(REQUEST_OUTCOMES)})`,
    ),
    check(
      'data_subject_request_identity_check',
      sql`${t.identityMethod} is null or ${t.identityMethod} in (${inList(IDENTITY_METHODS)})`,
    ),
  ],
);

/** Internal notes on a request: the officer's working notes, never part of the answer. */
export const dataSubjectRequestNotes = pgTable(
  'data_subject_request_note',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').references(() => staffUsers.id),
    username: text('username'),
  },
  (t) => [index('data_subject_request_note_request_idx').on(t.requestId, t.id)],
);

/** The history of a request: who did what, when, and what changed. */
export const dataSubjectRequestEvents = pgTable(
  'data_subject_request_event',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').references(() => staffUsers.id),
    username: text('username'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
  },
  (t) => [index('data_subject_request_event_request_idx').on(t.requestId, t.id)],
);
