import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { staffUsers } from '../../db/schema/index.ts';

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
