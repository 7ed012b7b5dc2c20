import { and, asc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { persons } from '../../db/schema/index.ts';
import type { Keys } from '../../lib/crypto.ts';
import type { PersonKeyStore } from '../../keystore/person-key-store.ts';
import { PersonKeyDestroyedError } from '../../keystore/person-keys.ts';
import { identityCodeContext } from './persons.service.ts';

/** The first byte of an identity code encrypted under the global key (lib/crypto.ts). */
const GLOBAL_KEY_VERSION = 1;

/**
 * Moves identity codes stored before per-person keys (under the global key) to their persons'
 * data keys, in batches: one key-store round trip and one UPDATE per batch. Idempotent; a row
 * changed in the meantime keeps its new value (the UPDATE matches the old ciphertext). A person
 * whose key was already destroyed is left as it is, and counted.
 */
export async function upgradeIdentityCodes(
  db: Db,
  keys: Keys,
  personKeys: Pick<PersonKeyStore, 'encryptMany'>,
  {
    batchSize = 1_000,
    stop = () => false,
  }: {
    batchSize?: number;
    /** Checked between batches: true ends the run early. */ stop?: () => boolean;
  } = {},
): Promise<{ upgraded: number; destroyed: number }> {
  let upgraded = 0;
  let destroyed = 0;
  let after: string | null = null;
  while (!stop()) {
    const rows: { id: string; encrypted: Buffer | null }[] = await db
      .select({ id: persons.id, encrypted: persons.identityCodeEncrypted })
      .from(persons)
      .where(
        and(
          sql`get_byte(${persons.identityCodeEncrypted}, 0) = ${GLOBAL_KEY_VERSION}`,
          after === null ? undefined : gt(persons.id, after),
        ),
      )
      .orderBy(asc(persons.id))
      .limit(batchSize);
    if (rows.length === 0) return { upgraded, destroyed };
    after = rows.at(-1)?.id ?? null;
    let batch = rows.flatMap((row) =>
      row.encrypted
        ? [{ id: row.id, old: row.encrypted, context: identityCodeContext(row.id) }]
        : [],
    );
    let encrypted: Buffer[] = [];
    for (;;) {
      try {
        encrypted = await personKeys.encryptMany(
          batch.map((row) => ({
            personId: row.id,
            plaintext: keys.decrypt(row.old, row.context),
            context: row.context,
          })),
        );
        break;
      } catch (error) {
        if (!(error instanceof PersonKeyDestroyedError)) throw error;
        batch = batch.filter((row) => row.id !== error.personId);
        destroyed++;
      }
    }
    if (batch.length === 0) continue;
    const values = sql.join(
      batch.map((row, i) => sql`(${row.id}::uuid, ${row.old}::bytea, ${encrypted[i]}::bytea)`),
      sql`, `,
    );
    const result = await db.execute(sql`
      update ${persons} set identity_code_encrypted = v.new
      from (values ${values}) as v (id, old, new)
      where ${persons.id} = v.id and ${persons.identityCodeEncrypted} = v.old
      returning ${persons.id}`);
    upgraded += (result as { rows: unknown[] }).rows.length;
  }
  return { upgraded, destroyed };
}
