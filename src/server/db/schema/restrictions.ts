import { sql } from 'drizzle-orm';
import {
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { persons } from './customers.ts';
import { dataSubjectRequests } from './requests.ts';
import { staffUsers } from './staff.ts';
import { RESTRICTION_GROUNDS, type RestrictionGround } from '../../../contract/enums.ts';
export { RESTRICTION_GROUNDS, type RestrictionGround };

/**
 * A restriction of processing (GDPR Art. 18, decision 0033), placed on a restriction request.
 * While it holds the person's data are only stored: the usage rule keeps them out of every use
 * Art. 18(2) does not allow, and the person service refuses every change but the rectification
 * named here. Never deleted: a lift keeps the row with its day, so the register can say when the
 * data were restricted.
 */
export const processingRestrictions = pgTable(
  'processing_restriction',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** The restriction request that placed it: erased with the person's other requests. */
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    /** Art. 18(1)'s grounds, one or more. */
    grounds: jsonb('grounds').$type<RestrictionGround[]>().notNull(),
    /**
     * The rectification request whose correction the restriction waits for (accuracy contested):
     * the one change of the person's data it lets through.
     */
    rectificationRequestId: uuid('rectification_request_id').references(
      () => dataSubjectRequests.id,
      { onDelete: 'set null' },
    ),
    placedOn: date('placed_on', { mode: 'string' }).notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    placedBy: uuid('placed_by').references(() => staffUsers.id),
    /** The day the restriction ends (today or later: the person is told before); null while it holds. */
    liftedOn: date('lifted_on', { mode: 'string' }),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => staffUsers.id),
    liftReason: text('lift_reason'),
  },
  (t) => [
    // One restriction per request; a person's restrictions by person.
    uniqueIndex('processing_restriction_request_key').on(t.requestId),
    index('processing_restriction_person_idx').on(t.personId),
  ],
);
