import crypto from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, pgliteExtensions, type Database } from '../../src/server/db/client.ts';
import { openKeyStore, type KeyStore } from '../../src/server/keystore/client.ts';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server. */
export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A run's template dump as a Blob, read once per process: a suite that builds an app per test
 * loads the same dump many times, and reading and copying 30–40 MB each time cost more CPU than
 * PGlite's own start. A Blob is immutable, so every load can read the same one.
 */
const templateBlobs = new Map<string, Blob>();
function templateBlob(file: string): Blob {
  let blob = templateBlobs.get(file);
  if (!blob) {
    blob = new Blob([fs.readFileSync(file)]);
    templateBlobs.set(file, blob);
  }
  return blob;
}

export type TestDatabase = Database & {
  /** The connection string of a PostgreSQL test database (for pg_dump). */
  url?: string;
  /** The PGlite instance of an embedded test database. */
  pglite?: PGlite;
  drop(): Promise<void>;
};

/**
 * A test database as a suite prepared it, to start each of its tests from (decision 0023): a
 * PGlite dump, or a PostgreSQL database to copy. `drop` removes it when the suite ends.
 */
export type TestDatabaseSnapshot = { dump?: Blob; template?: string; drop(): Promise<void> };

/**
 * A fresh, migrated database of its own for one test file. PGlite starts from the migrated dump
 * that scripts/test.ts made once for the run; PostgreSQL from the run's template database.
 * Without those (a file run alone) it migrates from scratch. From a snapshot, it starts as the
 * snapshot's database was.
 */
export async function createTestDatabase(
  engine: Engine,
  snapshot?: TestDatabaseSnapshot,
): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const template = process.env.REKISTERI_PGLITE_TEMPLATE;
    const dump = snapshot?.dump ?? (template ? templateBlob(template) : undefined);
    const pglite = await PGlite.create({
      extensions: pgliteExtensions,
      ...(dump ? { loadDataDir: dump } : {}),
    });
    const database = await openDatabase({ pglite });
    if (!dump) await database.migrate();
    return { ...database, pglite, drop: () => database.close() };
  }
  const name = `rekisteri_test_${crypto.randomBytes(6).toString('hex')}`;
  const template = snapshot?.template ?? process.env.REKISTERI_PG_TEMPLATE;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = serverUrl(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  if (!template) await database.migrate();
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Closes the test database and keeps what it holds as a snapshot to start others from. A
 * PostgreSQL template may have no connections, so the database cannot be used after this.
 */
export async function snapshotTestDatabase(database: TestDatabase): Promise<TestDatabaseSnapshot> {
  if (database.pglite) {
    const dump = await database.pglite.dumpDataDir('none');
    await database.drop();
    return { dump, drop: async () => {} };
  }
  if (!database.url) throw new Error('a test database without a PGlite or a URL');
  const template = new URL(database.url).pathname.slice(1);
  await database.close();
  return {
    template,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`),
  };
}

export type TestKeyStore = KeyStore & {
  url?: string;
  pglite?: PGlite;
  drop(): Promise<void>;
};

/**
 * A fresh, migrated key store of its own for one test file, from the run's key-store template
 * (scripts/test.ts) like the data database; without one it migrates from scratch.
 */
export async function createTestKeyStore(engine: Engine): Promise<TestKeyStore> {
  if (engine === 'pglite') {
    const template = process.env.REKISTERI_PGLITE_KEYSTORE_TEMPLATE;
    const pglite = await PGlite.create(template ? { loadDataDir: templateBlob(template) } : {});
    const keyStore = await openKeyStore({ pglite });
    if (!template) await keyStore.migrate();
    return { ...keyStore, pglite, drop: () => keyStore.close() };
  }
  const name = `rekisteri_test_keys_${crypto.randomBytes(6).toString('hex')}`;
  const template = process.env.REKISTERI_PG_KEYSTORE_TEMPLATE;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const url = serverUrl(name);
  const keyStore = await openKeyStore({ databaseUrl: url, poolSize: 2 });
  if (!template) await keyStore.migrate();
  return {
    ...keyStore,
    url,
    drop: async () => {
      await keyStore.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export { serverUrl, adminQuery };
