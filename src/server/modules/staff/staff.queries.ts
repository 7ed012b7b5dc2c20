import { and, asc, count, desc, eq, gte, isNull, max, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  commitmentSignatures,
  commitmentVersions,
  partners,
  staffSessions,
  staffUsers,
} from '../../db/schema/index.ts';

export type StaffUserRow = typeof staffUsers.$inferSelect;

export async function findStaffUserByUsername(
  db: Db,
  username: string,
): Promise<StaffUserRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.username, username));
  return row;
}

export async function findStaffUserById(db: Db, id: string): Promise<StaffUserRow | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, id));
  return row;
}

export async function countStaffUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffUsers);
  return row?.n ?? 0;
}

export async function insertStaffUser(
  db: Db,
  values: typeof staffUsers.$inferInsert,
): Promise<StaffUserRow> {
  const [row] = await db.insert(staffUsers).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function partnerExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, id));
  return row !== undefined;
}

/** The current (highest) version of the commitment text; the first migration adds version 1. */
export async function currentCommitmentVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ version: max(commitmentVersions.version) })
    .from(commitmentVersions);
  const version = row?.version ?? null;
  if (version === null) throw new Error('No confidentiality commitment text: run the migrations');
  return version;
}

export async function insertCommitmentSignature(
  db: Db,
  values: typeof commitmentSignatures.$inferInsert,
): Promise<void> {
  await db.insert(commitmentSignatures).values(values).onConflictDoNothing();
}

/** The current version's number, as SQL (the highest version is current). */
const currentVersionSql = sql<number>`(select max(${commitmentVersions.version}) from ${commitmentVersions})`;

/** An account that may sign in on `today` (YYYY-MM-DD, Helsinki): not deactivated, not expired. */
const activeOn = (today: string) =>
  and(
    isNull(staffUsers.deactivatedAt),
    or(isNull(staffUsers.expiresOn), gte(staffUsers.expiresOn, today)),
  );

/** An account as the administration screens show it: never the password hash or TOTP secret. */
const accountColumns = {
  id: staffUsers.id,
  username: staffUsers.username,
  fullName: staffUsers.fullName,
  role: staffUsers.role,
  partnerId: staffUsers.partnerId,
  partnerName: partners.name,
  expiresOn: staffUsers.expiresOn,
  deactivatedAt: staffUsers.deactivatedAt,
  totpEnabledAt: staffUsers.totpEnabledAt,
  mustChangePassword: staffUsers.mustChangePassword,
  passwordChangedAt: staffUsers.passwordChangedAt,
  createdAt: staffUsers.createdAt,
  currentMethod: commitmentSignatures.method,
  currentSignedAt: commitmentSignatures.signedAt,
  currentPaperSignedOn: commitmentSignatures.paperSignedOn,
};

function selectAccounts(db: Db) {
  return db
    .select(accountColumns)
    .from(staffUsers)
    .leftJoin(partners, eq(partners.id, staffUsers.partnerId))
    .leftJoin(
      commitmentSignatures,
      and(
        eq(commitmentSignatures.userId, staffUsers.id),
        eq(commitmentSignatures.version, currentVersionSql),
      ),
    );
}

/** Every account, by username; the staff of a municipality is hundreds, not millions. */
export async function listAccounts(db: Db) {
  return selectAccounts(db).orderBy(asc(staffUsers.username));
}
export type AccountRow = Awaited<ReturnType<typeof listAccounts>>[number];

export async function findAccount(db: Db, id: string): Promise<AccountRow | undefined> {
  const [row] = await selectAccounts(db).where(eq(staffUsers.id, id));
  return row;
}

/** A user's signatures of the commitment, newest version first, with who recorded a paper. */
export async function findSignatures(db: Db, userId: string) {
  const recorder = alias(staffUsers, 'recorder');
  return db
    .select({
      version: commitmentSignatures.version,
      method: commitmentSignatures.method,
      signedAt: commitmentSignatures.signedAt,
      paperSignedOn: commitmentSignatures.paperSignedOn,
      paperKeptAt: commitmentSignatures.paperKeptAt,
      recordedById: recorder.id,
      recordedByUsername: recorder.username,
      recordedByFullName: recorder.fullName,
    })
    .from(commitmentSignatures)
    .leftJoin(recorder, eq(recorder.id, commitmentSignatures.recordedBy))
    .where(eq(commitmentSignatures.userId, userId))
    .orderBy(desc(commitmentSignatures.version));
}

export async function updateStaffUserRow(
  db: Db,
  id: string,
  values: Partial<typeof staffUsers.$inferInsert>,
): Promise<void> {
  await db.update(staffUsers).set(values).where(eq(staffUsers.id, id));
}

/** Ends every session of the user: the next request asks them to sign in again. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<number> {
  const rows = await db
    .delete(staffSessions)
    .where(eq(staffSessions.userId, userId))
    .returning({ tokenHash: staffSessions.tokenHash });
  return rows.length;
}

/**
 * The active administrators, locked until the transaction ends: of two administrators taking
 * away each other's role at once, the second waits and then sees the first one's change.
 */
export async function lockActiveAdmins(db: Db, today: string): Promise<string[]> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), activeOn(today)))
    .for('update');
  return rows.map((row) => row.id);
}

export async function listPartnerOptions(db: Db) {
  return db
    .select({ id: partners.id, name: partners.name, businessId: partners.businessId })
    .from(partners)
    .orderBy(asc(partners.name));
}

export async function findCurrentCommitment(db: Db) {
  const [row] = await db
    .select({
      version: commitmentVersions.version,
      text: commitmentVersions.text,
      publishedAt: commitmentVersions.publishedAt,
      publishedBy: commitmentVersions.publishedBy,
    })
    .from(commitmentVersions)
    .orderBy(desc(commitmentVersions.version))
    .limit(1);
  if (!row) throw new Error('No confidentiality commitment text: run the migrations');
  return row;
}

/** Every version, newest first, with how many active accounts have signed it. */
export async function listCommitmentVersions(db: Db, today: string) {
  const publisher = alias(staffUsers, 'publisher');
  const signedByActive = sql<number>`(select count(*) from ${commitmentSignatures} join ${staffUsers} on ${staffUsers.id} = ${commitmentSignatures.userId} where ${commitmentSignatures.version} = ${commitmentVersions.version} and ${activeOn(today)})`;
  return db
    .select({
      version: commitmentVersions.version,
      publishedAt: commitmentVersions.publishedAt,
      publishedById: publisher.id,
      publishedByUsername: publisher.username,
      publishedByFullName: publisher.fullName,
      activeUsersSigned: signedByActive.mapWith(Number),
    })
    .from(commitmentVersions)
    .leftJoin(publisher, eq(publisher.id, commitmentVersions.publishedBy))
    .orderBy(desc(commitmentVersions.version));
}

export async function countActiveAccounts(db: Db, today: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffUsers).where(activeOn(today));
  return row?.n ?? 0;
}

export async function insertCommitmentVersion(
  db: Db,
  values: typeof commitmentVersions.$inferInsert,
): Promise<void> {
  await db.insert(commitmentVersions).values(values);
}

/** Inserts a signature; false when the user had already signed that version. */
export async function insertPaperSignature(
  db: Db,
  values: typeof commitmentSignatures.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(commitmentSignatures)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: commitmentSignatures.id });
  return rows.length === 1;
}
