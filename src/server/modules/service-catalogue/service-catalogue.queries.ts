import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { services } from '../../db/schema/index.ts';

export type ServiceRow = typeof services.$inferSelect;
export type ServiceInsert = typeof services.$inferInsert;

export async function listServiceRows(
  db: Db,
  options: { includeInactive: boolean },
): Promise<ServiceRow[]> {
  return db
    .select()
    .from(services)
    .where(options.includeInactive ? undefined : eq(services.active, true))
    .orderBy(asc(services.code));
}

export async function findServiceRows(db: Db, ids: readonly string[]): Promise<ServiceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(services)
    .where(inArray(services.id, [...ids]));
}

export async function findServiceRow(db: Db, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row;
}

export async function findServiceIdByCode(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: services.id }).from(services).where(eq(services.code, code));
  return row?.id;
}

export async function insertService(db: Db, values: ServiceInsert): Promise<ServiceRow> {
  const [row] = await db.insert(services).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateServiceRow(
  db: Db,
  id: string,
  values: Partial<ServiceInsert>,
): Promise<ServiceRow | undefined> {
  const [row] = await db.update(services).set(values).where(eq(services.id, id)).returning();
  return row;
}
