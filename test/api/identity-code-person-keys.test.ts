import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { persons } from '../../src/server/db/schema/index.ts';
import { keysFromMaster, type Keys } from '../../src/server/lib/crypto.ts';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { openKeyStore } from '../../src/server/keystore/client.ts';
import { upgradeIdentityCodes } from '../../src/server/modules/persons/identity-code-upgrade.ts';
import {
  identityCodeContext,
  identityCodeIndex,
} from '../../src/server/modules/persons/persons.service.ts';
import { openRegister } from '../../src/server/start.ts';
import { forEachEngineAppPerTest, json, signInNewUser } from '../helpers/app.ts';

const code = (n: number) => makeIdentityCode(`19${60 + (n % 30)}-03-1${n % 10}`, 100 + n);

/** Persons as the register stored them before per-person keys: codes under the global key. */
async function insertGlobalKeyPersons(database: Pick<Database, 'db'>, keys: Keys, count: number) {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = 40 + i;
    const id = crypto.randomUUID();
    return {
      id,
      firstName: `Vanha${n}`,
      lastName: 'Salaus',
      searchText: `vanha${n} salaus`,
      identityCodeEncrypted: keys.encrypt(code(n), identityCodeContext(id)),
      identityCodeIndex: identityCodeIndex(keys, code(n)),
      identityCodePurpose: 'consent',
      identityCodeTemporary: false,
    };
  });
  await database.db.insert(persons).values(rows);
  return rows.map((row, i) => ({ id: row.id, code: code(40 + i) }));
}

const firstBytes = async (database: Database) =>
  (
    await database.rows<{ version: number; n: number }>(
      sql`select get_byte(identity_code_encrypted, 0) as version, count(*)::int as n from person where identity_code_encrypted is not null group by 1 order by 1`,
    )
  ).map((row) => [row.version, row.n]);

forEachEngineAppPerTest('identity codes under the persons’ own keys', ({ ctx }) => {
  /** A register officer registers a person whose identity code gets the person's own key. */
  const registerOwnKey = async (cookie: string, firstName: string, n: number) => {
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: {
        firstName,
        lastName: 'Avain',
        personalIdentityCode: code(n),
        personalIdentityCodePurpose: 'consent',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    return created;
  };

  test('a registered code is a version 2 value under a data key made for the person', async () => {
    const cookie = await ctx().signIn('register_officer');
    const id = (await registerOwnKey(cookie, 'Oma', 1)).json().id as string;
    const [row] = await ctx()
      .database.db.select({ encrypted: persons.identityCodeEncrypted })
      .from(persons)
      .where(eq(persons.id, id));
    assert.equal(row?.encrypted?.[0], 2);
    const keyRows = await ctx().personKeys.keyStore.rows<{ person_id: string }>(
      sql`select person_id from person_key where person_id = ${id}`,
    );
    assert.deepEqual(
      keyRows.map((r) => r.person_id),
      [id],
    );
    // Not the global key: it does not open the value.
    assert.throws(() =>
      ctx().keys.decrypt(row?.encrypted ?? Buffer.alloc(0), identityCodeContext(id)),
    );
  });

  test('after the key is destroyed: no code on the page, in lists or searches; reveal is 409, never 500', async () => {
    const cookie = await ctx().signIn('register_officer');
    const id = (await registerOwnKey(cookie, 'Oma', 1)).json().id as string;
    const other = await registerOwnKey(cookie, 'Toinen', 2);
    await ctx().personKeys.personKeys.destroy(id);
    const page = await ctx().app.inject({ url: `/api/persons/${id}`, headers: { cookie } });
    assert.equal(page.statusCode, 200, page.body);
    assert.equal(page.json().personalIdentityCode, null);
    const list = await ctx().app.inject({ url: '/api/persons?limit=50', headers: { cookie } });
    assert.equal(list.statusCode, 200, list.body);
    const byId = new Map(
      list
        .json()
        .items.map((p: { id: string; personalIdentityCode: string | null }) => [
          p.id,
          p.personalIdentityCode,
        ]),
    );
    assert.equal(byId.get(id), null);
    assert.equal(byId.get(other.json().id), `${code(2).slice(0, 7)}****`);
    const search = await ctx().app.inject({ url: '/api/search?q=Avain', headers: { cookie } });
    assert.equal(search.statusCode, 200, search.body);
    assert.equal(search.json().items.length, 2);
    const reveal = await ctx().app.inject({
      method: 'POST',
      url: `/api/persons/${id}/reveal-identity-code`,
      headers: json(cookie),
      payload: { purpose: 'testi' },
    });
    assert.equal(reveal.statusCode, 409, reveal.body);
    assert.equal(reveal.json().errors[0].code, 'personKey.destroyed');
    const change = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: json(cookie),
      payload: { personalIdentityCode: code(3), personalIdentityCodePurpose: 'consent' },
    });
    assert.equal(change.statusCode, 409, `no new key for an erased person: ${change.body}`);
    assert.ok(!ctx().logLines.some((line) => /"level":50/.test(line)), 'no server error logged');
  });

  test('codes under the global key are read until upgraded, then moved in batches, once', async () => {
    // Two persons registered under their own keys already, beside seven from before them.
    const cookie = await ctx().signIn('register_officer');
    await registerOwnKey(cookie, 'Oma', 1);
    await registerOwnKey(cookie, 'Toinen', 2);
    const old = await insertGlobalKeyPersons(ctx().database, ctx().keys, 7);
    const read = await ctx().app.inject({ url: `/api/persons/${old[0]?.id}`, headers: { cookie } });
    assert.equal(read.json().personalIdentityCode, `${old[0]?.code.slice(0, 7)}****`);
    const listed = await ctx().app.inject({ url: '/api/search?q=Salaus', headers: { cookie } });
    assert.ok(
      listed
        .json()
        .items.every((item: { person: { personalIdentityCode: string } }) =>
          item.person.personalIdentityCode.endsWith('****'),
        ),
    );

    // A change that lands while a batch is being encrypted keeps its own new value.
    const changed = old[1];
    const personKeys = ctx().personKeys.personKeys;
    let interleaved = false;
    const result = await upgradeIdentityCodes(
      ctx().database.db,
      ctx().keys,
      {
        encryptMany: async (items) => {
          const encrypted = await personKeys.encryptMany(items);
          if (!interleaved) {
            interleaved = true;
            const patch = await ctx().app.inject({
              method: 'PATCH',
              url: `/api/persons/${changed?.id}`,
              headers: json(cookie),
              payload: { personalIdentityCode: code(20), personalIdentityCodePurpose: 'consent' },
            });
            assert.equal(patch.statusCode, 200, patch.body);
          }
          return encrypted;
        },
      },
      { batchSize: 3 },
    );
    assert.deepEqual(result, { upgraded: 6, destroyed: 0 });
    assert.deepEqual(await firstBytes(ctx().database), [[2, 9]]);
    for (const [i, person] of old.entries()) {
      const revealed = await ctx().app.inject({
        method: 'POST',
        url: `/api/persons/${person.id}/reveal-identity-code`,
        headers: json(cookie),
        payload: { purpose: 'testi' },
      });
      assert.equal(revealed.json().personalIdentityCode, i === 1 ? code(20) : person.code);
    }
    const again = await upgradeIdentityCodes(ctx().database.db, ctx().keys, personKeys);
    assert.deepEqual(again, { upgraded: 0, destroyed: 0 }, 'idempotent');
  });
});

test('the start moves codes under the global key to person keys in the background', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-upgrade-'));
  const masterKey = crypto.randomBytes(32);
  const keys = keysFromMaster(masterKey);
  const config = loadConfig({
    DATA_DIR: dataDir,
    REKISTERI_MASTER_KEY: masterKey.toString('base64'),
  });
  try {
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const old = await insertGlobalKeyPersons(database, keys, 5);
    await database.close();

    const lines: string[] = [];
    const {
      app,
      database: opened,
      upgraded,
    } = await openRegister(config, {
      logger: {
        stream: {
          write: (line: string) => lines.push(line),
        } as unknown as NodeJS.WritableStream,
      },
      serveWeb: false,
    });
    try {
      await upgraded;
      assert.deepEqual(await firstBytes(opened), [[2, 5]]);
      assert.ok(lines.some((line) => line.includes('Moved 5 identity codes')));
      const cookie = await signInNewUser(app, opened, keys, {
        username: 'tietosuoja',
        role: 'register_officer',
      });
      const revealed = await app.inject({
        method: 'POST',
        url: `/api/persons/${old[4]?.id}/reveal-identity-code`,
        headers: json(cookie),
        payload: { purpose: 'testi' },
      });
      assert.equal(revealed.json().personalIdentityCode, old[4]?.code);
    } finally {
      await app.close();
    }
    const keyStore = await openKeyStore({ dir: config.keystoreDir });
    const [count] = await keyStore.rows<{ n: number }>(
      sql`select count(*)::int as n from person_key`,
    );
    assert.equal(count?.n, 5);
    await keyStore.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
