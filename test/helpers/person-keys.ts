import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Keys } from '../../src/server/lib/crypto.ts';
import { openKeyRing, type KeyRing } from '../../src/server/keystore/key-ring.ts';
import { reconcileKeyRing } from '../../src/server/keystore/open.ts';
import {
  createPersonKeyStore,
  type PersonKeyStore,
  type PersonKeyStoreOptions,
} from '../../src/server/keystore/person-key-store.ts';
import { createTestKeyStore, type Engine, type TestKeyStore } from './db.ts';

export type TestPersonKeys = {
  personKeys: PersonKeyStore;
  keyStore: TestKeyStore;
  ring: KeyRing;
  /** Drops the key store and deletes the key ring. */
  close(): Promise<void>;
};

/**
 * A real key store for one test file: a fresh key-store database from the run's template and a
 * key ring with its first master key in a temporary directory.
 */
export async function createTestPersonKeys(
  engine: Engine,
  options: { legacyKeys?: Keys; cache?: PersonKeyStoreOptions['cache'] } = {},
): Promise<TestPersonKeys> {
  const keyStore = await createTestKeyStore(engine);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-ring-'));
  try {
    const ring = openKeyRing(path.join(dir, 'wrapping'));
    await reconcileKeyRing(keyStore, ring);
    const personKeys = createPersonKeyStore({ store: keyStore, ring, ...options });
    return {
      personKeys,
      keyStore,
      ring,
      async close() {
        await keyStore.drop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await keyStore.drop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
