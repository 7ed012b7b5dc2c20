import { isForeignKeyViolation } from '../db/errors.ts';
import type { Clock } from '../lib/clock.ts';
import type { Keys } from '../lib/crypto.ts';
import type { KeyStore } from './client.ts';
import { dataKeyCache, type DataKeyCache } from './data-key-cache.ts';
import {
  decryptBytesWithDataKey,
  decryptWithDataKey,
  encryptBytesWithDataKey,
  encryptWithDataKey,
  isPersonKeyCiphertext,
  newDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.ts';
import {
  destroyPersonKey,
  findPersonKeys,
  insertPersonKeys,
  listWrappingKeys,
} from './key-store.queries.ts';
import { KeyRingError, type KeyRing, type WrappingKey } from './key-ring.ts';
import { PersonKeyDestroyedError, type PersonKeys } from './person-keys.ts';

/** The key store's PersonKeys, with what operations need beside the interface. */
export type PersonKeyStore = PersonKeys & {
  readonly store: KeyStore;
  readonly ring: KeyRing;
  readonly cache: DataKeyCache;
};

export type PersonKeyStoreOptions = {
  store: KeyStore;
  ring: KeyRing;
  /**
   * Decrypts values of the global-key format (version 1) written before per-person keys, until
   * they are upgraded; without it they are refused.
   */
  legacyKeys?: Keys;
  clock?: Clock;
  cache?: { maxEntries?: number; ttlMs?: number; now?: () => number };
};

/** A data key, or the person's key was destroyed; absent: the person never had one. */
type Loaded = Map<string, Buffer | 'destroyed'>;

export const DEFAULT_CACHE = { maxEntries: 10_000, ttlMs: 60_000 };

export function createPersonKeyStore(options: PersonKeyStoreOptions): PersonKeyStore {
  const { store, ring, legacyKeys } = options;
  const clock = options.clock ?? { now: () => new Date() };
  const cache = dataKeyCache({ ...DEFAULT_CACHE, ...options.cache });
  /** The master keys the key store lists as live, by id: only those wrap new data keys. */
  let registered: Map<string, Buffer> | null = null;
  /** Moves on every destroy: a load that overlapped one does not cache what it read. */
  let destroyEpoch = 0;

  /** The ring's ids when `registered` was read: a change in the ring reads it again. */
  let registeredFor = '';

  /** The newest master key that is both in the ring and live in the key store. */
  async function wrappingKey(force: boolean): Promise<WrappingKey> {
    if (force) ring.reload();
    else ring.refreshIfChanged();
    const ids = ring
      .all()
      .map((key) => key.id)
      .join(',');
    if (force || registered === null || ids !== registeredFor) {
      registered = new Map(
        (await listWrappingKeys(store.db)).map((row) => [row.id, row.fingerprint]),
      );
      registeredFor = ids;
    }
    const live = ring.all().filter((key) => registered?.has(key.id));
    const key = live.at(-1);
    if (!key) {
      throw new KeyRingError(
        `None of the master keys in ${ring.dir} is live in the key store: restore the key ring that belongs to this key store (docs/operations.md, "The key store")`,
      );
    }
    if (!registered.get(key.id)?.equals(key.fingerprint)) {
      throw new KeyRingError(
        `The master key file ${key.id}.key in ${ring.dir} is not the key the key store lists under that id`,
      );
    }
    return key;
  }

  function unwrap(personId: string, masterKeyId: string, wrapped: Buffer): Buffer {
    const master = ring.get(masterKeyId);
    if (!master) {
      throw new KeyRingError(
        `The data key of person ${personId} is wrapped by master key ${masterKeyId}, which is not in ${ring.dir}`,
      );
    }
    return unwrapDataKey(master.key, personId, wrapped);
  }

  /** The keys of these persons: from the cache, the rest with one key-store query. */
  async function load(personIds: Iterable<string>, { fresh = false } = {}): Promise<Loaded> {
    const loaded: Loaded = new Map();
    const missing: string[] = [];
    for (const id of new Set(personIds)) {
      const cached = fresh ? undefined : cache.get(id);
      if (cached) loaded.set(id, cached);
      else missing.push(id);
    }
    if (missing.length === 0) return loaded;
    const epoch = destroyEpoch;
    for (const row of await findPersonKeys(store.db, missing)) {
      if (row.wrappedKey === null || row.masterKeyId === null) {
        loaded.set(row.personId, 'destroyed');
        continue;
      }
      const key = unwrap(row.personId, row.masterKeyId, row.wrappedKey);
      if (epoch === destroyEpoch) cache.set(row.personId, key);
      loaded.set(row.personId, key);
    }
    return loaded;
  }

  /** Stores new keys for these persons, wrapped by the newest live master key. */
  async function create(personIds: string[], loaded: Loaded, retried = false): Promise<void> {
    const master = await wrappingKey(retried);
    const fresh = personIds.map((personId) => ({ personId, key: newDataKey() }));
    let stored: Set<string>;
    try {
      stored = await insertPersonKeys(
        store.db,
        fresh.map(({ personId, key }) => ({
          personId,
          wrappedKey: wrapDataKey(master.key, personId, key),
          masterKeyId: master.id,
        })),
      );
    } catch (error) {
      // A rotation retired our master key in between: take the new one and try once more.
      if (!retried && isForeignKeyViolation(error)) return create(personIds, loaded, true);
      throw error;
    }
    for (const { personId, key } of fresh) {
      if (!stored.has(personId)) continue;
      cache.set(personId, key);
      loaded.set(personId, key);
    }
    // Another request created (or destroyed) these keys at the same moment: theirs stands.
    const raced = personIds.filter((id) => !stored.has(id));
    if (raced.length > 0) {
      for (const [id, key] of await load(raced, { fresh: true })) loaded.set(id, key);
    }
  }

  async function keysForWriting(
    personIds: Iterable<string>,
    { newPersons = false } = {},
  ): Promise<Map<string, Buffer>> {
    const loaded: Loaded = newPersons
      ? new Map<string, Buffer | 'destroyed'>()
      : await load(personIds);
    const absent = [...new Set(personIds)].filter((id) => !loaded.has(id));
    if (absent.length > 0) await create(absent, loaded);
    const keys = new Map<string, Buffer>();
    for (const id of new Set(personIds)) {
      const key = loaded.get(id);
      if (key === undefined || key === 'destroyed') throw new PersonKeyDestroyedError(id);
      keys.set(id, key);
    }
    return keys;
  }

  function legacyDecrypt(ciphertext: Buffer, context: string): string {
    if (!legacyKeys)
      throw new Error('A value in the global-key format, and no global key to read it');
    return legacyKeys.decrypt(ciphertext, context);
  }

  const personKeys: PersonKeyStore = {
    store,
    ring,
    cache,
    async encrypt(personId, plaintext, context) {
      const keys = await keysForWriting([personId]);
      return encryptWithDataKey(keys.get(personId) as Buffer, plaintext, context);
    },
    async encryptBytes(personId, plaintext, context) {
      const keys = await keysForWriting([personId]);
      return encryptBytesWithDataKey(keys.get(personId) as Buffer, plaintext, context);
    },
    async decryptBytes(personId, ciphertext, context) {
      const key = isPersonKeyCiphertext(ciphertext)
        ? (await load([personId])).get(personId)
        : undefined;
      if (key === undefined || key === 'destroyed') throw new PersonKeyDestroyedError(personId);
      return decryptBytesWithDataKey(key, ciphertext, context);
    },
    async encryptMany(items, options = {}) {
      if (items.length === 0) return [];
      const keys = await keysForWriting(
        items.map((item) => item.personId),
        options,
      );
      return items.map((item) =>
        encryptWithDataKey(keys.get(item.personId) as Buffer, item.plaintext, item.context),
      );
    },
    async decrypt(personId, ciphertext, context) {
      if (!isPersonKeyCiphertext(ciphertext)) return legacyDecrypt(ciphertext, context);
      const key = (await load([personId])).get(personId);
      // A value under a person key was made with a key: when there is none, it was destroyed.
      if (key === undefined || key === 'destroyed') throw new PersonKeyDestroyedError(personId);
      return decryptWithDataKey(key, ciphertext, context);
    },
    async decryptMany(items) {
      const needed = items.filter((item) => isPersonKeyCiphertext(item.ciphertext));
      const loaded: Loaded =
        needed.length > 0
          ? await load(needed.map((item) => item.personId))
          : new Map<string, Buffer | 'destroyed'>();
      return items.map((item) => {
        if (!isPersonKeyCiphertext(item.ciphertext))
          return legacyDecrypt(item.ciphertext, item.context);
        const key = loaded.get(item.personId);
        if (key === undefined || key === 'destroyed') return null;
        return decryptWithDataKey(key, item.ciphertext, item.context);
      });
    },
    async destroy(personId) {
      destroyEpoch++;
      cache.delete(personId);
      await destroyPersonKey(store.db, personId, clock.now());
      destroyEpoch++;
      cache.delete(personId);
    },
  };
  return personKeys;
}
