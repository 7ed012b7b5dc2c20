/**
 * The run's template databases, made once and shared by every test file: PGlite tests start from
 * a dump of a migrated database; with TEST_DATABASE_URL the same tests also run on PostgreSQL,
 * each file in a database copied from one template. Used by `npm test` and `npm run test:alone`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../src/server/db/client.ts';
import { openKeyStore } from '../src/server/keystore/client.ts';
import { adminQuery, serverUrl } from '../test/helpers/db.ts';
import { buildWebIfNeeded } from './build-web-if-needed.ts';

export type TestTemplates = {
  /** The environment test processes run in: it names the templates. */
  env: Record<string, string | undefined>;
  /** A directory for the run's files, removed by `remove`. */
  runDir: string;
  /** Whether PostgreSQL is tested too. */
  postgres: boolean;
  remove(): Promise<void>;
};

/**
 * Makes a migrated PGlite cheaper to load: every test file, and every test of a suite with an
 * app per test, loads the dump into a new PGlite. Measured per load (CPU): 0.40 s before, 0.19 s
 * after. Most of it was PostgreSQL zeroing its 128 MB of shared buffers at every start (an
 * in-memory database gains nothing from them: its "disk" is memory too), and the rest unpacking
 * the files of template0 and template1, which no test uses (PGlite has no CREATE DATABASE here).
 * The SQL the tests run is the same; only the engine's start is cheaper.
 */
async function slimForTests(pglite: PGlite): Promise<Blob> {
  for (const statement of [
    `UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')`,
    'DROP DATABASE template0',
    'DROP DATABASE template1',
    `ALTER SYSTEM SET shared_buffers = '16MB'`,
  ]) {
    await pglite.exec(statement); // one by one: DROP DATABASE refuses a transaction block
  }
  return pglite.dumpDataDir('none');
}

async function preparePglite(runDir: string, env: TestTemplates['env']) {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  await database.migrate();
  const dump = await slimForTests(pglite);
  const file = path.join(runDir, 'pglite-template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  env.REKISTERI_PGLITE_TEMPLATE = file;
}

/** The key store is a database of its own (decision 0011): a template of its own too. */
async function preparePgliteKeyStore(runDir: string, env: TestTemplates['env']) {
  const pglite = await PGlite.create();
  const keyStore = await openKeyStore({ pglite });
  await keyStore.migrate();
  const dump = await slimForTests(pglite);
  const file = path.join(runDir, 'pglite-keystore-template.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await keyStore.close();
  env.REKISTERI_PGLITE_KEYSTORE_TEMPLATE = file;
}

async function preparePostgres(env: TestTemplates['env']): Promise<string[]> {
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

/** Builds the web app if needed (the browser tests serve it) and makes the templates. */
export async function prepareTestTemplates(): Promise<TestTemplates> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-test-'));
  const env: TestTemplates['env'] = { ...process.env };
  // Every test file is a process of its own, and many start the server or the CLI again: each
  // imports and compiles the same few hundred modules. Node's compile cache keeps the compiled
  // code for the run's later processes (measured: importing the app 1.9 → 1.5 s of CPU).
  env.NODE_COMPILE_CACHE ??= path.join(runDir, 'compile-cache');
  await buildWebIfNeeded();
  await preparePglite(runDir, env);
  await preparePgliteKeyStore(runDir, env);
  const pgTemplates = await preparePostgres(env);
  return {
    env,
    runDir,
    postgres: pgTemplates.length > 0,
    async remove() {
      for (const template of pgTemplates) {
        await adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      }
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** Options of the test runner that take a value, so `--test-name-pattern x` keeps its `x`. */
const VALUE_OPTIONS = new Set([
  '--test-name-pattern',
  '--test-skip-pattern',
  '--test-concurrency',
  '--test-timeout',
  '--test-reporter',
  '--test-reporter-destination',
]);

/**
 * Splits command-line arguments into the test runner's options and the files or globs to run:
 * Node reads options only before the files, so `npm test -- file --test-name-pattern x` works.
 */
export function splitTestArguments(args: string[]): { options: string[]; files: string[] } {
  const options: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) files.push(arg);
    else if (VALUE_OPTIONS.has(arg) && i + 1 < args.length) options.push(`${arg}=${args[++i]}`);
    else options.push(arg);
  }
  return { options, files };
}
