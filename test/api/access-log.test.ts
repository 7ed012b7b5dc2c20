import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase, type Database } from '../../src/server/db/client.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { keysFromMaster } from '../../src/server/lib/crypto.ts';
import {
  sealAccessLog,
  verifyAccessLog,
} from '../../src/server/modules/access-log/access-log.chain.ts';
import {
  accessLogEntries,
  forEachEngine,
  forEachEngineAppPerTest,
  json,
  signInNewUser,
} from '../helpers/app.ts';
import { createTestPersonKeys } from '../helpers/person-keys.ts';

const person = {
  firstName: 'Loki',
  lastName: 'Merkintä',
  personalIdentityCode: '131052-308T',
  personalIdentityCodePurpose: 'consent',
  email: 'loki@example.fi',
};

forEachEngineAppPerTest(
  'access log: every read and change of personal data is on record',
  ({ ctx }) => {
    const last = async () => (await accessLogEntries(ctx())).at(-1);
    /** A register officer registers the person; each test reads the log from there. */
    const register = async () => {
      const cookie = await ctx().signIn('register_officer');
      const created = await ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: person,
      });
      return { cookie, id: created.json().id as string };
    };

    test('a registration is logged with the fields and their new values', async () => {
      const { id } = await register();
      const entry = await last();
      assert.equal(entry?.action, 'create');
      assert.deepEqual(entry?.subjectIds, [id]);
      assert.equal(entry?.role, 'register_officer');
      assert.ok(entry?.fields.includes('personalIdentityCode'));
      assert.deepEqual(entry?.changes?.email, { old: null, new: 'loki@example.fi' });
      assert.equal(entry?.changes?.personalIdentityCode, 'changed');
      assert.equal(JSON.stringify(entry).includes('308T'), false, 'never the identity code itself');
    });

    test('reads of the page, the list and the search are logged with whose data was returned', async () => {
      const { cookie, id } = await register();
      await ctx().app.inject({ url: `/api/persons/${id}`, headers: { cookie } });
      assert.equal((await last())?.action, 'read');
      assert.deepEqual((await last())?.subjectIds, [id]);
      await ctx().app.inject({ url: '/api/persons', headers: { cookie } });
      assert.deepEqual((await last())?.subjectIds, [id]);
      await ctx().app.inject({ url: '/api/search?q=merkinta', headers: { cookie } });
      assert.equal((await last())?.action, 'search');
      assert.deepEqual((await last())?.subjectIds, [id]);
    });

    test('a change is logged with old and new values; the identity code only as "changed"', async () => {
      const { cookie, id } = await register();
      await ctx().app.inject({
        method: 'PATCH',
        url: `/api/persons/${id}`,
        headers: json(cookie),
        payload: {
          email: 'uusi@example.fi',
          personalIdentityCode: '010594Y9032',
          personalIdentityCodePurpose: 'consent',
        },
      });
      const entry = await last();
      assert.equal(entry?.action, 'update');
      assert.deepEqual(entry?.changes?.email, { old: 'loki@example.fi', new: 'uusi@example.fi' });
      assert.equal(entry?.changes?.personalIdentityCode, 'changed');
      assert.equal(JSON.stringify(entry).includes('9032'), false);
    });

    test('archiving and revealing the identity code are logged, the reveal with its purpose', async () => {
      const { cookie, id } = await register();
      await ctx().app.inject({
        method: 'POST',
        url: `/api/persons/${id}/reveal-identity-code`,
        headers: json(cookie),
        payload: { purpose: 'Perintä' },
      });
      assert.equal((await last())?.action, 'reveal');
      assert.equal((await last())?.purpose, 'Perintä');
      await ctx().app.inject({ method: 'DELETE', url: `/api/persons/${id}`, headers: { cookie } });
      assert.equal((await last())?.action, 'archive');
    });

    test('when the log cannot be written, a change is not stored and a read returns nothing', async () => {
      const { cookie, id } = await register();
      const { db } = ctx().database;
      await db.execute(
        sql`alter table access_log add constraint refuse_all check (false) not valid`,
      );
      try {
        const created = await ctx().app.inject({
          method: 'POST',
          url: '/api/persons',
          headers: json(cookie),
          payload: { firstName: 'Ei', lastName: 'Tallennu' },
        });
        assert.equal(created.statusCode, 500);
        assert.equal(created.body.includes('Tallennu'), false);
        const read = await ctx().app.inject({ url: `/api/persons/${id}`, headers: { cookie } });
        assert.equal(read.statusCode, 500);
        assert.equal(read.body.includes('Merkintä'), false);
      } finally {
        await db.execute(sql`alter table access_log drop constraint refuse_all`);
      }
      const search = await ctx().app.inject({ url: '/api/search?q=tallennu', headers: { cookie } });
      assert.deepEqual(search.json().items, [], 'the registration was rolled back with its entry');
    });

    test('the log refuses updates and deletes', async () => {
      const { db } = ctx().database;
      const appendOnly = (error: unknown) => {
        const cause = (error as { cause?: { message?: string } }).cause;
        assert.match(String(cause?.message ?? error), /append-only/);
        return true;
      };
      await assert.rejects(db.execute(sql`update access_log set purpose = 'x'`), appendOnly);
      await assert.rejects(db.execute(sql`delete from access_log`), appendOnly);
      await assert.rejects(db.execute(sql`delete from access_log_chain`), appendOnly);
    });
  },
);

/** Tampering the way someone with the database's superuser would: triggers off, then SQL. */
async function tamper(database: Database, statements: ReturnType<typeof sql>[]) {
  const { db } = database;
  await db.execute(sql`alter table access_log disable trigger user`);
  for (const statement of statements) await db.execute(statement);
  await db.execute(sql`alter table access_log enable trigger user`);
}

forEachEngineAppPerTest('access log: tamper evidence', ({ ctx }) => {
  /** Six registrations, each logged; the positions of their entries. */
  const registerSix = async () => {
    const cookie = await ctx().signIn('register_officer');
    for (let i = 0; i < 6; i++) {
      await ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: { firstName: `Henkilö${i}`, lastName: 'Ketju' },
      });
    }
    return (await accessLogEntries(ctx())).map((e) => e.position);
  };

  test('an untouched log verifies, sealed and unsealed alike', async () => {
    const positions = await registerSix();
    const before = await verifyAccessLog(ctx().database.db, ctx().keys);
    assert.deepEqual(before, { ok: true, entries: 6, sealed: 0, unsealed: 6, keyCheck: 'absent' });
    const { sealed } = await sealAccessLog(ctx().database.db, ctx().keys, {
      before: new Date(Date.now() + 1000),
    });
    assert.equal(sealed, 6);
    assert.deepEqual(await verifyAccessLog(ctx().database.db, ctx().keys), {
      ok: true,
      entries: 6,
      sealed: 6,
      unsealed: 0,
      keyCheck: 'match',
    });
    assert.deepEqual(
      (await accessLogEntries(ctx())).map((e) => e.position),
      positions,
      'sealing adds no entry',
    );
  });

  const cases: [
    string,
    (p: number[]) => ReturnType<typeof sql>[],
    (p: number[]) => number[],
    RegExp,
  ][] = [
    [
      'a changed entry',
      (p) => [sql`update access_log set purpose = 'forged' where position = ${p[2]}`],
      (p) => [p[2] ?? 0],
      /changed/,
    ],
    [
      'a removed entry',
      (p) => [sql`delete from access_log where position = ${p[3]}`],
      (p) => [p[3] ?? 0],
      /removed/,
    ],
    [
      'two entries swapped',
      (p) => [
        sql`create temp table swapped as select * from access_log where position in (${p[1]}, ${p[4]})`,
        sql`delete from access_log where position in (${p[1]}, ${p[4]})`,
        sql`insert into access_log overriding system value
              select case when s.position = ${p[1]} then ${p[4]}::bigint else ${p[1]}::bigint end, s.entry_id,
                s.occurred_at, s.user_id, s.username, s.role, s.action, s.subject_ids, s.fields,
                s.changes, s.purpose, s.client_address, s.request_id, s.entry_mac
              from swapped s`,
        sql`drop table swapped`,
      ],
      (p) => [p[1] ?? 0, p[4] ?? 0],
      /replaced or moved/,
    ],
  ];
  for (const [name, statements, expected, problem] of cases) {
    test(`verification names ${name}`, async () => {
      const positions = await registerSix();
      await sealAccessLog(ctx().database.db, ctx().keys, { before: new Date(Date.now() + 1000) });
      const database = ctx().database;
      const { db } = database;
      const snapshot = await db.execute(sql`select * from access_log order by position`);
      await tamper(database, statements(positions));
      try {
        const result = await verifyAccessLog(db, ctx().keys);
        assert.equal(result.ok, false, name);
        if (!result.ok && !result.wrongKey) {
          const found = JSON.stringify(result.problems);
          assert.deepEqual(
            result.problems.map((p) => p.position),
            expected(positions),
            `${name}: ${found}`,
          );
          for (const p of result.problems) assert.match(p.problem, problem, found);
        }
      } finally {
        // Put the log back as it was: tampering is undone by restoring the rows.
        await tamper(database, [sql`delete from access_log`]);
        const rows = (snapshot as unknown as { rows: Record<string, unknown>[] }).rows;
        for (const row of rows) {
          await tamper(database, [
            sql`insert into access_log overriding system value select * from json_populate_record(null::access_log, ${JSON.stringify(
              {
                ...row,
                entry_mac: `\\x${Buffer.from(row.entry_mac as Uint8Array).toString('hex')}`,
              },
            )}::json)`,
          ]);
        }
        assert.equal((await verifyAccessLog(db, ctx().keys)).ok, true, 'restored');
      }
    });
  }
});

test('rekisteri audit verify: exit 0 on an intact log, 1 naming the entry on a tampered one', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-audit-'));
  const masterKey = crypto.randomBytes(32);
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    REKISTERI_MASTER_KEY: masterKey.toString('base64'),
  };
  delete env.DATABASE_URL;
  delete env.KEYSTORE_DATABASE_URL;
  const cli = () =>
    spawnSync(
      process.execPath,
      [path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts'), 'audit', 'verify'],
      {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
  try {
    let database = await openDatabase({ dataDir });
    await database.migrate();
    const keys = keysFromMaster(masterKey);
    const personKeys = await createTestPersonKeys('pglite', { legacyKeys: keys });
    const app = await buildApp(
      {
        config: loadConfig({ DATA_DIR: dataDir }),
        database,
        keys,
        personKeys: personKeys.personKeys,
        clock: systemClock,
      },
      { logger: false, serveWeb: false },
    );
    const cookie = await signInNewUser(app, database, keys, {
      username: 'officer',
      role: 'register_officer',
    });
    for (const name of ['Yksi', 'Kaksi', 'Kolme']) {
      await app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: { firstName: name, lastName: 'Testi' },
      });
    }
    await sealAccessLog(database.db, keys, { before: new Date(Date.now() + 1000) });
    await app.close();
    await database.close();
    await personKeys.close();

    const intact = cli();
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(intact.stdout, /The access log is intact: 3 entries, 3 chained/);

    database = await openDatabase({ dataDir });
    await tamper(database, [sql`update access_log set username = 'someone' where position = 2`]);
    await database.close();
    const tampered = cli();
    assert.equal(tampered.status, 1);
    assert.match(tampered.stderr, /tampered with: 1 of 3 entries do not verify/);
    assert.match(tampered.stderr, /position 2: the entry was changed/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

forEachEngine('access log: reading it', ({ ctx }) => {
  test('the register officer and the auditor read it by subject, user, action and time; others get 403', async () => {
    const officer = await ctx().signIn('register_officer');
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: { firstName: 'Luettava', lastName: 'Loki' },
    });
    const id = created.json().id as string;
    await ctx().app.inject({ url: `/api/persons/${id}`, headers: { cookie: officer } });
    const other = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: { firstName: 'Muu', lastName: 'Henkilö' },
    });
    assert.equal(other.statusCode, 201);

    const auditor = await ctx().signIn('auditor');
    const bySubject = await ctx().app.inject({
      url: `/api/access-log?subjectId=${id}`,
      headers: { cookie: auditor },
    });
    assert.equal(bySubject.statusCode, 200, bySubject.body);
    assert.deepEqual(
      bySubject.json().items.map((e: { action: string }) => e.action),
      ['read', 'create'],
      'newest first, only this person',
    );
    const reads = await ctx().app.inject({
      url: `/api/access-log?action=create&limit=1`,
      headers: { cookie: auditor },
    });
    assert.equal(reads.json().items.length, 1);
    assert.ok(reads.json().nextCursor);
    const next = await ctx().app.inject({
      url: `/api/access-log?action=create&limit=1&cursor=${reads.json().nextCursor}`,
      headers: { cookie: auditor },
    });
    assert.notEqual(next.json().items[0].position, reads.json().items[0].position);
    const future = await ctx().app.inject({
      url: `/api/access-log?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`,
      headers: { cookie: auditor },
    });
    assert.deepEqual(future.json().items, []);
    const last = (await accessLogEntries(ctx())).at(-1);
    assert.equal(last?.action, 'read');
    assert.equal(last?.role, 'auditor');
    assert.deepEqual(last?.fields, ['accessLog'], "reading a person's history is itself logged");

    for (const role of ['customer_service', 'billing', 'social_worker', 'contractor'] as const) {
      const cookie = await ctx().signIn(role);
      const denied = await ctx().app.inject({ url: '/api/access-log', headers: { cookie } });
      assert.equal(denied.statusCode, 403, role);
    }
  });
});

forEachEngine('access log: addresses stay hidden from who may not see them', ({ ctx }) => {
  test('the auditor sees that an address changed, not the address; the register officer sees it', async () => {
    const officer = await ctx().signIn('register_officer');
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: {
        firstName: 'Turva',
        lastName: 'Kielto',
        permanentAddress: { street: 'Salainen tie 3', postalCode: '00100', postOffice: 'Helsinki' },
        billing: {
          billingAddress: { street: 'Salainen tie 3', postalCode: '00100', postOffice: 'Helsinki' },
          ovt: '003702015513',
        },
        addressProtection: { active: true, source: 'DVV' },
        source: { kind: 'population_register' },
      },
    });
    const id = created.json().id as string;
    const auditor = await ctx().signIn('auditor');
    const seenByAuditor = await ctx().app.inject({
      url: `/api/access-log?subjectId=${id}&action=create`,
      headers: { cookie: auditor },
    });
    assert.equal(seenByAuditor.statusCode, 200);
    assert.equal(seenByAuditor.body.includes('Salainen'), false);
    const changes = seenByAuditor.json().items[0].changes;
    assert.equal(changes.permanentAddress, 'changed');
    assert.equal('billingAddress' in changes.billing.new, false);
    assert.equal(changes.billing.new.ovt, '003702015513');
    const seenByOfficer = await ctx().app.inject({
      url: `/api/access-log?subjectId=${id}&action=create`,
      headers: { cookie: officer },
    });
    assert.equal(
      seenByOfficer.json().items[0].changes.permanentAddress.new.street,
      'Salainen tie 3',
    );
  });
});
