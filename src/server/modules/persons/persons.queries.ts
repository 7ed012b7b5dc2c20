import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations, personOrganizations, persons } from '../../db/schema/index.ts';
import {
  coveredBy,
  personColumns,
  type ReaderScope,
  type ScopedPersonRow,
} from '../partners/contract-scope.ts';

export type PersonRow = typeof persons.$inferSelect;
export type PersonInsert = typeof persons.$inferInsert;

export async function findPersonById(db: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

/**
 * A person as the reader may see them: null when the reader's contract does not cover them, and
 * only the columns the contract opens.
 */
export async function findPersonForReader(
  db: Db,
  id: string,
  scope: ReaderScope,
): Promise<ScopedPersonRow | undefined> {
  const [row] = await db
    .select(personColumns(scope))
    .from(persons)
    .where(and(eq(persons.id, id), coveredBy(scope, persons.id)));
  return row;
}

export async function findPersonIdByIdentityCodeIndex(
  db: Db,
  index: Buffer,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.identityCodeIndex, index));
  return row?.id;
}

export async function insertPerson(db: Db, values: PersonInsert): Promise<PersonRow> {
  const [row] = await db.insert(persons).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updatePersonRow(
  db: Db,
  id: string,
  values: Partial<PersonInsert>,
): Promise<PersonRow | undefined> {
  const [row] = await db.update(persons).set(values).where(eq(persons.id, id)).returning();
  return row;
}

/** The organisations a person represents; a contractor sees only those its contract covers. */
export async function findOrganizationsOfPerson(
  db: Db,
  personId: string,
  scope: ReaderScope = { kind: 'all' },
) {
  return db
    .select({
      organizationId: organizations.id,
      name: organizations.name,
      businessId: organizations.businessId,
      title: personOrganizations.title,
    })
    .from(personOrganizations)
    .innerJoin(organizations, eq(organizations.id, personOrganizations.organizationId))
    .where(
      and(
        eq(personOrganizations.personId, personId),
        coveredBy(scope, personOrganizations.organizationId),
      ),
    )
    .orderBy(asc(organizations.name));
}

export async function replaceOrganizationsOfPerson(
  db: Db,
  personId: string,
  links: { organizationId: string; title: string | null }[],
) {
  await db.delete(personOrganizations).where(eq(personOrganizations.personId, personId));
  if (links.length > 0) {
    await db.insert(personOrganizations).values(links.map((link) => ({ personId, ...link })));
  }
}

export async function countExistingOrganizations(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(sql`${organizations.id} in ${ids}`);
  return rows.length;
}

/** One page of persons in name order, after the keyset (lastName, firstName, id). */
export async function listPersonsByName(
  db: Db,
  options: {
    limit: number;
    after: [string, string, string] | null;
    includeArchived: boolean;
    scope: ReaderScope;
  },
): Promise<ScopedPersonRow[]> {
  const conditions: (SQL | undefined)[] = [coveredBy(options.scope, persons.id)];
  if (!options.includeArchived) conditions.push(isNull(persons.archivedAt));
  if (options.after) {
    const [last, first, id] = options.after;
    conditions.push(
      sql`(${persons.lastName}, ${persons.firstName}, ${persons.id}) > (${last}, ${first}, ${id}::uuid)`,
    );
  }
  return db
    .select(personColumns(options.scope))
    .from(persons)
    .where(and(...conditions))
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
    .limit(options.limit);
}
