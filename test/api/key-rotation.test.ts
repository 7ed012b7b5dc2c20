import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { unwrapDataKey } from '../../src/server/keystore/envelope.ts';
import { openKeyRing } from '../../src/server/keystore/key-ring.ts';
import { createPersonKeyStore } from '../../src/server/keystore/person-key-store.ts';
import { keyStoreStatus, rotateWrappingKeys } from '../../src/server/keystore/rotate.ts';
import { forEachEngine, json } from '../helpers/app.ts';

const code = (n: number) =>
  makeIdentityCode(`1980-01-${String(1 + (n % 28)).padStart(2, '0')}`, 100 + n);

type StoredKey = { person_id: string; wrapped_key: Buffer; master_key_id: string };

forEachEngine(
  'rekisteri keys rotate: every data key under a new master key, beside the server',
  ({ ctx }) => {
    test('after rotation every code reads back through the API, and the old master key opens nothing', async () => {
      const cookie = await ctx().signIn('register_officer');
      const create = async (n: number) => {
        const response = await ctx().app.inject({
          method: 'POST',
          url: '/api/persons',
          headers: json(cookie),
          payload: {
            firstName: `Kierto${n}`,
            lastName: 'Avaintesti',
            personalIdentityCode: code(n),
            personalIdentityCodePurpose: 'consent',
          },
        });
        assert.equal(response.statusCode, 201, response.body);
        return { id: response.json().id as string, code: code(n) };
      };
      const registered = [];
      for (let n = 0; n < 23; n++) registered.push(await create(n));
      const { keyStore, ring } = ctx().personKeys;
      const old = ring.current();

      // A second server that read the key ring before the rotation and never looks again: it
      // goes on wrapping with the old master key until the key store refuses it.
      const staleRing = { ...openKeyRing(ring.dir), refreshIfChanged: () => {} };
      const staleServer = createPersonKeyStore({ store: keyStore, ring: staleRing });
      // First in person order: the pass is past it, so only the foreign key's refusal to retire
      // the old master key brings the rotation back for it.
      const stalePerson = '00000000-0000-4000-8000-000000000000';
      const lateStale = crypto.randomUUID();

      // The rotation runs as the CLI runs it, with its own view of the key ring; the API keeps
      // registering persons meanwhile.
      let batches = 0;
      const during: Promise<{ id: string; code: string }>[] = [];
      const report = await rotateWrappingKeys(keyStore, openKeyRing(ring.dir), {
        batchSize: 5,
        onBatch: () => {
          batches++;
          if (batches === 1) during.push(create(30), create(31));
          if (batches === 2) {
            during.push(
              staleServer
                .encrypt(stalePerson, 'erityinen', `test.value:${stalePerson}`)
                .then(() => ({ id: stalePerson, code: '' })),
            );
          }
        },
      });
      registered.push(...(await Promise.all(during)).filter((p) => p.code !== ''));
      assert.ok(report.batches >= 5, `${report.batches} batches of at most 5`);
      assert.equal(report.passes, 2, 'a second pass for the key wrapped meanwhile');
      assert.ok(report.rewrapped >= 23, `${report.rewrapped} rewrapped`);
      assert.deepEqual(report.retired, [old.id]);
      assert.notEqual(report.newKeyId, old.id);

      // The old key is gone from the ring and the key store; every key is under the new one.
      assert.equal(fs.existsSync(path.join(ring.dir, `${old.id}.key`)), false);
      const status = await keyStoreStatus(keyStore, openKeyRing(ring.dir));
      assert.deepEqual(
        status.masterKeys.map((key) => [key.id, key.inRing, key.listed]),
        [[report.newKeyId, true, true]],
      );
      assert.equal(status.current, report.newKeyId);
      const stored = await keyStore.rows<StoredKey>(
        sql`select person_id, wrapped_key, master_key_id from person_key`,
      );
      assert.ok(stored.length >= 26, `${stored.length} keys`);
      assert.ok(stored.every((row) => row.master_key_id === report.newKeyId));

      // The old master key opens none of them; the new one opens all.
      const bytes = (value: Buffer | Uint8Array) => Buffer.from(value);
      const fresh = openKeyRing(ring.dir).current();
      for (const row of stored) {
        assert.throws(() => unwrapDataKey(old.key, row.person_id, bytes(row.wrapped_key)));
        assert.equal(unwrapDataKey(fresh.key, row.person_id, bytes(row.wrapped_key)).length, 32);
      }

      // Everything reads back through the API, also with the server's caches empty.
      ctx().personKeys.personKeys.cache.clear();
      for (const person of registered) {
        const revealed = await ctx().app.inject({
          method: 'POST',
          url: `/api/persons/${person.id}/reveal-identity-code`,
          headers: json(cookie),
          payload: { purpose: 'avainten kierron tarkistus' },
        });
        assert.equal(revealed.statusCode, 200, revealed.body);
        assert.equal(revealed.json().personalIdentityCode, person.code);
      }
      const listed = await ctx().app.inject({
        url: '/api/search?q=Avaintesti&limit=50',
        headers: { cookie },
      });
      assert.equal(listed.json().items.length, registered.length);
      assert.ok(
        listed
          .json()
          .items.every((item: { person: { personalIdentityCode: string } }) =>
            /^\d{6}[-+A-Y]\*{4}$/.test(item.person.personalIdentityCode),
          ),
      );
      staleServer.cache.clear();
      assert.equal(
        await staleServer.decrypt(
          stalePerson,
          await ctx().personKeys.personKeys.encrypt(stalePerson, 'x', 'c'),
          'c',
        ),
        'x',
      );

      // The server picks up the new master key for new data keys; so does the stale one, once
      // the key store refuses its retired key.
      const after = await create(40);
      await staleServer.encrypt(lateStale, 'arvo', `test.value:${lateStale}`);
      const masters = await keyStore.rows<{ master_key_id: string }>(
        sql`select master_key_id from person_key where person_id in (${after.id}, ${lateStale})`,
      );
      assert.deepEqual(
        masters.map((row) => row.master_key_id),
        [report.newKeyId, report.newKeyId],
      );
    });
  },
);
