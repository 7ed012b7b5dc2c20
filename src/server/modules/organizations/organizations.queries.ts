import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, personOrganizations, persons } from '../../db/schema/index.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationInsert = typeof organizations.$inferInsert;

export async function findOrganizationById(
  db: Db,
  id: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export async function findOrganizationIdByBusinessId(
  db: Db,
  businessId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.businessId, businessId));
  return row?.id;
}

export async function insertOrganization(
  db: Db,
  values: OrganizationInsert,
): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateOrganizationRow(
  db: Db,
  id: string,
  values: Partial<OrganizationInsert>,
): Promise<OrganizationRow | undefined> {
  const [row] = await db
    .update(organizations)
    .set(values)
    .where(eq(organizations.id, id))
    .returning();
  return row;
}

export async function findRepresentatives(db: Db, organizationId: string) {
  return db
    .select({
      personId: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      title: personOrganizations.title,
    })
    .from(personOrganizations)
    .innerJoin(persons, eq(persons.id, personOrganizations.personId))
    .where(and(eq(personOrganizations.organizationId, organizationId), isNull(persons.archivedAt)))
    .orderBy(asc(persons.lastName), asc(persons.firstName));
}

export async function listOrganizationsByName(
  db: Db,
  options: { limit: number; after: [string, string] | null },
): Promise<OrganizationRow[]> {
  const conditions: SQL[] = [isNull(organizations.archivedAt)];
  if (options.after) {
    const [name, id] = options.after;
    conditions.push(sql`(${organizations.name}, ${organizations.id}) > (${name}, ${id}::uuid)`);
  }
  return db
    .select()
    .from(organizations)
    .where(and(...conditions))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(options.limit);
}
