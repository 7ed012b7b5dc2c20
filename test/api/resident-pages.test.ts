import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLogEntries, forEachEngine, json, type TestApp } from '../helpers/app.ts';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import type { TestPerson } from '../../src/server/modules/resident/test-idp.ts';
import { insertBillingSettings } from '../helpers/invoice-fixtures.ts';
import { browse, signInResident, type CookieJar } from '../helpers/resident.ts';

/** A typed test person of its own for each test (the stand-in takes any 900–999 code). */
const person = (n: number, firstName: string): TestPerson => ({
  firstName,
  lastName: 'Omasivu',
  personalIdentityCode: makeIdentityCode('1980-05-05', 930 + n),
});

/*
 * Issue #17 item 4: the resident's own pages. Each route is called by the resident, whose
 * session names the one person it reaches, and reuses the staff side's service.
 */

type Jar = CookieJar;
const call = (
  testApp: TestApp,
  jar: Jar,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: object,
) =>
  testApp.app.inject({
    method,
    url,
    headers: body ? { ...json(), cookie: jar.header() } : { cookie: jar.header() },
    ...(body ? { payload: body } : {}),
  });

async function registered(testApp: TestApp, who: TestPerson, email: string) {
  // The package names the controller from the seller's settings.
  await insertBillingSettings(testApp.database);
  const { jar } = await signInResident(testApp.app, who);
  const response = await browse(testApp.app, jar, {
    method: 'POST',
    url: '/api/resident/registration',
    json: { language: 'fi', email, phone: '+358401112223' },
  });
  assert.equal(response.statusCode, 201, response.body);
  const me = await browse(testApp.app, jar, { url: '/api/resident/me' });
  assert.equal(me.json().person.firstName, who.firstName);
  return { jar, name: `${who.firstName} ${who.lastName}` };
}

forEachEngine("residents' own pages", ({ ctx }) => {
  test('their data as the access package holds it, each view one entry with the resident as the actor', async () => {
    const { jar } = await registered(ctx(), person(0, 'Tiina'), 'tiina.omat@example.fi');
    const data = await call(ctx(), jar, 'GET', '/api/resident/data?lang=sv');
    assert.equal(data.statusCode, 200, data.body);
    const body = data.json();
    assert.equal(body.identity.personalIdentityCode, makeIdentityCode('1980-05-05', 930));
    assert.equal(body.contact.email, 'tiina.omat@example.fi');
    assert.equal(body.documentLanguage, 'sv');
    assert.ok(body.categories.length > 5);
    assert.ok(body.valueSources.some((s: { kind: string }) => s.kind === 'data_subject'));
    assert.equal(body.socialServices, undefined, 'social services come with an access request');
    const reads = (await accessLogEntries(ctx())).filter(
      (e) => e.role === 'resident' && e.action === 'read' && e.fields.includes('orders'),
    );
    assert.equal(reads.length, 1);
    assert.equal(reads[0]!.username, null);

    const { jar: unregistered } = await signInResident(ctx().app, person(1, 'Rekisteröimätön'));
    const none = await call(ctx(), unregistered, 'GET', '/api/resident/data');
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().errors[0].code, 'resident.notRegistered');
  });

  test('who has processed my data: staff by name and role, the resident as themself, two years', async () => {
    const { jar, name } = await registered(ctx(), person(2, 'Olli'), 'olli.kasittely@example.fi');
    const officer = await ctx().signIn('register_officer');
    const found = await ctx().app.inject({
      method: 'GET',
      url: `/api/persons?q=${encodeURIComponent(name)}`,
      headers: { cookie: officer },
    });
    assert.equal(found.statusCode, 200, found.body);
    const personId = found.json().items[0].id as string;
    assert.equal(
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/persons/${personId}`,
          headers: { cookie: officer },
        })
      ).statusCode,
      200,
    );
    const report = await call(ctx(), jar, 'GET', '/api/resident/processing?lang=en');
    assert.equal(report.statusCode, 200, report.body);
    const entries = report.json().entries as { user: string; role: string; actionText: string }[];
    assert.ok(
      entries.some((e) => e.role === 'register officer' && e.user.includes('registerofficer')),
      JSON.stringify(entries),
    );
    assert.ok(entries.some((e) => e.user === 'the data subject themself (e-service)'));
    assert.equal(Number(report.json().to.slice(0, 4)) - Number(report.json().from.slice(0, 4)), 2);
  });

  test('correcting contact details: the person is the source; names only by a rectification request', async () => {
    const { jar } = await registered(ctx(), person(3, 'Pekka'), 'pekka.vanha@example.fi');
    const changed = await call(ctx(), jar, 'PATCH', '/api/resident/contact', {
      phone: '040 765 4321',
      language: 'sv',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().phone, '+358407654321');
    assert.equal(changed.json().language, 'sv');
    const entry = (await accessLogEntries(ctx())).findLast(
      (e) => e.role === 'resident' && e.action === 'update',
    );
    assert.deepEqual(entry?.fields.sort(), ['language', 'phone']);
    assert.equal((entry?.changes as { source: { kind: string } }).source.kind, 'data_subject');
    const data = await call(ctx(), jar, 'GET', '/api/resident/data');
    const phoneSource = data
      .json()
      .valueSources.find(
        (s: { field: string; current: boolean }) => s.field === 'phone' && s.current,
      );
    assert.equal(phoneSource.kind, 'data_subject');

    const name = await call(ctx(), jar, 'PATCH', '/api/resident/contact', { lastName: 'Uusi' });
    assert.equal(name.statusCode, 400);
    assert.ok(name.body.includes('lastName'));
    const empty = await call(ctx(), jar, 'PATCH', '/api/resident/contact', {});
    assert.equal(empty.statusCode, 400);
    const bad = await call(ctx(), jar, 'PATCH', '/api/resident/contact', { email: 'ei-osoite' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.body.includes('email'));
  });

  test('prohibitions: set and withdraw through the objections module, the e-service as source; the mailing list leaves the person out', async () => {
    const { jar } = await registered(ctx(), person(4, 'Kaisa'), 'tiina.kielto@example.fi');
    const set = await call(ctx(), jar, 'POST', '/api/resident/objections', {
      type: 'direct_marketing',
    });
    assert.equal(set.statusCode, 201, set.body);
    assert.equal(set.json().source, 'e_service');
    assert.equal(set.json().active, true);
    const again = await call(ctx(), jar, 'POST', '/api/resident/objections', {
      type: 'direct_marketing',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().errors[0].code, 'objection.alreadyActive');

    const clerk = await ctx().signIn('customer_service');
    const mailing = await ctx().app.inject({
      method: 'POST',
      url: '/api/exports/mailing-list',
      headers: json(clerk),
      payload: { use: 'direct_marketing', purpose: 'Asukaskirje', selection: { kind: 'all' } },
    });
    assert.equal(mailing.statusCode, 201, mailing.body);
    assert.equal(mailing.json().leftOut.objection, 1);

    const withdrawn = await call(
      ctx(),
      jar,
      'POST',
      `/api/resident/objections/${set.json().id}/withdraw`,
      {},
    );
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().active, false);
    const list = await call(ctx(), jar, 'GET', '/api/resident/objections');
    assert.deepEqual(
      list.json().items.map((o: { type: string; active: boolean }) => [o.type, o.active]),
      [['direct_marketing', false]],
    );

    // Another resident cannot withdraw the first one's prohibition by its id.
    const other = await registered(ctx(), person(5, 'Kalle'), 'toinen.kielto@example.fi');
    const again2 = await call(ctx(), jar, 'POST', '/api/resident/objections', {
      type: 'targeting',
    });
    const foreign = await call(
      ctx(),
      other.jar,
      'POST',
      `/api/resident/objections/${again2.json().id}/withdraw`,
      {},
    );
    assert.equal(foreign.statusCode, 404);
  });

  test("requests: channel e-service, identity verified by strong identification, on the officer's work list", async () => {
    const { jar } = await registered(ctx(), person(6, 'Pirjo'), 'olli.pyynto@example.fi');
    const filed = await call(ctx(), jar, 'POST', '/api/resident/requests', { type: 'erasure' });
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(filed.json().channel, 'e_service');
    assert.equal(filed.json().status, 'identity_verified');
    assert.ok(filed.json().dueOn > filed.json().receivedOn);
    for (const type of ['access', 'rectification', 'objection', 'restriction']) {
      const other = await call(ctx(), jar, 'POST', '/api/resident/requests', { type });
      assert.equal(other.statusCode, 201, other.body);
    }
    const unknown = await call(ctx(), jar, 'POST', '/api/resident/requests', { type: 'delete' });
    assert.equal(unknown.statusCode, 400);
    const own = await call(ctx(), jar, 'GET', '/api/resident/requests');
    assert.equal(own.json().items.length, 5);
    assert.equal(own.json().items.at(-1).type, 'erasure');

    const officer = await ctx().signIn('register_officer');
    const work = await ctx().app.inject({
      method: 'GET',
      url: '/api/requests?status=open',
      headers: { cookie: officer },
    });
    assert.equal(work.statusCode, 200, work.body);
    const listed = work.json().items.find((r: { id: string }) => r.id === filed.json().id);
    assert.equal(listed.channel, 'e_service');
    const detail = await ctx().app.inject({
      method: 'GET',
      url: `/api/requests/${filed.json().id}`,
      headers: { cookie: officer },
    });
    assert.equal(detail.json().identity.method, 'strong_identification');
    assert.equal(detail.json().identity.verifiedBy, null);

    const second = await registered(ctx(), person(7, 'Paavo'), 'pekka.pyynto@example.fi');
    const secondList = await call(ctx(), second.jar, 'GET', '/api/resident/requests');
    assert.deepEqual(secondList.json().items, []);
  });
});
