import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { beforeEach, test } from 'node:test';
import { pgDump } from '@electric-sql/pglite-tools/pg_dump';
import { asc, eq } from 'drizzle-orm';
import { accessLog, staffUsers } from '../../src/server/db/schema/index.ts';
import {
  forEachEngine,
  forEachEngineAppPerTest,
  insertTestPartner,
  json,
  type TestApp,
} from '../helpers/app.ts';
import { assertMarked, pdfText } from '../helpers/report-files.ts';
import {
  fillEveryCategory,
  MARKERS,
  setUpSocialServices,
  type SocialSetting,
} from '../helpers/social-services.ts';
import { MARKINGS } from '../../src/server/lib/pdf-pages.ts';

const PURPOSE = 'Palvelutarpeen arviointi';
const q = `purpose=${encodeURIComponent(PURPOSE)}`;

function get(testApp: TestApp, cookie: string, url: string) {
  return testApp.app.inject({ url, headers: { cookie } });
}

/** A problem document without its `instance`, which only echoes the path asked for. */
function refusal(body: string): Record<string, unknown> {
  const problem = JSON.parse(body) as Record<string, unknown>;
  delete problem.instance;
  return problem;
}

function hasMarker(text: string): string | undefined {
  return Object.values(MARKERS).find((marker) => text.includes(marker));
}

async function entries(testApp: TestApp) {
  return testApp.database.db.select().from(accessLog).orderBy(asc(accessLog.position));
}

forEachEngineAppPerTest('social services: the client’s own worker', ({ ctx }) => {
  /** Each test's own units, staff, client and relative. */
  let s: SocialSetting;
  beforeEach(async () => {
    s = await setUpSocialServices(ctx());
  });
  test('writes and reads every category, each read naming its purpose', async () => {
    await fillEveryCategory(ctx(), s);
    await ctx()
      .database.db.update(staffUsers)
      .set({ fullName: 'Aaro Aalto' })
      .where(eq(staffUsers.id, s.workerAId));
    const base = `/api/persons/${s.client}/social-services`;

    const overview = await get(ctx(), s.workerA, `${base}?${q}`);
    assert.equal(overview.statusCode, 200, overview.body);
    assert.equal(overview.json().access, 'relationship');
    assert.equal(overview.json().relationships[0].unit.nameFi, 'Aikuissosiaalityö');
    assert.equal(overview.json().relationships[0].responsibleWorkers[0].id, s.workerAId);

    const health = (await get(ctx(), s.workerA, `${base}/health?${q}`)).json().items;
    assert.equal(health[0].text, MARKERS.healthText);
    assert.equal(health[0].category, MARKERS.healthCategory);
    assert.equal(health[0].source, MARKERS.healthSource);
    assert.equal(health[0].authorFullName, 'Aaro Aalto', 'the author by full name');
    const needs = (await get(ctx(), s.workerA, `${base}/service-needs?${q}`)).json().items;
    assert.equal(needs[0].needTypeName.fi, 'Asumispalvelut');
    assert.equal(needs[0].decisionReference, MARKERS.decisionReference);
    const income = (await get(ctx(), s.workerA, `${base}/income?${q}`)).json().items;
    assert.deepEqual([income[0].annualIncome, income[0].totalAssets], [23456.78, 9876.54]);
    const accounts = (await get(ctx(), s.workerA, `${base}/bank-accounts?${q}`)).json().items;
    assert.equal(accounts[0].iban, MARKERS.iban);
    assert.equal(accounts[0].ibanDisplay, 'FI21 1234 5600 0007 85');
    const family = (await get(ctx(), s.workerA, `${base}/family-relations?${q}`)).json().items;
    assert.equal(family[0].type, 'child');
    assert.equal(family[0].relative.id, s.relative);
    assert.equal(family[0].recordedOn, 'own');
    assert.equal(family[0].authorFullName, 'Aaro Aalto');

    const patched = await ctx().app.inject({
      method: 'PATCH',
      url: `${base}/health/${health[0].id}`,
      headers: json(s.workerA),
      payload: { text: 'Korjattu merkintä' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().text, 'Korjattu merkintä');
    assert.equal(patched.json().category, MARKERS.healthCategory, 'the rest is kept');

    const log = await entries(ctx());
    for (const kind of ['socialClient', 'health', 'serviceNeed', 'income', 'bankAccount']) {
      const read = log.find(
        (e) => e.action === 'read' && e.fields.includes(kind) && e.subjectIds.includes(s.client),
      );
      assert.equal(read?.purpose, PURPOSE, `the read of ${kind} names its purpose`);
    }
    const familyRead = log.find((e) => e.action === 'read' && e.fields.includes('familyRelation'));
    assert.deepEqual(familyRead?.subjectIds.sort(), [s.client, s.relative].sort());
    const update = log.findLast((e) => e.action === 'update' && e.fields.includes('health'));
    assert.deepEqual(update?.changes, { 'health.text': 'changed' });
    assert.equal(hasMarker(JSON.stringify(log)), undefined, 'no special-category value in the log');
  });

  test('a read without a purpose, and bad data, are refused naming the field', async () => {
    const base = `/api/persons/${s.client}/social-services`;
    const noPurpose = await get(ctx(), s.workerA, `${base}/health`);
    assert.equal(noPurpose.statusCode, 400);
    assert.match(noPurpose.body, /purpose/);
    const bad = await ctx().app.inject({
      method: 'POST',
      url: `${base}/bank-accounts`,
      headers: json(s.workerA),
      payload: { iban: 'FI21 1234 5600 0007 86', purpose: 'Etuudet', source: 'Asiakas' },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'iban');
    const need = await ctx().app.inject({
      method: 'POST',
      url: `${base}/service-needs`,
      headers: json(s.workerA),
      payload: { needType: 'no-such', assessedOn: '2026-01-02', status: 'identified', source: 'x' },
    });
    assert.equal(need.statusCode, 400);
    assert.equal(need.json().errors[0].code, 'socialServices.unknownNeedType');
    const self = await ctx().app.inject({
      method: 'POST',
      url: `${base}/family-relations`,
      headers: json(s.workerA),
      payload: { relatedPersonId: s.client, type: 'spouse', source: 'x' },
    });
    assert.equal(self.statusCode, 400);
    assert.equal(self.json().errors[0].code, 'socialServices.selfRelation');
  });

  test('a family relation shows from the relative’s side once the relative is a client too', async () => {
    await fillEveryCategory(ctx(), s);
    const added = await ctx().app.inject({
      method: 'POST',
      url: `/api/persons/${s.relative}/social-services/relationships`,
      headers: json(s.workerA),
      payload: { unitId: s.unitA, startsOn: '2026-02-01' },
    });
    assert.equal(added.statusCode, 201, added.body);
    const family = await get(
      ctx(),
      s.workerA,
      `/api/persons/${s.relative}/social-services/family-relations?${q}`,
    );
    assert.equal(family.statusCode, 200, family.body);
    assert.equal(family.json().items[0].type, 'parent');
    assert.equal(family.json().items[0].recordedOn, 'relative');
    assert.equal(family.json().items[0].relative.id, s.client);
  });

  test('relationships: only of one’s own units, never overlapping; an ended one closes the data', async () => {
    const officer = s.officer;
    const person = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: { firstName: 'Päättyvä', lastName: 'Asiakkuus' },
    });
    const id = person.json().id as string;
    const url = `/api/persons/${id}/social-services/relationships`;
    const foreign = await ctx().app.inject({
      method: 'POST',
      url,
      headers: json(s.workerA),
      payload: { unitId: s.unitB, startsOn: '2026-01-01' },
    });
    assert.equal(foreign.statusCode, 400);
    assert.equal(foreign.json().errors[0].code, 'socialServices.notYourUnit');
    const made = await ctx().app.inject({
      method: 'POST',
      url,
      headers: json(s.workerA),
      payload: { unitId: s.unitA, startsOn: '2026-01-01' },
    });
    assert.equal(made.statusCode, 201, made.body);
    const twice = await ctx().app.inject({
      method: 'POST',
      url,
      headers: json(s.workerA),
      payload: { unitId: s.unitA, startsOn: '2026-06-01' },
    });
    assert.equal(twice.statusCode, 409);
    assert.equal(
      (await get(ctx(), s.workerA, `/api/persons/${id}/social-services/health?${q}`)).statusCode,
      200,
    );
    const ended = await ctx().app.inject({
      method: 'PATCH',
      url: `${url}/${made.json().id}`,
      headers: json(s.workerA),
      payload: { endsOn: '2026-02-01' },
    });
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(ended.json().active, false);
    const closed = await get(ctx(), s.workerA, `/api/persons/${id}/social-services/health?${q}`);
    assert.equal(closed.statusCode, 403);
  });
});

forEachEngine('social services: everyone else gets nothing', ({ ctx }) => {
  test('other roles and a worker of another unit get 403 and find no trace anywhere', async () => {
    const s = await setUpSocialServices(ctx());
    await fillEveryCategory(ctx(), s);
    const partnerId = await insertTestPartner(ctx().database, {
      contractFields: ['contact', 'address', 'notes'],
    });
    await ctx().app.inject({
      method: 'POST',
      url: `/api/partners/${partnerId}/customers`,
      headers: json(s.admin),
      payload: { customerId: s.client },
    });
    const others: [string, string][] = [
      ['customer_service', await ctx().signIn('customer_service')],
      ['billing', await ctx().signIn('billing')],
      ['contractor', await ctx().signIn('contractor', { partnerId })],
      ['admin', s.admin],
      ['register_officer', s.officer],
      ['auditor', await ctx().signIn('auditor')],
      ['social worker of unit B', s.workerB],
    ];
    const nonClient = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(s.officer),
      payload: { firstName: 'Ei', lastName: 'Asiakas' },
    });
    const socialRoutes = ctx().app.routeAccess.filter(
      (route) => route.url.startsWith('/api/persons/:id/social-services') && route.method === 'GET',
    );
    assert.ok(socialRoutes.length >= 7, `${socialRoutes.length} read routes`);
    for (const [who, cookie] of others) {
      for (const route of socialRoutes) {
        const path = (id: string) => `${route.url.replace(':id', id)}?${q}`;
        const response = await get(ctx(), cookie, path(s.client));
        assert.equal(response.statusCode, 403, `${who} ${route.url}`);
        assert.equal(hasMarker(response.body), undefined, `${who} ${route.url}`);
        // The refusal is the same for a client and for a person who is no client at all.
        const other = await get(ctx(), cookie, path(nonClient.json().id));
        assert.deepEqual(
          refusal(response.body),
          refusal(other.body),
          `${who} ${route.url}: the same refusal`,
        );
      }
      const seen = [
        await get(ctx(), cookie, `/api/persons/${s.client}`),
        await get(ctx(), cookie, '/api/persons?q=Asiakas'),
        await get(ctx(), cookie, '/api/search?q=Siiri%20Asiakas'),
        await get(ctx(), cookie, `/api/access-log?subjectId=${s.client}`),
        await get(ctx(), cookie, `/api/access-log/subjects/${s.client}/report?format=csv`),
      ];
      for (const response of seen) {
        assert.equal(hasMarker(response.body), undefined, `${who} sees a marker`);
        assert.doesNotMatch(response.body, /Aikuissosiaalityö|socialClient"?:\s*[{[]/);
      }
    }
  });

  test('no special-category value is stored in plain text: a dump holds none of them', async () => {
    const s = await setUpSocialServices(ctx());
    await fillEveryCategory(ctx(), s);
    const database = ctx().database;
    const dumps: [string, string][] = [];
    if (database.pglite) {
      dumps.push(['pg_dump', await (await pgDump({ pg: database.pglite })).text()]);
      const dataDir = Buffer.from(await (await database.pglite.dumpDataDir('none')).arrayBuffer());
      dumps.push(['data directory', dataDir.toString('latin1')]);
      dumps.push(['data directory (UTF-8)', dataDir.toString('utf8')]);
    } else {
      dumps.push([
        'pg_dump',
        execFileSync('pg_dump', ['--no-owner', database.url ?? ''], {
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
        }),
      ]);
    }
    for (const [where, text] of dumps) {
      assert.ok(text.includes('Siiri'), `${where} holds the ordinary data (the scan works)`);
      assert.equal(hasMarker(text), undefined, `${where} holds a special-category value`);
    }
  });
});

forEachEngineAppPerTest(
  'social services: break the glass, the review list and the print-out',
  ({ ctx }) => {
    /** Each test's own units, staff, client with every category filled, and relative. */
    let s: SocialSetting;
    beforeEach(async () => {
      s = await setUpSocialServices(ctx());
      await fillEveryCategory(ctx(), s);
    });
    test('a worker of another unit opens the data stating why; it is flagged and listed for review', async () => {
      const base = `/api/persons/${s.client}/social-services`;
      const short = await ctx().app.inject({
        method: 'POST',
        url: `${base}/break-glass`,
        headers: json(s.workerB),
        payload: { reason: 'kiire' },
      });
      assert.equal(short.statusCode, 400);
      const reason = 'Lapsen kiireellinen sijoitus yöllä, vastuutyöntekijää ei tavoiteta';
      const opened = await ctx().app.inject({
        method: 'POST',
        url: `${base}/break-glass`,
        headers: json(s.workerB),
        payload: { reason },
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const health = await get(ctx(), s.workerB, `${base}/health?${q}`);
      assert.equal(health.statusCode, 200);
      assert.equal(health.json().items[0].text, MARKERS.healthText);
      const overview = await get(ctx(), s.workerB, `${base}?${q}`);
      assert.equal(overview.json().access, 'breakGlass');
      const write = await ctx().app.inject({
        method: 'POST',
        url: `${base}/health`,
        headers: json(s.workerB),
        payload: { date: '2026-03-05', category: 'x', text: 'y', source: 'z' },
      });
      assert.equal(write.statusCode, 403, 'breaking the glass opens reading only');

      const flagged = await ctx()
        .database.db.select()
        .from(accessLog)
        .where(eq(accessLog.flag, 'breakGlass'))
        .orderBy(asc(accessLog.position));
      assert.equal(flagged[0]?.action, 'breakGlass');
      assert.equal(flagged[0]?.purpose, reason);
      assert.ok(
        flagged.some((e) => e.action === 'read' && e.fields.includes('health')),
        'the reads under the grant are flagged too',
      );
      const logView = await get(
        ctx(),
        s.officer,
        `/api/access-log?flag=breakGlass&action=breakGlass`,
      );
      assert.equal(logView.json().items[0].purpose, reason);
      assert.equal(logView.json().items[0].flag, 'breakGlass');

      const list = await get(ctx(), s.officer, '/api/social-services/break-glass');
      assert.equal(list.statusCode, 200, list.body);
      const item = list.json().items.find((i: { id: string }) => i.id === opened.json().id);
      assert.equal(item.reason, reason);
      assert.equal(item.person.id, s.client);
      const reviewed = await ctx().app.inject({
        method: 'POST',
        url: `/api/social-services/break-glass/${item.id}/review`,
        headers: json(s.officer),
        payload: { note: 'Perusteltu, tarkistettu yksikön esihenkilön kanssa' },
      });
      assert.equal(reviewed.statusCode, 200, reviewed.body);
      const again = await ctx().app.inject({
        method: 'POST',
        url: `/api/social-services/break-glass/${item.id}/review`,
        headers: json(s.officer),
        payload: {},
      });
      assert.equal(again.statusCode, 409);
      const open = await get(ctx(), s.officer, '/api/social-services/break-glass');
      assert.equal(
        open.json().items.some((i: { id: string }) => i.id === item.id),
        false,
        'reviewed access leaves the open list',
      );
      const [officer] = await ctx()
        .database.db.update(staffUsers)
        .set({ fullName: 'Olga Officer' })
        .where(eq(staffUsers.role, 'register_officer'))
        .returning({ username: staffUsers.username });
      const done = await get(ctx(), s.officer, '/api/social-services/break-glass?status=reviewed');
      assert.equal(done.json().items[0].reviewedBy, officer?.username);
      assert.equal(done.json().items[0].reviewedByFullName, 'Olga Officer', 'by full name');
    });

    test('the summary prints in the client’s language, every page marked confidential, and is logged', async () => {
      const url = `/api/persons/${s.client}/social-services/summary?${q}`;
      const swedish = await get(ctx(), s.workerA, url);
      assert.equal(swedish.statusCode, 200, swedish.body);
      assert.equal(swedish.headers['content-type'], 'application/pdf');
      const text = pdfText(swedish.rawPayload);
      assert.match(text, /SEKRETESSBELAGD — OffL 24 § 1 mom\. 25 p\./);
      assert.match(text, /Sammandrag för klient inom socialvården/);
      assert.ok(text.includes(MARKERS.healthText));
      assert.ok(text.includes('FI21 1234 5600 0007 85'));
      assert.ok(text.includes('Veikko Asiakas'));
      const pages = (swedish.rawPayload.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
      const markings = (text.match(/SEKRETESSBELAGD/g) ?? []).length;
      assert.equal(markings, 2 * pages, 'above and below on every page');
      assertMarked(swedish.rawPayload, MARKINGS.socialWelfare.sv);

      const finnish = await get(ctx(), s.workerA, `${url}&lang=fi`);
      assert.match(pdfText(finnish.rawPayload), /SALASSA PIDETTÄVÄ — JulkL 24 § 1 mom\. 25 k/);
      const printed = (await entries(ctx())).filter((e) => e.action === 'print');
      assert.equal(printed.length, 2);
      assert.equal(printed[0]?.purpose, PURPOSE);
      assert.ok(printed[0]?.subjectIds.includes(s.client));
    });
  },
);

forEachEngine('social services: units and service needs', ({ ctx }) => {
  test('the administrator keeps the units and the list; bad input names its field', async () => {
    const admin = await ctx().signIn('admin');
    const billing = await ctx().signIn('billing');
    const billingId = (await get(ctx(), billing, '/api/auth/me')).json().id;
    const notWorker = await ctx().app.inject({
      method: 'POST',
      url: '/api/social-services/units',
      headers: json(admin),
      payload: {
        code: 'vanhus',
        nameFi: 'Vanhus',
        nameSv: 'Äldre',
        nameEn: 'Elderly',
        memberIds: [billingId],
      },
    });
    assert.equal(notWorker.statusCode, 400);
    assert.equal(notWorker.json().errors[0].code, 'socialServices.memberNotSocialWorker');
    const unit = {
      code: 'vanhus',
      nameFi: 'Vanhuspalvelut',
      nameSv: 'Äldreomsorg',
      nameEn: 'Elderly',
    };
    const made = await ctx().app.inject({
      method: 'POST',
      url: '/api/social-services/units',
      headers: json(admin),
      payload: unit,
    });
    assert.equal(made.statusCode, 201, made.body);
    const twice = await ctx().app.inject({
      method: 'POST',
      url: '/api/social-services/units',
      headers: json(admin),
      payload: unit,
    });
    assert.equal(twice.statusCode, 409);
    const closed = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/social-services/units/${made.json().id}`,
      headers: json(admin),
      payload: { active: false },
    });
    assert.equal(closed.json().active, false);
    assert.equal(closed.json().nameFi, 'Vanhuspalvelut', 'a patch keeps what it leaves out');
    // A member whose account was closed since may stay while the rest change.
    const leaver = await ctx().signIn('social_worker');
    const leaverId = (await get(ctx(), leaver, '/api/auth/me')).json().id;
    const newcomer = await ctx().signIn('social_worker');
    const newcomerId = (await get(ctx(), newcomer, '/api/auth/me')).json().id;
    const unitUrl = `/api/social-services/units/${made.json().id}`;
    const patchUnit = (payload: object) =>
      ctx().app.inject({ method: 'PATCH', url: unitUrl, headers: json(admin), payload });
    assert.equal((await patchUnit({ memberIds: [leaverId] })).statusCode, 200);
    const deactivated = await ctx().app.inject({
      method: 'POST',
      url: `/api/staff/${leaverId}/deactivate`,
      headers: json(admin),
      payload: {},
    });
    assert.equal(deactivated.statusCode, 200, deactivated.body);
    const both = await patchUnit({ memberIds: [leaverId, newcomerId] });
    assert.equal(both.statusCode, 200, both.body);
    assert.equal(both.json().members.length, 2);
    const need = await ctx().app.inject({
      method: 'PATCH',
      url: '/api/social-services/need-types/housing',
      headers: json(admin),
      payload: { active: false },
    });
    assert.equal(need.statusCode, 200, need.body);
    const settings = await get(ctx(), admin, '/api/social-services/settings');
    assert.equal(
      settings.json().needTypes.find((t: { code: string }) => t.code === 'housing').active,
      false,
    );
  });
});
