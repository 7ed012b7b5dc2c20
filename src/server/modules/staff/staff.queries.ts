import { count, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  commitmentSignatures,
  commitmentVersions,
  partners,
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
