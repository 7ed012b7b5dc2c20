import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { accessLog } from '../../src/server/db/schema/index.ts';
import { accessLogEntries, callAs, forEachEngineAppPerTest } from '../helpers/app.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import { setUpSocialServices } from '../helpers/social-services.ts';

/** A person with an overdue invoice and an objection: sections with something in them. */
async function registerPerson(
  ctx: Parameters<typeof accessLogEntries>[0],
  cookie: string,
): Promise<string> {
  const created = await callAs(ctx, cookie, 'POST', '/api/persons', {
    firstName: 'Sivu',
    lastName: 'Katsottava',
    email: 'sivu@example.fi',
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = (created.json() as { id: string }).id;
  await insertTestInvoice(ctx.database, { personId: id, dueDate: '2026-01-15' });
  const objection = await callAs(ctx, cookie, 'POST', `/api/persons/${id}/objections`, {
    type: 'direct_marketing',
    objectedOn: '2026-11-01',
    source: 'customer_service',
  });
  assert.equal(objection.statusCode, 201, objection.body);
  return id;
}

forEachEngineAppPerTest('person page: one page view, one entry', ({ ctx }) => {
  test('the register officer reads every section with ONE read entry naming the sections', async () => {
    const id = await registerPerson(ctx(), await ctx().signIn('customer_service'));
    const officer = await ctx().signIn('register_officer');
    const before = (await accessLogEntries(ctx())).length;

    const response = await callAs(ctx(), officer, 'GET', `/api/persons/${id}/page`);
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json();
    assert.equal(page.person.firstName, 'Sivu');
    assert.deepEqual(page.sections, [
      'orders',
      'invoices',
      'disclosures',
      'objections',
      'requests',
      'legalHolds',
    ]);
    assert.equal(page.invoices.items.length, 1);
    assert.equal(page.invoices.items[0].status, 'overdue');
    assert.equal(page.objections.items.length, 1);
    assert.deepEqual(page.orders.items, []);
    assert.deepEqual(page.legalHolds.items, []);

    const entries = (await accessLogEntries(ctx())).slice(before);
    assert.equal(entries.length, 1, JSON.stringify(entries));
    const [entry] = entries;
    assert.equal(entry?.action, 'read');
    assert.equal(entry?.role, 'register_officer');
    assert.deepEqual(entry?.subjectIds, [id]);
    for (const field of [
      'firstName',
      'email',
      'orders',
      'invoices',
      'disclosure',
      'objections',
      'legalHolds',
    ]) {
      assert.ok(entry?.fields.includes(field), `${field} in ${entry?.fields.join(',')}`);
    }
    assert.equal(new Set(entry?.fields).size, entry?.fields.length, 'each field once');
    // The requests section read nothing: a list of no requests names no one's requests.
    assert.equal(entry?.fields.includes('requests'), false);
  });

  test('a reader without billing permissions gets no billing sections, nor are they logged', async () => {
    const id = await registerPerson(ctx(), await ctx().signIn('customer_service'));
    const admin = await ctx().signIn('admin');
    const before = (await accessLogEntries(ctx())).length;

    const response = await callAs(ctx(), admin, 'GET', `/api/persons/${id}/page`);
    assert.equal(response.statusCode, 200, response.body);
    const page = response.json();
    assert.deepEqual(page.sections, []);
    for (const section of ['orders', 'invoices', 'disclosures', 'objections', 'requests']) {
      assert.equal(section in page, false, section);
    }
    const entries = (await accessLogEntries(ctx())).slice(before);
    assert.equal(entries.length, 1);
    for (const field of ['orders', 'invoices', 'disclosure', 'objections', 'legalHolds']) {
      assert.equal(entries[0]?.fields.includes(field), false, field);
    }
    assert.ok(entries[0]?.fields.includes('firstName'));
  });

  test('customer service reads orders, invoices and objections but not disclosures or requests', async () => {
    const cookie = await ctx().signIn('customer_service');
    const id = await registerPerson(ctx(), cookie);
    const response = await callAs(ctx(), cookie, 'GET', `/api/persons/${id}/page`);
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().sections, ['orders', 'invoices', 'objections']);
    const [entry] = (await accessLogEntries(ctx())).slice(-1);
    assert.equal(entry?.fields.includes('disclosure'), false);
    assert.equal(entry?.fields.includes('requests'), false);
    assert.ok(entry?.fields.includes('objections'));
  });

  test('the entry is written before the answer: when it cannot be, the page fails and shows nothing', async () => {
    const id = await registerPerson(ctx(), await ctx().signIn('customer_service'));
    const officer = await ctx().signIn('register_officer');
    const { db } = ctx().database;
    await db.execute(sql`alter table access_log add constraint refuse_all check (false) not valid`);
    try {
      const response = await callAs(ctx(), officer, 'GET', `/api/persons/${id}/page`);
      assert.equal(response.statusCode, 500);
      assert.equal(response.body.includes('Katsottava'), false);
      assert.equal(response.body.includes('direct_marketing'), false);
    } finally {
      await db.execute(sql`alter table access_log drop constraint refuse_all`);
    }
  });

  test('no such person: 404, and nothing is logged', async () => {
    const officer = await ctx().signIn('register_officer');
    const before = (await accessLogEntries(ctx())).length;
    const response = await callAs(
      ctx(),
      officer,
      'GET',
      '/api/persons/00000000-0000-4000-8000-000000000000/page',
    );
    assert.equal(response.statusCode, 404);
    assert.equal((await accessLogEntries(ctx())).length, before);
  });
});

forEachEngineAppPerTest('person page: the social-services client badge', ({ ctx }) => {
  const page = async (cookie: string, id: string) => {
    const response = await callAs(ctx(), cookie, 'GET', `/api/persons/${id}/page`);
    assert.equal(response.statusCode, 200, response.body);
    return response;
  };

  test('the worker of the serving unit is told, in the one entry of the page view', async () => {
    const s = await setUpSocialServices(ctx());
    const before = (await accessLogEntries(ctx())).length;
    const response = await page(s.workerA, s.client);
    assert.equal(response.json().socialServicesClient, true);
    const entries = (await accessLogEntries(ctx())).slice(before);
    assert.equal(entries.length, 1, JSON.stringify(entries));
    assert.deepEqual(entries[0]?.subjectIds, [s.client]);
    assert.ok(entries[0]?.fields.includes('socialClient'), entries[0]?.fields.join(','));
    assert.ok(entries[0]?.fields.includes('firstName'));
  });

  test('other roles get no such member at all, and nothing of it is logged', async () => {
    const s = await setUpSocialServices(ctx());
    for (const role of ['customer_service', 'billing', 'register_officer', 'admin'] as const) {
      const cookie = await ctx().signIn(role);
      const before = (await accessLogEntries(ctx())).length;
      const response = await page(cookie, s.client);
      assert.equal('socialServicesClient' in response.json(), false, role);
      assert.equal(response.body.includes('socialServicesClient'), false, role);
      for (const entry of (await accessLogEntries(ctx())).slice(before)) {
        assert.equal(entry.fields.includes('socialClient'), false, role);
      }
    }
  });

  test("a worker of another unit gets the same answer for another unit's client as for nobody's", async () => {
    const s = await setUpSocialServices(ctx());
    const before = (await accessLogEntries(ctx())).length;
    const client = (await page(s.workerB, s.client)).json();
    const nobody = (await page(s.workerB, s.relative)).json();
    assert.equal(client.socialServicesClient, false);
    assert.equal(nobody.socialServicesClient, false);
    assert.deepEqual(Object.keys(client), Object.keys(nobody));
    for (const entry of (await accessLogEntries(ctx())).slice(before)) {
      assert.equal(entry.fields.includes('socialClient'), false);
    }
  });

  test('under a break-the-glass grant the worker is told, and the read is flagged', async () => {
    const s = await setUpSocialServices(ctx());
    const breakGlass = async (personId: string) => {
      const opened = await callAs(
        ctx(),
        s.workerB,
        'POST',
        `/api/persons/${personId}/social-services/break-glass`,
        { reason: 'Kiireellinen sijoitus yöllä, vastuutyöntekijää ei tavoiteta' },
      );
      assert.equal(opened.statusCode, 201, opened.body);
    };
    await breakGlass(s.client);
    const flaggedReads = () =>
      ctx()
        .database.db.select({ fields: accessLog.fields })
        .from(accessLog)
        .where(and(eq(accessLog.flag, 'breakGlass'), eq(accessLog.action, 'read')));
    assert.deepEqual(await flaggedReads(), []);
    assert.equal((await page(s.workerB, s.client)).json().socialServicesClient, true);
    assert.deepEqual(await flaggedReads(), [{ fields: ['socialClient'] }]);
    // A grant for a person who is nobody's client tells no more than that.
    await breakGlass(s.relative);
    assert.equal((await page(s.workerB, s.relative)).json().socialServicesClient, false);
  });
});
