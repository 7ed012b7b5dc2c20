import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffSessions, staffUsers } from '../../db/schema/index.ts';

export async function insertSession(db: Db, values: typeof staffSessions.$inferInsert) {
  await db.insert(staffSessions).values(values);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({
      tokenHash: staffSessions.tokenHash,
      lastSeenAt: staffSessions.lastSeenAt,
      createdAt: staffSessions.createdAt,
      userId: staffUsers.id,
      username: staffUsers.username,
      role: staffUsers.role,
      commitmentSignedOn: staffUsers.commitmentSignedOn,
      deactivatedAt: staffUsers.deactivatedAt,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now)));
  return row;
}

export async function touchSession(db: Db, tokenHash: string, now: Date, expiresAt: Date) {
  await db
    .update(staffSessions)
    .set({ lastSeenAt: now, expiresAt })
    .where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Expired sessions are removed as sessions start, so the table stays small without a job. */
export async function deleteExpiredSessions(db: Db, now: Date, absoluteCutoff: Date) {
  await db
    .delete(staffSessions)
    .where(or(lt(staffSessions.expiresAt, now), lt(staffSessions.createdAt, absoluteCutoff)));
}
