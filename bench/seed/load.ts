import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, pgliteExtensions, type Database } from '../../src/server/db/client.ts';
import { lockDataDir } from '../../src/server/db/lock.ts';
import { openKeyStore, type KeyStore } from '../../src/server/keystore/client.ts';
import { openKeyRing } from '../../src/server/keystore/key-ring.ts';
import { reconcileKeyRing } from '../../src/server/keystore/open.ts';
import {
  createPersonKeyStore,
  type PersonKeyStore,
} from '../../src/server/keystore/person-key-store.ts';
import { keysFromMaster, type Keys } from '../../src/server/lib/crypto.ts';
import {
  identityCodeContext,
  identityCodeIndex,
} from '../../src/server/modules/persons/persons.service.ts';
import {
  generateOrganizations,
  generatePersons,
  organizationCount,
  SEED,
  type SeedOrganization,
  type SeedPerson,
} from './generate.ts';

/** Where the embedded bench databases live (ignored by git). */
export const DATA_DIR = path.join(import.meta.dirname, '..', '.data');

export type LoadReport = {
  rows: number;
  insertSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  totalSeconds: number;
  /** Rows per second over the whole load, indexes and VACUUM ANALYZE included. */
  rowsPerSecond: number;
};

export type BenchDatabase = {
  /** Closing it closes the key store too. */
  database: Database;
  /** The bench's key store (a database of its own) and key ring, as the server has them. */
  personKeys: PersonKeyStore;
  persons: number;
  organizations: number;
  /** Database name or directory, for the report. */
  location: string;
  /** Null when an already seeded database was reused. */
  load: LoadReport | null;
};

type Value = string | boolean | Buffer | null;
type Column = readonly [name: string, type: string];

const PERSON_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['first_name', 'text'],
  ['last_name', 'text'],
  ['identity_code_encrypted', 'bytea'],
  ['identity_code_index', 'bytea'],
  ['identity_code_purpose', 'text'],
  ['identity_code_temporary', 'boolean'],
  ['email', 'text'],
  ['phone', 'text'],
  ['permanent_address', 'jsonb'],
  ['contact_address', 'jsonb'],
  ['language', 'text'],
  ['address_protection_active', 'boolean'],
  ['address_protection_ends_on', 'date'],
  ['address_protection_source', 'text'],
  ['search_text', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['archived_at', 'timestamptz'],
];

const ORGANIZATION_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['name', 'text'],
  ['business_id', 'text'],
  ['postal_address', 'jsonb'],
  ['billing', 'jsonb'],
  ['email', 'text'],
  ['phone', 'text'],
  ['search_text', 'text'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];

const json = (value: object | null) => (value === null ? null : JSON.stringify(value));

/**
 * The identity code is stored as persons.service stores it: encrypted under the person's data key
 * for its row (`encrypted`), and indexed.
 */
function personValues(person: SeedPerson, keys: Keys, encrypted: Buffer | null): Value[] {
  const code = person.identityCode;
  return [
    person.id,
    person.firstName,
    person.lastName,
    encrypted,
    code ? identityCodeIndex(keys, code) : null,
    person.identityCodePurpose,
    code ? false : null,
    person.email,
    person.phone,
    json(person.permanentAddress),
    json(person.contactAddress),
    person.language,
    person.addressProtection !== null,
    person.addressProtection?.endsOn ?? null,
    person.addressProtection?.source ?? null,
    person.searchText,
    person.createdAt,
    person.createdAt,
    person.archivedAt,
  ];
}

function organizationValues(organization: SeedOrganization): Value[] {
  return [
    organization.id,
    organization.name,
    organization.businessId,
    json(organization.postalAddress),
    json(organization.billing),
    organization.email,
    organization.phone,
    organization.searchText,
    organization.createdAt,
    organization.createdAt,
  ];
}

/** What the loader needs from an engine: statements, and one bulk insert per batch of rows. */
type LoadTarget = {
  /** Connections that can build indexes at the same time. */
  connections: number;
  exec(sql: string, connection?: number): Promise<void>;
  rows<T>(sql: string): Promise<T[]>;
  insert(table: string, columns: readonly Column[], rows: Value[][]): Promise<void>;
  close(): Promise<void>;
};

/**
 * PostgreSQL without pg-copy-streams: each batch is one INSERT … SELECT FROM unnest() of one
 * array per column, so 10,000 rows cost one round trip and one statement.
 */
async function postgresTarget(databaseUrl: string): Promise<LoadTarget> {
  const clients = [new pg.Client(databaseUrl), new pg.Client(databaseUrl)];
  for (const client of clients) {
    await client.connect();
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query('SET synchronous_commit = off');
  }
  const [first] = clients as [pg.Client];
  return {
    connections: clients.length,
    async exec(sql, connection = 0) {
      await (clients[connection] ?? first).query(sql);
    },
    async rows<T>(sql: string) {
      return (await first.query(sql)).rows as T[];
    },
    async insert(table, columns, rows) {
      const arrays = columns.map((_, c) => rows.map((row) => row[c] ?? null));
      const names = columns.map(([name]) => name).join(', ');
      const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
      await first.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${unnest})`, arrays);
    },
    async close() {
      await Promise.all(clients.map((client) => client.end()));
    },
  };
}

/** PostgreSQL's COPY text format: tab-separated, \N for NULL, backslash escapes. */
function copyField(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** PGlite: each batch is one COPY … FROM '/dev/blob' of the rows in text format. */
function pgliteTarget(client: PGlite): LoadTarget {
  return {
    connections: 1,
    async exec(sql) {
      await client.exec(sql);
    },
    async rows<T>(sql: string) {
      return (await client.query<T>(sql)).rows;
    },
    async insert(table, columns, rows) {
      let text = '';
      for (const row of rows) text += `${row.map(copyField).join('\t')}\n`;
      const names = columns.map(([name]) => name).join(', ');
      await client.query(`COPY ${table} (${names}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
    async close() {},
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const seconds = (since: number) => (performance.now() - since) / 1000;
const perSecond = (rows: number, secs: number) =>
  Math.round(rows / Math.max(secs, 1e-9)).toLocaleString('en-US');

type IndexDef = { indexname: string; indexdef: string };

/**
 * Loads n persons and n/50 organisations into an empty, migrated database: secondary indexes are
 * dropped first and built after the rows are in (faster than maintaining them row by row), then
 * VACUUM ANALYZE so that the planner knows the data and no autovacuum runs during the measurement.
 */
async function seed(
  target: LoadTarget,
  options: { persons: number; keys: Keys; personKeys: PersonKeyStore; batchSize: number },
): Promise<LoadReport> {
  const started = performance.now();
  const organizations = organizationCount(options.persons);
  const indexes = await target.rows<IndexDef>(`
    SELECT indexname, indexdef FROM pg_indexes i
    WHERE schemaname = 'public' AND tablename IN ('person', 'organization')
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`);
  for (const index of indexes) await target.exec(`DROP INDEX "${index.indexname}"`);

  let loaded = 0;
  const total = options.persons + organizations;
  let nextReport = Math.min(100_000, total);
  const progress = (table: string) => {
    if (loaded < nextReport && loaded < total) return;
    nextReport = loaded + 100_000;
    const secs = seconds(started);
    log(
      `  ${table}: ${loaded.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows, ${perSecond(loaded, secs)} rows/s`,
    );
  };
  // One batch is inserted while the next is generated (and encrypted) on the other core.
  let pending: Promise<void> = Promise.resolve();
  const flush = async (table: string, columns: readonly Column[], rows: Value[][]) => {
    await pending;
    pending = target.insert(table, columns, rows);
    pending.catch(() => undefined);
    loaded += rows.length;
  };
  // The batch's identity codes under their persons' data keys: one key-store insert per batch.
  const personRows = async (people: SeedPerson[]): Promise<Value[][]> => {
    const coded = people.filter((person) => person.identityCode !== null);
    const encrypted = await options.personKeys.encryptMany(
      coded.map((person) => ({
        personId: person.id,
        plaintext: person.identityCode ?? '',
        context: identityCodeContext(person.id),
      })),
    );
    const byId = new Map(coded.map((person, i) => [person.id, encrypted[i] ?? null]));
    return people.map((person) => personValues(person, options.keys, byId.get(person.id) ?? null));
  };
  let people: SeedPerson[] = [];
  for (const person of generatePersons(options.persons)) {
    people.push(person);
    if (people.length === options.batchSize) {
      await flush('person', PERSON_COLUMNS, await personRows(people));
      progress('person');
      people = [];
    }
  }
  if (people.length > 0) await flush('person', PERSON_COLUMNS, await personRows(people));
  let batch: Value[][] = [];
  for (const organization of generateOrganizations(organizations)) {
    batch.push(organizationValues(organization));
    if (batch.length === options.batchSize) {
      await flush('organization', ORGANIZATION_COLUMNS, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush('organization', ORGANIZATION_COLUMNS, batch);
  await pending;
  const insertSeconds = seconds(started);
  log(
    `  inserted ${total.toLocaleString('en-US')} rows in ${insertSeconds.toFixed(1)} s (${perSecond(total, insertSeconds)} rows/s)`,
  );

  // The trigram indexes take longest: start them first so that the b-trees fill the other core.
  const indexStarted = performance.now();
  const queue = [...indexes].sort(
    (a, b) => Number(b.indexdef.includes('gin')) - Number(a.indexdef.includes('gin')),
  );
  await Promise.all(
    Array.from({ length: target.connections }, async (_, connection) => {
      for (let index = queue.shift(); index; index = queue.shift()) {
        const indexStart = performance.now();
        await target.exec(index.indexdef, connection);
        log(`  index ${index.indexname}: ${seconds(indexStart).toFixed(1)} s`);
      }
    }),
  );
  const indexSeconds = seconds(indexStarted);
  const vacuumStarted = performance.now();
  await target.exec('VACUUM (ANALYZE) person');
  await target.exec('VACUUM (ANALYZE) organization');
  const vacuumSeconds = seconds(vacuumStarted);
  const totalSeconds = seconds(started);
  log(
    `  indexes ${indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s; loaded in ${totalSeconds.toFixed(1)} s (${perSecond(total, totalSeconds)} rows/s overall)`,
  );
  return {
    rows: total,
    insertSeconds,
    indexSeconds,
    vacuumSeconds,
    totalSeconds,
    rowsPerSecond: total / totalSeconds,
  };
}

/**
 * Seeded completely: the row counts match, the indexes built last are there, and the key store
 * holds a data key for every identity code (a database seeded before per-person keys is not).
 */
async function isSeeded(database: Database, keyStore: KeyStore, persons: number): Promise<boolean> {
  const [row] = await database.rows<{
    persons: number;
    organizations: number;
    indexes: number;
    codes: number;
  }>(
    sql.raw(`SELECT
      (SELECT count(*)::int FROM person) AS persons,
      (SELECT count(*)::int FROM organization) AS organizations,
      (SELECT count(*)::int FROM person WHERE get_byte(identity_code_encrypted, 0) = 2) AS codes,
      (SELECT count(*)::int FROM pg_indexes
        WHERE indexname IN ('person_search_text_trgm_idx', 'organization_search_text_trgm_idx')) AS indexes`),
  );
  const [keys] = await keyStore.rows<{ keys: number }>(
    sql.raw('SELECT count(*)::int AS keys FROM person_key WHERE wrapped_key IS NOT NULL'),
  );
  return (
    row?.persons === persons &&
    row.organizations === organizationCount(persons) &&
    row.indexes === 2 &&
    row.codes > 0 &&
    keys?.keys === row.codes
  );
}

/**
 * The bench's PersonKeys on a migrated key store, with a key ring of its own under bench/.data;
 * closing `database` closes the key store too.
 */
async function withPersonKeys(
  database: Database,
  keyStore: KeyStore,
  ringDir: string,
): Promise<{ database: Database; personKeys: PersonKeyStore }> {
  await keyStore.migrate();
  const ring = openKeyRing(ringDir);
  await reconcileKeyRing(keyStore, ring);
  const close = async () => {
    await database.close();
    await keyStore.close();
  };
  return {
    database: { ...database, close },
    personKeys: createPersonKeyStore({ store: keyStore, ring }),
  };
}

/** The URL of another database on the server of `serverUrl`. */
function databaseUrlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Opens the data database and key store of a bench on PostgreSQL, the key ring in `ringDir`. */
async function openPostgresPair(databaseUrl: string, keyStoreUrl: string, ringDir: string) {
  return withPersonKeys(
    await openDatabase({ databaseUrl }),
    await openKeyStore({ databaseUrl: keyStoreUrl }),
    ringDir,
  );
}

/** Migrates the two new, empty databases and loads `persons` into them. */
async function seedPostgres(
  databaseUrl: string,
  keyStoreUrl: string,
  ringDir: string,
  persons: number,
  keys: Keys,
  location: string,
): Promise<BenchDatabase> {
  log(`Seeding PostgreSQL database ${location} with ${persons.toLocaleString('en-US')} persons…`);
  const opened = await openPostgresPair(databaseUrl, keyStoreUrl, ringDir);
  await opened.database.migrate();
  const target = await postgresTarget(databaseUrl);
  try {
    const load = await seed(target, {
      persons,
      keys,
      personKeys: opened.personKeys,
      batchSize: 10_000,
    });
    return { ...opened, persons, organizations: organizationCount(persons), location, load };
  } catch (error) {
    await opened.database.close();
    throw error;
  } finally {
    await target.close();
  }
}

/**
 * A PostgreSQL database `rekisteri_bench_<n>` on the server of DATABASE_URL, created and seeded
 * on first use and reused while it holds the same n persons.
 */
export async function openPostgresBench(
  serverUrl: string,
  persons: number,
  keys: Keys,
): Promise<BenchDatabase> {
  const name = `rekisteri_bench_${persons}`;
  const keyStoreName = `${name}_keys`;
  const databaseUrl = databaseUrlOf(serverUrl, name);
  const keyStoreUrl = databaseUrlOf(serverUrl, keyStoreName);
  const ringDir = path.join(DATA_DIR, `postgres-${persons}-wrapping-keys`);
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    const exists = await admin.query(
      'SELECT count(*)::int AS n FROM pg_database WHERE datname = $1 OR datname = $2',
      [name, keyStoreName],
    );
    if ((exists.rows[0] as { n: number }).n === 2 && fs.existsSync(ringDir)) {
      const opened = await openPostgresPair(databaseUrl, keyStoreUrl, ringDir);
      await opened.database.migrate();
      if (await isSeeded(opened.database, opened.personKeys.store, persons)) {
        log(`Reusing PostgreSQL database ${name} (${persons.toLocaleString('en-US')} persons).`);
        return {
          ...opened,
          persons,
          organizations: organizationCount(persons),
          location: name,
          load: null,
        };
      }
      await opened.database.close();
      log(`Database ${name} is incomplete: recreating it.`);
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS "${keyStoreName}" WITH (FORCE)`);
    fs.rmSync(ringDir, { recursive: true, force: true });
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`CREATE DATABASE "${keyStoreName}"`);
  } finally {
    await admin.end();
  }
  return seedPostgres(databaseUrl, keyStoreUrl, ringDir, persons, keys, name);
}

/** A bench's databases of its own, for a run that changes the data: dropped at the end. */
export type ScratchBench = BenchDatabase & {
  databaseUrl: string;
  keyStoreUrl: string;
  /** The key ring's directory (a temporary one). */
  ringDir: string;
  /** Drops both databases and the key ring; close `database` first. */
  drop(): Promise<void>;
};

/** Scratch databases are named `rekisteri_<prefix>_<pid>_<random>` (and `…_keys`). */
const scratchName = (prefix: string) =>
  `rekisteri_${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;

/** Drops the scratch databases of `prefix` whose process is gone (a run that was interrupted). */
async function dropAbandoned(admin: pg.Client, prefix: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; pid: string }>(
    'SELECT datname, substring(datname FROM $1) AS pid FROM pg_database WHERE datname ~ $1',
    [`^rekisteri_${prefix}_([0-9]+)_[0-9a-f]{8}(?:_keys)?$`],
  );
  for (const { datname, pid: digits } of rows) {
    const pid = Number(digits);
    if (!Number.isSafeInteger(pid) || fs.existsSync(`/proc/${pid}`)) continue;
    log(`Dropping ${datname}, left by an interrupted run (process ${pid} is gone).`);
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

/**
 * New databases of their own on the PostgreSQL server of `serverUrl`, seeded with `persons`:
 * for a benchmark whose requests change the register, so that no run starts from another's
 * leftovers and no reused bench database is changed. `drop()` removes them.
 */
export async function createScratchPostgresBench(
  serverUrl: string,
  persons: number,
  keys: Keys,
  prefix: string,
): Promise<ScratchBench> {
  const name = scratchName(prefix);
  const keyStoreName = `${name}_keys`;
  const databaseUrl = databaseUrlOf(serverUrl, name);
  const keyStoreUrl = databaseUrlOf(serverUrl, keyStoreName);
  const ringDir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-ring-`));
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  const drop = async () => {
    const client = new pg.Client(serverUrl);
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`DROP DATABASE IF EXISTS "${keyStoreName}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
    fs.rmSync(ringDir, { recursive: true, force: true });
  };
  try {
    await dropAbandoned(admin, prefix);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.query(`CREATE DATABASE "${keyStoreName}"`);
  } finally {
    await admin.end();
  }
  try {
    const bench = await seedPostgres(databaseUrl, keyStoreUrl, ringDir, persons, keys, name);
    return { ...bench, databaseUrl, keyStoreUrl, ringDir, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

/**
 * A bench PGlite in `dir` (locked like the server's own data directory), migrated, with its
 * client for bulk COPY; closing the database releases the lock.
 */
export async function openPgliteDir(dir: string): Promise<{ client: PGlite; database: Database }> {
  const release = lockDataDir(dir);
  try {
    const client = new PGlite(path.join(dir, 'pgdata'), { extensions: pgliteExtensions });
    await client.waitReady;
    const database = await openDatabase({ pglite: client });
    await database.migrate();
    const close = async () => {
      await database.close();
      release();
    };
    return { client, database: { ...database, close } };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * An embedded PGlite under bench/.data/pglite-<n>, with its key store in keystore/ and its key
 * ring in keys/wrapping/ as DATA_DIR has them; seeded on first use and reused after.
 */
export async function openPgliteBench(persons: number, keys: Keys): Promise<BenchDatabase> {
  const dir = path.join(DATA_DIR, `pglite-${persons}`);
  const dataDir = path.join(dir, 'pgdata');
  const keyStoreDir = path.join(dir, 'keystore');
  const ringDir = path.join(dir, 'keys', 'wrapping');
  const existed = fs.existsSync(dataDir);
  const open = async () => {
    const { client, database } = await openPgliteDir(dir);
    try {
      const keyStore = await openKeyStore({ dir: keyStoreDir });
      return { client, ...(await withPersonKeys(database, keyStore, ringDir)) };
    } catch (error) {
      await database.close();
      throw error;
    }
  };
  let opened = await open();
  const location = path.relative(process.cwd(), dir);
  if (existed) {
    if (await isSeeded(opened.database, opened.personKeys.store, persons)) {
      log(`Reusing PGlite database ${location} (${persons.toLocaleString('en-US')} persons).`);
      return {
        database: opened.database,
        personKeys: opened.personKeys,
        persons,
        organizations: organizationCount(persons),
        location,
        load: null,
      };
    }
    log(`PGlite database ${location} is incomplete: recreating it.`);
    await opened.database.close();
    for (const stale of [dataDir, keyStoreDir, path.join(dir, 'keys')]) {
      fs.rmSync(stale, { recursive: true, force: true });
    }
    opened = await open();
  }
  log(`Seeding PGlite database ${location} with ${persons.toLocaleString('en-US')} persons…`);
  try {
    await opened.client.exec(`SET maintenance_work_mem = '256MB'`);
    const load = await seed(pgliteTarget(opened.client), {
      persons,
      keys,
      personKeys: opened.personKeys,
      batchSize: 50_000,
    });
    return {
      database: opened.database,
      personKeys: opened.personKeys,
      persons,
      organizations: organizationCount(persons),
      location,
      load,
    };
  } catch (error) {
    await opened.database.close();
    throw error;
  }
}

/**
 * The bench's own master key, fixed by the seed: a reused database must decrypt and blind-index
 * with the keys it was loaded with. It protects synthetic data only.
 */
export function benchKeys(): Keys {
  return keysFromMaster(benchMasterKey());
}

/** The bench master key's 32 bytes (REKISTERI_MASTER_KEY, in base64, of a bench's server). */
export function benchMasterKey(): Buffer {
  return crypto.createHash('sha256').update(`${SEED}/master key`).digest();
}

/** PostgreSQL when DATABASE_URL names a server, else the embedded PGlite. */
export function openBenchDatabase(persons: number, keys: Keys): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  return serverUrl ? openPostgresBench(serverUrl, persons, keys) : openPgliteBench(persons, keys);
}
