import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestApp } from '../helpers/app.ts';
import { accessLogEntries, forEachEngine, json } from '../helpers/app.ts';

/**
 * Every route that reads or changes personal data — a customer's, a staff member's account, or
 * the access log's record of either — writes an access-log entry naming the subject and the
 * action. The routes come from the app's own declarations: a new route with a customer-data,
 * access-log or staff permission that this table does not call fails the test.
 */
type Ids = {
  person: string;
  organization: string;
  partner: string;
  staff: string;
  /** A social worker, who has an authenticator to reset. */
  withAuthenticator: string;
};
type Call = {
  request: (ids: Ids) => { method: string; url: string; payload?: unknown };
  /** null: the route returns no personal data (see the organisation's creation). */
  action: string | null;
  /**
   * Whose entry: organisation routes log the persons who represent it, shown on its page; staff
   * routes the account.
   */
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
  'GET /api/access-log': {
    request: () => ({ method: 'GET', url: '/api/access-log?limit=5' }),
    // Every entry shown names its subjects: the read is logged for each of them.
    action: 'read',
    subject: 'person',
  },
  'POST /api/staff': {
    request: () => ({
      method: 'POST',
      url: '/api/staff',
      payload: {
        username: 'kattava.kayttaja',
        fullName: 'Kattava Käyttäjä',
        role: 'customer_service',
        temporaryPassword: 'väliaikainen tunnuslause 7',
      },
    }),
    action: 'create',
    subject: 'staff',
    status: 201,
  },
  'GET /api/staff': {
    request: () => ({ method: 'GET', url: '/api/staff' }),
    action: 'read',
    subject: 'staff',
  },
  'GET /api/staff/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/staff/${ids.staff}` }),
    action: 'read',
    subject: 'staff',
  },
  'PATCH /api/staff/:id': {
    request: (ids) => ({
      method: 'PATCH',
      url: `/api/staff/${ids.staff}`,
      payload: { fullName: 'Kattava Käyttäjä-Uusi' },
    }),
    action: 'update',
    subject: 'staff',
  },
  'POST /api/staff/:id/reset-password': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/staff/${ids.staff}/reset-password`,
      payload: { temporaryPassword: 'toinen väliaikainen lause 8' },
    }),
    action: 'update',
    subject: 'staff',
  },
  'POST /api/staff/:id/reset-totp': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/staff/${ids.withAuthenticator}/reset-totp`,
      payload: {},
    }),
    action: 'update',
    subject: 'withAuthenticator',
  },
  'POST /api/staff/:id/commitment': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/staff/${ids.staff}/commitment`,
      payload: { signedOn: new Date().toISOString().slice(0, 10), keptAt: 'Henkilöstöhallinto' },
    }),
    action: 'update',
    subject: 'staff',
  },
  'POST /api/staff/:id/deactivate': {
    request: (ids) => ({ method: 'POST', url: `/api/staff/${ids.staff}/deactivate`, payload: {} }),
    action: 'update',
    subject: 'staff',
  },
  'POST /api/staff/:id/reactivate': {
    request: (ids) => ({ method: 'POST', url: `/api/staff/${ids.staff}/reactivate`, payload: {} }),
    action: 'update',
    subject: 'staff',
  },
  'GET /api/staff/partners': {
    request: () => ({ method: 'GET', url: '/api/staff/partners' }),
    // The partner organisations to choose from: no person's data.
    action: null,
    subject: 'staff',
  },
  'GET /api/settings/commitment': {
    request: () => ({ method: 'GET', url: '/api/settings/commitment' }),
    // The commitment text and its versions: no person's data.
    action: null,
    subject: 'staff',
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
  'POST /api/settings/commitment': {
    request: () => ({
      method: 'POST',
      url: '/api/settings/commitment',
      payload: {
        text: 'Sitoudun pitämään salassa kaiken, mitä rekisteristä työssäni saan tietää. '.repeat(
          2,
        ),
      },
    }),
    // A new text asks everyone to sign again; it holds no person's data. Last, as it closes
    // personal data to every signed-in user until they sign.
    action: null,
    subject: 'staff',
    status: 201,
  },
};

/** Routes whose permission opens personal data, or changes who may see it. */
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
        permission.startsWith('accessLog.') ||
        permission === 'staff.manage' ||
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
    const worker = await ctx().signIn('social_worker');
    const me = await ctx().app.inject({ url: '/api/auth/me', headers: { cookie: worker } });
    const ids: Ids = {
      person: '',
      organization: '',
      partner: partner.json().id,
      staff: '',
      withAuthenticator: me.json().id,
    };

    for (const route of Object.keys(CALLS)) {
      assert.ok(routes.includes(route), `${route} is a customer-data route`);
      const call = CALLS[route];
      assert.ok(call);
      const cookie = /^\S+ \/api\/(partners\/|staff|settings\/)/.test(route) ? admin : officer;
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
      if (route === 'POST /api/staff') ids.staff = response.json().id;
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
