import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callAs, forEachEngine, insertTestPartner, type TestApp } from '../helpers/app.ts';

/*
 * Decision 0006: address protection, and the address of a protected person, are written on the
 * population register's word only — by the register officer naming DVV as the source. Every
 * other source is refused with 403 naming the field, on every path that writes them.
 */

const ADDRESS = { street: 'Salatie 1', postalCode: '00100', postOffice: 'Helsinki' };
const NEW_ADDRESS = { street: 'Uusitie 2', postalCode: '00200', postOffice: 'Helsinki' };
const DVV = { kind: 'population_register', reference: 'DVV-2026-77' };

type Problem = { errors?: { field: string; code?: string }[] };
const refusedFields = (body: Problem) =>
  (body.errors ?? [])
    .filter((e) => e.code === 'address.populationRegisterOnly')
    .map((e) => e.field);

async function ok(
  testApp: TestApp,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
) {
  const response = await callAs(testApp, cookie, method, url, payload);
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** A person the register officer registered on DVV's word with a protected address. */
async function protectedPerson(testApp: TestApp, officer: string): Promise<string> {
  const created = await ok(testApp, officer, 'POST', '/api/persons', {
    firstName: 'Suojattu',
    lastName: 'Henkilö',
    permanentAddress: ADDRESS,
    addressProtection: { active: true, source: 'DVV' },
    source: DVV,
  });
  return created.id as string;
}

forEachEngine('protected addresses stay protected', ({ ctx }) => {
  test('a protection is registered only on the population register’s word, by the register officer', async () => {
    const officer = await ctx().signIn('register_officer');
    const clerk = await ctx().signIn('customer_service');
    const posti = await insertTestPartner(ctx().database, { name: 'Posti Oy', roles: ['source'] });
    const body = {
      firstName: 'Uusi',
      lastName: 'Suojattu',
      permanentAddress: ADDRESS,
      addressProtection: { active: true, source: 'DVV' },
    };
    for (const [cookie, source] of [
      [officer, undefined],
      [officer, { kind: 'staff' }],
      [officer, { kind: 'update_service', reference: 'POSTI-1' }],
      [officer, { kind: 'partner', partnerId: posti }],
      [officer, { kind: 'data_subject' }],
      [clerk, DVV],
    ] as const) {
      const refused = await callAs(ctx(), cookie, 'POST', '/api/persons', {
        ...body,
        ...(source ? { source } : {}),
      });
      assert.equal(refused.statusCode, 403, `${JSON.stringify(source)}: ${refused.body}`);
      assert.match(refused.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.deepEqual(refusedFields(refused.json()), ['addressProtection']);
    }
    const registered = await callAs(ctx(), officer, 'POST', '/api/persons', {
      ...body,
      source: DVV,
    });
    assert.equal(registered.statusCode, 201, registered.body);
    assert.equal(registered.json().addressProtected, true);
    // Registering without a protection sets nothing: any source may.
    const plain = await callAs(ctx(), clerk, 'POST', '/api/persons', {
      firstName: 'Tavallinen',
      lastName: 'Henkilö',
      permanentAddress: ADDRESS,
      addressProtection: null,
    });
    assert.equal(plain.statusCode, 201, plain.body);
  });

  test('a protected person’s address and protection change only on the population register’s word', async () => {
    const officer = await ctx().signIn('register_officer');
    const id = await protectedPerson(ctx(), officer);
    const posti = await insertTestPartner(ctx().database, { name: 'Posti Oy', roles: ['source'] });
    for (const source of [
      undefined,
      { kind: 'update_service', reference: 'POSTI-2' },
      { kind: 'partner', partnerId: posti },
      { kind: 'data_subject' },
    ]) {
      for (const [field, payload] of [
        ['permanentAddress', { permanentAddress: NEW_ADDRESS }],
        ['permanentAddress', { permanentAddress: null }],
        ['contactAddress', { contactAddress: NEW_ADDRESS }],
        ['addressProtection', { addressProtection: { active: false } }],
        ['addressProtection', { addressProtection: null }],
        ['addressProtection', { addressProtection: { active: true, endsOn: '2027-01-31' } }],
      ] as const) {
        const refused = await callAs(ctx(), officer, 'PATCH', `/api/persons/${id}`, {
          ...payload,
          ...(source ? { source } : {}),
        });
        const what = `${JSON.stringify(payload)} from ${JSON.stringify(source)}`;
        assert.equal(refused.statusCode, 403, `${what}: ${refused.body}`);
        assert.deepEqual(refusedFields(refused.json()), [field], what);
      }
    }
    const unchanged = await ok(ctx(), officer, 'GET', `/api/persons/${id}`);
    assert.equal(unchanged.permanentAddress.street, ADDRESS.street);
    assert.equal(unchanged.addressProtected, true);

    // The other fields stay editable by anyone who may edit them.
    await ok(ctx(), officer, 'PATCH', `/api/persons/${id}`, { email: 'suojattu@example.fi' });
    // DVV's word moves the address, then lifts the protection.
    await ok(ctx(), officer, 'PATCH', `/api/persons/${id}`, {
      permanentAddress: NEW_ADDRESS,
      source: DVV,
    });
    await ok(ctx(), officer, 'PATCH', `/api/persons/${id}`, {
      addressProtection: null,
      source: DVV,
    });
    const lifted = await ok(ctx(), officer, 'GET', `/api/persons/${id}`);
    assert.equal(lifted.addressProtected, false);
    assert.equal(lifted.permanentAddress.street, NEW_ADDRESS.street);
    // Without a protection the address is an ordinary value again.
    await ok(ctx(), officer, 'PATCH', `/api/persons/${id}`, { contactAddress: ADDRESS });
  });

  test('an unprotected person gets a protection only on the population register’s word', async () => {
    const officer = await ctx().signIn('register_officer');
    const clerk = await ctx().signIn('customer_service');
    const { id } = await ok(ctx(), clerk, 'POST', '/api/persons', {
      firstName: 'Vielä',
      lastName: 'Suojaamaton',
      permanentAddress: ADDRESS,
    });
    for (const [cookie, source] of [
      [officer, { kind: 'update_service' }],
      [officer, undefined],
      [clerk, DVV],
    ] as const) {
      const refused = await callAs(ctx(), cookie, 'PATCH', `/api/persons/${id}`, {
        addressProtection: { active: true },
        ...(source ? { source } : {}),
      });
      assert.equal(refused.statusCode, 403, refused.body);
      assert.deepEqual(refusedFields(refused.json()), ['addressProtection']);
    }
    await ok(ctx(), officer, 'PATCH', `/api/persons/${id}`, {
      addressProtection: { active: true },
      source: DVV,
    });
    const page = await ok(ctx(), officer, 'GET', `/api/persons/${id}`);
    assert.equal(page.addressProtected, true);
  });

  test('rectification on the person’s request cannot write the protection or a protected address', async () => {
    const officer = await ctx().signIn('register_officer');
    const id = await protectedPerson(ctx(), officer);
    const request = await ok(ctx(), officer, 'POST', '/api/requests', {
      type: 'rectification',
      personId: id,
      receivedOn: '2026-11-25',
      channel: 'letter',
      language: 'fi',
    });
    const url = `/api/requests/${request.id}`;
    await ok(ctx(), officer, 'POST', `${url}/identity`, {
      method: 'signed_letter',
      verifiedOn: '2026-11-25',
    });
    await ok(ctx(), officer, 'POST', `${url}/start`, {});
    const items: Record<string, string> = {};
    for (const [field, value] of [
      ['permanentAddress', NEW_ADDRESS],
      ['addressProtection', null],
      ['email', 'oikea@example.fi'],
    ] as const) {
      const view = await ok(ctx(), officer, 'POST', `${url}/rectification-items`, {
        field,
        value,
        grounds: 'Pyydän korjaamaan',
      });
      items[field] = view.items.find((i: { field: string }) => i.field === field).id;
    }
    for (const field of ['permanentAddress', 'addressProtection']) {
      const refused = await callAs(
        ctx(),
        officer,
        'POST',
        `${url}/rectification-items/${items[field]}/decision`,
        { decision: 'granted' },
      );
      assert.equal(refused.statusCode, 403, refused.body);
      assert.deepEqual(refusedFields(refused.json()), [field]);
    }
    await ok(ctx(), officer, 'POST', `${url}/rectification-items/${items.email}/decision`, {
      decision: 'granted',
    });
    for (const field of ['permanentAddress', 'addressProtection']) {
      await ok(ctx(), officer, 'POST', `${url}/rectification-items/${items[field]}/decision`, {
        decision: 'refused',
        reason: 'Turvakielto ja osoite korjataan väestötietojärjestelmässä (DVV).',
      });
    }
    await ok(ctx(), officer, 'POST', `${url}/rectification/apply`, {});
    const page = await ok(ctx(), officer, 'GET', `/api/persons/${id}`);
    assert.equal(page.email, 'oikea@example.fi');
    assert.equal(page.permanentAddress.street, ADDRESS.street);
    assert.equal(page.addressProtected, true);
  });

  test('a correction granted before the protection began is refused when applied', async () => {
    const officer = await ctx().signIn('register_officer');
    const { id } = await ok(ctx(), officer, 'POST', '/api/persons', {
      firstName: 'Myöhemmin',
      lastName: 'Suojattu',
      permanentAddress: ADDRESS,
    });
    const request = await ok(ctx(), officer, 'POST', '/api/requests', {
      type: 'rectification',
      personId: id,
      receivedOn: '2026-11-25',
      channel: 'letter',
      language: 'fi',
    });
    const url = `/api/requests/${request.id}`;
    await ok(ctx(), officer, 'POST', `${url}/identity`, {
      method: 'signed_letter',
      verifiedOn: '2026-11-25',
    });
    await ok(ctx(), officer, 'POST', `${url}/start`, {});
    const view = await ok(ctx(), officer, 'POST', `${url}/rectification-items`, {
      field: 'contactAddress',
      value: NEW_ADDRESS,
      grounds: 'Muutin',
    });
    await ok(ctx(), officer, 'POST', `${url}/rectification-items/${view.items[0].id}/decision`, {
      decision: 'granted',
    });
    await ok(ctx(), officer, 'PATCH', `/api/persons/${id}`, {
      addressProtection: { active: true },
      source: DVV,
    });
    const refused = await callAs(ctx(), officer, 'POST', `${url}/rectification/apply`, {});
    assert.equal(refused.statusCode, 403, refused.body);
    assert.deepEqual(refusedFields(refused.json()), ['contactAddress']);
    const page = await ok(ctx(), officer, 'GET', `/api/persons/${id}`);
    assert.equal(page.contactAddress, null);
  });
});
