import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './customers.ts';
import { dataSubjectRequests } from './requests.ts';
import { staffUsers } from './staff.ts';
import { ATTACHMENT_TYPES, type AttachmentType } from '../../../contract/enums.ts';
export { ATTACHMENT_TYPES, type AttachmentType };

/**
 * An attachment of a data subject's request (the scanned letter). The bytes and the file name are
 * encrypted under the person's data key (decision 0011): destroying the key at erasure destroys
 * them, in every backup too. The type and size are kept in plain: they say nothing of the person.
 */
export const requestAttachments = pgTable(
  'request_attachment',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    requestId: uuid('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    fileNameEncrypted: bytea('file_name_encrypted').notNull(),
    contentType: text('content_type').$type<AttachmentType>().notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    contentEncrypted: bytea('content_encrypted').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdByUsername: text('created_by_username'),
  },
  (t) => [index('request_attachment_request_idx').on(t.requestId, t.createdAt)],
);
