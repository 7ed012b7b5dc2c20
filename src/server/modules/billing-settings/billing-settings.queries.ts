import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { billingSettings } from '../../db/schema/index.ts';

export type BillingSettingsRow = typeof billingSettings.$inferSelect;
export type BillingSettingsInsert = typeof billingSettings.$inferInsert;

export async function findBillingSettings(db: Db): Promise<BillingSettingsRow | undefined> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.id, 1));
  return row;
}

/** The one row, inserted the first time and replaced after. */
export async function upsertBillingSettings(
  db: Db,
  values: Omit<BillingSettingsInsert, 'id'>,
): Promise<BillingSettingsRow> {
  const [row] = await db
    .insert(billingSettings)
    .values({ ...values, id: 1 })
    .onConflictDoUpdate({ target: billingSettings.id, set: values })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}
