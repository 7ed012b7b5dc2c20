import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestApp } from '../helpers/app.ts';
import { accessLogEntries, forEachEngine, json } from '../helpers/app.ts';
import { createMachineClient, withKey } from '../helpers/partner-clients.ts';

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
  /** Social services: a worker of the unit, a colleague put in it later, the unit, a relative. */
  worker: string;
  colleague: string;
  unit: string;
  relative: string;
  relationship: string;
  breakGlass: string;
  health: string;
  serviceNeed: string;
  income: string;
  bankAccount: string;
  familyRelation: string;
};
/** `machine`: the partner's machine client, with its API key (the partners' interface). */
type Who = 'officer' | 'admin' | 'worker' | 'outsider' | 'machine';
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
  /** Who calls (default: the administrator for staff and partners, else the register officer). */
  as?: Who;
  /** Keep the answer's id for the calls after. */
  saveAs?: keyof Ids;
  /** What the administrator does first, unlogged by this call (e.g. a contract to cover). */
  setup?: (ids: Ids) => { method: string; url: string; payload?: unknown };
};

const PURPOSE = 'purpose=Asiakkaan%20palvelutarpeen%20arviointi';
const client = (ids: Ids) => `/api/persons/${ids.person}/social-services`;

/** Each category's path, its input, a correction, and where its id is kept. */
const CATEGORIES: [string, keyof Ids, object, object][] = [
  [
    'health',
    'health',
    { date: '2026-03-02', category: 'Yleinen', text: 'Kattavuusmerkintä', source: 'Asiakas' },
    { text: 'Korjattu' },
  ],
  [
    'service-needs',
    'serviceNeed',
    { needType: 'housing', assessedOn: '2026-03-03', status: 'identified', source: 'Asiakas' },
    { status: 'granted' },
  ],
  [
    'income',
    'income',
    { year: 2025, annualIncome: 1000, totalAssets: 0, source: 'Kela', recordedOn: '2026-03-04' },
    { totalAssets: 10 },
  ],
  [
    'bank-accounts',
    'bankAccount',
    { iban: 'FI2112345600000785', purpose: 'Etuudet', source: 'Asiakas' },
    { purpose: 'Toimeentulotuki' },
  ],
];

const SOCIAL_CALLS: Record<string, Call> = {
  'POST /api/social-services/units': {
    request: (ids) => ({
      method: 'POST',
      url: '/api/social-services/units',
      payload: {
        code: 'kattavuus',
        nameFi: 'Kattavuusyksikkö',
        nameSv: 'Täckningsenhet',
        nameEn: 'Coverage unit',
        memberIds: [ids.worker],
      },
    }),
    // Putting a worker in a unit changes the worker's account data.
    action: 'update',
    subject: 'worker',
    status: 201,
    as: 'admin',
    saveAs: 'unit',
  },
  'PATCH /api/social-services/units/:id': {
    request: (ids) => ({
      method: 'PATCH',
      url: `/api/social-services/units/${ids.unit}`,
      payload: { memberIds: [ids.worker, ids.colleague] },
    }),
    action: 'update',
    subject: 'colleague',
    as: 'admin',
  },
  'GET /api/social-services/settings': {
    request: () => ({ method: 'GET', url: '/api/social-services/settings' }),
    // The units name their workers.
    action: 'read',
    subject: 'colleague',
    as: 'admin',
  },
  'POST /api/social-services/need-types': {
    request: () => ({
      method: 'POST',
      url: '/api/social-services/need-types',
      payload: { code: 'kattavuus', nameFi: 'Kattavuus', nameSv: 'Täckning', nameEn: 'Coverage' },
    }),
    // The list of service needs holds no person's data.
    action: null,
    subject: 'worker',
    status: 201,
    as: 'admin',
  },
  'PATCH /api/social-services/need-types/:code': {
    request: () => ({
      method: 'PATCH',
      url: '/api/social-services/need-types/kattavuus',
      payload: { active: false },
    }),
    action: null,
    subject: 'worker',
    as: 'admin',
  },
  'GET /api/social-services/options': {
    request: () => ({ method: 'GET', url: '/api/social-services/options' }),
    action: 'read',
    subject: 'colleague',
    as: 'worker',
  },
  'POST /api/persons/:id/social-services/relationships': {
    request: (ids) => ({
      method: 'POST',
      url: `${client(ids)}/relationships`,
      payload: { unitId: ids.unit, startsOn: '2026-01-01' },
    }),
    action: 'create',
    subject: 'person',
    status: 201,
    as: 'worker',
    saveAs: 'relationship',
  },
  'PATCH /api/persons/:id/social-services/relationships/:relationshipId': {
    request: (ids) => ({
      method: 'PATCH',
      url: `${client(ids)}/relationships/${ids.relationship}`,
      payload: { responsibleWorkerIds: [ids.worker] },
    }),
    action: 'update',
    subject: 'person',
    as: 'worker',
  },
  'GET /api/persons/:id/social-services': {
    request: (ids) => ({ method: 'GET', url: `${client(ids)}?${PURPOSE}` }),
    action: 'read',
    subject: 'person',
    as: 'worker',
  },
  ...Object.fromEntries(
    CATEGORIES.flatMap(([path, key, input, patch]): [string, Call][] => [
      [
        `POST /api/persons/:id/social-services/${path}`,
        {
          request: (ids) => ({ method: 'POST', url: `${client(ids)}/${path}`, payload: input }),
          action: 'create',
          subject: 'person',
          status: 201,
          as: 'worker',
          saveAs: key,
        },
      ],
      [
        `GET /api/persons/:id/social-services/${path}`,
        {
          request: (ids) => ({ method: 'GET', url: `${client(ids)}/${path}?${PURPOSE}` }),
          action: 'read',
          subject: 'person',
          as: 'worker',
        },
      ],
      [
        `PATCH /api/persons/:id/social-services/${path}/:recordId`,
        {
          request: (ids) => ({
            method: 'PATCH',
            url: `${client(ids)}/${path}/${ids[key]}`,
            payload: patch,
          }),
          action: 'update',
          subject: 'person',
          as: 'worker',
        },
      ],
    ]),
  ),
  'POST /api/persons/:id/social-services/family-relations': {
    request: (ids) => ({
      method: 'POST',
      url: `${client(ids)}/family-relations`,
      payload: { relatedPersonId: ids.relative, type: 'child', source: 'Asiakas' },
    }),
    action: 'create',
    subject: 'relative',
    status: 201,
    as: 'worker',
    saveAs: 'familyRelation',
  },
  'GET /api/persons/:id/social-services/family-relations': {
    request: (ids) => ({ method: 'GET', url: `${client(ids)}/family-relations?${PURPOSE}` }),
    action: 'read',
    subject: 'relative',
    as: 'worker',
  },
  'PATCH /api/persons/:id/social-services/family-relations/:recordId': {
    request: (ids) => ({
      method: 'PATCH',
      url: `${client(ids)}/family-relations/${ids.familyRelation}`,
      payload: { endsOn: '2026-11-30' },
    }),
    action: 'update',
    subject: 'relative',
    as: 'worker',
  },
  'GET /api/persons/:id/social-services/summary': {
    request: (ids) => ({ method: 'GET', url: `${client(ids)}/summary?${PURPOSE}` }),
    action: 'print',
    subject: 'person',
    as: 'worker',
  },
  'POST /api/persons/:id/social-services/break-glass': {
    request: (ids) => ({
      method: 'POST',
      url: `${client(ids)}/break-glass`,
      payload: { reason: 'Kiireellinen tilanne päivystyksessä' },
    }),
    action: 'breakGlass',
    subject: 'person',
    status: 201,
    as: 'outsider',
    saveAs: 'breakGlass',
  },
  'GET /api/social-services/break-glass': {
    request: () => ({ method: 'GET', url: '/api/social-services/break-glass' }),
    action: 'read',
    subject: 'person',
  },
  'POST /api/social-services/break-glass/:id/review': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/social-services/break-glass/${ids.breakGlass}/review`,
      payload: { note: 'Tarkistettu' },
    }),
    action: 'update',
    subject: 'person',
  },
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
  'GET /api/persons/:id/page': {
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.person}/page` }),
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
  'GET /api/persons/:id/value-sources': {
    request: (ids) => ({ method: 'GET', url: `/api/persons/${ids.person}/value-sources` }),
    action: 'read',
    subject: 'person',
  },
  'GET /api/value-source-partners': {
    request: () => ({ method: 'GET', url: '/api/value-source-partners' }),
    // The partners registered as sources: organisations, no person's data.
    action: null,
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
  // The partners' interface, called by the partner's machine client while its contract covers
  // the person (decision 0028): each call is logged like a contractor's read or change.
  'GET /api/partner-api/persons': {
    request: () => ({ method: 'GET', url: '/api/partner-api/persons' }),
    action: 'read',
    subject: 'person',
    as: 'machine',
  },
  'GET /api/partner-api/persons/:id': {
    request: (ids) => ({ method: 'GET', url: `/api/partner-api/persons/${ids.person}` }),
    action: 'read',
    subject: 'person',
    as: 'machine',
  },
  'GET /api/partner-api/organizations/:id': {
    setup: (ids) => ({
      method: 'POST',
      url: `/api/partners/${ids.partner}/customers`,
      payload: { customerId: ids.organization },
    }),
    request: (ids) => ({
      method: 'GET',
      url: `/api/partner-api/organizations/${ids.organization}`,
    }),
    action: 'read',
    subject: 'person',
    as: 'machine',
  },
  'POST /api/partner-api/persons/:id/notices': {
    request: (ids) => ({
      method: 'POST',
      url: `/api/partner-api/persons/${ids.person}/notices`,
      payload: { email: 'kumppani.kattava@example.fi' },
    }),
    action: 'update',
    subject: 'person',
    as: 'machine',
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
  'GET /api/access-log/users': {
    request: () => ({ method: 'GET', url: '/api/access-log/users?q=kattava' }),
    // The log's user filter names the staff members it finds.
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
  ...SOCIAL_CALLS,
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

/**
 * Each permission family and the test that calls its every route and finds the route's log
 * entry. Orders, invoices and disclosures need a seller, a catalogue, delivered orders and
 * overdue invoices: their own tests build those and check their routes, listed from the app's
 * declarations as here. A family not named here fails the last test below.
 */
const LOGGING_TESTS: Record<string, string> = {
  'customers.': 'this file',
  'accessLog.': 'this file',
  'staff.': 'this file',
  'socialServices.': 'this file',
  'partners.': 'this file (the contract routes; the rest is organisations’ data)',
  'orders.': 'test/api/orders.test.ts',
  'invoices.': 'test/api/invoices.test.ts',
  'disclosures.': 'test/api/disclosures.test.ts',
  'requests.':
    'test/api/requests.test.ts; the access package: test/api/access-package.test.ts; erasure and legal holds: test/api/erasure.test.ts; rectification: test/api/rectification.test.ts',
  'objections.': 'test/api/objections.test.ts',
  'exports.': 'test/api/objections.test.ts (the mailing list: an export entry per person)',
  'populationRegister.':
    'test/api/population-register.test.ts (each change with DVV as the source; reading a report as a read of its persons)',
  'moveIn.':
    'test/api/move-in.test.ts (each batch of created customers in one entry with the import as the source; a report page as a read of the persons it names)',
  'imports.':
    'test/api/update-files.test.ts (matching rows logged as reads; reading a report or its CSV as a read of its persons)',
  'updateFiles.':
    'test/api/update-files.test.ts (each change with the partner as the source, in the access log)',
  // The catalogue and the municipality's seller details hold no person's data.
  'publicPages.':
    'none needed (the municipality’s own statements, and feedback from people outside the register)',
  'billing.': 'none needed',
  'retention.':
    'test/api/retention.test.ts (the dry run as a read of each listed person; each outcome of a run as a read (blocked) or an update (erased) of the customer)',
  'paperDocuments.':
    "test/api/paper-documents.test.ts (a person's documents read, recorded and destroyed, each in the access log)",
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
      if ('machine' in access) return true;
      if (!('permission' in access)) return false;
      const { permission } = access;
      return (
        permission.startsWith('customers.') ||
        permission.startsWith('accessLog.') ||
        permission === 'staff.manage' ||
        permission.startsWith('socialServices.') ||
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
      payload: {
        name: 'Lokikumppani Oy',
        businessId: '2617416-4',
        country: 'FI',
        contractFields: ['contact', 'organizations'],
        roles: ['processor', 'source'],
        processingAgreementOn: '2026-01-01',
      },
    });
    assert.equal(partner.statusCode, 201, partner.body);
    const machine = await createMachineClient(ctx(), admin, partner.json().id);
    const idOf = async (cookie: string) =>
      (await ctx().app.inject({ url: '/api/auth/me', headers: { cookie } })).json().id as string;
    const cookies: Record<Exclude<Who, 'machine'>, string> = {
      officer,
      admin,
      worker: await ctx().signIn('social_worker'),
      outsider: await ctx().signIn('social_worker'),
    };
    const relative = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: { firstName: 'Kattava', lastName: 'Omainen' },
    });
    const ids: Ids = {
      person: '',
      organization: '',
      partner: partner.json().id,
      staff: '',
      withAuthenticator: await idOf(await ctx().signIn('social_worker')),
      worker: await idOf(cookies.worker),
      colleague: await idOf(await ctx().signIn('social_worker')),
      unit: '',
      relative: relative.json().id,
      relationship: '',
      breakGlass: '',
      health: '',
      serviceNeed: '',
      income: '',
      bankAccount: '',
      familyRelation: '',
    };

    for (const route of Object.keys(CALLS)) {
      assert.ok(routes.includes(route), `${route} is a customer-data route`);
      const call = CALLS[route];
      assert.ok(call);
      if (call.setup) {
        const { payload, ...request } = call.setup(ids);
        const done = await ctx().app.inject({
          method: request.method as 'POST',
          url: request.url,
          headers: json(admin),
          payload: payload as object,
        });
        assert.ok(done.statusCode < 300, `${route} setup: ${done.body}`);
      }
      const who =
        call.as ?? (/^\S+ \/api\/(partners\/|staff|settings\/)/.test(route) ? 'admin' : 'officer');
      const before = (await accessLogEntries(ctx())).length;
      const { payload, ...request } = call.request(ids);
      const response = await ctx().app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers:
          who === 'machine'
            ? withKey(machine.secret, payload !== undefined)
            : payload === undefined
              ? { cookie: cookies[who] }
              : json(cookies[who]),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      assert.equal(response.statusCode, call.status ?? 200, `${route}: ${response.body}`);
      if (route === 'POST /api/persons') ids.person = response.json().id;
      if (route === 'POST /api/organizations') ids.organization = response.json().id;
      if (route === 'POST /api/staff') ids.staff = response.json().id;
      if (call.saveAs) ids[call.saveAs] = response.json().id;
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

forEachEngine('access log: every permission family has its logging test', ({ ctx }) => {
  test('no route opens data that no logging test calls', () => {
    const families = ctx()
      .app.routeAccess.flatMap(({ access }) => ('permission' in access ? [access.permission] : []))
      .filter((permission) => !Object.keys(LOGGING_TESTS).some((f) => permission.startsWith(f)));
    assert.deepEqual([...new Set(families)], [], 'permissions without a logging test');
  });
});
