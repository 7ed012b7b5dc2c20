import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import type { Keys } from '../../src/server/lib/crypto.ts';
import { entryMac, type StoredEntry } from '../../src/server/modules/access-log/access-log.ts';
import { SEED } from '../seed/generate.ts';
import { DATA_DIR, openPgliteDir } from '../seed/load.ts';
import { Random, WeightedTable } from '../seed/random.ts';

/**
 * A year of a municipality's access log, generated from the seed: staff reading person pages,
 * searching, changing and revealing identity codes, each entry with its real MAC under the bench
 * keys. Loaded in bulk into a database of its own (rekisteri_bench_log_<count> or
 * bench/.data/pglite-log-<count>), left unsealed, and reused while it holds exactly that many.
 */

const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;

/** The fields getPerson logs for a person's page (PersonView without id). */
const PAGE_FIELDS = [
  'firstName',
  'lastName',
  'personalIdentityCode',
  'personalIdentityCodePurpose',
  'personalIdentityCodeTemporary',
  'email',
  'phone',
  'phoneDisplay',
  'permanentAddress',
  'contactAddress',
  'addressProtected',
  'addressProtection',
  'language',
  'organizations',
  'billing',
  'notes',
  'createdAt',
  'updatedAt',
  'archivedAt',
];
const SEARCH_FIELDS = ['name', 'personalIdentityCode', 'email', 'phone', 'address'];
const PURPOSES = [
  'Laskutus: henkilötunnus tarvitaan perintään',
  'Asiakkaan tunnistaminen puhelimessa',
  'Maksuhäiriön selvittäminen',
  'Väestötietojen tarkistus',
];

type Action = StoredEntry['action'];
const ACTIONS = new WeightedTable<Action>([
  ['read', 70],
  ['search', 16],
  ['update', 9],
  ['create', 3],
  ['reveal', 1.5],
  ['archive', 0.5],
]);
const ROLES = new WeightedTable<string>([
  ['customer_service', 70],
  ['billing', 15],
  ['social_worker', 8],
  ['register_officer', 5],
  ['admin', 2],
]);

type Staff = { userId: string; username: string; role: string };

/** Entries in position (= time) order; the same seed and count give the same entries. */
export function* generateAccessLog(
  count: number,
  keys: Keys,
): Generator<StoredEntry & { mac: Buffer }> {
  const random = new Random(`${SEED}/access log`);
  const staff: Staff[] = Array.from({ length: 120 }, (_, i) => ({
    userId: random.uuid(),
    username: `virkailija.${String(i + 1).padStart(3, '0')}`,
    role: ROLES.draw(random),
  }));
  const persons = Array.from({ length: 50_000 }, () => random.uuid());
  const person = () => random.pick(persons);
  const step = YEAR_MS / count;
  for (let i = 0; i < count; i++) {
    const actor = random.pick(staff);
    const action = ACTIONS.draw(random);
    let subjectIds: string[] = [person()];
    let fields = PAGE_FIELDS;
    let changes: Record<string, unknown> | null = null;
    let purpose: string | null = null;
    switch (action) {
      case 'search':
        subjectIds = Array.from({ length: random.int(0, 20) }, person);
        if (subjectIds.length === 0) subjectIds = [person()];
        fields = SEARCH_FIELDS;
        break;
      case 'update':
      case 'create':
        if (random.chance(0.3)) {
          fields = ['personalIdentityCode'];
          changes = { personalIdentityCode: 'changed' };
        } else {
          fields = ['email', 'phone'];
          changes = {
            email: { old: `vanha.${i}@example.fi`, new: `uusi.${i}@example.fi` },
            phone: { old: null, new: `+35840${random.digits(7)}` },
          };
        }
        break;
      case 'reveal':
        fields = ['personalIdentityCode'];
        purpose = random.pick(PURPOSES);
        break;
      case 'archive':
        fields = ['archivedAt'];
        changes = { archivedAt: { old: null, new: new Date(YEAR_START + i * step).toISOString() } };
        break;
    }
    const entry: StoredEntry = {
      entryId: random.uuid(),
      occurredAt: new Date(Math.floor(YEAR_START + i * step)),
      flag: null,
      userId: actor.userId,
      username: actor.username,
      role: actor.role,
      partnerId: null,
      action,
      subjectIds,
      fields,
      changes,
      purpose,
      clientAddress: `10.42.${random.int(0, 15)}.${random.int(1, 254)}`,
      requestId: random.uuid(),
    };
    yield { ...entry, mac: entryMac(keys, entry) };
  }
}

type Row = [
  entryId: string,
  occurredAt: string,
  userId: string | null,
  username: string | null,
  role: string | null,
  action: string,
  subjectIds: string,
  fields: string,
  changes: string | null,
  purpose: string | null,
  clientAddress: string | null,
  requestId: string | null,
  mac: Buffer,
];
const COLUMNS = [
  ['entry_id', 'uuid'],
  ['occurred_at', 'timestamptz'],
  ['user_id', 'uuid'],
  ['username', 'text'],
  ['role', 'text'],
  ['action', 'text'],
  ['subject_ids', 'uuid[]'],
  ['fields', 'text[]'],
  ['changes', 'jsonb'],
  ['purpose', 'text'],
  ['client_address', 'text'],
  ['request_id', 'text'],
  ['entry_mac', 'bytea'],
] as const;

const arrayLiteral = (items: readonly string[]) =>
  `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

function toRow(entry: StoredEntry & { mac: Buffer }): Row {
  return [
    entry.entryId,
    entry.occurredAt.toISOString(),
    entry.userId,
    entry.username,
    entry.role,
    entry.action,
    arrayLiteral(entry.subjectIds),
    arrayLiteral(entry.fields),
    entry.changes === null ? null : JSON.stringify(entry.changes),
    entry.purpose,
    entry.clientAddress,
    entry.requestId,
    entry.mac,
  ];
}

type Inserter = { insert(rows: Row[]): Promise<void>; exec(statement: string): Promise<void> };

/** One INSERT … SELECT FROM unnest() per batch; arrays and jsonb go as text and are cast per row. */
function postgresInserter(client: pg.Client): Inserter {
  const names = COLUMNS.map(([name]) => name).join(', ');
  const params = COLUMNS.map(([, type], i) => {
    const element = type.endsWith('[]') || type === 'jsonb' ? 'text' : type;
    return `$${i + 1}::${element}[]`;
  }).join(', ');
  const aliases = COLUMNS.map((_, i) => `c${i}`);
  const casts = COLUMNS.map(([, type], i) =>
    type.endsWith('[]') || type === 'jsonb' ? `c${i}::${type}` : `c${i}`,
  ).join(', ');
  const text = `INSERT INTO access_log (${names}) SELECT ${casts} FROM unnest(${params}) AS t(${aliases.join(', ')})`;
  return {
    async insert(rows) {
      await client.query(
        text,
        COLUMNS.map((_, c) => rows.map((row) => row[c])),
      );
    },
    async exec(statement) {
      await client.query(statement);
    },
  };
}

/** COPY's text format: tab-separated, \N for NULL, backslash escapes (bytea as \\x…). */
function copyField(value: string | Buffer | null): string {
  if (value === null) return '\\N';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

function pgliteInserter(client: PGlite): Inserter {
  const names = COLUMNS.map(([name]) => name).join(', ');
  return {
    async insert(rows) {
      let text = '';
      for (const row of rows) text += `${row.map(copyField).join('\t')}\n`;
      await client.query(`COPY access_log (${names}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
    async exec(statement) {
      await client.exec(statement);
    },
  };
}

export type LogLoadReport = { seconds: number; entriesPerSecond: number };

const log = (line: string) => process.stderr.write(`${line}\n`);
const since = (start: number) => (performance.now() - start) / 1000;
const SECONDARY_INDEXES = [
  'access_log_subject_ids_idx',
  'access_log_user_idx',
  'access_log_occurred_idx',
];

/** Drops the secondary indexes, inserts in batches (the next generated while one is written), rebuilds. */
async function load(
  target: Inserter,
  database: Database,
  count: number,
  keys: Keys,
  batchSize: number,
): Promise<LogLoadReport> {
  const started = performance.now();
  const definitions = await database.rows<{ indexname: string; indexdef: string }>(
    sql.raw(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'access_log' AND indexname IN (${SECONDARY_INDEXES.map((name) => `'${name}'`).join(', ')})`,
    ),
  );
  for (const { indexname } of definitions) await target.exec(`DROP INDEX "${indexname}"`);
  let pending: Promise<void> = Promise.resolve();
  let batch: Row[] = [];
  let loaded = 0;
  let nextReport = 100_000;
  const flush = async () => {
    await pending;
    pending = target.insert(batch);
    pending.catch(() => undefined);
    loaded += batch.length;
    batch = [];
    if (loaded >= nextReport) {
      nextReport += 100_000;
      log(
        `  ${loaded.toLocaleString('en-US')}/${count.toLocaleString('en-US')} entries, ${Math.round(loaded / since(started)).toLocaleString('en-US')}/s`,
      );
    }
  };
  for (const entry of generateAccessLog(count, keys)) {
    batch.push(toRow(entry));
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  await pending;
  const indexStarted = performance.now();
  for (const { indexdef } of definitions) await target.exec(indexdef);
  await target.exec('VACUUM (ANALYZE) access_log');
  const seconds = since(started);
  log(
    `  loaded in ${seconds.toFixed(1)} s (indexes and VACUUM ANALYZE ${since(indexStarted).toFixed(1)} s), ${Math.round(count / seconds).toLocaleString('en-US')} entries/s`,
  );
  return { seconds, entriesPerSecond: count / seconds };
}

async function entryCount(database: Database): Promise<{ entries: number; indexes: number }> {
  const [row] = await database.rows<{ entries: number; indexes: number }>(
    sql.raw(`SELECT (SELECT count(*)::int FROM access_log) AS entries,
      (SELECT count(*)::int FROM pg_indexes WHERE tablename = 'access_log'
        AND indexname IN (${SECONDARY_INDEXES.map((name) => `'${name}'`).join(', ')})) AS indexes`),
  );
  return row ?? { entries: -1, indexes: 0 };
}

export type LogDatabase = {
  database: Database;
  location: string;
  /** What the CLI needs to open the same database: DATABASE_URL or DATA_DIR. */
  cliEnv: { DATABASE_URL: string } | { DATA_DIR: string };
  load: LogLoadReport | null;
};

/**
 * The chain is append-only like the log: to time a seal from nothing on a reused database, the
 * bench (owner of its own synthetic database) switches the truncate trigger off for one statement.
 */
export async function resetChain(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(
      sql`ALTER TABLE access_log_chain DISABLE TRIGGER access_log_chain_no_truncate`,
    );
    await tx.execute(sql`TRUNCATE access_log_chain`);
    await tx.execute(sql`ALTER TABLE access_log_chain ENABLE TRIGGER access_log_chain_no_truncate`);
  });
}

async function openPostgresLog(serverUrl: string, count: number, keys: Keys): Promise<LogDatabase> {
  const name = `rekisteri_bench_log_${count}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const result = (load: LogLoadReport | null, database: Database): LogDatabase => ({
    database,
    location: name,
    cliEnv: { DATABASE_URL: databaseUrl },
    load,
  });
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) {
      const database = await openDatabase({ databaseUrl });
      await database.migrate();
      const found = await entryCount(database);
      if (found.entries === count && found.indexes === SECONDARY_INDEXES.length) {
        log(`Reusing PostgreSQL database ${name} (${count.toLocaleString('en-US')} entries).`);
        return result(null, database);
      }
      await database.close();
      log(`Database ${name} holds ${found.entries} entries: recreating it.`);
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  log(`Loading ${count.toLocaleString('en-US')} access-log entries into PostgreSQL ${name}…`);
  const database = await openDatabase({ databaseUrl });
  const client = new pg.Client(databaseUrl);
  try {
    await database.migrate();
    await client.connect();
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query('SET synchronous_commit = off');
    return result(await load(postgresInserter(client), database, count, keys, 10_000), database);
  } catch (error) {
    await database.close();
    throw error;
  } finally {
    await client.end();
  }
}

async function openPgliteLog(count: number, keys: Keys): Promise<LogDatabase> {
  const dir = path.join(DATA_DIR, `pglite-log-${count}`);
  const dataDir = path.join(dir, 'pgdata');
  const location = path.relative(process.cwd(), dir);
  const open = () => openPgliteDir(dir);
  const existed = fs.existsSync(dataDir);
  let { client, database } = await open();
  if (existed) {
    const found = await entryCount(database);
    if (found.entries === count && found.indexes === SECONDARY_INDEXES.length) {
      log(`Reusing PGlite database ${location} (${count.toLocaleString('en-US')} entries).`);
      return { database, location, cliEnv: { DATA_DIR: dir }, load: null };
    }
    log(`PGlite database ${location} holds ${found.entries} entries: recreating it.`);
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    ({ client, database } = await open());
  }
  log(`Loading ${count.toLocaleString('en-US')} access-log entries into PGlite ${location}…`);
  try {
    await client.exec(`SET maintenance_work_mem = '256MB'`);
    const report = await load(pgliteInserter(client), database, count, keys, 50_000);
    return { database, location, cliEnv: { DATA_DIR: dir }, load: report };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** PostgreSQL when DATABASE_URL names a server, else the embedded PGlite. */
export function openLogDatabase(count: number, keys: Keys): Promise<LogDatabase> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  return serverUrl ? openPostgresLog(serverUrl, count, keys) : openPgliteLog(count, keys);
}
