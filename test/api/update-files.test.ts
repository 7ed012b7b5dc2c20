import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import {
  dvvProhibitions,
  persons,
  updateFileRows,
  valueSources,
} from '../../src/server/db/schema/index.ts';
import { databaseAccessLog } from '../../src/server/modules/access-log/access-log.ts';
import { findProfile } from '../../src/server/modules/update-files/profiles.ts';
import {
  runUpdateFile,
  UPDATE_FILE_ACTOR,
} from '../../src/server/modules/update-files/update-file-run.ts';
import { fileHash } from '../../src/server/modules/update-files/update-files.service.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  insertTestPartner,
  type TestApp,
} from '../helpers/app.ts';
import { postiFile, type PostiRow } from '../helpers/update-files.ts';

/*
 * Decision 0029: an update-service file is matched row by row (identity code, else name and
 * previous address); a dry run changes nothing; an apply changes what differs with the partner
 * as the value source and never a protected person nor one with DVV's customer-register update
 * prohibition; the same file twice changes nothing; a run stopped between two batches is
 * continued.
 */

const code = (n: number) => makeIdentityCode(`1975-03-${String(n).padStart(2, '0')}`, 900 + n);

const OLD = { street: 'Vanhatie 1', postalCode: '00100', postOffice: 'Helsinki' };
const NEW = { street: 'Äijäläntie 3 B 12', postalCode: '40100', postOffice: 'Jyväskylä' };

type Fixture = {
  officer: string;
  partnerId: string;
  plain: string;
  protectedPerson: string;
  prohibited: string;
  byName: string;
};

async function ok(
  testApp: TestApp,
  cookie: string,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  const response = await callAs(testApp, cookie, method, url, payload);
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

async function person(testApp: TestApp, officer: string, body: object): Promise<string> {
  return (await ok(testApp, officer, 'POST', '/api/persons', { permanentAddress: OLD, ...body }))
    .id as string;
}

/** The file of the fixture: a row for each person, one nobody matches, one that does not parse. */
function theFile(): Buffer {
  const rows: PostiRow[] = [
    { identityCode: code(1), lastName: 'Virtanen', firstName: 'Ville', ...NEW },
    { identityCode: code(2), lastName: 'Suojattu', firstName: 'Sanna', ...NEW },
    { identityCode: code(3), lastName: 'Kielto', firstName: 'Kalle', ...NEW },
    {
      lastName: 'Öhman',
      firstName: 'Åsa',
      previousStreet: OLD.street,
      previousPostalCode: OLD.postalCode,
      ...NEW,
    },
    { identityCode: code(9), lastName: 'Tuntematon', firstName: 'Tuula', ...NEW },
    { identityCode: code(1), lastName: 'Virtanen', firstName: 'Ville', ...NEW, postalCode: '4010' },
  ];
  return postiFile(rows);
}

function upload(testApp: TestApp, cookie: string, f: Fixture, body: Buffer, dryRun: boolean) {
  return testApp.app.inject({
    method: 'POST',
    url: `/api/update-files/runs?profile=posti&partnerId=${f.partnerId}&name=muutokset.txt&dryRun=${dryRun}`,
    headers: { cookie, 'content-type': 'application/octet-stream' },
    payload: body,
  });
}

forEachEngineAppPerTest('update-service files', ({ ctx, prepare }) => {
  const f = {} as Fixture;
  prepare(async (testApp) => {
    f.officer = await testApp.signIn('register_officer');
    f.partnerId = await insertTestPartner(testApp.database, {
      name: 'Posti Oy',
      roles: ['source'],
    });
    const coded = (n: number, firstName: string, lastName: string, extra: object = {}) =>
      person(testApp, f.officer, {
        firstName,
        lastName,
        personalIdentityCode: code(n),
        personalIdentityCodePurpose: 'unambiguous_identification',
        ...extra,
      });
    f.plain = await coded(1, 'Ville', 'Virtanen');
    f.protectedPerson = await coded(2, 'Sanna', 'Suojattu', {
      addressProtection: { active: true, endsOn: null, source: 'DVV' },
      source: { kind: 'population_register' },
    });
    f.prohibited = await coded(3, 'Kalle', 'Kielto');
    await testApp.database.db.insert(dvvProhibitions).values({
      personId: f.prohibited,
      kind: 'register_update',
      since: '2026-01-01',
      recordedAt: new Date(),
    });
    f.byName = await person(testApp, f.officer, { firstName: 'Åsa', lastName: 'Öhman' });
  });

  const addressOf = async (id: string) =>
    (
      await ctx()
        .database.db.select({ a: persons.permanentAddress })
        .from(persons)
        .where(eq(persons.id, id))
    )[0]?.a;

  test('a dry run reports each row and changes nothing', async () => {
    const testApp = ctx();
    const response = await upload(testApp, f.officer, f, theFile(), true);
    assert.equal(response.statusCode, 201, response.body);
    const run = response.json();
    assert.equal(run.dryRun, true);
    assert.deepEqual(run.counts, { applied: 2, unchanged: 0, noMatch: 1, refused: 3 });
    for (const id of [f.plain, f.byName])
      assert.deepEqual(await addressOf(id), { ...OLD, country: 'FI' });
    const refused = await ok(
      testApp,
      f.officer,
      'GET',
      `/api/imports/updateFile/${run.id}/rows?outcome=refused`,
    );
    assert.deepEqual(
      refused.items.map((r: { position: string; reason: string; fields: string[] }) => [
        r.position,
        r.reason,
        r.fields,
      ]),
      [
        ['2', 'addressProtected', []],
        ['3', 'registerUpdateProhibited', []],
        ['6', 'invalid', ['postalCode']],
      ],
    );
    assert.equal(refused.total, 3);
  });

  test('an apply changes what differs, with the partner as the value source; the protected and the prohibited person stay; the same file again changes nothing', async () => {
    const testApp = ctx();
    const protectedBefore = await addressOf(f.protectedPerson);
    const first = await upload(testApp, f.officer, f, theFile(), false);
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual(first.json().counts, { applied: 2, unchanged: 0, noMatch: 1, refused: 3 });
    assert.deepEqual(await addressOf(f.plain), { ...NEW, country: 'FI' });
    assert.deepEqual(await addressOf(f.byName), { ...NEW, country: 'FI' });
    assert.deepEqual(await addressOf(f.protectedPerson), protectedBefore);
    assert.deepEqual(await addressOf(f.prohibited), { ...OLD, country: 'FI' });

    const sources = await testApp.database.db
      .select()
      .from(valueSources)
      .where(eq(valueSources.personId, f.plain));
    const current = sources.find((s) => s.field === 'permanentAddress' && s.current);
    assert.equal(current?.kind, 'partner');
    assert.equal(current?.partnerId, f.partnerId);
    assert.match(current?.reference ?? '', /muutokset\.txt \(update file \d+, profile posti\)/);

    const updates = (await accessLogEntries(testApp)).filter((e) => e.action === 'update');
    const fileUpdates = updates.filter(
      (e) => (e.changes?.source as { kind?: string } | undefined)?.kind === 'partner',
    );
    assert.deepEqual(fileUpdates.map((e) => e.subjectIds[0]).sort(), [f.byName, f.plain].sort());
    const reads = (await accessLogEntries(testApp)).filter((e) =>
      e.purpose?.includes('matching rows of muutokset.txt'),
    );
    assert.ok(reads.some((e) => e.subjectIds.includes(f.protectedPerson)));

    const second = await upload(testApp, f.officer, f, theFile(), false);
    assert.deepEqual(second.json().counts, { applied: 0, unchanged: 2, noMatch: 1, refused: 3 });
    const after = (await accessLogEntries(testApp)).filter(
      (e) =>
        e.action === 'update' &&
        (e.changes?.source as { kind?: string } | undefined)?.kind === 'partner',
    );
    assert.equal(after.length, 2, 'the second apply wrote no change');
  });

  test('an apply stopped between two batches is continued by the next apply of the same file: every row once', async () => {
    const testApp = ctx();
    const body = theFile();
    const context = (afterBatch?: (n: number) => void) => ({
      db: testApp.database.db,
      keys: testApp.keys,
      personKeys: testApp.personKeys.personKeys,
      clock: { now: () => new Date() },
      accessLog: databaseAccessLog(
        testApp.keys,
        { now: () => new Date() },
        { personKeys: testApp.personKeys.personKeys },
      ),
      actor: UPDATE_FILE_ACTOR,
      requestId: 'test',
      clientAddress: 'cli',
      trigger: 'cli' as const,
      startedBy: null,
      batchSize: 2,
      ...(afterBatch ? { afterBatch } : {}),
    });
    const input = {
      profile: findProfile('posti')!,
      partnerId: f.partnerId,
      fileName: 'muutokset.txt',
      fileHash: fileHash(body),
      dryRun: false,
      open: async function* () {
        yield body;
      },
    };
    await assert.rejects(
      runUpdateFile(
        context((n) => {
          if (n === 1) throw new Error('killed');
        }),
        input,
      ),
      /killed/,
    );
    assert.deepEqual(await addressOf(f.plain), { ...NEW, country: 'FI' });
    assert.deepEqual(await addressOf(f.byName), { ...OLD, country: 'FI' }, 'line 4 not yet read');
    const resumed = await runUpdateFile(context(), input);
    assert.equal(resumed.status, 'finished');
    assert.equal(resumed.batches, 3);
    const rows = await testApp.database.db
      .select()
      .from(updateFileRows)
      .where(eq(updateFileRows.runId, resumed.id));
    assert.deepEqual(
      rows.map((r) => r.line).sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(await addressOf(f.byName), { ...NEW, country: 'FI' });
  });

  test('the report downloads as CSV in the language asked, filtered by outcome', async () => {
    const testApp = ctx();
    const run = (await upload(testApp, f.officer, f, theFile(), true)).json();
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/imports/updateFile/${run.id}/csv?outcome=refused&lang=sv`,
      headers: { cookie: f.officer },
    });
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /^text\/csv/);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'Rad;Person;Personens id;Resultat;Orsak;Uppgifter');
    assert.equal(lines.length, 4);
    assert.match(lines[1] ?? '', /^2;Sanna Suojattu;[0-9a-f-]+;Avvisad;spärrmarkering/);
    assert.match(lines[3] ?? '', /^6;;;Avvisad;en uppgift på raden är felaktig;postalCode$/);
  });

  test('bad input: an unknown profile, a partner that is not a source, an unreadable file, an unknown outcome: 400 naming the field', async () => {
    const testApp = ctx();
    const other = await insertTestPartner(testApp.database, { roles: ['contractor'] });
    const bad = await testApp.app.inject({
      method: 'POST',
      url: `/api/update-files/runs?profile=nope&partnerId=${f.partnerId}&name=a.txt`,
      headers: { cookie: f.officer, 'content-type': 'text/plain' },
      payload: 'x',
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].code, 'updateFile.unknownProfile');
    const notSource = await upload(testApp, f.officer, { ...f, partnerId: other }, theFile(), true);
    assert.equal(notSource.statusCode, 400);
    assert.equal(notSource.json().errors[0].code, 'source.partnerNotSource');
    const csvProfile = await testApp.app.inject({
      method: 'POST',
      url: `/api/update-files/runs?profile=csv&partnerId=${f.partnerId}&name=a.csv`,
      headers: { cookie: f.officer, 'content-type': 'text/csv' },
      payload: Buffer.from('henkilotunnus;sukunimi\n\xff\xfe;x\n', 'latin1'),
    });
    assert.equal(csvProfile.statusCode, 400, csvProfile.body);
    assert.equal(csvProfile.json().errors[0].code, 'updateFile.unreadable');
    const run = (await upload(testApp, f.officer, f, theFile(), true)).json();
    const outcome = await callAs(
      testApp,
      f.officer,
      'GET',
      `/api/imports/updateFile/${run.id}/rows?outcome=nope`,
    );
    assert.equal(outcome.statusCode, 400);
    assert.equal(outcome.json().errors[0].field, 'outcome');
  });

  test('a CSV file (UTF-8, columns by name in any order): rows applied by column; a row that does not read is refused', async () => {
    const testApp = ctx();
    const csv = [
      'maa;postitoimipaikka;postinumero;katuosoite;vanha_postinumero;vanha_katuosoite;etunimet;sukunimi;henkilotunnus',
      `FI;Jyväskylä;40100;Äijäläntie 3 B 12;;;Ville;Virtanen;${code(1)}`,
      `FI;"Jyväs"kylä;40100;Tie 1;;;Sanna;Suojattu;${code(2)}`,
    ].join('\r\n');
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/update-files/runs?profile=csv&partnerId=${f.partnerId}&name=muutokset.csv&dryRun=false`,
      headers: { cookie: f.officer, 'content-type': 'text/csv' },
      payload: Buffer.from(csv, 'utf8'),
    });
    assert.equal(response.statusCode, 201, response.body);
    const run = response.json();
    assert.deepEqual(run.counts, { applied: 1, unchanged: 0, noMatch: 0, refused: 1 });
    assert.deepEqual(await addressOf(f.plain), { ...NEW, country: 'FI' });
    const refused = await ok(
      testApp,
      f.officer,
      'GET',
      `/api/imports/updateFile/${run.id}/rows?outcome=refused`,
    );
    assert.deepEqual(refused.items[0].fields, ['row']);
    assert.equal(refused.items[0].reason, 'invalid');
  });

  test('customer service may not read imports nor run a file', async () => {
    const testApp = ctx();
    const clerk = await testApp.signIn('customer_service');
    assert.equal((await callAs(testApp, clerk, 'GET', '/api/imports')).statusCode, 403);
    assert.equal((await upload(testApp, clerk, f, theFile(), true)).statusCode, 403);
  });
});
