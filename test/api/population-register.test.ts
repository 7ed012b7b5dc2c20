import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { ConfigError, loadConfig } from '../../src/server/config.ts';
import { dvvSyncPosition, dvvSyncRecords, dvvSyncRuns } from '../../src/server/db/schema/index.ts';
import { databaseAccessLog } from '../../src/server/modules/access-log/access-log.ts';
import { mayAppear } from '../../src/server/modules/objections/usage-rule.ts';
import { dvvClient, DvvError } from '../../src/server/modules/population-register/dvv-client.ts';
import { runSync } from '../../src/server/modules/population-register/dvv-sync.ts';
import {
  startDailySync,
  SYNC_ACTOR,
  syncContext,
} from '../../src/server/modules/population-register/population-register.service.ts';
import { accessLogEntries, callAs, forEachEngineAppPerTest, type TestApp } from '../helpers/app.ts';
import { dvvDay, dvvRecord, startDvvStandIn, type DvvStandIn } from '../helpers/dvv-stand-in.ts';

/*
 * Decision 0026: the register follows DVV's change interface. A local stand-in answers as
 * ../shared/docs/dvv-changes-api.md describes; each kind of record lands as described, the
 * report names each outcome, the same position run twice changes nothing, and a run stopped
 * between two pages is continued without losing or repeating a page.
 */

let standIn: DvvStandIn;
/** Read by each test's app when it is built, after the stand-in has started. */
const env: Record<string, string> = {};

before(async () => {
  standIn = await startDvvStandIn({ pageSize: 2 });
  Object.assign(env, standIn.env, { DVV_SYNC_FROM: '2026-11-01' });
});
after(async () => {
  await standIn.close();
});

const START = 100;
/** Test identity codes (individual numbers 900–999), one per person of a test. */
const code = (n: number) => makeIdentityCode(`1980-01-${String(n).padStart(2, '0')}`, 900 + n);

async function ok(
  testApp: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  const response = await callAs(testApp, cookie, method, url, payload);
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function register(
  testApp: TestApp,
  officer: string,
  n: number,
  extra: object = {},
): Promise<string> {
  const created = await ok(testApp, officer, 'POST', '/api/persons', {
    firstName: `Etu${n}`,
    lastName: `Suku${n}`,
    personalIdentityCode: code(n),
    personalIdentityCodePurpose: 'unambiguous_identification',
    permanentAddress: { street: `Vanhatie ${n}`, postalCode: '00100', postOffice: 'Helsinki' },
    ...extra,
  });
  return created.id as string;
}

function sync(
  testApp: TestApp,
  options: { batchSize?: number; afterPage?: (page: number) => void } = {},
) {
  return syncContext(
    {
      db: testApp.database.db,
      keys: testApp.keys,
      personKeys: testApp.personKeys.personKeys,
      clock: { now: () => new Date() },
      accessLog: databaseAccessLog(
        testApp.keys,
        { now: () => new Date() },
        {
          personKeys: testApp.personKeys.personKeys,
        },
      ),
      actor: SYNC_ACTOR,
      requestId: 'test',
      clientAddress: 'test',
    },
    loadConfig({ DATA_DIR: '/nonexistent-test-data-dir', ...env }),
    {
      trigger: 'cli',
      batchSize: options.batchSize ?? 3,
      ...(options.afterPage ? { afterPage: options.afterPage } : {}),
    },
  );
}

const name = (etunimi: string, sukunimi: string) => ({
  tietoryhma: 'HENKILON_NIMI',
  muutosattribuutti: 'MUUTETTU',
  etunimi,
  sukunimi,
  alkupv: dvvDay('2026-11-30'),
});

/** The change log of the first test: every kind of record the document names. */
function everyKind(): void {
  standIn.reset({ positionsByDay: { '2026-11-01': START }, head: START });
  let position = START;
  const at = (n: number, record: unknown, identityCode = code(n)) =>
    standIn.append({ position: ++position, identityCode, record });
  at(
    1,
    dvvRecord(code(1), [
      name('Uusi', 'Nimi'),
      {
        tietoryhma: 'NIMENMUUTOS',
        muutosattribuutti: 'LISATTY',
        nimilaji: 'ETUNIMI',
        nimi: 'Uusi',
      },
    ]),
  );
  at(
    2,
    dvvRecord(code(2), [
      {
        tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE',
        muutosattribuutti: 'MUUTETTU',
        katunimi: { fi: 'Vanhatie', sv: 'Gamla vägen' },
        katunumero: '2',
        postinumero: '00100',
        postitoimipaikka: { fi: 'HELSINKI', sv: 'HELSINGFORS' },
        alkupv: dvvDay('2020-01-01'),
        loppupv: dvvDay('2026-11-29'),
      },
      {
        tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE',
        muutosattribuutti: 'LISATTY',
        katunimi: { fi: 'Rantakatu', sv: 'Strandgatan' },
        katunumero: '5',
        huoneistokirjain: 'B',
        huoneistonumero: '012',
        postinumero: '65100',
        postitoimipaikka: { fi: 'VAASA', sv: 'VASA' },
        alkupv: dvvDay('2026-11-30'),
      },
    ]),
  );
  at(
    3,
    dvvRecord(code(3), [
      {
        tietoryhma: 'TURVAKIELTO',
        muutosattribuutti: 'LISATTY',
        turvakieltoAktiivinen: true,
        turvaLoppuPv: dvvDay('2031-11-30'),
      },
      {
        tietoryhma: 'VAKINAINEN_KOTIMAINEN_OSOITE',
        muutosattribuutti: 'LISATTY',
        turvakiellonAlaisetKentat: ['katunimi', 'katunumero', 'postinumero', 'postitoimipaikka'],
      },
    ]),
  );
  at(
    4,
    dvvRecord(code(4), [
      { tietoryhma: 'TURVAKIELTO', muutosattribuutti: 'MUUTETTU', turvakieltoAktiivinen: false },
    ]),
  );
  at(
    5,
    dvvRecord(code(5), [
      {
        tietoryhma: 'KUOLINPAIVA',
        muutosattribuutti: 'LISATTY',
        kuollut: true,
        kuolinpv: dvvDay('2026-11-28'),
      },
    ]),
  );
  at(
    6,
    dvvRecord(code(6), [
      {
        tietoryhma: 'HENKILOTUNNUS_KORJAUS',
        muutosattribuutti: 'LISATTY',
        aktiivinenHenkilotunnus: code(16),
        edellisetHenkilotunnukset: [code(6)],
        voimassaolo: 'AKTIIVI',
      },
    ]),
  );
  at(
    7,
    dvvRecord(code(7), [
      {
        tietoryhma: 'SUORAMARKKINOINTIKIELTO',
        muutosattribuutti: 'LISATTY',
        kieltoAktiivinen: true,
        alkupv: dvvDay('2026-11-20'),
      },
      {
        tietoryhma: 'YHTEYSTIETOJEN_LUOVUTUSKIELTO',
        muutosattribuutti: 'LISATTY',
        kieltoAktiivinen: true,
      },
      {
        tietoryhma: 'ASIAKASREKISTERIN_PAIVITYSKIELTO',
        muutosattribuutti: 'LISATTY',
        kieltoAktiivinen: true,
      },
    ]),
  );
  at(
    8,
    dvvRecord(code(8), [{ tietoryhma: 'SUORAMARKKINOINTIKIELTO', muutosattribuutti: 'POISTETTU' }]),
  );
  at(
    1,
    dvvRecord(code(1), [
      { tietoryhma: 'UUSI_TIETORYHMA', muutosattribuutti: 'LISATTY', arvo: 'x' },
    ]),
  );
  at(1, { henkilotunnus: code(1), tietoryhmat: 'ei lista' });
}

forEachEngineAppPerTest(
  'population-register updates from DVV',
  ({ ctx }) => {
    test('each kind of record lands as described, the report names each outcome, and the same position twice changes nothing', async () => {
      const t = ctx();
      const officer = await t.signIn('register_officer');
      const ids = new Map<number, string>();
      for (const n of [1, 2, 5, 6, 7]) ids.set(n, await register(t, officer, n));
      ids.set(
        2,
        await ok(t, officer, 'PATCH', `/api/persons/${ids.get(2)}`, { language: 'sv' }).then(
          (p) => p.id as string,
        ),
      );
      ids.set(3, await register(t, officer, 3));
      ids.set(
        4,
        await register(t, officer, 4, {
          addressProtection: { active: true, source: 'DVV' },
          source: { kind: 'population_register', reference: 'DVV-1' },
        }),
      );
      ids.set(8, await register(t, officer, 8));
      await ok(t, officer, 'POST', `/api/persons/${ids.get(8)}/objections`, {
        type: 'direct_marketing',
        objectedOn: '2026-01-01',
        source: 'population_register',
      });
      everyKind();

      const run = await runSync(sync(t));
      assert.equal(run.status, 'finished');
      const person = (n: number) => ok(t, officer, 'GET', `/api/persons/${ids.get(n)}`);

      const p1 = await person(1);
      assert.deepEqual([p1.firstName, p1.lastName], ['Uusi', 'Nimi']);
      const p2 = await person(2);
      assert.deepEqual(p2.permanentAddress, {
        street: 'Strandgatan 5 B 12',
        postalCode: '65100',
        postOffice: 'VASA',
        country: 'FI',
      });
      const p3 = await person(3);
      assert.deepEqual(p3.addressProtection, { active: true, endsOn: '2031-11-30', source: 'DVV' });
      assert.deepEqual(
        p3.permanentAddress,
        { street: 'Vanhatie 3', postalCode: '00100', postOffice: 'Helsinki', country: 'FI' },
        'a withheld address stores nothing',
      );
      assert.equal((await person(4)).addressProtection, null);
      const p5 = await person(5);
      assert.equal(p5.deceasedOn, '2026-11-28');
      const now = new Date();
      assert.equal(
        (
          await mayAppear(t.database.db, {
            caller: 'mailingList',
            use: 'published_list',
            personId: ids.get(5)!,
            now,
          })
        ).allowed,
        false,
      );
      const search = await ok(t, officer, 'GET', `/api/persons?q=${encodeURIComponent(code(16))}`);
      assert.deepEqual(
        search.items.map((p: { id: string }) => p.id),
        [ids.get(6)],
        'the corrected code finds the person by the blind index',
      );
      const revealed = await ok(
        t,
        officer,
        'POST',
        `/api/persons/${ids.get(6)}/reveal-identity-code`,
        { purpose: 'checking the correction' },
      );
      assert.equal(revealed.personalIdentityCode, code(16), 'and decrypts under their key');
      const objections7 = await ok(t, officer, 'GET', `/api/persons/${ids.get(7)}/objections`);
      assert.deepEqual(
        objections7.items
          .map((o: { type: string; source: string; active: boolean }) => [
            o.type,
            o.source,
            o.active,
          ])
          .sort(),
        [
          ['direct_marketing', 'population_register', true],
          ['published_list', 'population_register', true],
        ],
      );
      const objections8 = await ok(t, officer, 'GET', `/api/persons/${ids.get(8)}/objections`);
      assert.deepEqual(
        objections8.items.map((o: { active: boolean }) => o.active),
        [false],
        'withdrawn when DVV lifts it',
      );

      const report = await ok(t, officer, 'GET', `/api/population-register/syncs/${run.id}`);
      const outcomes = report.records.map(
        (r: { person: { id: string } | null; outcome: string; notes: string[] }) => [
          [...ids].find(([, id]) => id === r.person?.id)?.[0] ?? null,
          r.outcome,
          r.notes.filter((note) => !note.startsWith('unparsable:')).sort(),
        ],
      );
      assert.deepEqual(
        outcomes.sort((a: [number | null], b: [number | null]) => (a[0] ?? 0) - (b[0] ?? 0)),
        [
          [null, 'unparsable', []],
          [1, 'applied', ['informational:NIMENMUUTOS']],
          [1, 'skipped', ['unknownKind:UUSI_TIETORYHMA']],
          [2, 'applied', ['informational:VAKINAINEN_KOTIMAINEN_OSOITE']],
          [3, 'applied', ['protectionOn', 'withheld:VAKINAINEN_KOTIMAINEN_OSOITE']],
          [4, 'applied', ['protectionOff']],
          [5, 'applied', ['deceased']],
          [6, 'applied', ['identityCodeCorrected']],
          [
            7,
            'applied',
            [
              'prohibitionOn:contact_disclosure',
              'prohibitionOn:direct_marketing',
              'prohibitionOn:register_update',
            ],
          ],
          [8, 'applied', ['prohibitionOff:direct_marketing']],
        ],
      );
      assert.equal(report.recordCount, 10);
      assert.deepEqual(report.run.counts, {
        applied: 8,
        unchanged: 0,
        skipped: 1,
        noPerson: 0,
        unparsable: 1,
        failed: 0,
      });
      assert.equal(report.run.persons, 8);
      assert.ok(
        !JSON.stringify(report).includes(code(1).slice(0, 6)),
        'the report carries no identity code',
      );

      // Every change carries DVV as its source, in the value sources and in the access log.
      const sources = await ok(t, officer, 'GET', `/api/persons/${ids.get(1)}/value-sources`);
      const nameSources = sources.items.filter(
        (s: { field: string; current: boolean }) => s.field === 'firstName' && s.current,
      );
      assert.deepEqual(
        nameSources.map((s: { kind: string }) => s.kind),
        ['population_register'],
      );
      const log = await accessLogEntries(t);
      const dvvChanges = log.filter((e) => e.username === 'dvv-sync');
      assert.deepEqual(
        [...new Set(dvvChanges.flatMap((e) => e.subjectIds))].sort(),
        [1, 2, 3, 4, 5, 6, 7, 8].map((n) => ids.get(n)!).sort(),
      );
      for (const entry of dvvChanges) {
        if (entry.action === 'read') continue;
        const source = (entry.changes?.source ?? null) as { kind?: string } | null;
        if (source) assert.equal(source.kind, 'population_register');
      }
      assert.ok(dvvChanges.some((e) => e.fields.includes('deceasedOn')));
      const [position] = await t.database.db.select().from(dvvSyncPosition);
      assert.equal(position?.position, START + 10);

      // The same position again: every record is recognised and nothing changes.
      const before = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(person));
      const logBefore = (await accessLogEntries(t)).length;
      await t.database.db.update(dvvSyncPosition).set({ position: START });
      const again = await runSync(sync(t));
      const secondReport = await ok(
        t,
        officer,
        'GET',
        `/api/population-register/syncs/${again.id}`,
      );
      // The corrected person is followed by the new code now: DVV does not send the old code's record.
      assert.deepEqual(secondReport.run.counts, {
        applied: 0,
        unchanged: 7,
        skipped: 1,
        noPerson: 0,
        unparsable: 1,
        failed: 0,
      });
      const logAfter = await accessLogEntries(t);
      assert.deepEqual(
        logAfter
          .slice(logBefore)
          .filter((e) => e.action !== 'read')
          .map((e) => e.action),
        [],
        'no change was logged',
      );
      const afterRun = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(person));
      assert.deepEqual(
        afterRun.map((p) => p.updatedAt),
        before.map((p) => p.updatedAt),
      );
    });

    test('a run stopped between two pages is continued: nothing lost, nothing applied twice', async () => {
      const t = ctx();
      const officer = await t.signIn('register_officer');
      const ids: string[] = [];
      for (const n of [1, 2, 3, 4, 5]) ids.push(await register(t, officer, n));
      standIn.reset({ positionsByDay: { '2026-11-01': START }, head: START });
      for (let i = 0; i < 10; i++) {
        const n = (i % 5) + 1;
        standIn.append({
          position: START + 1 + i,
          identityCode: code(n),
          record: dvvRecord(code(n), [name(`Nimi${i}`, `Suku${n}`)], `2026-11-30T0${i}:00:00.000Z`),
        });
      }
      await assert.rejects(
        runSync(
          sync(t, {
            batchSize: 2,
            afterPage: (page) => {
              if (page === 2) throw new Error('killed between two pages');
            },
          }),
        ),
        /killed between two pages/,
      );
      const [stopped] = await t.database.db.select().from(dvvSyncRuns);
      assert.equal(stopped?.status, 'failed');
      assert.equal(stopped?.pages, 2);
      assert.deepEqual(
        await t.database.db.select().from(dvvSyncPosition),
        [],
        'the position moves only at the end',
      );
      const callsBefore = standIn.calls.length;

      const run = await runSync(sync(t, { batchSize: 2 }));
      assert.equal(run.id, stopped?.id, 'the same run is continued');
      assert.equal(run.status, 'finished');
      // No page applied before the stop is asked for again.
      const asked = (c: { from: number; identityCodes: string[] }) =>
        JSON.stringify([c.from, [...c.identityCodes].sort()]);
      const before = new Set(standIn.calls.slice(0, callsBefore).map(asked));
      assert.equal(callsBefore, 2);
      assert.deepEqual(
        standIn.calls.slice(callsBefore).filter((c) => before.has(asked(c))),
        [],
      );
      const records = await t.database.db
        .select()
        .from(dvvSyncRecords)
        .where(eq(dvvSyncRecords.runId, run.id));
      assert.equal(records.length, 10, 'each record once');
      assert.ok(records.every((r) => r.outcome === 'applied'));
      for (const [i, id] of ids.entries()) {
        const p = await ok(t, officer, 'GET', `/api/persons/${id}`);
        assert.equal(p.firstName, `Nimi${i + 5}`, 'the latest name of each person');
      }
    });

    test('the server’s timer syncs when no run started in the last day, and not again the same day', async () => {
      const t = ctx();
      const officer = await t.signIn('register_officer');
      const id = await register(t, officer, 1);
      standIn.reset({ positionsByDay: { '2026-11-01': START }, head: START });
      standIn.append({
        position: START + 1,
        identityCode: code(1),
        record: dvvRecord(code(1), [name('Ajastin', 'Nimi')]),
      });
      const errors: unknown[] = [];
      const stop = startDailySync(
        () => ({ ...sync(t), trigger: 'timer' }),
        (error) => errors.push(error),
        { intervalMs: 50 },
      );
      try {
        for (let i = 0; i < 100; i++) {
          const runs = await t.database.db.select().from(dvvSyncRuns);
          if (runs[0]?.status === 'finished') break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      } finally {
        await stop();
      }
      assert.deepEqual(errors, []);
      const runs = await t.database.db.select().from(dvvSyncRuns);
      assert.deepEqual(
        runs.map((r) => [r.trigger, r.status]),
        [['timer', 'finished']],
        'one run a day',
      );
      assert.equal((await ok(t, officer, 'GET', `/api/persons/${id}`)).firstName, 'Ajastin');
    });

    test('the register officer starts a sync in the web app and reads its report; others may not', async () => {
      const t = ctx();
      const officer = await t.signIn('register_officer');
      const clerk = await t.signIn('customer_service');
      const id = await register(t, officer, 1);
      standIn.reset({ positionsByDay: { '2026-11-01': START }, head: START });
      standIn.append({
        position: START + 1,
        identityCode: code(1),
        record: dvvRecord(code(1), [name('Web', 'Nimi')]),
      });
      assert.equal(
        (await callAs(t, clerk, 'POST', '/api/population-register/syncs', {})).statusCode,
        403,
      );
      const started = await callAs(t, officer, 'POST', '/api/population-register/syncs', {});
      assert.equal(started.statusCode, 202, started.body);
      let report;
      for (let i = 0; i < 100; i++) {
        report = await ok(t, officer, 'GET', `/api/population-register/syncs/${started.json().id}`);
        if (report.run.status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.equal(report.run.status, 'finished');
      assert.equal(report.run.trigger, 'web');
      assert.equal(report.records[0].outcome, 'applied');
      assert.equal(report.records[0].person.id, id);
      const list = await ok(t, officer, 'GET', '/api/population-register/syncs');
      assert.equal(list.configured, true);
      assert.equal(list.position, START + 1);
      assert.equal(list.items[0].counts.applied, 1);
      const log = await accessLogEntries(t);
      assert.ok(
        log.some(
          (e) =>
            e.action === 'update' && e.subjectIds.includes(id) && e.role === 'register_officer',
        ),
      );
      assert.ok(
        log.some(
          (e) =>
            e.action === 'read' &&
            e.subjectIds.includes(id) &&
            e.fields.includes('populationRegisterSync'),
        ),
      );
    });
  },
  { env },
);

forEachEngineAppPerTest('population-register updates, not configured', ({ ctx }) => {
  test('a sync without DVV configured is 409 dvv.notConfigured, and the list says so', async () => {
    const officer = await ctx().signIn('register_officer');
    const response = await callAs(ctx(), officer, 'POST', '/api/population-register/syncs', {});
    assert.equal(response.statusCode, 409);
    assert.equal(response.json().errors[0].code, 'dvv.notConfigured');
    const list = await ok(ctx(), officer, 'GET', '/api/population-register/syncs');
    assert.deepEqual(list, { configured: false, position: null, items: [] });
  });
});

test('bad DVV configuration gives a clear error', async () => {
  const base = { DATA_DIR: '/nonexistent' };
  assert.throws(
    () => loadConfig({ ...base, DVV_CHANGES_URL: 'https://dvv.example/api/v1' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /DVV_CHANGES_USERNAME, DVV_CHANGES_PASSWORD, DVV_XROAD_CLIENT are not set/.test(
        error.message,
      ),
  );
  assert.throws(
    () =>
      loadConfig({
        ...base,
        DVV_CHANGES_URL: 'ftp://dvv.example',
        DVV_CHANGES_USERNAME: 'u',
        DVV_CHANGES_PASSWORD: 'p',
        DVV_XROAD_CLIENT: 'FI/MUN',
        DVV_SYNC_FROM: '2026-02-30',
      }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 3 &&
      /DVV_CHANGES_URL/.test(error.problems[0]!) &&
      /DVV_XROAD_CLIENT/.test(error.problems[1]!) &&
      /DVV_SYNC_FROM/.test(error.problems[2]!),
  );
  assert.throws(
    () => loadConfig({ ...base, DVV_SYNC_FROM: '2026-01-01' }),
    /DVV_SYNC_FROM goes with/,
  );
  assert.equal(loadConfig(base).dvv, null);

  const stand = await startDvvStandIn();
  try {
    const config = loadConfig({ ...base, ...stand.env }).dvv!;
    assert.equal(await dvvClient(config).positionOn('2026-11-01'), 1000);
    await assert.rejects(
      dvvClient({ ...config, password: 'wrong' }).positionOn('2026-11-01'),
      (error: unknown) =>
        error instanceof DvvError &&
        /refused .* \(HTTP 401\): check DVV_CHANGES_USERNAME/.test(error.message) &&
        !error.message.includes('wrong'),
    );
    await assert.rejects(
      dvvClient({ ...config, url: `${config.url}/nothing` }).positionOn('2026-11-01'),
      /HTTP 404/,
    );
    stand.holdCall = { call: 1, until: new Promise(() => {}) };
    await assert.rejects(
      dvvClient(config, { timeoutMs: 200 }).changes(1, [code(1)]),
      /did not answer the changes within 0 s/,
    );
  } finally {
    await stand.close();
  }
  const closed = await startDvvStandIn();
  const closedUrl = closed.url;
  await closed.close();
  await assert.rejects(
    dvvClient({
      url: closedUrl,
      username: 'u',
      password: 'p',
      xroadClient: 'A/B/C/D',
      syncFrom: null,
    }).positionOn('2026-11-01'),
    /could not be reached .* ECONNREFUSED/,
  );
});
