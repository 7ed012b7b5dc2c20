import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  commitmentSignatures,
  commitmentVersions,
  signInAddressAttempts,
  signInFailures,
  staffSessions,
  staffUsers,
} from '../../db/schema/index.ts';

/** True when the user has signed the current (highest) version of the commitment text. */
const signedCurrentCommitment = (userId: typeof staffUsers.id) =>
  sql<boolean>`exists (select 1 from ${commitmentSignatures} where ${commitmentSignatures.userId} = ${userId} and ${commitmentSignatures.version} = (select max(${commitmentVersions.version}) from ${commitmentVersions}))`;

export async function hasSignedCurrentCommitment(db: Db, userId: string): Promise<boolean> {
  // Not signedCurrentCommitment(staffUsers.id): in a one-table query drizzle leaves the columns
  // unqualified, and "id" inside the subquery would be the signature's own id.
  const [row] = await db
    .select({ id: commitmentSignatures.id })
    .from(commitmentSignatures)
    .where(
      and(
        eq(commitmentSignatures.userId, userId),
        eq(
          commitmentSignatures.version,
          sql`(select max(${commitmentVersions.version}) from ${commitmentVersions})`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Marks a TOTP time step used, only if it is later than the last one: of two sign-ins racing
 * with the same code, one wins.
 */
export async function useTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(staffUsers.id, userId),
        or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step)),
      ),
    )
    .returning({ id: staffUsers.id });
  return rows.length === 1;
}

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
      fullName: staffUsers.fullName,
      role: staffUsers.role,
      partnerId: staffUsers.partnerId,
      mustChangePassword: staffUsers.mustChangePassword,
      totpEnabled: sql<boolean>`${staffUsers.totpEnabledAt} is not null`,
      commitmentSigned: signedCurrentCommitment(staffUsers.id),
      deactivatedAt: staffUsers.deactivatedAt,
      expiresOn: staffUsers.expiresOn,
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

/** Failed sign-ins under the keys since the time, oldest first. */
export async function findSignInFailures(db: Db, keys: string[], since: Date) {
  return db
    .select({ key: signInFailures.key, failedAt: signInFailures.failedAt })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), gt(signInFailures.failedAt, since)))
    .orderBy(asc(signInFailures.failedAt));
}

/**
 * Records one failure under each key, and forgets failures too old to matter any more: the
 * sweep rides on the failure path, so the table stays small without a job.
 */
export async function recordSignInFailure(db: Db, keys: string[], now: Date, forgetBefore: Date) {
  await db.insert(signInFailures).values(keys.map((key) => ({ key, failedAt: now })));
  await db.delete(signInFailures).where(lt(signInFailures.failedAt, forgetBefore));
}

export async function clearSignInFailures(db: Db, key: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}

/**
 * Admits one sign-in attempt of a client address, in one atomic statement: the row's lock orders
 * parallel attempts, and each gets its own number. A window that began `windowMs` ago or earlier
 * starts again with this attempt. Returns the attempt's number and when its window began.
 */
export async function admitAddressAttempt(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ attempts: number; windowStartedAt: Date }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const t = signInAddressAttempts;
  const [row] = await db
    .insert(t)
    .values({ key, windowStartedAt: now, attempts: 1 })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        windowStartedAt: sql`case when ${t.windowStartedAt} <= ${expired} then ${at} else ${t.windowStartedAt} end`,
        attempts: sql`case when ${t.windowStartedAt} <= ${expired} then 1 else ${t.attempts} + 1 end`,
      },
    })
    .returning({ attempts: t.attempts, windowStartedAt: t.windowStartedAt });
  if (!row) throw new Error('the attempt counter returned no row');
  return row;
}

/** Gives an admitted attempt back (it was no failure), unless its window has started again. */
export async function releaseAddressAttempt(db: Db, key: string, windowStartedAt: Date) {
  const t = signInAddressAttempts;
  await db
    .update(t)
    .set({ attempts: sql`${t.attempts} - 1` })
    .where(and(eq(t.key, key), eq(t.windowStartedAt, windowStartedAt), gt(t.attempts, 0)));
}

/** Forgets the counters of addresses whose window ended long enough ago to matter no more. */
export async function forgetAddressAttempts(db: Db, before: Date) {
  await db.delete(signInAddressAttempts).where(lt(signInAddressAttempts.windowStartedAt, before));
}
