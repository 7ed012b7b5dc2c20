import { and, asc, desc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  dataSubjectRequestEvents,
  dataSubjectRequestNotes,
  dataSubjectRequests,
  persons,
  staffUsers,
} from '../../db/schema/index.ts';

export type StoredRequest = typeof dataSubjectRequests.$inferSelect;
export type RequestInsert = typeof dataSubjectRequests.$inferInsert;

export async function insertRequest(db: Db, values: RequestInsert): Promise<StoredRequest> {
  const [row] = await db.insert(dataSubjectRequests).values(values).returning();
  if (!row) throw new Error('The request was not stored');
  return row;
}

/** `forUpdate` locks the row to the end of the transaction: changes of one request queue. */
export async function findRequest(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredRequest | undefined> {
  const query = db.select().from(dataSubjectRequests).where(eq(dataSubjectRequests.id, id));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

export async function updateRequestRow(
  db: Db,
  id: string,
  values: Partial<RequestInsert>,
): Promise<StoredRequest> {
  const [row] = await db
    .update(dataSubjectRequests)
    .set(values)
    .where(eq(dataSubjectRequests.id, id))
    .returning();
  if (!row) throw new Error(`Request ${id} vanished during its change`);
  return row;
}

export async function insertRequestEvent(
  db: Db,
  values: typeof dataSubjectRequestEvents.$inferInsert,
): Promise<void> {
  await db.insert(dataSubjectRequestEvents).values(values);
}

export async function insertRequestNote(
  db: Db,
  values: typeof dataSubjectRequestNotes.$inferInsert,
): Promise<void> {
  await db.insert(dataSubjectRequestNotes).values(values);
}

export async function listRequestEvents(db: Db, requestId: string) {
  return db
    .select()
    .from(dataSubjectRequestEvents)
    .where(eq(dataSubjectRequestEvents.requestId, requestId))
    .orderBy(asc(dataSubjectRequestEvents.id));
}

export async function listRequestNotes(db: Db, requestId: string) {
  return db
    .select()
    .from(dataSubjectRequestNotes)
    .where(eq(dataSubjectRequestNotes.requestId, requestId))
    .orderBy(asc(dataSubjectRequestNotes.id));
}

/**
 * A page of requests. Open ones (not answered) by due date, the earliest — so the overdue —
 * first; answered ones and "all" newest receipt first. Keyset: (dueOn | receivedOn, id).
 */
export async function listRequests(
  db: Db,
  options: {
    status: 'open' | 'answered' | 'all';
    assigneeId?: string;
    personId?: string;
    limit: number;
    after: [string, string] | null;
  },
): Promise<StoredRequest[]> {
  const t = dataSubjectRequests;
  const byDue = options.status === 'open';
  const key = byDue ? t.dueOn : t.receivedOn;
  const after = options.after
    ? byDue
      ? or(gt(key, options.after[0]), and(eq(key, options.after[0]), gt(t.id, options.after[1])))
      : sql`(${key}, ${t.id}) < (${options.after[0]}, ${options.after[1]})`
    : undefined;
  return db
    .select()
    .from(t)
    .where(
      and(
        options.status === 'open' ? ne(t.status, 'answered') : undefined,
        options.status === 'answered' ? eq(t.status, 'answered') : undefined,
        options.assigneeId ? eq(t.assigneeId, options.assigneeId) : undefined,
        options.personId ? eq(t.personId, options.personId) : undefined,
        after,
      ),
    )
    .orderBy(...(byDue ? [asc(key), asc(t.id)] : [desc(key), desc(t.id)]))
    .limit(options.limit);
}

export async function findPersonNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName })
    .from(persons)
    .where(inArray(persons.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
}

export async function findPersonForRequest(db: Db, id: string) {
  const [row] = await db
    .select({ id: persons.id, archivedAt: persons.archivedAt })
    .from(persons)
    .where(eq(persons.id, id));
  return row;
}

export type StaffName = { username: string; fullName: string | null };

/** Staff members' usernames and full names, by id. */
export async function findStaffNames(db: Db, ids: string[]): Promise<Map<string, StaffName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, { username: row.username, fullName: row.fullName }]));
}

export async function findStaffAccount(db: Db, id: string) {
  const [row] = await db
    .select({ role: staffUsers.role, deactivatedAt: staffUsers.deactivatedAt })
    .from(staffUsers)
    .where(eq(staffUsers.id, id));
  return row;
}
