import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import {
  dataSubjectRequests,
  objections,
  persons,
  staffUsers,
  type ObjectionType,
} from '../../db/schema/index.ts';

export type StoredObjection = typeof objections.$inferSelect;
export type ObjectionInsert = typeof objections.$inferInsert;

export type ObjectionWithNames = StoredObjection & {
  requestNumber: number | null;
  createdByUsername: string | null;
  withdrawnByUsername: string | null;
};

const creator = alias(staffUsers, 'objection_creator');
const withdrawer = alias(staffUsers, 'objection_withdrawer');

function selectWithNames(db: Db) {
  return db
    .select({
      objection: objections,
      requestNumber: dataSubjectRequests.number,
      createdByUsername: creator.username,
      withdrawnByUsername: withdrawer.username,
    })
    .from(objections)
    .leftJoin(dataSubjectRequests, eq(dataSubjectRequests.id, objections.requestId))
    .leftJoin(creator, eq(creator.id, objections.createdBy))
    .leftJoin(withdrawer, eq(withdrawer.id, objections.withdrawnBy));
}

const flatten = (row: {
  objection: StoredObjection;
  requestNumber: number | null;
  createdByUsername: string | null;
  withdrawnByUsername: string | null;
}): ObjectionWithNames => ({
  ...row.objection,
  requestNumber: row.requestNumber,
  createdByUsername: row.createdByUsername,
  withdrawnByUsername: row.withdrawnByUsername,
});

/**
 * A person's objections, active and withdrawn, the newest first: what the access package, the
 * person's page and the officer read.
 */
export async function listObjections(db: Db, personId: string): Promise<ObjectionWithNames[]> {
  const rows = await selectWithNames(db)
    .where(eq(objections.personId, personId))
    .orderBy(desc(objections.objectedOn), desc(objections.createdAt));
  return rows.map(flatten);
}

/** The objections recorded on a request. */
export async function listRequestObjections(
  db: Db,
  requestId: string,
): Promise<ObjectionWithNames[]> {
  const rows = await selectWithNames(db)
    .where(eq(objections.requestId, requestId))
    .orderBy(desc(objections.createdAt));
  return rows.map(flatten);
}

export async function findObjection(
  db: Db,
  personId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredObjection | undefined> {
  const query = db
    .select()
    .from(objections)
    .where(and(eq(objections.id, id), eq(objections.personId, personId)));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

export async function findObjectionWithNames(
  db: Db,
  id: string,
): Promise<ObjectionWithNames | undefined> {
  const [row] = await selectWithNames(db).where(eq(objections.id, id));
  return row ? flatten(row) : undefined;
}

/** The person's active objections of these types. */
export async function activeObjectionTypes(
  db: Db,
  personId: string,
  types: readonly ObjectionType[],
): Promise<Set<ObjectionType>> {
  if (types.length === 0) return new Set();
  const rows = await db
    .select({ type: objections.type })
    .from(objections)
    .where(
      and(
        eq(objections.personId, personId),
        isNull(objections.withdrawnOn),
        inArray(objections.type, [...types]),
      ),
    );
  return new Set(rows.map((row) => row.type));
}

export async function insertObjections(
  db: Db,
  values: ObjectionInsert[],
): Promise<StoredObjection[]> {
  if (values.length === 0) return [];
  return db.insert(objections).values(values).returning();
}

export async function markWithdrawn(
  db: Db,
  id: string,
  values: Pick<ObjectionInsert, 'withdrawnOn' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalNote'>,
): Promise<void> {
  await db.update(objections).set(values).where(eq(objections.id, id));
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  const [row] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, personId));
  return row !== undefined;
}
