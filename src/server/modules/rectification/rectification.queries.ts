import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  disclosures,
  organizations,
  partners,
  rectificationItems,
  SOURCED_PERSON_FIELDS,
} from '../../db/schema/index.ts';

/** Items in the order of the person's fields, as the person's page and the value sources show them. */
const FIELD_ORDER = sql.raw(
  `array_position(array[${SOURCED_PERSON_FIELDS.map((f) => `'${f}'`).join(', ')}]::text[], "rectification_item"."field")`,
);

export type RectificationItemRow = typeof rectificationItems.$inferSelect;
export type RectificationItemInsert = typeof rectificationItems.$inferInsert;

export async function listItems(db: Db, requestId: string): Promise<RectificationItemRow[]> {
  return db
    .select()
    .from(rectificationItems)
    .where(eq(rectificationItems.requestId, requestId))
    .orderBy(FIELD_ORDER, asc(rectificationItems.id));
}

export async function findItem(
  db: Db,
  requestId: string,
  itemId: string,
): Promise<RectificationItemRow | undefined> {
  const [row] = await db
    .select()
    .from(rectificationItems)
    .where(and(eq(rectificationItems.requestId, requestId), eq(rectificationItems.id, itemId)));
  return row;
}

export async function insertItem(
  db: Db,
  values: RectificationItemInsert,
): Promise<RectificationItemRow> {
  const [row] = await db.insert(rectificationItems).values(values).returning();
  if (!row) throw new Error('The rectification item was not stored');
  return row;
}

export async function updateItem(
  db: Db,
  id: string,
  values: Partial<RectificationItemInsert>,
): Promise<void> {
  await db.update(rectificationItems).set(values).where(eq(rectificationItems.id, id));
}

/** Every disclosure to a partner that names the person among its subjects, oldest first. */
export async function findPersonDisclosures(db: Db, personId: string) {
  const rows = await db
    .select({
      id: disclosures.id,
      partnerId: disclosures.partnerId,
      partnerName: partners.name,
      fields: disclosures.fields,
      omittedFields: disclosures.omittedFields,
      invoiceIds: disclosures.invoiceIds,
      legalBasis: disclosures.legalBasis,
      disclosedAt: disclosures.disclosedAt,
    })
    .from(disclosures)
    .innerJoin(partners, eq(partners.id, disclosures.partnerId))
    .where(
      and(
        sql`${disclosures.subjectIds} @> array[${personId}]::uuid[]`,
        isNotNull(disclosures.partnerId),
      ),
    )
    .orderBy(asc(disclosures.disclosedAt), asc(disclosures.id));
  return rows.map((row) => ({ ...row, partnerId: row.partnerId! }));
}

export async function findPartnersByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; country: string; businessId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: partners.id,
      name: partners.name,
      country: partners.country,
      businessId: partners.businessId,
    })
    .from(partners)
    .where(inArray(partners.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findOrganizationNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
