import { and, eq, max, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { commitmentVersions, staffSessions, staffUsers } from '../../db/schema/index.ts';

export async function updateStaffUser(
  db: Db,
  userId: string,
  values: Partial<typeof staffUsers.$inferInsert>,
): Promise<void> {
  await db.update(staffUsers).set(values).where(eq(staffUsers.id, userId));
}

/** Ends the user's sessions, all of them or all but the one named. */
export async function deleteSessionsOf(db: Db, userId: string, except?: string): Promise<number> {
  const rows = await db
    .delete(staffSessions)
    .where(
      except === undefined
        ? eq(staffSessions.userId, userId)
        : and(eq(staffSessions.userId, userId), ne(staffSessions.tokenHash, except)),
    )
    .returning({ tokenHash: staffSessions.tokenHash });
  return rows.length;
}

/** The current (highest) version of the commitment text. */
export async function findCurrentCommitment(db: Db) {
  const [row] = await db
    .select({
      version: commitmentVersions.version,
      text: commitmentVersions.text,
      publishedAt: commitmentVersions.publishedAt,
    })
    .from(commitmentVersions)
    .where(
      eq(
        commitmentVersions.version,
        db.select({ v: max(commitmentVersions.version) }).from(commitmentVersions),
      ),
    );
  if (!row) throw new Error('No confidentiality commitment text: run the migrations');
  return row;
}
