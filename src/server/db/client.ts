import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index.ts';
import { embeddedReachability, openWatchedPool, type Reachability } from './availability.ts';
import { lockDataDir } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  engine: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL and returns its rows; the same on both engines. */
  rows<T>(query: SQL): Promise<T[]>;
  /** Whether the server's connections work (always, for the embedded database). */
  reachability: Reachability;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir: string }
  /** A PGlite already opened by the caller (tests start one from a dump). */
  | { pglite: PGlite };

export const pgliteExtensions = { pg_trgm };

/**
 * How alike a name fragment must be to match (pg_trgm's word similarity). The default 0.6 misses
 * a single dropped letter in a short surname ("Virtnen" for "Virtanen" scores 0.55).
 */
export const WORD_SIMILARITY_THRESHOLD = 0.5;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ('databaseUrl' in options) {
    const { pool, reachability } = openWatchedPool(
      {
        connectionString: options.databaseUrl,
        max: options.poolSize ?? 10,
        options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`,
      },
      'data',
    );
    // Fail at start, with the server's own message, rather than at the first request.
    await pool.query('select 1');
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      engine: 'postgres',
      db,
      rows: async <T>(query: SQL) => ((await db.execute(query)) as { rows: T[] }).rows,
      reachability,
      migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder: MIGRATIONS_DIR }),
      close: () => pool.end(),
    };
  }
  let release = () => {};
  let client: PGlite;
  if ('pglite' in options) {
    client = options.pglite;
  } else {
    release = lockDataDir(options.dataDir);
    try {
      client = await PGlite.create(path.join(options.dataDir, 'pgdata'), {
        extensions: pgliteExtensions,
      });
    } catch (error) {
      release();
      throw error;
    }
  }
  await client.exec(`SET pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as Db;
  return {
    engine: 'pglite',
    db,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as { rows: T[] }).rows,
    reachability: embeddedReachability('data'),
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      release();
    },
  };
}
