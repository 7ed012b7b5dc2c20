import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accessLog, partners, persons, staffUsers } from '../../db/schema/index.ts';

/**
 * Entries newest first, after the keyset position, with the user's full name and the name of a
 * contractor's partner;
 * each filter uses an index.
 */
export async function findAccessLogEntries(
  db: Db,
  filter: {
    subjectId?: string | undefined;
    userId?: string | undefined;
    action?: string | undefined;
    flag?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    before?: number | undefined;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (filter.subjectId) conditions.push(arrayContains(accessLog.subjectIds, [filter.subjectId]));
  if (filter.userId) conditions.push(eq(accessLog.userId, filter.userId));
  if (filter.action) conditions.push(eq(accessLog.action, filter.action));
  if (filter.flag) conditions.push(eq(accessLog.flag, filter.flag));
  if (filter.from) conditions.push(gte(accessLog.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(accessLog.occurredAt, filter.to));
  if (filter.before !== undefined) conditions.push(lt(accessLog.position, filter.before));
  return db
    .select({ entry: accessLog, partnerName: partners.name, userFullName: staffUsers.fullName })
    .from(accessLog)
    .leftJoin(partners, eq(partners.id, accessLog.partnerId))
    .leftJoin(staffUsers, eq(staffUsers.id, accessLog.userId))
    .where(and(...conditions))
    .orderBy(desc(accessLog.position))
    .limit(filter.limit);
}

/**
 * One subject's entries in [from, to), oldest first, with what a data subject is told about who
 * processed the data: the user's name and username, role and partner organisation. Never the
 * other subjects of an entry, its old and new values, client address or request id.
 */
export async function findSubjectEntries(
  db: Db,
  filter: { subjectId: string; from: Date; to: Date; limit: number },
) {
  return db
    .select({
      position: accessLog.position,
      occurredAt: accessLog.occurredAt,
      action: accessLog.action,
      username: accessLog.username,
      fullName: staffUsers.fullName,
      role: accessLog.role,
      partnerId: accessLog.partnerId,
      partnerName: partners.name,
      fields: accessLog.fields,
      purpose: accessLog.purpose,
      // A disclosure's recipient, as the entry named it (never a changed value).
      recipient: sql<string | null>`${accessLog.changes}->'disclosedTo'->>'partner'`,
    })
    .from(accessLog)
    .leftJoin(staffUsers, eq(staffUsers.id, accessLog.userId))
    .leftJoin(partners, eq(partners.id, accessLog.partnerId))
    .where(
      and(
        arrayContains(accessLog.subjectIds, [filter.subjectId]),
        gte(accessLog.occurredAt, filter.from),
        lt(accessLog.occurredAt, filter.to),
      ),
    )
    .orderBy(asc(accessLog.occurredAt), asc(accessLog.position))
    .limit(filter.limit);
}

export async function findStaffName(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  return row?.fullName ?? null;
}

/** The persons and staff members an access-log page names, to show them by name. */
export async function findNamedSubjects(db: Db, ids: string[]) {
  if (ids.length === 0) return { persons: [], staff: [] };
  const [personRows, staffRows] = await Promise.all([
    db
      .select({
        id: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        identityCodeEncrypted: persons.identityCodeEncrypted,
      })
      .from(persons)
      .where(inArray(persons.id, ids)),
    db
      .select({ id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName })
      .from(staffUsers)
      .where(inArray(staffUsers.id, ids)),
  ]);
  return { persons: personRows, staff: staffRows };
}

/**
 * Staff members whose username or full name contains `q` (case-insensitive), by name: the
 * access log's user filter finds whom to filter by without anyone pasting an id.
 */
export async function findStaffByName(db: Db, q: string, limit: number) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: staffUsers.id,
      username: staffUsers.username,
      fullName: staffUsers.fullName,
      role: staffUsers.role,
    })
    .from(staffUsers)
    .where(or(ilike(staffUsers.username, pattern), ilike(staffUsers.fullName, pattern)))
    .orderBy(asc(sql`coalesce(${staffUsers.fullName}, ${staffUsers.username})`), asc(staffUsers.id))
    .limit(limit);
}
