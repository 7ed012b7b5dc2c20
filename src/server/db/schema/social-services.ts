import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, persons } from './customers.ts';
import { staffUsers } from './staff.ts';
import {
  SOCIAL_RECORD_KINDS,
  type SocialRecordKind,
  SOCIAL_REVIEW_KINDS,
  type SocialReviewKind,
} from '../../../contract/enums.ts';
export { SOCIAL_RECORD_KINDS, type SocialRecordKind, SOCIAL_REVIEW_KINDS, type SocialReviewKind };

/** The municipality's social-services units (a configurable list); social workers belong to them. */
export const socialUnits = pgTable('social_unit', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  code: text('code').notNull().unique(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const socialUnitMembers = pgTable(
  'social_unit_member',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => socialUnits.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.unitId, t.userId] }),
    index('social_unit_member_user_idx').on(t.userId),
  ],
);

/** The kinds of service need a worker chooses from (a configurable list). */
export const socialNeedTypes = pgTable('social_need_type', {
  code: text('code').primaryKey(),
  nameFi: text('name_fi').notNull(),
  nameSv: text('name_sv').notNull(),
  nameEn: text('name_en').notNull(),
  active: boolean('active').notNull().default(true),
});

/** A person is a client of a unit from a day, until a day; the responsible workers serve them. */
export const socialClients = pgTable(
  'social_client',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => socialUnits.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    responsibleWorkerIds: uuid('responsible_worker_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('social_client_person_idx').on(t.personId, t.unitId),
    index('social_client_unit_idx').on(t.unitId),
  ],
);

/**
 * One special-category datum of a client: its whole content (including its source) is one JSON
 * value encrypted under the person's data key, so destroying that key erases it everywhere.
 * Only who wrote it and when stay readable.
 */
export const socialRecords = pgTable(
  'social_record',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SocialRecordKind>().notNull(),
    /** The unit it was written under: its workers read it; others only by breaking the glass. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => socialUnits.id),
    /** AES-256-GCM under the person's data key, AAD "social_record:<kind>:<id>". */
    contentEncrypted: bytea('content_encrypted').notNull(),
    authorId: uuid('author_id').references(() => staffUsers.id),
    authorUsername: text('author_username').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('social_record_person_idx').on(t.personId, t.kind),
    check(
      'social_record_kind_check',
      sql`${t.kind} in ('health', 'serviceNeed', 'income', 'bankAccount')`,
    ),
  ],
);

/**
 * A family relation of a client to another person in the register, shown from both sides. The
 * kind of relation and its source are encrypted under the client's data key; that the two are
 * linked, and for which days, is not.
 */
export const socialFamilyRelations = pgTable(
  'social_family_relation',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    relatedPersonId: uuid('related_person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** The unit it was recorded under, as for a record (decision 0012). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => socialUnits.id),
    /** AES-256-GCM under the client's (person_id's) data key, AAD "social_family_relation:<id>". */
    contentEncrypted: bytea('content_encrypted').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    authorId: uuid('author_id').references(() => staffUsers.id),
    authorUsername: text('author_username').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('social_family_relation_person_idx').on(t.personId),
    index('social_family_relation_related_idx').on(t.relatedPersonId),
  ],
);

/**
 * The register officer's review list. Break-the-glass: a social worker opened data they have no
 * relationship for, stating why; it holds for a while. A relationship entry names the
 * relationship it is about. Each stays on the list until reviewed.
 */
export const socialBreakGlass = pgTable(
  'social_break_glass',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').$type<SocialReviewKind>().notNull().default('breakGlass'),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id),
    /** The worker's reason, for a grant. */
    reason: text('reason'),
    /** The relationship a relationship entry is about. */
    relationshipId: uuid('relationship_id').references(() => socialClients.id, {
      onDelete: 'cascade',
    }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    /** Until when a grant opens the data; none for a relationship entry. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => staffUsers.id),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('social_break_glass_grant_idx').on(t.userId, t.personId, t.expiresAt),
    index('social_break_glass_unreviewed_idx')
      .on(t.openedAt)
      .where(sql`${t.reviewedAt} is null`),
    check(
      'social_break_glass_kind_check',
      sql`${t.kind} in ('breakGlass', 'clientOfAnotherUnit', 'backdatedRelationship')`,
    ),
    check(
      'social_break_glass_shape_check',
      sql`case when ${t.kind} = 'breakGlass' then ${t.reason} is not null and ${t.expiresAt} is not null and ${t.relationshipId} is null else ${t.relationshipId} is not null and ${t.reason} is null and ${t.expiresAt} is null end`,
    ),
  ],
);
