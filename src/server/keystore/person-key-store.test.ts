import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { engines } from '../../../test/helpers/db.ts';
import { createTestPersonKeys, type TestPersonKeys } from '../../../test/helpers/person-keys.ts';
import { keysFromMaster } from '../lib/crypto.ts';
import type { KeyStore } from './client.ts';
import { createPersonKeyStore } from './person-key-store.ts';
import { PersonKeyDestroyedError } from './person-keys.ts';

const context = (personId: string) => `test.value:${personId}`;

/** The key store with its SELECTs counted: what "one key-store lookup" means. */
function counting(store: KeyStore): { store: KeyStore; selects: () => number } {
  let selects = 0;
  const db = new Proxy(store.db, {
    get(target, property, receiver) {
      if (property === 'select') selects++;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { store: { ...store, db }, selects: () => selects };
}

async function storedKeys(store: KeyStore, personId: string) {
  return store.rows<{ wrapped: boolean; destroyed: boolean }>(
    sql`select wrapped_key is not null as wrapped, destroyed_at is not null as destroyed from person_key where person_id = ${personId}`,
  );
}

for (const engine of engines()) {
  describe(`per-person keys [${engine}]`, () => {
    let t: TestPersonKeys;
    const legacyKeys = keysFromMaster(crypto.randomBytes(32));
    before(async () => {
      t = await createTestPersonKeys(engine, { legacyKeys });
    });
    after(async () => {
      await t?.close();
    });

    test('the first encrypt makes the key; each person has their own', async () => {
      const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
      assert.deepEqual(await storedKeys(t.keyStore, a), []);
      const sealedA = await t.personKeys.encrypt(a, 'terveystieto', context(a));
      assert.equal(sealedA[0], 2, 'the person-key format');
      assert.deepEqual(await storedKeys(t.keyStore, a), [{ wrapped: true, destroyed: false }]);
      assert.equal(await t.personKeys.decrypt(a, sealedA, context(a)), 'terveystieto');
      await t.personKeys.encrypt(a, 'toinen', context(a));
      assert.equal((await storedKeys(t.keyStore, a)).length, 1, 'the same key again');
      // Another person's key does not open it, even with the right context.
      await t.personKeys.encrypt(b, 'x', context(b));
      await assert.rejects(t.personKeys.decrypt(b, sealedA, context(a)));
    });

    test('the context is the AAD: a value moved to another place does not open', async () => {
      const a = crypto.randomUUID();
      const sealed = await t.personKeys.encrypt(a, 'arvo', context(a));
      await assert.rejects(t.personKeys.decrypt(a, sealed, 'test.other'));
    });

    test('a wrapped key moved to another person does not unwrap (the person is its AAD)', async () => {
      const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
      await t.personKeys.encrypt(a, 'arvo', context(a));
      const sealedB = await t.personKeys.encrypt(b, 'arvo', context(b));
      await t.keyStore.rows(
        sql`update person_key set wrapped_key = (select wrapped_key from person_key where person_id = ${a}) where person_id = ${b}`,
      );
      t.personKeys.cache.clear();
      await assert.rejects(t.personKeys.decrypt(b, sealedB, context(b)), /unable to authenticate/);
    });

    test('a destroyed key raises PersonKeyDestroyedError, and is never made again', async () => {
      const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
      const sealedA = await t.personKeys.encrypt(a, 'erityinen', context(a));
      const sealedB = await t.personKeys.encrypt(b, 'muu', context(b));
      await t.personKeys.destroy(a);
      await assert.rejects(t.personKeys.decrypt(a, sealedA, context(a)), (error: unknown) => {
        assert.ok(error instanceof PersonKeyDestroyedError);
        assert.equal(error.personId, a);
        return true;
      });
      assert.deepEqual(
        await t.personKeys.decryptMany([
          { personId: a, ciphertext: sealedA, context: context(a) },
          { personId: b, ciphertext: sealedB, context: context(b) },
        ]),
        [null, 'muu'],
      );
      await assert.rejects(
        t.personKeys.encrypt(a, 'uusi', context(a)),
        PersonKeyDestroyedError,
        'no new key for an erased person',
      );
      assert.deepEqual(await storedKeys(t.keyStore, a), [{ wrapped: false, destroyed: true }]);
      // A person who never had a key can be "destroyed" too: nothing is ever made for them.
      const c = crypto.randomUUID();
      await t.personKeys.destroy(c);
      await assert.rejects(t.personKeys.encrypt(c, 'x', context(c)), PersonKeyDestroyedError);
    });

    test('destroy evicts the cached key at once; another server forgets it within the TTL', async () => {
      let now = 0;
      const other = createPersonKeyStore({
        store: t.keyStore,
        ring: t.ring,
        cache: { ttlMs: 60_000, now: () => now },
      });
      const a = crypto.randomUUID();
      const sealed = await t.personKeys.encrypt(a, 'arvo', context(a));
      assert.equal(await other.decrypt(a, sealed, context(a)), 'arvo');
      assert.ok(t.personKeys.cache.get(a), 'cached here');
      assert.ok(other.cache.get(a), 'and there');

      await t.personKeys.destroy(a);
      assert.equal(t.personKeys.cache.get(a), undefined, 'evicted');
      await assert.rejects(t.personKeys.decrypt(a, sealed, context(a)), PersonKeyDestroyedError);
      assert.equal(await other.decrypt(a, sealed, context(a)), 'arvo', 'still cached there');
      now = 60_000;
      await assert.rejects(other.decrypt(a, sealed, context(a)), PersonKeyDestroyedError);
    });

    test('the cache serves repeated reads; decryptMany fetches all missing keys in one query', async () => {
      const ids = Array.from({ length: 30 }, () => crypto.randomUUID());
      const sealed = await t.personKeys.encryptMany(
        ids.map((id) => ({ personId: id, plaintext: `arvo ${id}`, context: context(id) })),
      );
      const { store, selects } = counting(t.keyStore);
      const reader = createPersonKeyStore({ store, ring: t.ring });
      const items = ids.map((id, i) => ({
        personId: id,
        ciphertext: sealed[i] as Buffer,
        context: context(id),
      }));
      assert.deepEqual(
        await reader.decryptMany(items),
        ids.map((id) => `arvo ${id}`),
      );
      assert.equal(selects(), 1, 'one key-store query for 30 persons');
      await reader.decryptMany(items);
      await reader.decrypt(ids[0] ?? '', sealed[0] as Buffer, context(ids[0] ?? ''));
      assert.equal(selects(), 1, 'then from the cache');
    });

    test('persons encrypting at once each get one key, the same for every request', async () => {
      const a = crypto.randomUUID();
      const servers = Array.from({ length: 4 }, () =>
        createPersonKeyStore({ store: t.keyStore, ring: t.ring }),
      );
      const sealed = await Promise.all(
        servers.map((server, i) => server.encrypt(a, `arvo ${i}`, context(a))),
      );
      for (const [i, value] of sealed.entries()) {
        assert.equal(await t.personKeys.decrypt(a, value, context(a)), `arvo ${i}`);
      }
      assert.equal((await storedKeys(t.keyStore, a)).length, 1);
    });

    test('version 1 values (the global key) still open until upgraded; without that key they do not', async () => {
      const a = crypto.randomUUID();
      const old = legacyKeys.encrypt('131052-308T', context(a));
      assert.equal(await t.personKeys.decrypt(a, old, context(a)), '131052-308T');
      assert.deepEqual(
        await t.personKeys.decryptMany([{ personId: a, ciphertext: old, context: context(a) }]),
        ['131052-308T'],
      );
      const withoutLegacy = createPersonKeyStore({ store: t.keyStore, ring: t.ring });
      await assert.rejects(withoutLegacy.decrypt(a, old, context(a)), /global-key format/);
    });

    test('a key wrapped by a master key missing from the ring fails clearly', async () => {
      const a = crypto.randomUUID();
      const sealed = await t.personKeys.encrypt(a, 'arvo', context(a));
      const emptyRing = { ...t.ring, get: () => undefined };
      const reader = createPersonKeyStore({ store: t.keyStore, ring: emptyRing });
      await assert.rejects(
        reader.decrypt(a, sealed, context(a)),
        /wrapped by master key \S+, which is not in/,
      );
    });
  });
}
