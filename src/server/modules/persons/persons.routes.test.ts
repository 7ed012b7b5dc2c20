import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  accessLogEntries,
  forEachEngine,
  forEachEngineAppPerTest,
  json,
} from '../../../../test/helpers/app.ts';

const matti = {
  firstName: 'Matti',
  lastName: 'Virtanen',
  personalIdentityCode: '131052-308t',
  personalIdentityCodePurpose: 'billing_and_collection',
  email: 'Matti.Virtanen@Example.FI',
  phone: '040 123 4567',
  permanentAddress: { street: 'Koulutie 1', postalCode: '73900', postOffice: 'Rautavaara' },
  language: 'fi',
  notes: 'Asioi mieluiten puhelimitse.',
};

forEachEngineAppPerTest('persons', ({ ctx }) => {
  const registerMatti = async (cookie: string) => {
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: matti,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response;
  };

  test('registers a person: normalised values, masked identity code, 201 with id', async () => {
    const cookie = await ctx().signIn('customer_service');
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: matti,
    });
    assert.equal(response.statusCode, 201, response.body);
    const person = response.json();
    assert.match(person.id, /^[0-9a-f-]{36}$/);
    assert.equal(person.personalIdentityCode, '131052-****');
    assert.equal(person.personalIdentityCodeTemporary, false);
    assert.equal(person.phone, '+358401234567');
    assert.equal(person.phoneDisplay, '040 123 4567');
    assert.equal(person.email, 'Matti.Virtanen@example.fi');
    assert.deepEqual(person.permanentAddress, {
      street: 'Koulutie 1',
      postalCode: '73900',
      postOffice: 'Rautavaara',
      country: 'FI',
    });
    assert.equal(JSON.stringify(person).includes('308T'), false);

    const read = await ctx().app.inject({
      url: `/api/persons/${person.id}`,
      headers: { cookie },
    });
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), person);
  });

  test('a second person with the same identity code is refused with a pointer to the first', async () => {
    const cookie = await ctx().signIn('customer_service');
    await registerMatti(cookie);
    const first = await ctx().app.inject({
      url: '/api/search?q=131052-308T',
      headers: { cookie },
    });
    const existingId = first.json().items[0].person.id;
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: { ...matti, firstName: 'Toinen', email: null },
    });
    assert.equal(response.statusCode, 409);
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(response.json().existingId, existingId);
    assert.equal(response.json().existing, `/api/persons/${existingId}`);
    assert.equal(response.json().errors[0].field, 'personalIdentityCode');
  });

  test('an identity code needs its purpose; a temporary code is accepted and marked', async () => {
    const cookie = await ctx().signIn('customer_service');
    const noPurpose = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: { firstName: 'Testi', lastName: 'Henkilö', personalIdentityCode: '010594Y9032' },
    });
    assert.equal(noPurpose.statusCode, 400);
    assert.deepEqual(
      noPurpose.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [['personalIdentityCodePurpose', 'identityCode.purposeRequired']],
    );
    const temporary = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: {
        firstName: 'Testi',
        lastName: 'Henkilö',
        personalIdentityCode: '010594Y9032',
        personalIdentityCodePurpose: 'consent',
      },
    });
    assert.equal(temporary.statusCode, 201, temporary.body);
    assert.equal(temporary.json().personalIdentityCodeTemporary, true);
    assert.equal(temporary.json().personalIdentityCode, '010594Y****');
  });

  test('the full identity code only through reveal, with a purpose', async () => {
    const cookie = await ctx().signIn('customer_service');
    await registerMatti(cookie);
    const found = await ctx().app.inject({
      url: '/api/search?q=131052-308T',
      headers: { cookie },
    });
    const id = found.json().items[0].person.id;
    const noPurpose = await ctx().app.inject({
      method: 'POST',
      url: `/api/persons/${id}/reveal-identity-code`,
      headers: json(cookie),
      payload: {},
    });
    assert.equal(noPurpose.statusCode, 400);
    const revealed = await ctx().app.inject({
      method: 'POST',
      url: `/api/persons/${id}/reveal-identity-code`,
      headers: json(cookie),
      payload: { purpose: 'Laskun perintä, asiakas soitti' },
    });
    assert.equal(revealed.statusCode, 200);
    assert.deepEqual(revealed.json(), { personalIdentityCode: '131052-308T' });
    const logged = (await accessLogEntries(ctx())).filter((e) => e.action === 'reveal');
    assert.equal(logged.length, 1, 'the reveal is recorded');
    assert.deepEqual(logged[0]?.subjectIds, [id]);
    assert.deepEqual(logged[0]?.fields, ['personalIdentityCode']);
    assert.equal(logged[0]?.purpose, 'Laskun perintä, asiakas soitti');
  });

  test('PATCH changes only the given fields; null removes a value', async () => {
    const cookie = await ctx().signIn('customer_service');
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: {
        firstName: 'Liisa',
        lastName: 'Mäkelä',
        email: 'liisa@example.fi',
        phone: '0501234567',
      },
    });
    const id = created.json().id;
    const patched = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: json(cookie),
      payload: { lastName: 'Mäkelä-Laine', email: null, language: 'sv' },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const person = patched.json();
    assert.equal(person.lastName, 'Mäkelä-Laine');
    assert.equal(person.firstName, 'Liisa');
    assert.equal(person.email, null);
    assert.equal(person.phone, '+358501234567');
    assert.equal(person.language, 'sv');
    const search = await ctx().app.inject({
      url: '/api/search?q=makela-laine',
      headers: { cookie },
    });
    assert.ok(search.json().items.some((i: { person?: { id: string } }) => i.person?.id === id));
  });

  test('DELETE archives: the person stays readable but leaves searches and lists', async () => {
    const cookie = await ctx().signIn('customer_service');
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: { firstName: 'Arkistoitava', lastName: 'Asiakas' },
    });
    const id = created.json().id;
    const forbidden = await ctx().app.inject({
      method: 'DELETE',
      url: `/api/persons/${id}`,
      headers: { cookie },
    });
    assert.equal(forbidden.statusCode, 403, 'customer service may not archive');
    const officer = await ctx().signIn('register_officer');
    const archived = await ctx().app.inject({
      method: 'DELETE',
      url: `/api/persons/${id}`,
      headers: { cookie: officer },
    });
    assert.equal(archived.statusCode, 204);
    const read = await ctx().app.inject({ url: `/api/persons/${id}`, headers: { cookie } });
    assert.equal(read.statusCode, 200);
    assert.notEqual(read.json().archivedAt, null);
    const search = await ctx().app.inject({
      url: '/api/search?q=arkistoitava',
      headers: { cookie },
    });
    assert.deepEqual(search.json().items, []);
    const change = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: json(cookie),
      payload: { notes: 'x' },
    });
    assert.equal(change.statusCode, 409);
  });

  test('lists persons in name order, paged by cursor without repeats', async () => {
    const cookie = await ctx().signIn('customer_service');
    await registerMatti(cookie);
    for (const [firstName, lastName] of [
      ['Liisa', 'Mäkelä'],
      ['Pekka', 'Puumies'],
      ['Aino', 'Aaltonen'],
    ]) {
      const created = await ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: { firstName, lastName },
      });
      assert.equal(created.statusCode, 201, created.body);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/persons?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await ctx().app.inject({ url, headers: { cookie } });
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json() as {
        items: { id: string; lastName: string }[];
        nextCursor: string | null;
      };
      seen.push(...body.items.map((p) => `${p.lastName}|${p.id}`));
      cursor = body.nextCursor;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length, 'no person twice');
    const all = await ctx().app.inject({ url: '/api/persons?limit=100', headers: { cookie } });
    const everyone = (all.json() as { items: { id: string; lastName: string }[] }).items;
    assert.deepEqual(
      seen,
      everyone.map((p) => `${p.lastName}|${p.id}`),
      'pages join up in order',
    );
    assert.ok(seen.length >= 3);
  });

  test('links a person to the organisations they represent, shown from both sides', async () => {
    const cookie = await ctx().signIn('customer_service');
    const org = await ctx().app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: json(cookie),
      payload: { name: 'Rautavaaran Puu Oy', businessId: '0201551-3' },
    });
    assert.equal(org.statusCode, 201, org.body);
    const person = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: {
        firstName: 'Pekka',
        lastName: 'Puumies',
        organizations: [{ organizationId: org.json().id, title: 'toimitusjohtaja' }],
      },
    });
    assert.equal(person.statusCode, 201, person.body);
    assert.deepEqual(person.json().organizations, [
      {
        organizationId: org.json().id,
        name: 'Rautavaaran Puu Oy',
        businessId: '0201551-3',
        title: 'toimitusjohtaja',
      },
    ]);
    const orgPage = await ctx().app.inject({
      url: `/api/organizations/${org.json().id}`,
      headers: { cookie },
    });
    assert.deepEqual(orgPage.json().representatives, [
      {
        personId: person.json().id,
        firstName: 'Pekka',
        lastName: 'Puumies',
        title: 'toimitusjohtaja',
      },
    ]);
    const unknownOrg = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(cookie),
      payload: {
        firstName: 'Pekka',
        lastName: 'Puumies',
        organizations: [{ organizationId: '00000000-0000-4000-8000-000000000000' }],
      },
    });
    assert.equal(unknownOrg.statusCode, 400);
  });
});

forEachEngineAppPerTest('address protection (turvakielto)', ({ ctx }) => {
  /** A person with a protected address, and a customer-service user who may not see it. */
  const registerProtected = async () => {
    const service = await ctx().signIn('customer_service');
    // Registered on the population register's word, as only the register officer may (0006).
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(await ctx().signIn('register_officer')),
      payload: {
        firstName: 'Salainen',
        lastName: 'Suojattu',
        permanentAddress: { street: 'Piilotie 7', postalCode: '00100', postOffice: 'Helsinki' },
        billing: {
          billingAddress: { street: 'Laskutie 9', postalCode: '00100', postOffice: 'Helsinki' },
        },
        addressProtection: { active: true, endsOn: null, source: 'DVV' },
        source: { kind: 'population_register' },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    return { id: created.json().id as string, service };
  };

  test('a protected address is hidden in lists and search, and on the page from roles not allowed', async () => {
    const { id, service } = await registerProtected();
    const page = (
      await ctx().app.inject({ url: `/api/persons/${id}`, headers: { cookie: service } })
    ).json();
    assert.equal(page.addressProtected, true);
    assert.equal(page.permanentAddress, null);
    assert.equal(page.billing.billingAddress, null);
    assert.equal(JSON.stringify(page).includes('Piilotie'), false);
    const list = await ctx().app.inject({ url: '/api/persons', headers: { cookie: service } });
    const search = await ctx().app.inject({
      url: '/api/search?q=suojattu',
      headers: { cookie: service },
    });
    for (const body of [list.body, search.body]) {
      assert.equal(body.includes('Piilotie'), false);
      assert.equal(body.includes('Laskutie'), false);
    }
    assert.equal(search.json().items[0].person.addressProtected, true);
    assert.equal(search.json().items[0].person.address, null);
  });

  test('the person page reveals it to a role allowed to see it; lists still do not', async () => {
    const { id } = await registerProtected();
    const officer = await ctx().signIn('register_officer');
    const page = await ctx().app.inject({
      url: `/api/persons/${id}`,
      headers: { cookie: officer },
    });
    assert.equal(page.json().permanentAddress.street, 'Piilotie 7');
    const search = await ctx().app.inject({
      url: '/api/search?q=suojattu',
      headers: { cookie: officer },
    });
    assert.equal(search.body.includes('Piilotie'), false);
  });

  test('a protection whose end date has passed no longer hides the address', async () => {
    const { id, service } = await registerProtected();
    const officer = await ctx().signIn('register_officer');
    await ctx().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: json(officer),
      payload: {
        addressProtection: { active: true, endsOn: '2020-01-01', source: 'DVV' },
        source: { kind: 'population_register' },
      },
    });
    const page = await ctx().app.inject({
      url: `/api/persons/${id}`,
      headers: { cookie: service },
    });
    assert.equal(page.json().addressProtected, false);
    assert.equal(page.json().permanentAddress.street, 'Piilotie 7');
  });
});

forEachEngine('a protected address cannot be overwritten by who cannot see it', ({ ctx }) => {
  test('customer service cannot change or lift it; billing edits keep the hidden billing address', async () => {
    const officer = await ctx().signIn('register_officer');
    const service = await ctx().signIn('customer_service');
    const created = await ctx().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(officer),
      payload: {
        firstName: 'Piilo',
        lastName: 'Henkilö',
        permanentAddress: { street: 'Salatie 1', postalCode: '00100', postOffice: 'Helsinki' },
        billing: {
          billingAddress: { street: 'Salatie 1', postalCode: '00100', postOffice: 'Helsinki' },
        },
        addressProtection: { active: true, source: 'DVV' },
        source: { kind: 'population_register' },
      },
    });
    const id = created.json().id as string;
    for (const payload of [
      { permanentAddress: null },
      { contactAddress: { street: 'Uusi 2', postalCode: '00200', postOffice: 'Helsinki' } },
      { addressProtection: { active: false } },
      {
        billing: {
          billingAddress: { street: 'Uusi 2', postalCode: '00200', postOffice: 'Helsinki' },
        },
      },
    ]) {
      const refused = await ctx().app.inject({
        method: 'PATCH',
        url: `/api/persons/${id}`,
        headers: json(service),
        payload,
      });
      assert.equal(refused.statusCode, 403, JSON.stringify(payload));
      assert.equal(refused.json().errors[0].code, 'address.protected');
    }
    const billingEdit = await ctx().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: json(service),
      payload: { billing: { billingAddress: null, ovt: '003702015513' } },
    });
    assert.equal(billingEdit.statusCode, 200, billingEdit.body);
    const seen = await ctx().app.inject({
      url: `/api/persons/${id}`,
      headers: { cookie: officer },
    });
    assert.equal(seen.json().permanentAddress.street, 'Salatie 1');
    assert.equal(seen.json().billing.billingAddress.street, 'Salatie 1');
    assert.equal(seen.json().billing.ovt, '003702015513');
  });
});
