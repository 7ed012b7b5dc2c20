import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { persons } from './customers.ts';
import { dataSubjectRequests } from './requests.ts';
import { partners, staffUsers } from './staff.ts';
import {
  SOURCED_PERSON_FIELDS,
  VALUE_SOURCE_KINDS,
  type SourcedPersonField,
  type ValueSourceKind,
} from '../../../contract/persons/value-sources.constants.ts';

export { SOURCED_PERSON_FIELDS, VALUE_SOURCE_KINDS, type SourcedPersonField, type ValueSourceKind };

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * One arrival of a person's field from one source. `current` is true while the field still holds
 * the value that source gave: a later different value supersedes every current row of the field,
 * the same value confirmed by another source adds a row beside them.
 */
export const valueSources = pgTable(
  'value_source',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    field: text('field').$type<SourcedPersonField>().notNull(),
    kind: text('kind').$type<ValueSourceKind>().notNull(),
    partnerId: uuid('partner_id').references(() => partners.id),
    requestId: uuid('request_id').references(() => dataSubjectRequests.id, {
      onDelete: 'set null',
    }),
    /** E.g. the update file's name, or the letter the person sent. */
    reference: text('reference'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => staffUsers.id),
    current: boolean('current').notNull().default(true),
    /** When a different value replaced the one this source gave. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('value_source_person_field_idx').on(t.personId, t.field, t.id),
    index('value_source_request_idx')
      .on(t.requestId)
      .where(sql`${t.requestId} is not null`),
    check('value_source_kind_check', sql`${t.kind} in (${inList(VALUE_SOURCE_KINDS)})`),
    check('value_source_field_check', sql`${t.field} in (${inList(SOURCED_PERSON_FIELDS)})`),
    check(
      'value_source_partner_check',
      sql`(${t.kind} = 'partner') = (${t.partnerId} is not null)`,
    ),
  ],
);
