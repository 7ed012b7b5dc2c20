import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { accessLogEntries, callAs, forEachEngineAppPerTest } from '../helpers/app.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';

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
