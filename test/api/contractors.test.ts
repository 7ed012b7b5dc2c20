import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { accessLog } from '../../src/server/db/schema/index.ts';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { readerScope } from '../../src/server/modules/partners/contract-scope.ts';
import { findPersonForReader } from '../../src/server/modules/persons/persons.queries.ts';
import { forEachEngineAppPerTest, json, type TestApp } from '../helpers/app.ts';

/**
 * A contractor sees the customers its partner's contract covers, and of them only the field
 * groups the contract lists — enforced in the queries (decision 0009).
 */
const X = {
  firstName: 'Matti',
  lastName: 'Sopimusvirtanen',
  personalIdentityCode: '131052-308T',
  personalIdentityCodePurpose: 'billing_and_collection',
  email: 'matti.sopimus@example.fi',
  phone: '040 765 4321',
  permanentAddress: { street: 'Koulutie 1', postalCode: '73900', postOffice: 'Rautavaara' },
  billing: { ovt: '003702015513' },
  notes: 'Salainen lisätieto Matista',
};
const Y = {
  firstName: 'Maija',
  lastName: 'Sopimusvirtanen',
  email: 'maija.sopimus@example.fi',
  permanentAddress: { street: 'Kirkkotie 2', postalCode: '73900', postOffice: 'Rautavaara' },
};
const Z = {
  firstName: 'Suojattu',
  lastName: 'Sopimusvirtanen',
  permanentAddress: { street: 'Piilotie 7', postalCode: '73900', postOffice: 'Rautavaara' },
  addressProtection: { active: true, source: 'DVV' },
  source: { kind: 'population_register' },
};

const OUTSIDE_CONTRACT = [
  'personalIdentityCode',
  'personalIdentityCodePurpose',
  'personalIdentityCodeTemporary',
  'permanentAddress',
  'contactAddress',
  'addressProtected',
  'addressProtection',
  'organizations',
  'billing',
  'notes',
];

forEachEngineAppPerTest('contractors see only their contract', ({ ctx }) => {
  let officer: string;
  let admin: string;
  let contractorA: string;
  let contractorB: string;
  const ids: Record<string, string> = {};
  let partnerA: string;
  let partnerB: string;

  const get = (cookie: string, url: string) => ctx().app.inject({ url, headers: { cookie } });
  const post = async (cookie: string, url: string, payload: object) => {
    const response = await ctx().app.inject({
      method: 'POST',
      url,
      headers: json(cookie),
      payload,
    });
    assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
    return response.json();
  };
  const patchPartner = async (id: string, payload: object) => {
    const response = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/partners/${id}`,
      headers: json(admin),
      payload,
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  /** The log entries about one subject, newest first, as stored. */
  const logOf = (app: TestApp, subjectId: string) =>
    app.database.db
      .select()
      .from(accessLog)
      .orderBy(desc(accessLog.position))
      .then((rows) => rows.filter((row) => row.subjectIds.includes(subjectId)));

  // Each test's own app gets the customers, partners A and B, and X and organisation C covered by
  // A only: some tests change A's contract, and the others must not see that.
  beforeEach(async () => {
    officer = await ctx().signIn('register_officer');
    admin = await ctx().signIn('admin');
    ids.coveredOrg = (await post(officer, '/api/organizations', { name: 'Katettu Sopimus Oy' })).id;
    ids.hiddenOrg = (
      await post(officer, '/api/organizations', {
        name: 'Piilotettu Sopimus Oy',
        email: 'piilo@example.fi',
      })
    ).id;
    ids.x = (
      await post(officer, '/api/persons', {
        ...X,
        organizations: [{ organizationId: ids.coveredOrg }, { organizationId: ids.hiddenOrg }],
      })
    ).id;
    ids.y = (await post(officer, '/api/persons', Y)).id;
    ids.z = (await post(officer, '/api/persons', Z)).id;
    partnerA = (
      await post(admin, '/api/partners', {
        name: 'Kumppani A Oy',
        businessId: '0201551-3',
        country: 'FI',
        contractFields: ['contact'],
      })
    ).id;
    partnerB = (
      await post(admin, '/api/partners', {
        name: 'Partner B AB',
        businessId: 'SE556677889901',
        country: 'SE',
        contractFields: ['contact', 'address', 'notes'],
      })
    ).id;
    for (const customerId of [ids.x, ids.coveredOrg]) {
      await post(admin, `/api/partners/${partnerA}/customers`, { customerId });
    }
    contractorA = await ctx().signIn('contractor', { partnerId: partnerA });
    contractorB = await ctx().signIn('contractor', { partnerId: partnerB });
  });

  test("a covered person's page has the contract's fields and no others", async () => {
    const response = await get(contractorA, `/api/persons/${ids.x}`);
    assert.equal(response.statusCode, 200, response.body);
    const person = response.json();
    assert.equal(person.firstName, 'Matti');
    assert.equal(person.email, 'matti.sopimus@example.fi');
    assert.equal(person.phoneDisplay, '040 765 4321');
    assert.equal(person.language, 'fi');
    for (const field of OUTSIDE_CONTRACT) {
      assert.equal(field in person, false, `${field} is outside the contract`);
    }
    for (const secret of ['Koulutie', 'Salainen', '131052', '003702015513', 'Sopimus Oy']) {
      assert.equal(response.body.includes(secret), false, `${secret} never leaves the server`);
    }
    const [entry] = await logOf(ctx(), ids.x ?? '');
    assert.equal(entry?.action, 'read');
    assert.equal(entry?.partnerId, partnerA, 'the entry names the partner');
    assert.deepEqual(
      [...(entry?.fields ?? [])].sort(),
      [
        'archivedAt',
        'createdAt',
        'email',
        'firstName',
        'language',
        'lastName',
        'phone',
        'phoneDisplay',
        'updatedAt',
      ],
      'the entry names only the fields returned',
    );
  });

  test('the query itself reads only the columns the contract opens', async () => {
    const actor = { partnerId: partnerA, role: 'contractor' as const };
    const scope = await readerScope({
      db: ctx().database.db,
      clock: { now: () => new Date() },
      actor: { ...actor } as never,
    });
    const row = await findPersonForReader(ctx().database.db, ids.x ?? '', scope);
    assert.ok(row, 'X is covered');
    assert.deepEqual(Object.keys(row).sort(), [
      'archivedAt',
      'createdAt',
      'email',
      'firstName',
      'id',
      'language',
      'lastName',
      'phone',
      'updatedAt',
    ]);
    assert.equal(await findPersonForReader(ctx().database.db, ids.y ?? '', scope), undefined);
  });

  test('a person outside the contract is 404, as if there were none, and nothing is logged', async () => {
    const before = (await logOf(ctx(), ids.y ?? '')).length;
    const response = await get(contractorA, `/api/persons/${ids.y}`);
    assert.equal(response.statusCode, 404);
    assert.equal(response.body.includes('Maija'), false);
    const unknown = await get(contractorA, '/api/persons/00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.statusCode, 404);
    assert.equal(response.json().detail, unknown.json().detail, 'the same answer as for no one');
    assert.equal((await logOf(ctx(), ids.y ?? '')).length, before);
  });

  test('search and lists find covered customers only, with only the contract fields', async () => {
    const search = await get(contractorA, '/api/search?q=sopimusvirtanen');
    assert.equal(search.statusCode, 200, search.body);
    const items = search.json().items as { kind: string; person: Record<string, unknown> }[];
    assert.deepEqual(
      items.map((item) => item.person.id),
      [ids.x],
    );
    assert.equal('address' in (items[0]?.person ?? {}), false);
    assert.equal('personalIdentityCode' in (items[0]?.person ?? {}), false);
    assert.equal(items[0]?.person.email, X.email);

    const byEmail = await get(contractorA, `/api/search?q=${encodeURIComponent(Y.email)}`);
    assert.deepEqual(byEmail.json().items, [], "another customer's email finds no one");
    const ownEmail = await get(contractorA, `/api/search?q=${encodeURIComponent(X.email)}`);
    assert.equal(ownEmail.json().items.length, 1);

    const byCode = await get(contractorA, '/api/search?q=131052-308T');
    assert.equal(byCode.statusCode, 400, 'the contract does not open identity codes');
    assert.equal(byCode.json().errors[0].code, 'search.notInContract');

    const persons = await get(contractorA, '/api/persons?limit=100');
    assert.deepEqual(
      persons.json().items.map((p: { id: string }) => p.id),
      [ids.x],
    );
    const organizations = await get(contractorA, '/api/organizations?limit=100');
    assert.deepEqual(
      organizations.json().items.map((o: { id: string }) => o.id),
      [ids.coveredOrg],
    );
    const orgSearch = await get(contractorA, '/api/search?q=sopimus%20oy&kind=organization');
    assert.deepEqual(
      orgSearch.json().items.map((i: { organization: { id: string } }) => i.organization.id),
      [ids.coveredOrg],
    );
  });

  test('organisations: a covered one shows its contract fields, another is 404', async () => {
    const covered = await get(contractorA, `/api/organizations/${ids.coveredOrg}`);
    assert.equal(covered.statusCode, 200, covered.body);
    assert.equal(covered.json().name, 'Katettu Sopimus Oy');
    for (const field of ['representatives', 'postalAddress', 'billing', 'notes']) {
      assert.equal(field in covered.json(), false, field);
    }
    const hidden = await get(contractorA, `/api/organizations/${ids.hiddenOrg}`);
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.body.includes('piilo@'), false);
  });

  test("a contractor of another partner sees nothing of A's customers", async () => {
    for (const url of [
      `/api/persons/${ids.x}`,
      `/api/organizations/${ids.coveredOrg}`,
      `/api/persons/${ids.y}`,
    ]) {
      const response = await get(contractorB, url);
      assert.equal(response.statusCode, 404, url);
    }
    for (const url of [
      '/api/search?q=sopimusvirtanen',
      `/api/search?q=${encodeURIComponent(X.email)}`,
      '/api/persons',
      '/api/organizations',
    ]) {
      const response = await get(contractorB, url);
      assert.equal(response.statusCode, 200, url);
      assert.deepEqual(response.json().items, [], url);
    }
  });

  test('more groups open more fields; a protected address stays hidden; links stay in the contract', async () => {
    await patchPartner(partnerA, {
      contractFields: ['contact', 'address', 'identityCode', 'organizations', 'billing', 'notes'],
    });
    await post(admin, `/api/partners/${partnerA}/customers`, { customerId: ids.z });
    const x = (await get(contractorA, `/api/persons/${ids.x}`)).json();
    assert.equal(x.permanentAddress.street, 'Koulutie 1');
    assert.equal(x.personalIdentityCode, '131052-****', 'masked: no reveal permission');
    assert.equal(x.notes, X.notes);
    assert.equal(x.billing.ovt, '003702015513');
    assert.deepEqual(
      x.organizations.map((o: { organizationId: string }) => o.organizationId),
      [ids.coveredOrg],
      'only the organisations the contract covers',
    );
    const reveal = await ctx().app.inject({
      method: 'POST',
      url: `/api/persons/${ids.x}/reveal-identity-code`,
      headers: json(contractorA),
      payload: { purpose: 'Haluan nähdä' },
    });
    assert.equal(reveal.statusCode, 403);

    const z = await get(contractorA, `/api/persons/${ids.z}`);
    assert.equal(z.json().addressProtected, true);
    assert.equal(z.json().permanentAddress, null);
    assert.equal(z.body.includes('Piilotie'), false);

    const organization = (await get(contractorA, `/api/organizations/${ids.coveredOrg}`)).json();
    assert.deepEqual(
      organization.representatives.map((r: { personId: string }) => r.personId),
      [ids.x],
    );
  });

  test('the contract covers no one after its last day; on the last day it still does', async () => {
    const today = helsinkiDate(new Date());
    await patchPartner(partnerA, { contractEndsOn: today });
    assert.equal((await get(contractorA, `/api/persons/${ids.x}`)).statusCode, 200);
    await patchPartner(partnerA, { contractEndsOn: '2020-12-31' });
    assert.equal((await get(contractorA, `/api/persons/${ids.x}`)).statusCode, 404);
    assert.equal((await get(contractorA, `/api/organizations/${ids.coveredOrg}`)).statusCode, 404);
    const search = await get(contractorA, '/api/search?q=sopimusvirtanen');
    assert.deepEqual(search.json().items, []);
    assert.deepEqual((await get(contractorA, '/api/persons')).json().items, []);
    await patchPartner(partnerA, { contractEndsOn: null });
    assert.equal((await get(contractorA, `/api/persons/${ids.x}`)).statusCode, 200);
  });

  test('the register officer sees the partner in the access log', async () => {
    assert.equal((await get(contractorA, `/api/persons/${ids.x}`)).statusCode, 200);
    assert.equal((await get(officer, `/api/persons/${ids.x}`)).statusCode, 200);
    const response = await get(officer, `/api/access-log?subjectId=${ids.x}&action=read`);
    assert.equal(response.statusCode, 200, response.body);
    const byContractor = (
      response.json().items as { role: string; partnerId: string; partnerName: string }[]
    ).filter((item) => item.role === 'contractor');
    assert.ok(byContractor.length > 0);
    for (const item of byContractor) {
      assert.equal(item.partnerId, partnerA);
      assert.equal(item.partnerName, 'Kumppani A Oy');
    }
    const officerEntry = response
      .json()
      .items.find((item: { role: string }) => item.role === 'register_officer');
    assert.ok(officerEntry, "the officer's own read is there");
    assert.equal(officerEntry.partnerId, null);
    assert.equal(officerEntry.partnerName, null);
  });

  test("the municipality's own staff are not limited", async () => {
    const service = await ctx().signIn('customer_service');
    const y = (await get(service, `/api/persons/${ids.y}`)).json();
    assert.equal(y.permanentAddress.street, 'Kirkkotie 2');
    assert.equal(y.personalIdentityCode, null);
    assert.equal(y.addressProtected, false);
    const rows = await ctx()
      .database.db.select()
      .from(accessLog)
      .where(eq(accessLog.role, 'customer_service'));
    assert.ok(rows.every((row) => row.partnerId === null));
  });
});
