import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  persons,
  socialBreakGlass,
  socialClients,
  socialFamilyRelations,
  socialNeedTypes,
  socialRecords,
  socialUnitMembers,
  socialUnits,
  staffUsers,
  type SocialRecordKind,
} from '../../db/schema/index.ts';

export type UnitRow = typeof socialUnits.$inferSelect;
export type ClientRow = typeof socialClients.$inferSelect;
export type RecordRow = typeof socialRecords.$inferSelect;
export type FamilyRelationRow = typeof socialFamilyRelations.$inferSelect;
export type NeedTypeRow = typeof socialNeedTypes.$inferSelect;
export type BreakGlassRow = typeof socialBreakGlass.$inferSelect;

/** The active units the user works in. */
export async function findUnitIdsOfWorker(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: socialUnits.id })
    .from(socialUnitMembers)
    .innerJoin(socialUnits, eq(socialUnits.id, socialUnitMembers.unitId))
    .where(and(eq(socialUnitMembers.userId, userId), eq(socialUnits.active, true)));
  return rows.map((row) => row.id);
}

/** A relationship of one of the worker's units with a client, in force on the day. */
export type ServingRelationship = {
  personId: string;
  unitId: string;
  startsOn: string;
  responsibleWorkerIds: string[];
};

/**
 * Of these persons, what the user may open today: the relationships of the user's units in force
 * on `day` (each opens its own unit's records), and (when `withGrants`) the user's
 * break-the-glass grants still in force at `now`.
 */
export async function findOpenPersons(
  db: Db,
  filter: {
    personIds: string[];
    unitIds: string[];
    userId: string;
    day: string;
    now: Date;
    withGrants: boolean;
  },
): Promise<{ serving: ServingRelationship[]; byGrant: Map<string, Date> }> {
  const serving: ServingRelationship[] = [];
  const byGrant = new Map<string, Date>();
  if (filter.personIds.length === 0) return { serving, byGrant };
  if (filter.unitIds.length > 0) {
    const rows = await db
      .select({
        personId: socialClients.personId,
        unitId: socialClients.unitId,
        startsOn: socialClients.startsOn,
        responsibleWorkerIds: socialClients.responsibleWorkerIds,
      })
      .from(socialClients)
      .where(
        and(
          inArray(socialClients.personId, filter.personIds),
          inArray(socialClients.unitId, filter.unitIds),
          lte(socialClients.startsOn, filter.day),
          or(isNull(socialClients.endsOn), gte(socialClients.endsOn, filter.day)),
        ),
      );
    serving.push(...rows);
  }
  if (filter.withGrants) {
    const grants = await db
      .select({ personId: socialBreakGlass.personId, expiresAt: socialBreakGlass.expiresAt })
      .from(socialBreakGlass)
      .where(
        and(
          eq(socialBreakGlass.kind, 'breakGlass'),
          eq(socialBreakGlass.userId, filter.userId),
          inArray(socialBreakGlass.personId, filter.personIds),
          gt(socialBreakGlass.expiresAt, filter.now),
        ),
      );
    for (const grant of grants) {
      if (!grant.expiresAt) continue;
      const known = byGrant.get(grant.personId);
      if (!known || known < grant.expiresAt) byGrant.set(grant.personId, grant.expiresAt);
    }
  }
  return { serving, byGrant };
}

/** Whether an active unit has a client relationship with the person in force on `day`. */
export async function isServedOn(db: Db, personId: string, day: string): Promise<boolean> {
  const [row] = await db
    .select({ id: socialClients.id })
    .from(socialClients)
    .innerJoin(socialUnits, eq(socialUnits.id, socialClients.unitId))
    .where(
      and(
        eq(socialClients.personId, personId),
        eq(socialUnits.active, true),
        lte(socialClients.startsOn, day),
        or(isNull(socialClients.endsOn), gte(socialClients.endsOn, day)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findPersonName(db: Db, id: string) {
  const [row] = await db
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      language: persons.language,
    })
    .from(persons)
    .where(eq(persons.id, id));
  return row;
}

export async function findPersonNames(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: persons.id, firstName: persons.firstName, lastName: persons.lastName })
    .from(persons)
    .where(inArray(persons.id, ids));
}

// — units and need types —

export async function listUnits(db: Db, filter: { ids?: string[] } = {}): Promise<UnitRow[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  return db
    .select()
    .from(socialUnits)
    .where(filter.ids ? inArray(socialUnits.id, filter.ids) : undefined)
    .orderBy(asc(socialUnits.nameFi));
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(socialUnits).where(eq(socialUnits.id, id));
  return row;
}

export async function insertUnit(db: Db, values: typeof socialUnits.$inferInsert) {
  const [row] = await db.insert(socialUnits).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUnitRow(
  db: Db,
  id: string,
  values: Partial<typeof socialUnits.$inferInsert>,
) {
  // Drizzle leaves out undefined values; with nothing left there is nothing to set.
  if (Object.values(values).every((value) => value === undefined)) return;
  await db.update(socialUnits).set(values).where(eq(socialUnits.id, id));
}

export async function listMembers(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({
      unitId: socialUnitMembers.unitId,
      id: staffUsers.id,
      username: staffUsers.username,
      fullName: staffUsers.fullName,
    })
    .from(socialUnitMembers)
    .innerJoin(staffUsers, eq(staffUsers.id, socialUnitMembers.userId))
    .where(inArray(socialUnitMembers.unitId, unitIds))
    .orderBy(asc(staffUsers.username));
}

export async function replaceMembers(db: Db, unitId: string, userIds: string[]) {
  await db.delete(socialUnitMembers).where(eq(socialUnitMembers.unitId, unitId));
  if (userIds.length > 0) {
    await db.insert(socialUnitMembers).values(userIds.map((userId) => ({ unitId, userId })));
  }
}

/** Active social workers' accounts among these ids, or all of them. */
export async function findSocialWorkers(db: Db, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  return db
    .select({ id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.role, 'social_worker'),
        isNull(staffUsers.deactivatedAt),
        ids ? inArray(staffUsers.id, ids) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.username));
}

export async function listNeedTypes(db: Db, filter: { activeOnly?: boolean } = {}) {
  return db
    .select()
    .from(socialNeedTypes)
    .where(filter.activeOnly ? eq(socialNeedTypes.active, true) : undefined)
    .orderBy(asc(socialNeedTypes.nameFi));
}

export async function findNeedType(db: Db, code: string): Promise<NeedTypeRow | undefined> {
  const [row] = await db.select().from(socialNeedTypes).where(eq(socialNeedTypes.code, code));
  return row;
}

export async function insertNeedType(db: Db, values: typeof socialNeedTypes.$inferInsert) {
  const [row] = await db.insert(socialNeedTypes).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateNeedTypeRow(
  db: Db,
  code: string,
  values: Partial<typeof socialNeedTypes.$inferInsert>,
) {
  const [row] = await db
    .update(socialNeedTypes)
    .set(values)
    .where(eq(socialNeedTypes.code, code))
    .returning();
  return row;
}

// — client relationships —

export async function listRelationships(db: Db, personId: string, unitIds?: string[]) {
  if (unitIds && unitIds.length === 0) return [];
  return db
    .select({ client: socialClients, unit: socialUnits })
    .from(socialClients)
    .innerJoin(socialUnits, eq(socialUnits.id, socialClients.unitId))
    .where(
      and(
        eq(socialClients.personId, personId),
        unitIds ? inArray(socialClients.unitId, unitIds) : undefined,
      ),
    )
    .orderBy(desc(socialClients.startsOn));
}

export async function findRelationship(db: Db, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(socialClients)
    .where(and(eq(socialClients.id, id), eq(socialClients.personId, personId)));
  return row;
}

/** Relationships of the person with the unit whose days overlap [startsOn, endsOn]. */
export async function findOverlappingRelationship(
  db: Db,
  filter: {
    personId: string;
    unitId: string;
    startsOn: string;
    endsOn: string | null;
    except?: string;
  },
) {
  const [row] = await db
    .select({ id: socialClients.id })
    .from(socialClients)
    .where(
      and(
        eq(socialClients.personId, filter.personId),
        eq(socialClients.unitId, filter.unitId),
        or(isNull(socialClients.endsOn), gte(socialClients.endsOn, filter.startsOn)),
        filter.endsOn === null ? undefined : lte(socialClients.startsOn, filter.endsOn),
        filter.except ? sql`${socialClients.id} <> ${filter.except}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

/** The person's relationships with units other than this one. */
export async function findRelationshipsWithOtherUnits(db: Db, personId: string, unitId: string) {
  return db
    .select({ startsOn: socialClients.startsOn, endsOn: socialClients.endsOn })
    .from(socialClients)
    .where(and(eq(socialClients.personId, personId), sql`${socialClients.unitId} <> ${unitId}`));
}

export async function insertRelationship(db: Db, values: typeof socialClients.$inferInsert) {
  const [row] = await db.insert(socialClients).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateRelationshipRow(
  db: Db,
  id: string,
  values: Partial<typeof socialClients.$inferInsert>,
) {
  await db.update(socialClients).set(values).where(eq(socialClients.id, id));
}

// — records —

/** The person's records of the kind written under these units (or under any: `null`). */
export async function listRecords(
  db: Db,
  personId: string,
  kind: SocialRecordKind,
  unitIds: string[] | null,
) {
  if (unitIds && unitIds.length === 0) return [];
  return db
    .select()
    .from(socialRecords)
    .where(
      and(
        eq(socialRecords.personId, personId),
        eq(socialRecords.kind, kind),
        unitIds ? inArray(socialRecords.unitId, unitIds) : undefined,
      ),
    )
    .orderBy(desc(socialRecords.createdAt));
}

export async function findRecord(db: Db, personId: string, kind: SocialRecordKind, id: string) {
  const [row] = await db
    .select()
    .from(socialRecords)
    .where(
      and(
        eq(socialRecords.id, id),
        eq(socialRecords.personId, personId),
        eq(socialRecords.kind, kind),
      ),
    );
  return row;
}

export async function insertRecord(db: Db, values: typeof socialRecords.$inferInsert) {
  await db.insert(socialRecords).values(values);
}

export async function updateRecordRow(
  db: Db,
  id: string,
  values: Partial<typeof socialRecords.$inferInsert>,
) {
  await db.update(socialRecords).set(values).where(eq(socialRecords.id, id));
}

// — family relations —

/** The relations recorded on the person, and those recorded on others that name the person. */
export async function listFamilyRelations(db: Db, personId: string) {
  return db
    .select()
    .from(socialFamilyRelations)
    .where(
      or(
        eq(socialFamilyRelations.personId, personId),
        eq(socialFamilyRelations.relatedPersonId, personId),
      ),
    )
    .orderBy(asc(socialFamilyRelations.createdAt));
}

export async function findFamilyRelation(db: Db, personId: string, id: string) {
  const [row] = await db
    .select()
    .from(socialFamilyRelations)
    .where(and(eq(socialFamilyRelations.id, id), eq(socialFamilyRelations.personId, personId)));
  return row;
}

export async function insertFamilyRelation(
  db: Db,
  values: typeof socialFamilyRelations.$inferInsert,
) {
  await db.insert(socialFamilyRelations).values(values);
}

export async function updateFamilyRelationRow(
  db: Db,
  id: string,
  values: Partial<typeof socialFamilyRelations.$inferInsert>,
) {
  await db.update(socialFamilyRelations).set(values).where(eq(socialFamilyRelations.id, id));
}

// — break-the-glass —

export async function insertBreakGlass(db: Db, values: typeof socialBreakGlass.$inferInsert) {
  const [row] = await db.insert(socialBreakGlass).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function insertReviewEntries(
  db: Db,
  values: (typeof socialBreakGlass.$inferInsert)[],
): Promise<void> {
  if (values.length > 0) await db.insert(socialBreakGlass).values(values);
}

/** The full names of staff members (authors of records), by id; null where none is set. */
export async function findStaffFullNames(
  db: Db,
  ids: string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.fullName]));
}

export async function listBreakGlass(db: Db, filter: { reviewed: boolean; limit: number }) {
  const reviewer = sql<
    string | null
  >`(select username from staff_user where id = ${socialBreakGlass.reviewedBy})`;
  const reviewerName = sql<
    string | null
  >`(select full_name from staff_user where id = ${socialBreakGlass.reviewedBy})`;
  return db
    .select({
      grant: socialBreakGlass,
      person: { id: persons.id, firstName: persons.firstName, lastName: persons.lastName },
      user: { id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName },
      reviewedByUsername: reviewer,
      reviewedByFullName: reviewerName,
      relationship: { startsOn: socialClients.startsOn },
      unit: {
        id: socialUnits.id,
        code: socialUnits.code,
        nameFi: socialUnits.nameFi,
        nameSv: socialUnits.nameSv,
        nameEn: socialUnits.nameEn,
      },
    })
    .from(socialBreakGlass)
    .innerJoin(persons, eq(persons.id, socialBreakGlass.personId))
    .innerJoin(staffUsers, eq(staffUsers.id, socialBreakGlass.userId))
    .leftJoin(socialClients, eq(socialClients.id, socialBreakGlass.relationshipId))
    .leftJoin(socialUnits, eq(socialUnits.id, socialClients.unitId))
    .where(
      filter.reviewed
        ? isNotNull(socialBreakGlass.reviewedAt)
        : isNull(socialBreakGlass.reviewedAt),
    )
    .orderBy(filter.reviewed ? desc(socialBreakGlass.reviewedAt) : asc(socialBreakGlass.openedAt))
    .limit(filter.limit);
}

export async function findBreakGlass(db: Db, id: string): Promise<BreakGlassRow | undefined> {
  const [row] = await db.select().from(socialBreakGlass).where(eq(socialBreakGlass.id, id));
  return row;
}

/** Marks a grant reviewed, once: false when it was already reviewed (or is unknown). */
export async function markBreakGlassReviewed(
  db: Db,
  id: string,
  values: { reviewedAt: Date; reviewedBy: string; reviewNote: string | null },
): Promise<boolean> {
  const rows = await db
    .update(socialBreakGlass)
    .set(values)
    .where(and(eq(socialBreakGlass.id, id), isNull(socialBreakGlass.reviewedAt)))
    .returning({ id: socialBreakGlass.id });
  return rows.length > 0;
}
