import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import {
  accessibilityFeedback,
  disclosures,
  invoiceRuns,
  partnerCustomers,
  updateFileRows,
  updateFileRuns,
  importRows,
  importRuns,
} from '../../src/server/db/schema/index.ts';
import { createMachineClient, withKey } from '../helpers/partner-clients.ts';
import { ROLES, roleHas, type Role } from '../../src/contract/auth/permissions.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import { forEachEngine, insertTestPartner, json, type TestApp } from '../helpers/app.ts';
import { insertOrder, insertTestOrganization } from '../helpers/invoice-fixtures.ts';

/**
 * Every list that pages by cursor: a real nextCursor pages through the whole list, and a forged
 * cursor (garbage, the wrong shape, or the right shape with a value no page could have written)
 * is a 400 naming `cursor`, never a 500. The lists come from the OpenAPI document (the operations
 * with a `cursor` parameter), so a new list without a case here fails.
 */

type Ids = {
  person: string;
  organization: string;
  partner: string;
  updateFileRun: string;
  moveInRun: string;
};

type List = {
  url: (ids: Ids) => string;
  /** The page of a response (the partner's page holds its customers' page). */
  page?: (body: Record<string, unknown>) => { items: unknown[]; nextCursor: string | null };
};

const LISTS: Record<string, List> = {
  'GET /api/persons': { url: () => '/api/persons?' },
  'GET /api/organizations': { url: () => '/api/organizations?' },
  'GET /api/search': { url: () => '/api/search?q=kursorinen&' },
  // Creations only: reading the log adds entries, and those must not change the list paged.
  'GET /api/access-log': { url: () => '/api/access-log?action=create&' },
  'GET /api/persons/{id}/orders': { url: (ids) => `/api/persons/${ids.person}/orders?` },
  'GET /api/organizations/{id}/orders': {
    url: (ids) => `/api/organizations/${ids.organization}/orders?`,
  },
  'GET /api/persons/{id}/invoices': { url: (ids) => `/api/persons/${ids.person}/invoices?` },
  'GET /api/organizations/{id}/invoices': {
    url: (ids) => `/api/organizations/${ids.organization}/invoices?`,
  },
  'GET /api/disclosures': { url: (ids) => `/api/disclosures?subjectId=${ids.person}&` },
  'GET /api/persons/{id}/disclosures': {
    url: (ids) => `/api/persons/${ids.person}/disclosures?`,
  },
  'GET /api/organizations/{id}/disclosures': {
    url: (ids) => `/api/organizations/${ids.organization}/disclosures?`,
  },
  'GET /api/requests': { url: () => '/api/requests?status=all&' },
  'GET /api/persons/{id}/requests': {
    url: (ids) => `/api/persons/${ids.person}/requests?status=all&`,
  },
  'GET /api/orders': { url: () => '/api/orders?' },
  'GET /api/invoices': { url: () => '/api/invoices?' },
  'GET /api/invoice-runs': { url: () => '/api/invoice-runs?' },
  'GET /api/imports/{kind}/{id}/rows': {
    url: (ids) => `/api/imports/updateFile/${ids.updateFileRun}/rows?`,
  },
  'GET /api/move-in/runs/{id}/rows': { url: (ids) => `/api/move-in/runs/${ids.moveInRun}/rows?` },
  'GET /api/settings/accessibility-feedback': {
    url: () => '/api/settings/accessibility-feedback?show=all&',
  },
  // A machine client's list: the partner's key, not a session.
  'GET /api/partner-api/persons': { url: () => '/api/partner-api/persons?' },
  'GET /api/partners/{id}': {
    url: (ids) => `/api/partners/${ids.partner}?`,
    page: (body) => body.customers as { items: unknown[]; nextCursor: string | null },
  },
};

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Values no page could have written in place of an element like `value`. */
function wrongValuesFor(value: unknown): unknown[] {
  const always = [null, {}, [], true];
  if (typeof value === 'number') {
    // Wrong both as a position (a positive safe integer) and as a score (a real in [0, 1]).
    return [...always, String(value), -1, -0.5, 1.5, 1e-50, 2 ** 53, 1e308, -1e308];
  }
  if (typeof value !== 'string') return always;
  if (UUID.test(value)) {
    return [...always, 'x', value.toUpperCase(), `${value}0`, value.slice(1), 1, `${value}\u0000`];
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    return [
      ...always,
      '2026-99-99',
      '2026-02-30T10:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      value.slice(0, 10),
      `${value} or 1=1`,
      Date.parse(value),
    ];
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return [...always, '2026-99-99', '2026-02-30', '0000-01-01', '20260-01-01', '2026-1-1', 1];
  }
  if (value === 'person' || value === 'organization') {
    return [...always, value.toUpperCase(), 'x', 1];
  }
  // A name: any text may page, but not what no stored name can hold.
  return [...always, `${value}\u0000`, '\ud800', 5, 'x'.repeat(1001)];
}

/** Forged cursors made from a real one: the wrong shape, and each element made wrong. */
function forgeries(real: string): { name: string; cursor: string }[] {
  const key = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as unknown[];
  const forged = [
    { name: 'not base64url', cursor: '!!not a cursor!!' },
    { name: 'not JSON', cursor: b64('not-json') },
    { name: 'an object', cursor: b64('{}') },
    { name: 'an empty array', cursor: b64('[]') },
    { name: 'null', cursor: b64('null') },
    { name: 'a string', cursor: b64('"x"') },
    { name: 'NaN', cursor: b64(`[${key.map(() => 'NaN').join(',')}]`) },
    { name: '1e400', cursor: b64(`[${key.map(() => '1e400').join(',')}]`) },
    { name: 'one element short', cursor: b64(JSON.stringify(key.slice(1))) },
    { name: 'one element more', cursor: b64(JSON.stringify([...key, key[0]])) },
    { name: 'padded base64', cursor: `${real}=` },
    { name: 'spaces in the JSON', cursor: b64(` ${JSON.stringify(key)}`) },
    // Base64 with padding: the same bytes, but not the form the server writes.
    { name: 'standard base64', cursor: b64(JSON.stringify(key)) + '==' },
    { name: 'huge', cursor: 'A'.repeat(100_000) },
  ];
  key.forEach((value, i) => {
    for (const wrong of wrongValuesFor(value)) {
      const mutated = key.map((v, j) => (j === i ? wrong : v));
      forged.push({
        name: `element ${i} ${JSON.stringify(wrong)?.slice(0, 40)}`,
        cursor: b64(JSON.stringify(mutated)),
      });
    }
  });
  return forged;
}

function assertForgedRefused(response: LightMyRequestResponse, label: string) {
  assert.equal(response.statusCode, 400, `${label}: ${response.body.slice(0, 300)}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/, label);
  const errors = (response.json().errors ?? []) as { field: string; code?: string }[];
  assert.ok(
    errors.some(
      (e) =>
        (e.field === 'cursor' && e.code === 'cursor.invalid') || e.field === 'querystring.cursor',
    ),
    `${label}: ${JSON.stringify(errors)}`,
  );
}

async function fill(t: TestApp, officer: string): Promise<Ids> {
  const db = t.database;
  const created: string[] = [];
  // Names that sort close together: the same last name, case and accents apart.
  for (const [firstName, lastName] of [
    ['Åsa', 'Kursorinen'],
    ['åsa', 'Kursorinen'],
    ['Anna-Liisa', 'Kursorinen'],
  ] as const) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: { firstName, lastName },
    });
    assert.equal(response.statusCode, 201, response.body);
    created.push(response.json().id as string);
  }
  const person = created[0]!;
  const organizations = [];
  for (const name of ['Kursorinen Oy', 'Kursorinen Ab', 'Kursorinen ky']) {
    organizations.push(await insertTestOrganization(db, { name, businessId: null }));
  }
  const organization = organizations[0]!;
  for (let i = 0; i < 3; i++) {
    await insertOrder(db, { personId: person });
    await insertOrder(db, { organizationId: organization });
    // Two on one day: the number breaks the tie.
    const invoiceDate = i === 0 ? '2026-10-01' : '2026-10-02';
    await insertTestInvoice(db, { personId: person, invoiceDate, dueDate: '2026-10-20' });
    await insertTestInvoice(db, {
      organizationId: organization,
      invoiceDate,
      dueDate: '2026-10-20',
    });
  }
  for (const invoiceDate of ['2026-10-01', '2026-10-01', '2026-10-02']) {
    // Two on one day: the id breaks the tie.
    await db.db.insert(invoiceRuns).values({
      startedAt: new Date(`${invoiceDate}T08:00:00Z`),
      finishedAt: new Date(`${invoiceDate}T08:01:00Z`),
      invoiceDate,
      invoiceCount: 2,
    });
  }
  const partner = await insertTestPartner(db);
  for (const customerId of [...created, ...organizations]) {
    await db.db.insert(partnerCustomers).values({ partnerId: partner, customerId });
  }
  const at = new Date('2026-11-01T10:00:00.000Z');
  for (let i = 0; i < 3; i++) {
    await db.db.insert(disclosures).values({
      partnerId: partner,
      legalBasis: 'billing',
      subjectIds: [person, organization],
      fields: ['name'],
      // Two at one instant: the id breaks the tie.
      disclosedAt: i === 0 ? at : new Date(at.getTime() + 1000),
      fileName: `kursori-${i}.csv`,
      fileFormat: 'csv',
      fileSha256: crypto.randomBytes(32),
      recordCount: 1,
    });
  }
  for (const receivedOn of ['2026-11-02', '2026-11-02', '2026-11-03']) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: json(officer),
      payload: { type: 'access', personId: person, receivedOn, channel: 'letter', language: 'fi' },
    });
    assert.equal(response.statusCode, 201, response.body);
  }
  const run = await db.db
    .insert(updateFileRuns)
    .values({
      partnerId: partner,
      profile: 'posti',
      fileName: 'kursori.txt',
      fileHash: crypto.randomBytes(32),
      dryRun: true,
      trigger: 'cli',
      startedAt: at,
      finishedAt: at,
      status: 'finished',
      linesDone: 3,
    })
    .returning({ id: updateFileRuns.id });
  const updateFileRun = run[0]!.id;
  for (const line of [1, 2, 3]) {
    await db.db
      .insert(updateFileRows)
      .values({ runId: updateFileRun, line, outcome: 'noMatch', fields: [] });
  }
  for (let i = 0; i < 3; i++) {
    await db.db.insert(accessibilityFeedback).values({
      // Two at one instant: the id breaks the tie.
      receivedAt: i === 0 ? at : new Date(at.getTime() + 1000),
      message: `Palaute ${i}`,
      language: 'fi',
      clientKey: crypto.randomBytes(32),
    });
  }
  const [moveIn] = await db.db
    .insert(importRuns)
    .values({
      profileName: 'kursori',
      profile: { target: 'person', format: { kind: 'xlsx' }, columns: { lastName: 'Sukunimi' } },
      target: 'person',
      fileName: 'kursori.xlsx',
      fileSha256: crypto.randomBytes(32).toString('hex'),
      fileBytes: 1,
      dryRun: true,
      status: 'finished',
      startedAt: at,
      finishedAt: at,
    })
    .returning({ id: importRuns.id });
  const moveInRun = moveIn!.id;
  for (const rowNumber of [2, 3, 4]) {
    await db.db
      .insert(importRows)
      .values({ runId: moveInRun, rowNumber, outcome: 'wouldCreate', errors: [] });
  }
  return { person, organization, partner, updateFileRun, moveInRun };
}

/** An item's identity in a page, whatever the list. */
function keyOf(item: unknown): string {
  const record = item as Record<string, { id?: string } | string | number | undefined>;
  const nested = record.person ?? record.organization;
  const id = typeof nested === 'object' ? nested.id : (record.id ?? record.position);
  return String(id);
}

forEachEngine('paging cursors', ({ ctx }) => {
  test('every list with a cursor: a real one pages through it all, a forged one is 400', async () => {
    const paths = (
      ctx().app.swagger() as {
        paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
      }
    ).paths;
    const paged = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.parameters?.some((p) => p.in === 'query' && p.name === 'cursor'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    assert.deepEqual(paged.sort(), Object.keys(LISTS).sort());

    const officer = await ctx().signIn('register_officer');
    const admin = await ctx().signIn('admin');
    const billing = await ctx().signIn('billing');
    const ids = await fill(ctx(), officer);
    const cookies = new Map<Role, string>([
      ['register_officer', officer],
      ['admin', admin],
      ['billing', billing],
    ]);
    const machine = await createMachineClient(ctx(), admin, ids.partner, {
      scopes: ['customers.read'],
    });
    let refused = 0;
    for (const [key, list] of Object.entries(LISTS)) {
      const [method = '', path = ''] = key.split(' ');
      const access = ctx().app.routeAccess.find(
        (r) => r.method === method && r.url === path.replace(/\{(\w+)\}/g, ':$1'),
      )?.access;
      assert.ok(access && ('permission' in access || 'machine' in access), key);
      const headers = async (): Promise<Record<string, string>> => {
        if (!('permission' in access)) return withKey(machine.secret);
        const role = roleHas('register_officer', access.permission)
          ? 'register_officer'
          : ROLES.find((r) => roleHas(r, access.permission));
        const cookie = role && cookies.get(role);
        assert.ok(cookie, `${key}: a session of ${role}`);
        return { cookie };
      };
      const sent = await headers();
      const get = async (query: string) => {
        const response = await ctx().app.inject({ url: list.url(ids) + query, headers: sent });
        return response;
      };
      const pageOf = (response: LightMyRequestResponse) => {
        assert.equal(response.statusCode, 200, `${key}: ${response.body.slice(0, 300)}`);
        const body = response.json() as Record<string, unknown>;
        return list.page ? list.page(body) : (body as { items: unknown[]; nextCursor: null });
      };

      const whole = pageOf(await get('limit=100'));
      assert.ok(whole.items.length >= 3, `${key}: ${whole.items.length} items to page`);
      assert.equal(whole.nextCursor, null, key);
      const seen: string[] = [];
      let cursor: string | null = null;
      let first: string | null = null;
      do {
        const page = pageOf(await get(`limit=1${cursor ? `&cursor=${cursor}` : ''}`));
        seen.push(...page.items.map(keyOf));
        cursor = page.nextCursor;
        first ??= cursor;
      } while (cursor && seen.length <= whole.items.length);
      assert.deepEqual(seen, whole.items.map(keyOf), `${key}: one page at a time`);
      assert.ok(first, key);

      for (const forged of forgeries(first)) {
        const response = await get(`limit=1&cursor=${encodeURIComponent(forged.cursor)}`);
        assertForgedRefused(response, `${key}: ${forged.name}`);
        refused++;
      }
    }
    assert.ok(refused > 200, `${refused} forged cursors`);
  });
});
