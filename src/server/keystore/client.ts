import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { embeddedReachability, openWatchedPool, type Reachability } from '../db/availability.ts';
import { lockDataDir } from '../db/lock.ts';
import * as schema from './schema.ts';

export type KeyStoreDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The key store: a database of its own, never the data database (decision 0011). */
export type KeyStore = {
  engine: 'pglite' | 'postgres';
  db: KeyStoreDb;
  /** Runs raw SQL and returns its rows; the same on both engines. */
  rows<T>(query: SQL): Promise<T[]>;
  /** Whether the server's connections work (always, for the embedded key store). */
  reachability: Reachability;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const KEYSTORE_MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations-keystore',
);

export type KeyStoreOpenOptions =
  | { databaseUrl: string; poolSize?: number }
  /** The embedded key store: a PGlite of its own in this directory, locked to one process. */
  | { dir: string }
  /** A PGlite already opened by the caller (tests start one from a dump). */
  | { pglite: PGlite };

export async function openKeyStore(options: KeyStoreOpenOptions): Promise<KeyStore> {
  if ('databaseUrl' in options) {
    const { pool, reachability } = openWatchedPool(
      { connectionString: options.databaseUrl, max: options.poolSize ?? 4 },
      'keystore',
    );
    await pool.query('select 1');
    const db = drizzlePg(pool, { schema }) as unknown as KeyStoreDb;
    return {
      engine: 'postgres',
      db,
      rows: async <T>(query: SQL) => ((await db.execute(query)) as { rows: T[] }).rows,
      reachability,
      migrate: () =>
        migratePg(drizzlePg(pool, { schema }), { migrationsFolder: KEYSTORE_MIGRATIONS_DIR }),
      close: () => pool.end(),
    };
  }
  let release = () => {};
  let client: PGlite;
  if ('pglite' in options) {
    client = options.pglite;
  } else {
    // Wrapped keys only, but no one else's business either.
    fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 });
    release = lockDataDir(options.dir);
    try {
      client = await PGlite.create(path.join(options.dir, 'pgdata'));
    } catch (error) {
      release();
      throw error;
    }
  }
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as KeyStoreDb;
  return {
    engine: 'pglite',
    db,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as { rows: T[] }).rows,
    reachability: embeddedReachability('keystore'),
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: KEYSTORE_MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      release();
    },
  };
}
