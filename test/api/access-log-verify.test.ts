import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { StartRefused } from '../../src/server/db/roles.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { keysFromMaster } from '../../src/server/lib/crypto.ts';
import {
  sealAccessLog,
  verifyAccessLog,
} from '../../src/server/modules/access-log/access-log.chain.ts';
import {
  checkAuditKey,
  WrongAuditKeyError,
} from '../../src/server/modules/access-log/access-log.key-check.ts';
import { databaseAccessLog } from '../../src/server/modules/access-log/access-log.ts';
import { openRegister } from '../../src/server/start.ts';
import { forEachEngine, json, signInNewUser } from '../helpers/app.ts';

/** Tampering as the owner would: the append-only triggers off, then SQL. */
async function tamper(database: Pick<Database, 'db'>, statements: ReturnType<typeof sql>[]) {
  const { db } = database;
  await db.execute(sql`alter table access_log disable trigger user`);
  try {
    for (const statement of statements) await db.execute(statement);
  } finally {
    await db.execute(sql`alter table access_log enable trigger user`);
  }
}

const positionsOf = async (database: Pick<Database, 'db'>) =>
  (
    (await database.db.execute(
      sql`select position from access_log order by position`,
    )) as unknown as {
      rows: { position: string | number }[];
    }
  ).rows.map((row) => Number(row.position));

forEachEngine('access log verification: every bad entry, and a wrong key', ({ ctx }) => {
  const wrongKeys = keysFromMaster(crypto.randomBytes(32));

  test('before a key check value exists a wrong key cannot seal, and verify says none verifies', async () => {
    const { database, keys } = ctx();
    const log = databaseAccessLog(keys, systemClock);
    for (let i = 0; i < 12; i++) {
      await log.record(database.db, {
        userId: null,
        username: `lukija${i}`,
        role: 'customer_service',
        action: 'read',
        subjectIds: [crypto.randomUUID()],
        fields: ['name'],
        purpose: `Tarkistus ${i}`,
      });
    }
    assert.equal(await checkAuditKey(database.db, keys), 'absent');
    const guessed = await verifyAccessLog(database.db, wrongKeys);
    assert.equal(guessed.ok, false);
    if (!guessed.ok && !guessed.wrongKey) {
      assert.equal(guessed.noneVerified, true);
      assert.equal(guessed.keyCheck, 'absent');
      assert.equal(guessed.problemCount, 12);
    }
    await assert.rejects(
      sealAccessLog(database.db, wrongKeys, { before: new Date(Date.now() + 1000) }),
      WrongAuditKeyError,
    );
    assert.equal(await checkAuditKey(database.db, keys), 'absent', 'the wrong key was not kept');
    await sealAccessLog(database.db, keys, { before: new Date(Date.now() + 1000) });
    assert.equal(await checkAuditKey(database.db, keys), 'match');
    assert.equal(await checkAuditKey(database.db, wrongKeys), 'mismatch');
  });

  test('verify goes on past a bad entry and names every one: changed, removed, swapped', async () => {
    const { database, keys } = ctx();
    const p = await positionsOf(database);
    assert.ok(p.length >= 12);
    await tamper(database, [
      sql`update access_log set purpose = 'forged' where position = ${p[1]}`,
      sql`update access_log set username = 'someone' where position = ${p[4]}`,
      sql`delete from access_log where position = ${p[6]}`,
      sql`create temp table swapped as select * from access_log where position in (${p[8]}, ${p[9]})`,
      sql`delete from access_log where position in (${p[8]}, ${p[9]})`,
      sql`insert into access_log overriding system value
            select case when s.position = ${p[8]} then ${p[9]}::bigint else ${p[8]}::bigint end,
              s.entry_id, s.occurred_at, s.user_id, s.username, s.role, s.action, s.subject_ids,
              s.fields, s.changes, s.purpose, s.client_address, s.request_id, s.entry_mac,
              s.partner_id, s.flag
            from swapped s`,
      sql`drop table swapped`,
    ]);
    const result = await verifyAccessLog(database.db, keys);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && !result.wrongKey);
    assert.deepEqual(result.problems, [
      { position: p[1], problem: 'the entry was changed' },
      { position: p[4], problem: 'the entry was changed' },
      { position: p[6], problem: 'the entry was removed' },
      {
        position: p[8],
        problem: 'the entry was replaced or moved, or one before it was removed',
      },
      {
        position: p[9],
        problem: 'the entry was replaced or moved, or one before it was removed',
      },
    ]);
    assert.equal(result.problemCount, 5);
    assert.equal(result.noneVerified, false);
    const bounded = await verifyAccessLog(database.db, keys, { listLimit: 2 });
    assert.ok(!bounded.ok && !bounded.wrongKey);
    assert.deepEqual(
      bounded.problems.map((problem) => problem.position),
      [p[1], p[4]],
    );
    assert.equal(bounded.problemCount, 5, 'counted beyond those listed');
  });

  test('under another key verify says "wrong key" and lists no entry', async () => {
    assert.deepEqual(await verifyAccessLog(ctx().database.db, wrongKeys), {
      ok: false,
      wrongKey: true,
    });
    await assert.rejects(
      sealAccessLog(ctx().database.db, wrongKeys, { before: new Date() }),
      /not the one the access log was written under/,
    );
  });

  test('the key check value cannot be changed or removed', async () => {
    const { db } = ctx().database;
    const appendOnly = (error: unknown) => {
      const cause = (error as { cause?: { message?: string } }).cause;
      assert.match(String(cause?.message ?? error), /append-only/);
      return true;
    };
    await assert.rejects(
      db.execute(sql`update access_log_key_check set mac = '\\x00'`),
      appendOnly,
    );
    await assert.rejects(db.execute(sql`delete from access_log_key_check`), appendOnly);
    await assert.rejects(db.execute(sql`truncate access_log_key_check`), appendOnly);
  });
});

test('the server refuses to start, and rekisteri audit verify says "wrong key" (exit 3), under another key', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-wrong-key-'));
  const masterKey = crypto.randomBytes(32).toString('base64');
  const otherKey = crypto.randomBytes(32).toString('base64');
  const envWith = (key: string) => {
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATA_DIR: dataDir,
      REKISTERI_MASTER_KEY: key,
    };
    for (const name of [
      'DATABASE_URL',
      'MIGRATION_DATABASE_URL',
      'KEYSTORE_DATABASE_URL',
      'KEYSTORE_DIR',
      'REKISTERI_WRAPPING_KEY_DIR',
    ]) {
      delete env[name];
    }
    return env;
  };
  const config = (key: string) => loadConfig(envWith(key) as Record<string, string>);
  const cli = (key: string) =>
    spawnSync(
      process.execPath,
      [path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts'), 'audit', 'verify'],
      { env: envWith(key), encoding: 'utf8', timeout: 120_000 },
    );
  try {
    const { app, database } = await openRegister(config(masterKey), {
      logger: false,
      serveWeb: false,
    });
    const keys = keysFromMaster(Buffer.from(masterKey, 'base64'));
    const cookie = await signInNewUser(app, database, keys, {
      username: 'officer',
      role: 'register_officer',
    });
    for (const name of ['Yksi', 'Kaksi', 'Kolme', 'Neljä']) {
      const created = await app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: { firstName: name, lastName: 'Avain' },
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    await sealAccessLog(database.db, keys, { before: new Date(Date.now() + 1000) });
    await app.close();

    await assert.rejects(openRegister(config(otherKey), { logger: false }), (error: unknown) => {
      assert.ok(error instanceof StartRefused, String(error));
      assert.match(error.message, /not the one the access log was written under/);
      return true;
    });

    const wrong = cli(otherKey);
    assert.equal(wrong.status, 3, wrong.stderr);
    assert.match(wrong.stderr, /^Wrong key/);
    assert.doesNotMatch(wrong.stderr, /tampered|position/);

    const intact = cli(masterKey);
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /The access log is intact: 4 entries, 4 chained/);

    const owner = await openDatabase({ dataDir });
    await tamper(owner, [
      sql`update access_log set username = 'someone' where position = 2`,
      sql`update access_log set purpose = 'forged' where position = 4`,
    ]);
    await owner.close();
    const tampered = cli(masterKey);
    assert.equal(tampered.status, 1, tampered.stderr);
    assert.match(tampered.stderr, /tampered with: 2 of 4 entries do not verify/);
    assert.match(tampered.stderr, /position 2: the entry was changed\n {2}position 4: the entry/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
