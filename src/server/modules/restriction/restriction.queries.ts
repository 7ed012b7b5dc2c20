import { and, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { processingRestrictions } from '../../db/schema/index.ts';

export type RestrictionRow = typeof processingRestrictions.$inferSelect;
export type RestrictionInsert = typeof processingRestrictions.$inferInsert;

const t = processingRestrictions;

/** In force on `today` (YYYY-MM-DD, Helsinki): placed by then, not lifted or lifted later. */
const inForceOn = (today: string) =>
  and(lte(t.placedOn, today), or(isNull(t.liftedOn), gt(t.liftedOn, today)));

export async function findRequestRestriction(
  db: Db,
  requestId: string,
  options: { forUpdate?: boolean } = {},
): Promise<RestrictionRow | undefined> {
  const query = db.select().from(t).where(eq(t.requestId, requestId));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

/** The person's restriction in force on `today`, if any. */
export async function findRestrictionInForce(
  db: Db,
  personId: string,
  today: string,
): Promise<RestrictionRow | undefined> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.personId, personId), inForceOn(today)))
    .orderBy(desc(t.placedAt))
    .limit(1);
  return row;
}

/** A restriction of the person that holds now or has not been given an end: one at a time. */
export async function findUnliftedRestriction(
  db: Db,
  personId: string,
  today: string,
): Promise<RestrictionRow | undefined> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.personId, personId), or(isNull(t.liftedOn), gt(t.liftedOn, today))))
    .limit(1);
  return row;
}

/** Which of these persons are restricted on `today`: one query for a page or a batch. */
export async function restrictedAmong(
  db: Db,
  personIds: readonly string[],
  today: string,
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ personId: t.personId })
    .from(t)
    .where(and(inArray(t.personId, [...new Set(personIds)]), inForceOn(today)));
  return new Set(rows.map((row) => row.personId));
}

export async function insertRestriction(
  db: Db,
  values: RestrictionInsert,
): Promise<RestrictionRow> {
  const [row] = await db.insert(t).values(values).returning();
  if (!row) throw new Error('The restriction was not stored');
  return row;
}

export async function markLifted(
  db: Db,
  id: string,
  values: Pick<RestrictionInsert, 'liftedOn' | 'liftedAt' | 'liftedBy' | 'liftReason'>,
): Promise<RestrictionRow> {
  const [row] = await db.update(t).set(values).where(eq(t.id, id)).returning();
  if (!row) throw new Error(`Restriction ${id} vanished`);
  return row;
}
