import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { callAs, forEachEngine, type TestApp } from '../helpers/app.ts';

/**
 * The one text policy (decision 0020) at the API: odd text, ids in upper case, impossible dates,
 * huge amounts and unknown countries sent to endpoints of several modules get a 400 naming the
 * field and its code — or are stored in their canonical form — and never a 5xx.
 */

type Problem = { status: number; errors?: { field: string; code?: string }[] };

function assertRefused(response: LightMyRequestResponse, field: string, code: string) {
  assert.equal(response.statusCode, 400, response.body);
  const problem = response.json() as Problem;
  assert.ok(
    (problem.errors ?? []).some((e) => e.field === field && e.code === code),
    `expected ${field}: ${code}, got ${JSON.stringify(problem.errors)}`,
  );
}

async function createPerson(testApp: TestApp, cookie: string, body: Record<string, unknown> = {}) {
  return callAs(testApp, cookie, 'POST', '/api/persons', {
    firstName: 'Anna',
    lastName: 'Korhonen',
    ...body,
  });
}

forEachEngine('the text policy at the API', ({ ctx }) => {
  test('odd text in a name is refused with the field and the code', async () => {
    const cookie = await ctx().signIn('register_officer');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ firstName: 'An\u0000na' }, 'firstName', 'text.control'],
      [{ firstName: 'Anna\nMaria' }, 'firstName', 'text.control'],
      [{ lastName: 'Korhonen\ud800' }, 'lastName', 'text.surrogate'],
      [{ lastName: 'Korhonen\u202enenohrok' }, 'lastName', 'text.bidi'],
      [{ firstName: '   ' }, 'firstName', 'text.invisible'],
      [{ firstName: '\u200b\u200c\u200d' }, 'firstName', 'text.invisible'],
      [{ notes: 'a\u0007b' }, 'notes', 'text.control'],
      [
        {
          permanentAddress: {
            street: 'Tie 1',
            postalCode: '73900',
            postOffice: 'Rautavaara',
            country: 'XX',
          },
        },
        'permanentAddress.country',
        'country.unknown',
      ],
    ];
    for (const [body, field, code] of cases) {
      assertRefused(await createPerson(ctx(), cookie, body), field, code);
    }
  });

  test('NFD text is stored NFC; a multi-line field keeps its lines; a country any case', async () => {
    const cookie = await ctx().signIn('register_officer');
    const created = await createPerson(ctx(), cookie, {
      firstName: ' Väinö '.normalize('NFD'),
      lastName: 'Ääri'.normalize('NFD'),
      notes: 'Ensimmäinen rivi\r\nToinen\trivi'.normalize('NFD'),
      permanentAddress: {
        street: 'Tie 1',
        postalCode: '12100',
        postOffice: 'Tukholma',
        country: 'se',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const read = await callAs(ctx(), cookie, 'GET', `/api/persons/${created.json().id}`);
    const person = read.json();
    assert.equal(person.firstName, 'Väinö'.normalize('NFC'));
    assert.equal(person.firstName.length, 5);
    assert.equal(person.lastName, 'Ääri'.normalize('NFC'));
    assert.equal(person.notes, 'Ensimmäinen rivi\nToinen\trivi'.normalize('NFC'));
    assert.equal(person.permanentAddress.country, 'SE');
  });

  test('an id in upper case is the same id, in the path, the query and the body', async () => {
    const cookie = await ctx().signIn('register_officer');
    const created = await createPerson(ctx(), cookie);
    const id: string = created.json().id;
    const upper = id.toUpperCase();
    const read = await callAs(ctx(), cookie, 'GET', `/api/persons/${upper}`);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().id, id);
    const log = await callAs(ctx(), cookie, 'GET', `/api/access-log?subjectId=${upper}`);
    assert.equal(log.statusCode, 200, log.body);
    assert.ok(log.json().items.length > 0);
    const request = await callAs(ctx(), cookie, 'POST', '/api/requests', {
      type: 'access',
      personId: upper,
      receivedOn: '2026-01-02',
      channel: 'letter',
      language: 'fi',
    });
    assert.equal(request.statusCode, 201, request.body);
    assert.equal(request.json().person.id, id);
  });

  test('a date outside its range is refused: no year 0050', async () => {
    const cookie = await ctx().signIn('register_officer');
    const person = (await createPerson(ctx(), cookie)).json();
    const request = await callAs(ctx(), cookie, 'POST', '/api/requests', {
      type: 'access',
      personId: person.id,
      receivedOn: '0050-01-02',
      channel: 'letter',
      language: 'fi',
    });
    assertRefused(request, 'receivedOn', 'date.range');
    const log = await callAs(ctx(), cookie, 'GET', '/api/access-log?from=0050-01-01T00:00:00Z');
    assertRefused(log, 'querystring.from', 'date.range');
    const objection = await callAs(ctx(), cookie, 'POST', `/api/persons/${person.id}/objections`, {
      type: 'direct_marketing',
      objectedOn: '1850-01-01',
      source: 'email',
    });
    assertRefused(objection, 'objectedOn', 'date.range');
  });

  test('huge amounts are refused before any arithmetic; an unknown partner country too', async () => {
    const cookie = await ctx().signIn('billing');
    const service = {
      code: 'iso',
      nameFi: 'Iso',
      nameSv: 'Stor',
      nameEn: 'Big',
      unit: 'kpl',
      unitPrice: '1.00',
      vatRate: 25.5,
    };
    const admin = await ctx().signIn('admin');
    const priced = await callAs(ctx(), admin, 'POST', '/api/services', {
      ...service,
      unitPrice: '99999999999',
    });
    assertRefused(priced, 'unitPrice', 'price.range');
    const created = await callAs(ctx(), admin, 'POST', '/api/services', {
      ...service,
      unitPrice: '1000000.00',
    });
    assert.equal(created.statusCode, 201, created.body);
    const person = (await createPerson(ctx(), cookie)).json();
    const order = await callAs(ctx(), cookie, 'POST', '/api/orders', {
      personId: person.id,
      lines: [{ serviceId: created.json().id, quantity: '999999999' }],
    });
    assertRefused(order, 'lines.0.quantity', 'quantity.range');
    const biggest = await callAs(ctx(), cookie, 'POST', '/api/orders', {
      personId: person.id,
      lines: Array.from({ length: 200 }, () => ({
        serviceId: created.json().id,
        quantity: '100000',
      })),
    });
    assert.equal(biggest.statusCode, 201, biggest.body);
    assert.ok(Number.isSafeInteger(biggest.json().totals.grossCents));
    const partner = await callAs(ctx(), admin, 'POST', '/api/partners', {
      name: 'Kumppani Ab',
      businessId: '556677-8899',
      country: 'XX',
    });
    assertRefused(partner, 'country', 'country.unknown');
    const bidiPartner = await callAs(ctx(), admin, 'POST', '/api/partners', {
      name: 'Kumppani\u2066 Oy',
      businessId: '0201551-3',
      country: 'FI',
    });
    assertRefused(bidiPartner, 'name', 'text.bidi');
  });
});
