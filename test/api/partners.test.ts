import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { accessLogEntries, forEachEngineAppPerTest, json } from '../helpers/app.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

forEachEngineAppPerTest('the partner registry', ({ ctx }) => {
  /** Each test's own administrator, on each test's own app. */
  let admin: string;
  beforeEach(async () => {
    admin = await ctx().signIn('admin');
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    ctx().app.inject({
      method,
      url,
      headers: payload ? json(admin) : { cookie: admin },
      ...(payload ? { payload } : {}),
    });
  const fieldsOf = (body: { errors?: { field: string; code?: string }[] }) =>
    (body.errors ?? []).map((e) => [e.field, e.code]);

  /** The Finnish partner most tests work with. */
  const registerPerinta = async () => {
    const created = await call('POST', '/api/partners', {
      name: 'Perintä Oy',
      businessId: ' 0201551-3 ',
      country: 'fi',
      contractFields: ['notes', 'contact', 'contact'],
      contractEndsOn: '2099-12-31',
    });
    assert.equal(created.statusCode, 201, created.body);
    return created;
  };
  /** A partner outside the EU/EEA. */
  const registerUs = () =>
    call('POST', '/api/partners', {
      name: 'Cloud Hosting Inc.',
      businessId: 'EIN 12-3456789',
      country: 'US',
      transferSafeguard: 'standard_contractual_clauses',
      transferNecessity: 'The backup service runs only in its US data centre',
    });
  /** Three customers registered by a register officer. */
  const registerCustomers = async () => {
    const officer = await ctx().signIn('register_officer');
    const create = async (url: string, payload: object) =>
      (await ctx().app.inject({ method: 'POST', url, headers: json(officer), payload })).json()
        .id as string;
    return {
      anna: await create('/api/persons', { firstName: 'Anna', lastName: 'Aaltonen' }),
      bertta: await create('/api/persons', { firstName: 'Bertta', lastName: 'Björk' }),
      firma: await create('/api/organizations', { name: 'Asiakas Firma Oy' }),
    };
  };
  /** The three customers, put under Perintä Oy's contract. */
  const coverCustomers = async (partnerId: string) => {
    const customers = await registerCustomers();
    for (const customerId of [customers.bertta, customers.firma, customers.anna]) {
      const added = await call('POST', `/api/partners/${partnerId}/customers`, { customerId });
      assert.equal(added.statusCode, 201, added.body);
    }
    return customers;
  };

  test('an administrator registers a Finnish partner: the Y-tunnus is checked, name always in the contract', async () => {
    const created = await registerPerinta();
    const partner = created.json();
    assert.equal(partner.businessId, '0201551-3');
    assert.equal(partner.country, 'FI');
    assert.equal(partner.inEea, true);
    assert.deepEqual(partner.contractFields, ['name', 'contact', 'notes']);
    assert.equal(partner.contractEndsOn, '2099-12-31');
    assert.equal(partner.contractInForce, true);
    assert.equal(partner.customerCount, 0);
  });

  test('bad input names the field: a Finnish business ID, the country, a field group', async () => {
    const partnerId = (await registerPerinta()).json().id;
    const badCheckDigit = await call('POST', '/api/partners', {
      name: 'Väärä Oy',
      businessId: '0201551-4',
      country: 'FI',
    });
    assert.equal(badCheckDigit.statusCode, 400);
    assert.deepEqual(fieldsOf(badCheckDigit.json()), [['businessId', 'businessId.checkDigit']]);
    const badCountry = await call('POST', '/api/partners', {
      name: 'Nowhere Ltd',
      businessId: '123',
      country: 'XX',
    });
    assert.deepEqual(fieldsOf(badCountry.json()), [['country', 'country.unknown']]);
    const badGroup = await call('POST', '/api/partners', {
      name: 'Kaikki Oy',
      businessId: '7654321-2',
      country: 'SE',
      contractFields: ['everything'],
    });
    assert.equal(badGroup.statusCode, 400);
    assert.equal(badGroup.json().errors[0].field, 'contractFields.0');
    const duplicate = await call('POST', '/api/partners', {
      name: 'Toinen Perintä Oy',
      businessId: '0201551-3',
      country: 'FI',
    });
    assert.equal(duplicate.statusCode, 409);
    assert.deepEqual(fieldsOf(duplicate.json()), [['businessId', 'partner.duplicateBusinessId']]);
    assert.equal(duplicate.json().existingId, partnerId);
  });

  test('a partner outside the EU/EEA is marked; another country keeps its own ID as given', async () => {
    await registerPerinta();
    const us = await registerUs();
    assert.equal(us.statusCode, 201, us.body);
    assert.equal(us.json().inEea, false);
    assert.equal(us.json().businessId, 'EIN 12-3456789');
    assert.deepEqual(us.json().contractFields, ['name']);
    assert.deepEqual(us.json().roles, ['processor'], 'a processor unless told');
    const aland = await call('POST', '/api/partners', {
      name: 'Ålands Data Ab',
      businessId: 'AX-1',
      country: 'AX',
    });
    assert.equal(aland.json().inEea, true, 'Åland is in the EU');
    const list = await call('GET', '/api/partners');
    assert.deepEqual(
      list
        .json()
        .items.map((p: { name: string }) => p.name)
        .sort(),
      ['Cloud Hosting Inc.', 'Perintä Oy', 'Ålands Data Ab'],
    );
  });

  test('PATCH changes the contract; a Finnish country needs a valid Y-tunnus', async () => {
    await registerPerinta();
    assert.equal((await registerUs()).statusCode, 201);
    const us = (await call('GET', '/api/partners'))
      .json()
      .items.find((p: { country: string }) => p.country === 'US');
    const keepsSafeguard = await call('PATCH', `/api/partners/${us.id}`, { country: 'FI' });
    assert.equal(keepsSafeguard.statusCode, 400);
    assert.deepEqual(fieldsOf(keepsSafeguard.json()), [
      ['transferSafeguard', 'partner.transferInEea'],
      ['transferNecessity', 'partner.transferInEea'],
    ]);
    const noTerms = { transferSafeguard: null, transferNecessity: null };
    const toFinland = await call('PATCH', `/api/partners/${us.id}`, {
      country: 'FI',
      ...noTerms,
    });
    assert.equal(toFinland.statusCode, 400);
    assert.deepEqual(fieldsOf(toFinland.json()), [['businessId', 'businessId.format']]);
    const changed = await call('PATCH', `/api/partners/${us.id}`, {
      country: 'FI',
      ...noTerms,
      businessId: '7654321-2',
      contractFields: ['address'],
      contractEndsOn: '2020-01-31',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().name, 'Cloud Hosting Inc.', 'untouched');
    assert.deepEqual(changed.json().contractFields, ['name', 'address']);
    assert.equal(changed.json().contractInForce, false, 'the end date has passed');
    const taken = await call('PATCH', `/api/partners/${us.id}`, { businessId: '0201551-3' });
    assert.equal(taken.statusCode, 409);
    const unknown = await call('PATCH', `/api/partners/${UNKNOWN_ID}`, { name: 'X' });
    assert.equal(unknown.statusCode, 404);
  });

  test('customers are put under the contract and taken off, each change logged with the customer', async () => {
    const partnerId = (await registerPerinta()).json().id;
    const customers = await coverCustomers(partnerId);
    const added = (await accessLogEntries(ctx())).filter((e) => e.subjectIds[0] === customers.anna);
    assert.equal(added.length, 2, 'the registration and the contract');
    assert.equal(added[1]?.action, 'update');
    assert.deepEqual(added[1]?.fields, ['partnerContract']);
    assert.deepEqual(added[1]?.changes, {
      partnerContract: { old: null, new: { partnerId, partner: 'Perintä Oy' } },
    });

    const again = await call('POST', `/api/partners/${partnerId}/customers`, {
      customerId: customers.anna,
    });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(fieldsOf(again.json()), [['customerId', 'partner.alreadyCovered']]);
    const nobody = await call('POST', `/api/partners/${partnerId}/customers`, {
      customerId: UNKNOWN_ID,
    });
    assert.equal(nobody.statusCode, 404);
    assert.deepEqual(fieldsOf(nobody.json()), [['customerId', 'partner.unknownCustomer']]);
    const noPartner = await call('POST', `/api/partners/${UNKNOWN_ID}/customers`, {
      customerId: customers.anna,
    });
    assert.equal(noPartner.statusCode, 404);
  });

  test('the partner page lists the covered customers by name, paged, and the read is logged', async () => {
    const partnerId = (await registerPerinta()).json().id;
    const customers = await coverCustomers(partnerId);
    const seen: { name: string; kind: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/partners/${partnerId}?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await call('GET', url);
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.json().customerCount, 3);
      seen.push(...page.json().customers.items);
      cursor = page.json().customers.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen.map((c) => [c.name, c.kind]),
      [
        ['Aaltonen, Anna', 'person'],
        ['Asiakas Firma Oy', 'organization'],
        ['Björk, Bertta', 'person'],
      ],
    );
    const read = (await accessLogEntries(ctx())).at(-1);
    assert.equal(read?.action, 'read');
    assert.deepEqual(read?.subjectIds, [customers.bertta], 'the persons on the last page');
    assert.deepEqual(read?.fields, ['name', 'partnerContract']);
  });

  test('taking a customer off the contract is logged; taking them off twice is 404', async () => {
    const partnerId = (await registerPerinta()).json().id;
    const customers = await coverCustomers(partnerId);
    const removed = await call('DELETE', `/api/partners/${partnerId}/customers/${customers.anna}`);
    assert.equal(removed.statusCode, 204);
    const entry = (await accessLogEntries(ctx())).at(-1);
    assert.deepEqual(entry?.subjectIds, [customers.anna]);
    assert.deepEqual(entry?.changes, {
      partnerContract: { old: { partnerId, partner: 'Perintä Oy' }, new: null },
    });
    const again = await call('DELETE', `/api/partners/${partnerId}/customers/${customers.anna}`);
    assert.equal(again.statusCode, 404);
    const page = (await call('GET', `/api/partners/${partnerId}`)).json();
    assert.equal(page.customerCount, 2);
  });

  test('roles, the processing agreement and the transfer terms: outside the EU/EEA a partner that receives data needs a safeguard and its necessity', async () => {
    const base = { name: 'Credit Data Ltd', businessId: 'GB-555', country: 'GB' };
    const missing = await call('POST', '/api/partners', { ...base, roles: ['recipient'] });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(fieldsOf(missing.json()), [
      ['transferSafeguard', 'partner.safeguardRequired'],
      ['transferNecessity', 'partner.necessityRequired'],
    ]);
    const halfway = await call('POST', '/api/partners', {
      ...base,
      roles: ['recipient'],
      transferSafeguard: 'adequacy_decision',
    });
    assert.deepEqual(fieldsOf(halfway.json()), [
      ['transferNecessity', 'partner.necessityRequired'],
    ]);
    const badSafeguard = await call('POST', '/api/partners', {
      ...base,
      transferSafeguard: 'a handshake',
    });
    assert.equal(badSafeguard.statusCode, 400);
    assert.equal(badSafeguard.json().errors[0].field, 'transferSafeguard');

    const sourceOnly = await call('POST', '/api/partners', {
      ...base,
      roles: ['source', 'source'],
    });
    assert.equal(sourceOnly.statusCode, 201, 'a source gets no data: no terms needed');
    assert.deepEqual(sourceOnly.json().roles, ['source']);
    const becomesRecipient = await call('PATCH', `/api/partners/${sourceOnly.json().id}`, {
      roles: ['source', 'recipient'],
    });
    assert.equal(becomesRecipient.statusCode, 400);
    assert.deepEqual(fieldsOf(becomesRecipient.json()), [
      ['transferSafeguard', 'partner.safeguardRequired'],
      ['transferNecessity', 'partner.necessityRequired'],
    ]);
    const recipient = await call('PATCH', `/api/partners/${sourceOnly.json().id}`, {
      roles: ['recipient', 'source'],
      transferSafeguard: 'adequacy_decision',
      transferNecessity: '  Credit decisions are made in the UK register  ',
      processingAgreementOn: '2026-01-15',
    });
    assert.equal(recipient.statusCode, 200, recipient.body);
    assert.deepEqual(
      [
        recipient.json().roles,
        recipient.json().inEea,
        recipient.json().transferSafeguard,
        recipient.json().transferNecessity,
        recipient.json().processingAgreementOn,
      ],
      [
        ['recipient', 'source'],
        false,
        'adequacy_decision',
        'Credit decisions are made in the UK register',
        '2026-01-15',
      ],
    );
    const dropsSafeguard = await call('PATCH', `/api/partners/${sourceOnly.json().id}`, {
      transferSafeguard: null,
    });
    assert.deepEqual(fieldsOf(dropsSafeguard.json()), [
      ['transferSafeguard', 'partner.safeguardRequired'],
    ]);
    const renamed = await call('PATCH', `/api/partners/${sourceOnly.json().id}`, {
      name: 'Credit Data UK Ltd',
    });
    assert.equal(renamed.statusCode, 200);

    const inEea = await call('POST', '/api/partners', {
      name: 'Perintä Ab',
      businessId: 'SE-556677',
      country: 'SE',
      roles: ['recipient'],
      transferSafeguard: 'standard_contractual_clauses',
      transferNecessity: 'Because',
    });
    assert.equal(inEea.statusCode, 400);
    assert.deepEqual(fieldsOf(inEea.json()), [
      ['transferSafeguard', 'partner.transferInEea'],
      ['transferNecessity', 'partner.transferInEea'],
    ]);
    const future = await call('POST', '/api/partners', {
      name: 'Perintä Ab',
      businessId: 'SE-556677',
      country: 'SE',
      roles: ['recipient', 'processor'],
      processingAgreementOn: '2099-01-01',
    });
    assert.deepEqual(fieldsOf(future.json()), [['processingAgreementOn', 'date.future']]);
    const noRoles = await call('POST', '/api/partners', { ...base, roles: [] });
    assert.equal(noRoles.statusCode, 400);
    assert.equal(noRoles.json().errors[0].field, 'roles');
  });

  test('only an administrator manages partners', async () => {
    await registerPerinta();
    for (const role of ['register_officer', 'customer_service', 'contractor'] as const) {
      const cookie = await ctx().signIn(role);
      const response = await ctx().app.inject({ url: '/api/partners', headers: { cookie } });
      assert.equal(response.statusCode, 403, role);
      assert.equal(response.body.includes('Perintä'), false);
    }
  });
});
