import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { runtimeGrants, StartRefused } from '../../src/server/db/roles.ts';
import { keysFromMaster } from '../../src/server/lib/crypto.ts';
import {
  sealAccessLog,
  verifyAccessLog,
} from '../../src/server/modules/access-log/access-log.chain.ts';
import { openRegister } from '../../src/server/start.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { adminQuery, engines, serverUrl } from '../helpers/db.ts';

/**
 * The two PostgreSQL roles (docs/operations.md): an owner that migrates, a runtime role the
 * server uses, which may not change or delete the access log. PostgreSQL only: PGlite has one
 * role and no privileges to speak of.
 */
const skip = engines().includes('postgres')
  ? false
  : 'PostgreSQL only (set TEST_DATABASE_URL): the embedded PGlite has a single role';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'src/cli/rekisteri.ts');
const MAIN = path.join(ROOT, 'src/server/main.ts');

describe('two database roles on PostgreSQL', { skip }, () => {
  const suffix = crypto.randomBytes(5).toString('hex');
  const owner = `rekisteri_owner_${suffix}`;
  const runtime = `rekisteri_app_${suffix}`;
  const databaseName = `rekisteri_roles_${suffix}`;
  /** The key store: a database of its own (decision 0011). */
  const keyStoreName = `rekisteri_roles_keys_${suffix}`;
  const masterKey = crypto.randomBytes(32);
  const keys = keysFromMaster(masterKey);
  let dataDir: string;
  let ownerUrl: string;
  let runtimeUrl: string;

  /** The test database as `role` (trust authentication on 127.0.0.1). */
  const urlAs = (role: string) => {
    const url = new URL(serverUrl(databaseName));
    url.username = role;
    url.password = '';
    return url.toString();
  };
  const env = (extra: Record<string, string>) => {
    const base: Record<string, string | undefined> = { ...process.env };
    delete base.DATABASE_URL;
    delete base.MIGRATION_DATABASE_URL;
    delete base.KEYSTORE_DIR;
    delete base.REKISTERI_WRAPPING_KEY_DIR;
    return {
      ...base,
      DATA_DIR: dataDir,
      KEYSTORE_DATABASE_URL: serverUrl(keyStoreName),
      REKISTERI_MASTER_KEY: masterKey.toString('base64'),
      LOG_LEVEL: 'warn',
      ...extra,
    };
  };
  const cli = (args: string[], extra: Record<string, string>) =>
    spawnSync(process.execPath, [CLI, ...args], {
      env: env(extra),
      encoding: 'utf8',
      timeout: 120_000,
    });
  const twoRoles = () => ({ DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: ownerUrl });

  /** Runs `statement` as the role; resolves with the error's code and message, or null. */
  async function attempt(url: string, statement: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
      return null;
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    } finally {
      await client.end();
    }
  }

  /** The server as `openRegister` builds it, with what it logged. */
  async function open(extra: Record<string, string>) {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const config = loadConfig(env(extra));
    const opened = await openRegister(config, { logger: { stream }, serveWeb: false });
    return { ...opened, lines };
  }

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-roles-'));
    await adminQuery(`CREATE ROLE ${owner} LOGIN NOSUPERUSER`);
    await adminQuery(`CREATE ROLE ${runtime} LOGIN NOSUPERUSER`);
    await adminQuery(`CREATE DATABASE ${databaseName} OWNER ${owner}`);
    await adminQuery(`CREATE DATABASE ${keyStoreName}`);
    ownerUrl = urlAs(owner);
    runtimeUrl = urlAs(runtime);
  });

  after(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
    await adminQuery(`DROP DATABASE IF EXISTS ${keyStoreName} WITH (FORCE)`);
    await adminQuery(`DROP ROLE IF EXISTS ${runtime}`);
    await adminQuery(`DROP ROLE IF EXISTS ${owner}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('rekisteri migrate runs the migrations as the owner of MIGRATION_DATABASE_URL', async () => {
    const result = cli(['migrate'], twoRoles());
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /up to date/);
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select tablename, tableowner from pg_tables where schemaname = 'public' order by 1",
      );
      assert.ok(rows.length >= 10, `${rows.length} tables`);
      assert.ok(
        rows.every((row: { tableowner: string }) => row.tableowner === owner),
        JSON.stringify(rows),
      );
    } finally {
      await client.end();
    }
  });

  test('without MIGRATION_DATABASE_URL the runtime role cannot migrate, and says what to set', () => {
    const result = cli(['migrate'], { DATABASE_URL: runtimeUrl });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /may not migrate the database/);
    assert.match(result.stderr, /Set MIGRATION_DATABASE_URL to the owner role/);
  });

  test('before its grants the server refuses the runtime role, naming the command', async () => {
    await assert.rejects(open(twoRoles()), (error: unknown) => {
      assert.ok(error instanceof StartRefused, String(error));
      assert.match(error.message, /lacks the privileges the register needs/);
      assert.match(error.message, new RegExp(`rekisteri db grant-runtime ${runtime}`));
      return true;
    });
  });

  test('rekisteri db grant-runtime ROLE gives the runtime role its privileges, as the owner', () => {
    const result = cli(['db', 'grant-runtime', runtime], twoRoles());
    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /REVOKE UPDATE, DELETE ON access_log, access_log_chain, access_log_key_check FROM/,
    );
    const refused = cli(['db', 'grant-runtime', 'no_such_role_here'], twoRoles());
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /There is no role "no_such_role_here"/);
    const owning = cli(['db', 'grant-runtime', owner], twoRoles());
    assert.equal(owning.status, 1);
    assert.match(owning.stderr, /the runtime role must be another/);
    const odd = cli(['db', 'grant-runtime', 'x"; drop table person; --'], twoRoles());
    assert.equal(odd.status, 1);
    assert.match(odd.stderr, /is not a role name/);
  });

  describe('the server as the runtime role', () => {
    let app: FastifyInstance;
    let database: Database;
    let lines: string[];
    let personId: string;

    before(async () => {
      ({ app, database, lines } = await open(twoRoles()));
    });
    after(async () => {
      await app?.close();
    });

    test('works: a person registered and read, both on record, the log sealed', async () => {
      const [me] = await database.rows<{ user: string }>(sql`select current_user as user`);
      assert.equal(me?.user, runtime);
      const cookie = await signInNewUser(app, database, keys, {
        username: 'tietosuoja',
        role: 'register_officer',
      });
      const created = await app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: { firstName: 'Rooli', lastName: 'Testinen', email: 'rooli@example.fi' },
      });
      assert.equal(created.statusCode, 201, created.body);
      personId = created.json().id;
      const read = await app.inject({ url: `/api/persons/${personId}`, headers: { cookie } });
      assert.equal(read.statusCode, 200);
      const changed = await app.inject({
        method: 'PATCH',
        url: `/api/persons/${personId}`,
        headers: json(cookie),
        payload: { email: 'uusi@example.fi' },
      });
      assert.equal(changed.statusCode, 200, 'ordinary tables are changed as before');
      const logged = await database.rows<{ action: string }>(
        sql`select action from access_log where ${personId} = any(subject_ids) order by position`,
      );
      assert.deepEqual(
        logged.map((row) => row.action),
        ['create', 'read', 'update'],
      );
      const { sealed } = await sealAccessLog(database.db, keys, {
        before: new Date(Date.now() + 60_000),
      });
      assert.ok(sealed >= 3);
      assert.equal((await verifyAccessLog(database.db, keys)).ok, true);
      assert.ok(!lines.some((line) => /"level":40/.test(line)), `no warnings: ${lines.join('')}`);
    });

    test('cannot UPDATE, DELETE or TRUNCATE the access log or its chain: permission denied', async () => {
      for (const statement of [
        "UPDATE access_log SET purpose = 'forged'",
        'DELETE FROM access_log',
        'TRUNCATE access_log',
        "UPDATE access_log_chain SET sealed_at = now() - interval '1 day'",
        'DELETE FROM access_log_chain',
        'TRUNCATE access_log_chain',
        'ALTER TABLE access_log DISABLE TRIGGER USER',
      ]) {
        const error = await attempt(runtimeUrl, statement);
        assert.equal(error?.code, '42501', `${statement}: ${JSON.stringify(error)}`);
        assert.match(error?.message ?? '', /permission denied|must be owner/, statement);
      }
      const entries = await database.rows<{ n: number }>(
        sql`select count(*)::int as n from access_log`,
      );
      assert.ok((entries[0]?.n ?? 0) >= 3, 'the log is as it was');
    });
  });

  test('the server refuses to start when the runtime role may change the log', async () => {
    await attempt(ownerUrl, `GRANT UPDATE ON access_log TO ${runtime}`);
    await attempt(ownerUrl, `GRANT DELETE ON access_log_chain TO ${runtime}`);
    await assert.rejects(open(twoRoles()), (error: unknown) => {
      assert.ok(error instanceof StartRefused, String(error));
      assert.match(error.message, /may change or delete access-log entries/);
      assert.match(error.message, /access_log: UPDATE; access_log_chain: DELETE/);
      return true;
    });
    // The real start: one clear line, exit 1.
    const main = spawnSync(process.execPath, [MAIN], {
      env: env({ ...twoRoles(), PORT: '0' }),
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(main.status, 1, main.stdout);
    assert.match(
      main.stderr,
      new RegExp(`^The runtime role "${runtime}" \\(DATABASE_URL\\) may change`),
    );
    assert.ok(!main.stderr.includes('    at '), 'a message, not a stack trace');

    // grant-runtime starts from a clean slate: the extra privileges go.
    assert.equal(cli(['db', 'grant-runtime', runtime], twoRoles()).status, 0);
    const { app } = await open(twoRoles());
    await app.close();
  });

  test('the owner as DATABASE_URL: refused beside MIGRATION_DATABASE_URL, warned about alone', async () => {
    await assert.rejects(
      open({ DATABASE_URL: ownerUrl, MIGRATION_DATABASE_URL: ownerUrl }),
      /owns the access log and may change or delete access-log entries/,
    );
    const { app, lines } = await open({ DATABASE_URL: ownerUrl });
    await app.close();
    const warning = lines.find((line) => line.includes('owns the access log'));
    assert.ok(warning, lines.join(''));
    assert.match(warning, /"level":40/);
    assert.match(warning, /only the append-only triggers of migration 0003/);
  });
});

test('docs/operations.md shows exactly the statements grant-runtime runs', () => {
  const docs = fs.readFileSync(path.join(ROOT, 'docs/operations.md'), 'utf8');
  for (const statement of runtimeGrants('rekisteri_app')) {
    assert.ok(docs.includes(`${statement};`), `documented: ${statement}`);
  }
});
