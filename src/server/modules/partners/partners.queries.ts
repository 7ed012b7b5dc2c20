import { and, asc, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  organizations,
  partnerCustomers,
  partners,
  persons,
  staffUsers,
} from '../../db/schema/index.ts';
import type { CustomerKind } from '../../../contract/partners/contract-fields.ts';

export type PartnerRow = typeof partners.$inferSelect;
export type PartnerInsert = typeof partners.$inferInsert;
export type PartnerWithCounts = PartnerRow & { customerCount: number; accountCount: number };

/** A correlated count of the rows of `table` that belong to the partner. */
function belongingCount(table: typeof partnerCustomers | typeof staffUsers, partnerId: Column) {
  return sql<number>`(select count(*) from ${table} where ${partnerId} = ${partners.id})`.mapWith(
    Number,
  );
}

const customerCount = belongingCount(partnerCustomers, partnerCustomers.partnerId);
const accountCount = belongingCount(staffUsers, staffUsers.partnerId);

const withCounts = { partner: partners, customerCount, accountCount };

const flatten = (row: { partner: PartnerRow; customerCount: number; accountCount: number }) => ({
  ...row.partner,
  customerCount: row.customerCount,
  accountCount: row.accountCount,
});

/** The whole registry by name: it holds the municipality's few partners. */
export async function listPartnerRows(db: Db): Promise<PartnerWithCounts[]> {
  const rows = await db
    .select(withCounts)
    .from(partners)
    .orderBy(asc(partners.name), asc(partners.id));
  return rows.map(flatten);
}

export async function findPartnerRow(db: Db, id: string): Promise<PartnerWithCounts | undefined> {
  const [row] = await db.select(withCounts).from(partners).where(eq(partners.id, id));
  return row && flatten(row);
}

export async function findPartnerIdByBusinessId(
  db: Db,
  businessId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.businessId, businessId));
  return row?.id;
}

export async function insertPartner(db: Db, values: PartnerInsert): Promise<PartnerRow> {
  const [row] = await db.insert(partners).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updatePartnerRow(
  db: Db,
  id: string,
  values: Partial<PartnerInsert>,
): Promise<PartnerRow | undefined> {
  const [row] = await db.update(partners).set(values).where(eq(partners.id, id)).returning();
  return row;
}

const personName = sql<string>`${persons.lastName} || ', ' || ${persons.firstName}`;

/** A customer's kind, name and whether archived, by id; undefined when there is no such one. */
export async function findCustomer(
  db: Db,
  id: string,
): Promise<{ id: string; kind: CustomerKind; name: string; archived: boolean } | undefined> {
  const [person] = await db
    .select({
      id: persons.id,
      name: personName,
      archived: sql<boolean>`${persons.archivedAt} is not null`,
    })
    .from(persons)
    .where(eq(persons.id, id));
  if (person) return { ...person, kind: 'person' };
  const [organization] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      archived: sql<boolean>`${organizations.archivedAt} is not null`,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  return organization && { ...organization, kind: 'organization' };
}

/** Adds the customer to the contract; false when the contract covers them already. */
export async function insertCoveredCustomer(
  db: Db,
  partnerId: string,
  customerId: string,
): Promise<boolean> {
  const rows = await db
    .insert(partnerCustomers)
    .values({ partnerId, customerId })
    .onConflictDoNothing()
    .returning({ customerId: partnerCustomers.customerId });
  return rows.length > 0;
}

/** Takes the customer off the contract; false when the contract did not cover them. */
export async function deleteCoveredCustomer(
  db: Db,
  partnerId: string,
  customerId: string,
): Promise<boolean> {
  const rows = await db
    .delete(partnerCustomers)
    .where(
      and(eq(partnerCustomers.partnerId, partnerId), eq(partnerCustomers.customerId, customerId)),
    )
    .returning({ customerId: partnerCustomers.customerId });
  return rows.length > 0;
}

/**
 * One page of the customers a contract covers, persons and organisations together in name
 * order, after the keyset (name, id).
 */
export async function listCoveredCustomers(
  db: Db,
  partnerId: string,
  options: { limit: number; after: [string, string] | null },
) {
  const after = (name: SQL, id: SQL) =>
    options.after
      ? sql`(${name}, ${id}) > (${options.after[0]}, ${options.after[1]}::uuid)`
      : undefined;
  const personRows = db
    .select({
      id: persons.id,
      kind: sql<CustomerKind>`'person'`.as('kind'),
      name: personName.as('name'),
      archived: sql<boolean>`${persons.archivedAt} is not null`.as('archived'),
    })
    .from(partnerCustomers)
    .innerJoin(persons, eq(persons.id, partnerCustomers.customerId))
    .where(and(eq(partnerCustomers.partnerId, partnerId), after(personName, sql`${persons.id}`)));
  const organizationRows = db
    .select({
      id: organizations.id,
      kind: sql<CustomerKind>`'organization'`.as('kind'),
      name: sql<string>`${organizations.name}`.as('name'),
      archived: sql<boolean>`${organizations.archivedAt} is not null`.as('archived'),
    })
    .from(partnerCustomers)
    .innerJoin(organizations, eq(organizations.id, partnerCustomers.customerId))
    .where(
      and(
        eq(partnerCustomers.partnerId, partnerId),
        after(sql`${organizations.name}`, sql`${organizations.id}`),
      ),
    );
  return personRows
    .unionAll(organizationRows)
    .orderBy(sql`name`, sql`id`)
    .limit(options.limit);
}
