import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestApp } from '../helpers/app.ts';
import { accessLogEntries, forEachEngine, json } from '../helpers/app.ts';

/**
 * Every route that reads or changes a customer's personal data writes an access-log entry naming
 * the customer and the action. The routes come from the app's own declarations: a new route with
 * a customer-data permission that this table does not call fails the test.
 */
type Ids = { person: string; organization: string; partner: string };
type Call = {
  request: (ids: Ids) => { method: string; url: string; payload?: unknown };
  /** null: the route returns no personal data (see the organisation's creation). */
  action: string | null;
  /** Whose entry: organisation routes log the persons who represent it, shown on its page. */
  subject: keyof Ids;
  /** The route answers this status (default 200). */
  status?: number;
};

const CALLS: Record<string, Call> = {
  'POST /api/organizations': {
    request: () => ({
      method: 'POST',
      url: '/api/organizations',
      payload: { name: 'Kattavuus Oy', businessId: '0201551-3' },
    }),
    // An organisation is not a natural person: its own data is not personal data, and a new one
    // has no representatives yet, so nothing is logged.
    action: null,
    subject: 'organization',
    status: 201,
  },
  'POST /api/persons': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/persons',
      payload: {
        firstName: 'Kattava',
        lastName: 'Lokitus',
        personalIdentityCode: '131052-308T',
        personalIdentityCodePurpose: 'consent',
        email: 'kattava@example.fi',
        organizations: [{ organizationId: ids.organization, title: 'Toimitusjohtaja' }],
      },
    }),
    action: 'create',
    subject: 'person',
    status: 201,
  },
  'GET /api/persons': {
    request: () => ({ method: 'GET', url: '/api/persons?limit=100' }),
    action: 'read',
    subject: 'person',
  },
  'GET /api/persons/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.person}` }),
    action: 'read',
    subject: 'person',
  },
  'PATCH /api/persons/:id': {
    request: (ids) => ({
      method: 'PATCH',
      url: `/api/persons/${ids.person}`,
      payload: { email: 'uusi.kattava@example.fi' },
    }),
    action: 'update',
    subject: 'person',
  },
  'POST /api/persons/:id/reveal-identity-code': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/persons/${ids.person}/reveal-identity-code`,
      payload: { purpose: 'Asiakkaan tunnistaminen puhelimessa' },
    }),
    action: 'reveal',
    subject: 'person',
  },
  'GET /api/organizations': {
    request: () => ({ method: 'GET', url: '/api/organizations?limit=100' }),
    // The list shows organisations' own data only.
    action: null,
    subject: 'person',
  },
  'GET /api/organizations/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/organizations/${ids.organization}` }),
    action: 'read',
    subject: 'person',
  },
  'PATCH /api/organizations/:id': {
    request: (ids) => ({
      method: 'PATCH',
      url: `/api/organizations/${ids.organization}`,
      payload: { email: 'info@kattavuus.fi' },
    }),
    // The organisation's own fields are not personal data; the answer shows its
    // representatives, and that read is logged.
    action: 'read',
    subject: 'person',
  },
  'GET /api/search': {
    request: () => ({ method: 'GET', url: '/api/search?q=kattava' }),
    action: 'search',
    subject: 'person',
  },
  'POST /api/partners/:id/customers': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/partners/${ids.partner}/customers`,
      payload: { customerId: ids.person },
    }),
    action: 'update',
    subject: 'person',
    status: 201,
  },
  'GET /api/partners/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/partners/${ids.partner}` }),
    action: 'read',
    subject: 'person',
  },
  'DELETE /api/partners/:id/customers/:customerId': {
    request: (ids) => ({
      method: 'DELETE',
      url: `/api/partners/${ids.partner}/customers/${ids.person}`,
    }),
    action: 'update',
    subject: 'person',
    status: 204,
  },
  'GET /api/access-log/subjects/:id/report': {
    request: (ids) => ({
      method: 'GET',
      url: `/api/access-log/subjects/${ids.person}/report?format=csv`,
    }),
    action: 'report',
    subject: 'person',
  },
  'DELETE /api/persons/:id': {
    request: (ids) => ({ method: 'DELETE', url: `/api/persons/${ids.person}` }),
    action: 'archive',
    subject: 'person',
    status: 204,
  },
  'DELETE /api/organizations/:id': {
    request: (ids) => ({ method: 'DELETE', url: `/api/organizations/${ids.organization}` }),
    // Archiving changes the organisation's own data only and answers 204.
    action: null,
    subject: 'person',
    status: 204,
  },
};

/** Routes whose permission opens customers' personal data, or changes who may see it. */
function customerDataRoutes(testApp: TestApp): string[] {
  const partnerCustomerRoutes = new Set([
    'GET /api/partners/:id',
    'POST /api/partners/:id/customers',
    'DELETE /api/partners/:id/customers/:customerId',
  ]);
  return testApp.app.routeAccess
    .filter(({ method, url, access }) => {
      if (!('permission' in access)) return false;
      const { permission } = access;
      return (
        permission.startsWith('customers.') ||
        permission === 'accessLog.subjectReport' ||
        partnerCustomerRoutes.has(`${method} ${url}`)
      );
    })
    .map(({ method, url }) => `${method} ${url}`);
}

forEachEngine('access log: every route that reads or changes personal data', ({ ctx }) => {
  test('writes an entry with the right subject and action, route by route', async () => {
    const routes = customerDataRoutes(ctx());
    const missing = routes.filter((route) => !(route in CALLS));
    assert.deepEqual(missing, [], 'every customer-data route is called by this test');

    // The register officer may do all of it but the partner registry, which is the administrator's.
    const officer = await ctx().signIn('register_officer');
    const admin = await ctx().signIn('admin');
    const partner = await ctx().app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: json(admin),
      payload: { name: 'Lokikumppani Oy', businessId: '2617416-4', country: 'FI' },
    });
    assert.equal(partner.statusCode, 201, partner.body);
    const ids: Ids = { person: '', organization: '', partner: partner.json().id };

    for (const route of Object.keys(CALLS)) {
      assert.ok(routes.includes(route), `${route} is a customer-data route`);
      const call = CALLS[route];
      assert.ok(call);
      const cookie = route.includes('/api/partners/') ? admin : officer;
      const before = (await accessLogEntries(ctx())).length;
      const { payload, ...request } = call.request(ids);
      const response = await ctx().app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: payload === undefined ? { cookie } : json(cookie),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      assert.equal(response.statusCode, call.status ?? 200, `${route}: ${response.body}`);
      if (route === 'POST /api/persons') ids.person = response.json().id;
      if (route === 'POST /api/organizations') ids.organization = response.json().id;
      const added = (await accessLogEntries(ctx())).slice(before);
      if (call.action === null) {
        assert.deepEqual(added, [], `${route} returns no personal data`);
        continue;
      }
      const entry = added.find(
        (e) => e.action === call.action && e.subjectIds.includes(ids[call.subject]),
      );
      assert.ok(
        entry,
        `${route} logged ${call.action} of the ${call.subject}; got ${JSON.stringify(added)}`,
      );
    }
  });
});
