/**
 * `npm test`: prepares the run's template databases once, then runs every test file with Node's
 * test runner. PGlite tests start from a dump of a migrated database; with TEST_DATABASE_URL
 * the same tests also run on PostgreSQL, each file in a database copied from one template.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../src/server/db/client.ts';
import { openKeyStore } from '../src/server/keystore/client.ts';
import { adminQuery, serverUrl } from '../test/helpers/db.ts';
import { buildWebIfNeeded } from './build-web-if-needed.ts';

const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-test-'));
const env: Record<string, string | undefined> = { ...process.env };

async function preparePglite() {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  await database.migrate();
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(runDir, 'pglite-template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  env.REKISTERI_PGLITE_TEMPLATE = file;
}

/** The key store is a database of its own (decision 0011): a template of its own too. */
async function preparePgliteKeyStore() {
  const pglite = await PGlite.create();
  const keyStore = await openKeyStore({ pglite });
  await keyStore.migrate();
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(runDir, 'pglite-keystore-template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await keyStore.close();
  env.REKISTERI_PGLITE_KEYSTORE_TEMPLATE = file;
}

async function preparePostgres(): Promise<string[]> {
  if (!process.env.TEST_DATABASE_URL) return [];
  const suffix = crypto.randomBytes(6).toString('hex');
  const name = `rekisteri_tpl_${suffix}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: serverUrl(name), poolSize: 1 });
  await database.migrate();
  await database.close();
  env.REKISTERI_PG_TEMPLATE = name;
  const keyStoreName = `rekisteri_kstpl_${suffix}`;
  await adminQuery(`CREATE DATABASE ${keyStoreName}`);
  const keyStore = await openKeyStore({ databaseUrl: serverUrl(keyStoreName), poolSize: 1 });
  await keyStore.migrate();
  await keyStore.close();
  env.REKISTERI_PG_KEYSTORE_TEMPLATE = keyStoreName;
  return [name, keyStoreName];
}

await buildWebIfNeeded();
await preparePglite();
await preparePgliteKeyStore();
const pgTemplates = await preparePostgres();
console.log(
  `Testing on PGlite${pgTemplates.length > 0 ? ' and PostgreSQL' : ' (set TEST_DATABASE_URL to test on PostgreSQL too)'}`,
);

const patterns =
  process.argv.length > 2 ? process.argv.slice(2) : ['src/**/*.test.ts', 'test/**/*.test.ts'];
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=300000', ...patterns],
  { stdio: 'inherit', env },
);

for (const template of pgTemplates) {
  await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}
fs.rmSync(runDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
