import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, personOrganizations, persons } from '../../db/schema/index.ts';
import {
  ALL_CUSTOMERS,
  coveredBy,
  organizationColumns,
  type ReaderScope,
  type ScopedOrganizationRow,
} from '../partners/contract-scope.ts';

export type OrganizationRow = typeof organizations.$inferSelect;
export type OrganizationInsert = typeof organizations.$inferInsert;

export async function findOrganizationById(
  db: Db,
  id: string,
): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

/** An organisation as the reader may see it: none outside a contractor's contract. */
export async function findOrganizationForReader(
  db: Db,
  id: string,
  scope: ReaderScope,
): Promise<ScopedOrganizationRow | undefined> {
  const [row] = await db
    .select(organizationColumns(scope))
    .from(organizations)
    .where(and(eq(organizations.id, id), coveredBy(scope, organizations.id)));
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

/** The persons who represent an organisation; a contractor sees only those it covers. */
export async function findRepresentatives(
  db: Db,
  organizationId: string,
  scope: ReaderScope = ALL_CUSTOMERS,
) {
  return db
    .select({
      personId: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      title: personOrganizations.title,
    })
    .from(personOrganizations)
    .innerJoin(persons, eq(persons.id, personOrganizations.personId))
    .where(
      and(
        eq(personOrganizations.organizationId, organizationId),
        isNull(persons.archivedAt),
        coveredBy(scope, personOrganizations.personId),
      ),
    )
    .orderBy(asc(persons.lastName), asc(persons.firstName));
}

export async function listOrganizationsByName(
  db: Db,
  options: { limit: number; after: [string, string] | null; scope: ReaderScope },
): Promise<ScopedOrganizationRow[]> {
  const conditions: (SQL | undefined)[] = [
    isNull(organizations.archivedAt),
    coveredBy(options.scope, organizations.id),
  ];
  if (options.after) {
    const [name, id] = options.after;
    conditions.push(sql`(${organizations.name}, ${organizations.id}) > (${name}, ${id}::uuid)`);
  }
  return db
    .select(organizationColumns(options.scope))
    .from(organizations)
    .where(and(...conditions))
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(options.limit);
}
