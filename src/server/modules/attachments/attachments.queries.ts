import { asc, and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { requestAttachments } from '../../db/schema/index.ts';

export type StoredAttachment = typeof requestAttachments.$inferSelect;

export async function insertAttachment(
  db: Db,
  values: typeof requestAttachments.$inferInsert,
): Promise<StoredAttachment> {
  const [row] = await db.insert(requestAttachments).values(values).returning();
  if (!row) throw new Error('The attachment was not stored');
  return row;
}

/** The requests' attachments without their bytes, oldest first. */
export async function listAttachments(db: Db, requestIds: string | readonly string[]) {
  const ids = typeof requestIds === 'string' ? [requestIds] : [...requestIds];
  if (ids.length === 0) return [];
  return db
    .select({
      id: requestAttachments.id,
      requestId: requestAttachments.requestId,
      fileNameEncrypted: requestAttachments.fileNameEncrypted,
      contentType: requestAttachments.contentType,
      sizeBytes: requestAttachments.sizeBytes,
      createdAt: requestAttachments.createdAt,
      createdByUsername: requestAttachments.createdByUsername,
    })
    .from(requestAttachments)
    .where(inArray(requestAttachments.requestId, ids))
    .orderBy(asc(requestAttachments.createdAt), asc(requestAttachments.id));
}

export async function findAttachment(
  db: Db,
  requestId: string,
  id: string,
): Promise<StoredAttachment | undefined> {
  const [row] = await db
    .select()
    .from(requestAttachments)
    .where(and(eq(requestAttachments.id, id), eq(requestAttachments.requestId, requestId)));
  return row;
}
