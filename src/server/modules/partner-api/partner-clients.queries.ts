import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { partnerClients, partnerClientSecrets, partners } from '../../db/schema/index.ts';

export type ClientRow = typeof partnerClients.$inferSelect;
export type SecretRow = typeof partnerClientSecrets.$inferSelect;

export async function partnerExists(db: Db, partnerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row !== undefined;
}

export function findClientsOfPartner(db: Db, partnerId: string): Promise<ClientRow[]> {
  return db
    .select()
    .from(partnerClients)
    .where(eq(partnerClients.partnerId, partnerId))
    .orderBy(desc(partnerClients.createdAt), desc(partnerClients.id));
}

/** The client of this partner, locked for a change (rotation, revocation). */
export async function findClientForUpdate(
  db: Db,
  partnerId: string,
  clientId: string,
): Promise<ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(partnerClients)
    .where(and(eq(partnerClients.id, clientId), eq(partnerClients.partnerId, partnerId)))
    .for('update');
  return row;
}

/** The secrets of these clients that are accepted now or until a time still to come. */
export function findLiveSecrets(db: Db, clientIds: string[], now: Date): Promise<SecretRow[]> {
  if (clientIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(partnerClientSecrets)
    .where(
      and(
        inArray(partnerClientSecrets.clientId, clientIds),
        sql`(${partnerClientSecrets.validUntil} is null or ${partnerClientSecrets.validUntil} > ${now.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(desc(partnerClientSecrets.createdAt));
}

/**
 * What authenticating a call needs, in one query: the secret (by its prefix or id), its client
 * and the client's partner's contract end.
 */
export async function findCredential(db: Db, by: { prefix: string } | { secretId: string }) {
  const [row] = await db
    .select({
      secretId: partnerClientSecrets.id,
      secretHash: partnerClientSecrets.secretHash,
      validUntil: partnerClientSecrets.validUntil,
      client: partnerClients,
      partnerName: partners.name,
      contractEndsOn: partners.contractEndsOn,
    })
    .from(partnerClientSecrets)
    .innerJoin(partnerClients, eq(partnerClients.id, partnerClientSecrets.clientId))
    .innerJoin(partners, eq(partners.id, partnerClients.partnerId))
    .where(
      'prefix' in by
        ? eq(partnerClientSecrets.prefix, by.prefix)
        : eq(partnerClientSecrets.id, by.secretId),
    );
  return row;
}
export type Credential = NonNullable<Awaited<ReturnType<typeof findCredential>>>;
