import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { openKeyStore } from '../../src/server/keystore/client.ts';
import { openPersonKeys } from '../../src/server/keystore/open.ts';
import type { PersonKeyStore } from '../../src/server/keystore/person-key-store.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { keysFromMaster, type Keys } from '../../src/server/lib/crypto.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { createTestDatabase, engines } from '../helpers/db.ts';
import { createTestPersonKeys } from '../helpers/person-keys.ts';

const CODE = '131052-308T';
const FORMS = [CODE, CODE.replace('-', ''), CODE.toLowerCase()];

/** Registers a person with an identity code, searches and reveals it, all through the API. */
async function exercise(
  database: Awaited<ReturnType<typeof openDatabase>>,
  dataDir: string,
  keys: Keys,
  personKeys: PersonKeyStore,
) {
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await buildApp(
    {
      config: loadConfig({ DATA_DIR: dataDir }),
      database,
      keys,
      personKeys,
      clock: systemClock,
    },
    { logger: { level: 'trace', stream }, serveWeb: false },
  );
  const cookie = await signInNewUser(app, database, keys, {
    username: 'officer',
    role: 'register_officer',
  });
  const created = await app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: json(cookie),
    payload: {
      firstName: 'Plaintext',
      lastName: 'Canary',
      personalIdentityCode: CODE,
      personalIdentityCodePurpose: 'billing_and_collection',
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as string;
  const duplicate = await app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: json(cookie),
    payload: {
      firstName: 'X',
      lastName: 'Y',
      personalIdentityCode: CODE,
      personalIdentityCodePurpose: 'consent',
    },
  });
  assert.equal(duplicate.statusCode, 409);
  const found = await app.inject({ url: `/api/search?q=${CODE}`, headers: { cookie } });
  assert.equal(found.json().items[0].person.id, id);
  const revealed = await app.inject({
    method: 'POST',
    url: `/api/persons/${id}/reveal-identity-code`,
    headers: json(cookie),
    payload: { purpose: 'test' },
  });
  assert.equal(revealed.json().personalIdentityCode, CODE);
  await app.close();
  return { logLines, id };
}

function assertNoPlaintext(haystack: Buffer | string, where: string) {
  const text = Buffer.isBuffer(haystack) ? haystack.toString('latin1') : haystack;
  for (const form of FORMS) {
    const at = text.indexOf(form);
    assert.equal(
      at,
      -1,
      `${form} found in ${where}: …${text.slice(Math.max(0, at - 100), at + 300)}`,
    );
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .flatMap((entry) => (entry.isFile() ? [path.join(entry.parentPath, entry.name)] : []));
}

test('embedded: no plaintext identity code in the data directory, the key store, a pg_dump or the server log', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-at-rest-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir });
    const database = await openDatabase({ dataDir });
    await database.migrate();
    const keys = keysFromMaster(crypto.randomBytes(32));
    const opened = await openPersonKeys(config, { legacyKeys: keys });
    const { logLines, id } = await exercise(database, dataDir, keys, opened.personKeys);
    assert.ok(logLines.length > 5, 'the log was captured');
    assertNoPlaintext(logLines.join('\n'), 'the server log');
    await database.close();
    await opened.close();

    // DATA_DIR holds the data (pgdata/), the key store (keystore/) and the keys (keys/).
    const files = filesUnder(dataDir);
    const keyStoreFiles = files.filter((file) => file.startsWith(config.keystoreDir + path.sep));
    assert.ok(keyStoreFiles.length > 10, 'the scan covers the key store directory');
    const contents = files.map((file) => fs.readFileSync(file));
    assert.ok(
      contents.some((c) => c.includes('Canary')),
      'the scan sees the stored name, so it would see a plaintext code',
    );
    contents.forEach((content, i) => assertNoPlaintext(content, files[i] ?? ''));

    const reopened = await openDatabase({ dataDir });
    const client = (reopened.db as unknown as { $client: PGlite }).$client;
    const dump = await (await pgDump({ pg: client })).text();
    assert.ok(dump.includes('Canary'), 'the dump holds the person');
    assertNoPlaintext(dump, 'pg_dump of the embedded database');
    await reopened.close();

    const keyStore = await openKeyStore({ dir: config.keystoreDir });
    const keyStoreClient = (keyStore.db as unknown as { $client: PGlite }).$client;
    const keyDump = await (await pgDump({ pg: keyStoreClient })).text();
    assert.ok(keyDump.includes(id), "the key store's dump holds the person's key");
    assert.ok(!keyDump.includes('Canary'), 'the key store holds no data');
    assertNoPlaintext(keyDump, 'pg_dump of the embedded key store');
    await keyStore.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test(
  'PostgreSQL: no plaintext identity code in a pg_dump of the data or the key store, or the server log',
  {
    skip: engines().includes('postgres') ? false : 'set TEST_DATABASE_URL to run on PostgreSQL',
  },
  async () => {
    const database = await createTestDatabase('postgres');
    const keys = keysFromMaster(crypto.randomBytes(32));
    const personKeys = await createTestPersonKeys('postgres', { legacyKeys: keys });
    try {
      const { logLines, id } = await exercise(database, os.tmpdir(), keys, personKeys.personKeys);
      assertNoPlaintext(logLines.join('\n'), 'the server log');
      const pgDumpOf = (url: string | undefined) =>
        execFileSync('pg_dump', ['--no-owner', url ?? ''], {
          maxBuffer: 256 * 1024 * 1024,
        }).toString('utf8');
      const dump = pgDumpOf(database.url);
      assert.ok(dump.includes('Canary'), 'the dump holds the person');
      assertNoPlaintext(dump, 'pg_dump');
      const keyDump = pgDumpOf(personKeys.keyStore.url);
      assert.ok(keyDump.includes(id), "the key store's dump holds the person's key");
      assertNoPlaintext(keyDump, 'pg_dump of the key store');
    } finally {
      await database.drop();
      await personKeys.close();
    }
  },
);
