import { sql } from 'drizzle-orm';
import {
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
import { bytea } from './customers.ts';
import { dataSubjectRequests } from './requests.ts';
import { staffUsers } from './staff.ts';
import type { SourcedPersonField, ValueSourceKind } from './value-sources.ts';
import { RECTIFICATION_DECISIONS, type RectificationDecision } from '../../../contract/enums.ts';
export { RECTIFICATION_DECISIONS, type RectificationDecision };

/** A source the old value came from, as it stood when the correction was applied. */
export type CapturedSource = {
  kind: ValueSourceKind;
  partnerId: string | null;
  partnerName: string | null;
  reference: string | null;
  recordedAt: string;
};

/** A recipient the field was disclosed to, with the disclosures that sent it. */
export type CapturedRecipient = {
  partnerId: string;
  partnerName: string;
  disclosures: { id: string; disclosedAt: string; legalBasis: string; collection: boolean }[];
};

/**
 * One field of a rectification request: the value the person proposes (encrypted under their data
 * key, so that erasure shreds it), the grounds, the officer's decision, and — once applied — every
 * source the old value came from and every recipient it was disclosed to (GDPR Art. 19).
 */
export const rectificationItems = pgTable(
  'rectification_item',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    field: text('field').$type<SourcedPersonField>().notNull(),
    /** JSON of the proposed value under the person's data key; AAD names the item. */
    proposedValueEncrypted: bytea('proposed_value_encrypted').notNull(),
    grounds: text('grounds').notNull(),
    decision: text('decision').$type<RectificationDecision>(),
    refusalReason: text('refusal_reason'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedBy: uuid('decided_by').references(() => staffUsers.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: uuid('applied_by').references(() => staffUsers.id),
    sources: jsonb('sources').$type<CapturedSource[]>(),
    recipients: jsonb('recipients').$type<CapturedRecipient[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id),
  },
  (t) => [
    uniqueIndex('rectification_item_request_field_key').on(t.requestId, t.field),
    index('rectification_item_request_idx').on(t.requestId, t.createdAt),
    check(
      'rectification_item_decision_check',
      sql`${t.decision} is null or ${t.decision} in ('granted', 'refused')`,
    ),
    check(
      'rectification_item_refusal_check',
      sql`(${t.decision} = 'refused') = (${t.refusalReason} is not null)`,
    ),
    check(
      'rectification_item_applied_check',
      sql`${t.appliedAt} is null or (${t.decision} = 'granted' and ${t.sources} is not null and ${t.recipients} is not null)`,
    ),
  ],
);
