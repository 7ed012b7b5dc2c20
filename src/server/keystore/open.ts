import { sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { StartRefused } from '../db/roles.ts';
import type { Clock } from '../lib/clock.ts';
import type { Keys } from '../lib/crypto.ts';
import { openKeyStore, type KeyStore } from './client.ts';
import { insertWrappingKeys, listWrappingKeys } from './key-store.queries.ts';
import { KeyRingError, openKeyRing, type KeyRing } from './key-ring.ts';
import { createPersonKeyStore, type PersonKeyStore } from './person-key-store.ts';

/**
 * Makes the key store and the key ring agree. A new key store lists the ring's keys (and a new
 * ring gets its first key, listed before its file is written); otherwise only a rotation adds
 * keys, so a key the key store does not list is one it retired and is never used again.
 * Returns the id of the key it created, if it did.
 */
export async function reconcileKeyRing(store: KeyStore, ring: KeyRing): Promise<string | null> {
  let listed = await listWrappingKeys(store.db);
  let created: string | null = null;
  if (listed.length === 0) {
    if (ring.all().length === 0) {
      const key = ring.generate();
      await insertWrappingKeys(store.db, [key]);
      ring.add(key);
      created = key.id;
    } else {
      await insertWrappingKeys(store.db, ring.all());
    }
    listed = await listWrappingKeys(store.db);
  }
  const inRing = listed.filter((row) => ring.get(row.id));
  if (inRing.length === 0) {
    throw new KeyRingError(
      `The key store lists the master keys ${listed.map((row) => row.id).join(', ')}, and none of them is in ${ring.dir}: without them no person's data key opens. Restore the key ring (REKISTERI_WRAPPING_KEY_DIR) that belongs to this key store (docs/operations.md, "The key store").`,
    );
  }
  for (const row of inRing) {
    if (!ring.get(row.id)?.fingerprint.equals(row.fingerprint)) {
      throw new KeyRingError(
        `The master key file ${row.id}.key in ${ring.dir} is not the key the key store lists under that id`,
      );
    }
  }
  return created;
}

export type OpenedPersonKeys = {
  personKeys: PersonKeyStore;
  keyStore: KeyStore;
  ring: KeyRing;
  /** The id of the master key made on this start (the first start), else null. */
  createdMasterKey: string | null;
  close(): Promise<void>;
};

/** The key store the config names: KEYSTORE_DATABASE_URL, else the embedded one in KEYSTORE_DIR. */
export function openConfiguredKeyStore(config: Config): Promise<KeyStore> {
  return openKeyStore(
    config.keystoreDatabaseUrl
      ? { databaseUrl: config.keystoreDatabaseUrl }
      : { dir: config.keystoreDir },
  );
}

/**
 * Refuses a key store that holds the register's data tables: the keys must stay out of every
 * data backup, so KEYSTORE_DATABASE_URL may not name the data database under another spelling.
 */
async function refuseDataDatabase(store: KeyStore): Promise<void> {
  const [row] = await store.rows<{ person: string | null }>(
    sql`select to_regclass('public.person')::text as person`,
  );
  if (row?.person) {
    throw new StartRefused(
      'KEYSTORE_DATABASE_URL names a database that holds the register data (it has the table person): the key store must be a database of its own (docs/operations.md, "The key store")',
    );
  }
}

/**
 * The key store the config names, migrated, and the key ring, made to agree with it; the caller
 * closes the store.
 */
export async function openKeyStoreAndRing(
  config: Config,
): Promise<{ keyStore: KeyStore; ring: KeyRing; createdMasterKey: string | null }> {
  const keyStore = await openConfiguredKeyStore(config);
  try {
    await refuseDataDatabase(keyStore);
    await keyStore.migrate();
    const ring = openKeyRing(config.wrappingKeyDir);
    const createdMasterKey = await reconcileKeyRing(keyStore, ring);
    return { keyStore, ring, createdMasterKey };
  } catch (error) {
    await keyStore.close();
    throw error;
  }
}

/** Opens and migrates the key store, opens the key ring and makes them agree. */
export async function openPersonKeys(
  config: Config,
  options: { legacyKeys?: Keys; clock?: Clock } = {},
): Promise<OpenedPersonKeys> {
  const { keyStore, ring, createdMasterKey } = await openKeyStoreAndRing(config);
  const personKeys = createPersonKeyStore({ store: keyStore, ring, ...options });
  return { personKeys, keyStore, ring, createdMasterKey, close: () => keyStore.close() };
}
