import { and, arrayContains, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  disclosures,
  invoices,
  organizations,
  partners,
  payments,
  persons,
  staffUsers,
} from '../../db/schema/index.ts';

export type DisclosureRow = typeof disclosures.$inferSelect;
export type DisclosureInsert = typeof disclosures.$inferInsert;

/**
 * The partner as the disclosure will go to it, locked against a change of its terms until the
 * disclosure commits.
 */
export async function findPartnerForDisclosure(db: Db, id: string) {
  const [row] = await db
    .select({
      id: partners.id,
      name: partners.name,
      country: partners.country,
      roles: partners.roles,
      processingAgreementOn: partners.processingAgreementOn,
      transferSafeguard: partners.transferSafeguard,
    })
    .from(partners)
    .where(eq(partners.id, id))
    .for('share');
  return row;
}

/** The partners registered as recipients of disclosures, by name. */
export async function listRecipientPartners(db: Db) {
  return db
    .select({ id: partners.id, name: partners.name, country: partners.country })
    .from(partners)
    .where(arrayContains(partners.roles, ['recipient']))
    .orderBy(partners.name);
}

/** The address protection of those of the ids that are persons. */
export async function findAddressProtections(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: persons.id,
      addressProtectionActive: persons.addressProtectionActive,
      addressProtectionEndsOn: persons.addressProtectionEndsOn,
    })
    .from(persons)
    .where(inArray(persons.id, [...ids]));
}

export async function insertDisclosure(db: Db, values: DisclosureInsert): Promise<DisclosureRow> {
  const [row] = await db.insert(disclosures).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

const withNames = {
  disclosure: disclosures,
  partnerName: partners.name,
  partnerCountry: partners.country,
  username: staffUsers.username,
  fullName: staffUsers.fullName,
};

export type DisclosureWithNames = {
  disclosure: DisclosureRow;
  /** null when the data subject themself received it. */
  partnerName: string | null;
  partnerCountry: string | null;
  username: string | null;
  fullName: string | null;
};

function selectWithNames(db: Db) {
  return db
    .select(withNames)
    .from(disclosures)
    .leftJoin(partners, eq(partners.id, disclosures.partnerId))
    .leftJoin(staffUsers, eq(staffUsers.id, disclosures.disclosedBy));
}

export async function findDisclosure(db: Db, id: string): Promise<DisclosureWithNames | undefined> {
  const [row] = await selectWithNames(db).where(eq(disclosures.id, id));
  return row;
}

/** Newest first, after the keyset (disclosedAt, id); the subject filter uses the GIN index. */
export async function listDisclosureRows(
  db: Db,
  filter: {
    partnerId?: string | undefined;
    subjectId?: string | undefined;
    legalBasis?: string | undefined;
    flagged?: boolean | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    after: [string, string] | null;
    limit: number;
  },
): Promise<DisclosureWithNames[]> {
  const conditions: (SQL | undefined)[] = [
    filter.partnerId ? eq(disclosures.partnerId, filter.partnerId) : undefined,
    filter.subjectId ? arrayContains(disclosures.subjectIds, [filter.subjectId]) : undefined,
    filter.legalBasis ? eq(disclosures.legalBasis, filter.legalBasis as never) : undefined,
    filter.flagged === undefined ? undefined : eq(disclosures.flagged, filter.flagged),
    filter.from ? gte(disclosures.disclosedAt, filter.from) : undefined,
    filter.to ? lt(disclosures.disclosedAt, filter.to) : undefined,
    filter.after
      ? sql`(${disclosures.disclosedAt}, ${disclosures.id}) < (${filter.after[0]}::timestamptz, ${filter.after[1]}::uuid)`
      : undefined,
  ];
  return selectWithNames(db)
    .where(and(...conditions))
    .orderBy(desc(disclosures.disclosedAt), desc(disclosures.id))
    .limit(filter.limit);
}

export type SubjectName = { kind: 'person' | 'organization'; name: string };

/** The names of the subjects still in the register: persons "Last, First", organisations. */
export async function findSubjectNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, SubjectName>> {
  const names = new Map<string, SubjectName>();
  if (ids.length === 0) return names;
  const personRows = await db
    .select({
      id: persons.id,
      name: sql<string>`${persons.lastName} || ', ' || ${persons.firstName}`,
    })
    .from(persons)
    .where(inArray(persons.id, [...ids]));
  const organizationRows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...ids]));
  for (const row of personRows) names.set(row.id, { kind: 'person', name: row.name });
  for (const row of organizationRows) names.set(row.id, { kind: 'organization', name: row.name });
  return names;
}

export async function findPersonRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(persons)
    .where(inArray(persons.id, [...ids]));
}

export async function findOrganizationRows(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(organizations)
    .where(inArray(organizations.id, [...ids]));
}

export async function personExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: persons.id }).from(persons).where(eq(persons.id, id));
  return row !== undefined;
}

export async function organizationExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row !== undefined;
}

/** The invoices, locked until the transaction ends: two collections of one invoice wait in turn. */
export async function lockInvoices(db: Db, ids: readonly string[]) {
  return db
    .select()
    .from(invoices)
    .where(inArray(invoices.id, [...ids]))
    .for('update');
}

/** What has been paid of each invoice, by invoice id. */
export async function paidCents(db: Db, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({
      invoiceId: payments.invoiceId,
      paid: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number),
    })
    .from(payments)
    .where(inArray(payments.invoiceId, [...ids]))
    .groupBy(payments.invoiceId);
  return new Map(rows.map((row) => [row.invoiceId, row.paid]));
}

export async function markInCollection(db: Db, ids: readonly string[], at: Date): Promise<void> {
  await db
    .update(invoices)
    .set({ status: 'in_collection', statusChangedAt: at })
    .where(inArray(invoices.id, [...ids]));
}
