import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import fc from 'fast-check';
import { invoices } from '../../src/server/db/schema/index.ts';
import { ROLES, roleHas, type Permission } from '../../src/contract/auth/permissions.ts';
import { lineAmounts } from '../../src/contract/orders/money.ts';
import { ORDER_ACTIONS, type OrderAction } from '../../src/server/modules/orders/orders.service.ts';
import {
  accessLogEntries,
  forEachEngineAppPerTest,
  manualClock,
  type TestApp,
  callAs,
} from '../helpers/app.ts';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

const SETTINGS = {
  sellerName: 'Rautavaaran kunta',
  sellerBusinessId: '0201551-3',
  sellerAddress: { street: 'Kunnantie 1', postalCode: '73900', postOffice: 'Rautavaara' },
  iban: 'FI2112345600000785',
  bic: 'NDEAFIHH',
  accountingRetentionYears: 6,
};

type Problem = { errors?: { field: string; code?: string }[]; status?: string };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

let invoiceNumber = 5000;
/** The invoices module makes these; here a bare row that names the order is enough. */
async function invoiceOrder(testApp: TestApp, orderId: string, personId: string) {
  const number = invoiceNumber++;
  await testApp.database.db.insert(invoices).values({
    number,
    orderId,
    personId,
    reference: String(number),
    rfReference: `RF00${number}`,
    invoiceDate: '2026-11-25',
    dueDate: '2026-12-09',
    netCents: 0,
    vatCents: 0,
    totalCents: 0,
    recipient: {
      name: 'Testi',
      businessId: null,
      address: null,
      addressProtected: false,
      language: 'fi',
      eInvoiceAddress: null,
      eInvoiceIntermediator: null,
    },
    delivery: 'paper',
    createdAt: clock.now(),
  });
}

forEachEngineAppPerTest(
  'orders',
  ({ ctx }) => {
    let admin: string;
    let clerk: string;
    const services: Record<string, string> = {};
    const customers: Record<string, string> = {};

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      payload?: object,
    ) => callAs(ctx(), cookie, method, url, payload);
    const order = async (payload: object) => {
      const response = await call(clerk, 'POST', '/api/orders', payload);
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };
    const act = (id: string, action: string, payload: object = {}) =>
      call(clerk, 'POST', `/api/orders/${id}/${action}`, payload);
    const line = (service: string, quantity: string | number, description?: string) => ({
      serviceId: services[service],
      quantity,
      ...(description ? { description } : {}),
    });

    /** The billing settings, which archiving needs; one test shows what happens without them. */
    const putSettings = async () => {
      const settings = await call(admin, 'PUT', '/api/billing/settings', SETTINGS);
      assert.equal(settings.statusCode, 200, settings.body);
    };

    // Each test's own app: a catalogue, persons in Finnish and Swedish, an organisation and its
    // representative. Tests change prices and settings, which the others must not see.
    beforeEach(async () => {
      admin = await ctx().signIn('admin');
      clerk = await ctx().signIn('customer_service');
      const catalogue = [
        ['kotihoito', 'Kotihoito', 'Hemvård', 'Home care', 'h', '33.33', 25.5],
        ['ateria', 'Ateria', 'Måltid', 'Meal', 'kpl', '7.90', 14],
        ['kuljetus', 'Kuljetus', 'Transport', 'Transport', 'krt', 12, 13.5],
        ['vanha', 'Vanha palvelu', 'Gammal tjänst', 'Old service', 'kpl', 5, 25.5],
      ] as const;
      for (const [code, nameFi, nameSv, nameEn, unit, unitPrice, vatRate] of catalogue) {
        const response = await call(admin, 'POST', '/api/services', {
          code,
          nameFi,
          nameSv,
          nameEn,
          unit,
          unitPrice,
          vatRate,
        });
        assert.equal(response.statusCode, 201, response.body);
        services[code] = response.json().id;
      }
      await call(admin, 'PATCH', `/api/services/${services.vanha}`, { active: false });
      const create = async (url: string, payload: object) => {
        const response = await call(clerk, 'POST', url, payload);
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as string;
      };
      customers.organization = await create('/api/organizations', { name: 'Tilaaja Oy' });
      customers.aino = await create('/api/persons', { firstName: 'Aino', lastName: 'Asiakas' });
      customers.sven = await create('/api/persons', {
        firstName: 'Sven',
        lastName: 'Kund',
        language: 'sv',
      });
      customers.olli = await create('/api/persons', {
        firstName: 'Olli',
        lastName: 'Edustaja',
        organizations: [{ organizationId: customers.organization, title: 'Toimitusjohtaja' }],
      });
      customers.archived = await create('/api/persons', {
        firstName: 'Arkistoitu',
        lastName: 'Henkilö',
      });
      const officer = await ctx().signIn('register_officer');
      const archived = await ctx().app.inject({
        method: 'DELETE',
        url: `/api/persons/${customers.archived}`,
        headers: { cookie: officer },
      });
      assert.equal(archived.statusCode, 204);
    });

    test('archiving needs the retention period of the billing settings: 409 until they are set', async () => {
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      assert.equal((await act(draft.id, 'cancel')).statusCode, 200);
      const refused = await act(draft.id, 'archive');
      assert.equal(refused.statusCode, 409, refused.body);
      assert.deepEqual(fieldsOf(refused.json()), [['billingSettings', 'billing.settingsMissing']]);
      assert.equal((await call(clerk, 'GET', `/api/orders/${draft.id}`)).json().archivedAt, null);

      const settings = await call(admin, 'PUT', '/api/billing/settings', SETTINGS);
      assert.equal(settings.statusCode, 200, settings.body);
      const archived = await act(draft.id, 'archive');
      assert.equal(archived.statusCode, 200, archived.body);
      assert.equal(archived.json().retainUntil, '2032-12-31', 'cancelled in 2026, kept 6 years');
    });

    test("a draft copies unit, price and VAT from the catalogue and names the lines in the customer's language", async () => {
      const draft = await order({
        personId: customers.sven,
        lines: [line('kotihoito', '2.5'), line('ateria', 3, 'Lounas kotiin'), line('kuljetus', 1)],
        notes: 'Ovikoodi 1234',
      });
      assert.equal(draft.status, 'draft');
      assert.equal(typeof draft.number, 'number');
      assert.deepEqual(draft.customer, { kind: 'person', id: customers.sven, name: 'Sven Kund' });
      assert.equal(draft.notes, 'Ovikoodi 1234');
      assert.equal(draft.invoiced, false);
      assert.deepEqual(
        draft.lines.map((l: Record<string, unknown>) => [
          l.position,
          l.description,
          l.quantity,
          l.unit,
          l.unitPrice,
          l.unitPriceCents,
          l.vatRate,
          l.vatRateBasisPoints,
          l.netCents,
          l.vatCents,
          l.grossCents,
        ]),
        [
          [0, 'Hemvård', '2.5', 'h', '33.33', 3333, 25.5, 2550, 8333, 2125, 10458],
          [1, 'Lounas kotiin', '3', 'kpl', '7.90', 790, 14, 1400, 2370, 332, 2702],
          [2, 'Transport', '1', 'krt', '12.00', 1200, 13.5, 1350, 1200, 162, 1362],
        ],
      );
      assert.deepEqual(draft.totals, { netCents: 11903, vatCents: 2619, grossCents: 14522 });
      const read = await call(clerk, 'GET', `/api/orders/${draft.id}`);
      assert.deepEqual(read.json(), draft);

      const company = await order({
        organizationId: customers.organization,
        lines: [line('kotihoito', 1)],
      });
      assert.deepEqual(company.customer, {
        kind: 'organization',
        id: customers.organization,
        name: 'Tilaaja Oy',
      });
      assert.equal(company.lines[0].description, 'Kotihoito', 'an organisation in Finnish');
    });

    test('a bad order names the field and stores nothing', async () => {
      const before = (await call(clerk, 'GET', `/api/persons/${customers.aino}/orders`)).json();
      const cases: [object, number, string, string][] = [
        [
          { personId: customers.aino, organizationId: customers.organization },
          400,
          'organizationId',
          'order.oneCustomer',
        ],
        [{}, 400, 'personId', 'order.oneCustomer'],
        [{ personId: UNKNOWN_ID }, 404, 'personId', 'order.unknownCustomer'],
        [{ organizationId: UNKNOWN_ID }, 404, 'organizationId', 'order.unknownCustomer'],
        [{ personId: customers.archived }, 409, 'personId', 'order.customerArchived'],
        [
          { personId: customers.aino, lines: [line('ateria', 1), line('vanha', 1)] },
          400,
          'lines.1.serviceId',
          'order.inactiveService',
        ],
        [
          { personId: customers.aino, lines: [{ serviceId: UNKNOWN_ID, quantity: 1 }] },
          400,
          'lines.0.serviceId',
          'order.unknownService',
        ],
        [
          { personId: customers.aino, lines: [line('ateria', 0)] },
          400,
          'lines.0.quantity',
          'quantity.range',
        ],
        [
          { personId: customers.aino, lines: [line('ateria', '1.2345')] },
          400,
          'lines.0.quantity',
          'quantity.decimals',
        ],
        [
          { personId: customers.aino, lines: [line('ateria', -1)] },
          400,
          'lines.0.quantity',
          'quantity.format',
        ],
        [{ personId: customers.aino, lines: [] }, 400, 'lines', 'too_small'],
      ];
      for (const [payload, status, field, code] of cases) {
        const response = await call(clerk, 'POST', '/api/orders', {
          lines: [line('ateria', 1)],
          ...payload,
        });
        assert.equal(response.statusCode, status, `${JSON.stringify(payload)}: ${response.body}`);
        assert.deepEqual(fieldsOf(response.json())[0], [field, code], JSON.stringify(payload));
      }
      const after = (await call(clerk, 'GET', `/api/persons/${customers.aino}/orders`)).json();
      assert.deepEqual(after, before);
    });

    test("a draft's lines and notes change; a service keeps the price it came with, a new one brings today's", async () => {
      const draft = await order({
        personId: customers.aino,
        lines: [line('kotihoito', 1)],
        notes: 'Ensimmäinen',
      });
      await call(admin, 'PATCH', `/api/services/${services.kotihoito}`, { unitPrice: '40' });
      await call(admin, 'PATCH', `/api/services/${services.ateria}`, { unitPrice: '8.20' });
      const patched = await call(clerk, 'PATCH', `/api/orders/${draft.id}`, {
        lines: [line('ateria', 2), line('kotihoito', '1.5', 'Iltakäynti')],
        notes: null,
      });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.deepEqual(
        patched
          .json()
          .lines.map((l: Record<string, unknown>) => [l.description, l.quantity, l.unitPriceCents]),
        [
          ['Ateria', '2', 820],
          ['Iltakäynti', '1.5', 3333],
        ],
      );
      assert.equal(patched.json().notes, null);

      await call(admin, 'PATCH', `/api/services/${services.kotihoito}`, { active: false });
      const kept = await call(clerk, 'PATCH', `/api/orders/${draft.id}`, {
        lines: [line('kotihoito', 2)],
      });
      assert.equal(kept.statusCode, 200, 'a deactivated service stays on the order it is on');
      assert.equal(kept.json().lines[0].unitPriceCents, 3333);
      const refused = await call(clerk, 'POST', '/api/orders', {
        personId: customers.aino,
        lines: [line('kotihoito', 1)],
      });
      assert.deepEqual(fieldsOf(refused.json()), [['lines.0.serviceId', 'order.inactiveService']]);
      await call(admin, 'PATCH', `/api/services/${services.kotihoito}`, {
        active: true,
        unitPrice: '33.33',
      });
      await call(admin, 'PATCH', `/api/services/${services.ateria}`, { unitPrice: '7.90' });

      const history = (await call(clerk, 'GET', `/api/orders/${draft.id}/history`)).json().items;
      const eventsBefore = history.length;
      const same = await call(clerk, 'PATCH', `/api/orders/${draft.id}`, {
        lines: [line('kotihoito', '2.000')],
        notes: '',
      });
      assert.equal(same.statusCode, 200);
      const after = (await call(clerk, 'GET', `/api/orders/${draft.id}/history`)).json().items;
      assert.equal(after.length, eventsBefore, 'a change that changes nothing is not an event');
    });

    test('the life of an order: confirm, deliver, archive once invoiced; read-only after', async () => {
      await putSettings();
      const draft = await order({ personId: customers.aino, lines: [line('kotihoito', 2)] });
      const confirmed = await act(draft.id, 'confirm');
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(confirmed.json().status, 'confirmed');

      const future = await act(draft.id, 'deliver', { deliveredOn: '2026-11-26' });
      assert.equal(future.statusCode, 400);
      assert.deepEqual(fieldsOf(future.json()), [['deliveredOn', 'order.deliveredInFuture']]);
      const badDate = await act(draft.id, 'deliver', { deliveredOn: '2026-02-30' });
      assert.equal(badDate.statusCode, 400);
      const delivered = await act(draft.id, 'deliver', { deliveredOn: '2026-11-24' });
      assert.equal(delivered.statusCode, 200, delivered.body);
      assert.equal(delivered.json().status, 'delivered');
      assert.equal(delivered.json().deliveredOn, '2026-11-24');

      const early = await act(draft.id, 'archive');
      assert.equal(early.statusCode, 409);
      assert.deepEqual(fieldsOf(early.json()), [['status', 'order.notInvoiced']]);

      await invoiceOrder(ctx(), draft.id, customers.aino!);
      const invoiced = await call(clerk, 'GET', `/api/orders/${draft.id}`);
      assert.equal(invoiced.json().invoiced, true);
      const archived = await act(draft.id, 'archive');
      assert.equal(archived.statusCode, 200, archived.body);
      assert.equal(archived.json().archivedAt, clock.now().toISOString());
      assert.equal(archived.json().retainUntil, '2032-12-31');
      assert.equal(archived.json().status, 'delivered');

      const attempts = [
        call(clerk, 'PATCH', `/api/orders/${draft.id}`, { notes: 'Myöhässä' }),
        act(draft.id, 'confirm'),
        act(draft.id, 'deliver', { deliveredOn: '2026-11-25' }),
        act(draft.id, 'cancel'),
        act(draft.id, 'archive'),
      ];
      for (const response of await Promise.all(attempts)) {
        assert.equal(response.statusCode, 409, response.body);
        assert.deepEqual(fieldsOf(response.json()), [['status', 'order.archived']]);
      }
      const read = await call(clerk, 'GET', `/api/orders/${draft.id}`);
      assert.deepEqual(read.json(), archived.json(), 'nothing changed');
    });

    test('the retention period runs from the end of the year of delivery', async () => {
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      await act(draft.id, 'confirm');
      await act(draft.id, 'deliver', { deliveredOn: '2025-12-31' });
      await invoiceOrder(ctx(), draft.id, customers.aino!);
      await call(admin, 'PUT', '/api/billing/settings', {
        ...SETTINGS,
        accountingRetentionYears: 10,
      });
      const archived = await act(draft.id, 'archive');
      assert.equal(archived.json().retainUntil, '2035-12-31');
      await call(admin, 'PUT', '/api/billing/settings', SETTINGS);
    });

    test('every transition the table does not allow is refused with 409 naming the current status', async () => {
      await putSettings();
      const inStatus = async (status: string) => {
        const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
        if (status === 'cancelled') await act(draft.id, 'cancel');
        if (status === 'confirmed' || status === 'delivered') await act(draft.id, 'confirm');
        if (status === 'delivered') await act(draft.id, 'deliver', { deliveredOn: '2026-11-25' });
        return draft.id as string;
      };
      const attempt: Record<OrderAction, (id: string) => ReturnType<typeof call>> = {
        update: (id) => call(clerk, 'PATCH', `/api/orders/${id}`, { notes: 'Muutos' }),
        confirm: (id) => act(id, 'confirm'),
        deliver: (id) => act(id, 'deliver', { deliveredOn: '2026-11-25' }),
        cancel: (id) => act(id, 'cancel'),
        archive: (id) => act(id, 'archive'),
      };
      let refused = 0;
      for (const status of ['draft', 'confirmed', 'delivered', 'cancelled'] as const) {
        const id = await inStatus(status);
        for (const [action, rule] of Object.entries(ORDER_ACTIONS) as [
          OrderAction,
          (typeof ORDER_ACTIONS)[OrderAction],
        ][]) {
          if ((rule.from as readonly string[]).includes(status)) continue;
          const response = await attempt[action](id);
          const label = `${action} of a ${status} order`;
          assert.equal(response.statusCode, 409, `${label}: ${response.body}`);
          assert.deepEqual(fieldsOf(response.json()), [['status', 'order.wrongStatus']], label);
          assert.equal(response.json().currentStatus, status, label);
          assert.match(response.json().detail, new RegExp(`The order is ${status}`), label);
          refused++;
        }
        const unchanged = await call(clerk, 'GET', `/api/orders/${id}`);
        assert.equal(unchanged.json().status, status);
      }
      assert.equal(refused, 13);
      const missing = await act(UNKNOWN_ID, 'confirm');
      assert.equal(missing.statusCode, 404);
    });

    test('two changes of one order at once: one wins, the other sees its result', async () => {
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      const [confirmed, cancelled] = await Promise.all([
        act(draft.id, 'confirm'),
        act(draft.id, 'cancel'),
      ]);
      const statuses = [confirmed.statusCode, cancelled.statusCode].sort();
      // Cancel after confirm is allowed; confirm after cancel is not.
      if (statuses[0] === 200 && statuses[1] === 200) {
        assert.equal(cancelled.json().status, 'cancelled');
      } else {
        assert.deepEqual(statuses, [200, 409]);
        assert.equal(confirmed.statusCode, 409);
        assert.equal(confirmed.json().currentStatus, 'cancelled');
      }
      const history = (await call(clerk, 'GET', `/api/orders/${draft.id}/history`)).json().items;
      const final = (await call(clerk, 'GET', `/api/orders/${draft.id}`)).json();
      assert.equal(final.status, 'cancelled');
      assert.deepEqual(
        history.map((e: { changes: { status?: { old: string } } }) => e.changes.status?.old),
        [null, ...history.slice(1).map((_: unknown, i: number) => history[i].changes.status.new)],
        'each event starts from the status the one before left',
      );
    });

    test('cancelling: a draft and a confirmed order; the customer keeps seeing them', async () => {
      await putSettings();
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      const cancelledDraft = await act(draft.id, 'cancel');
      assert.equal(cancelledDraft.json().status, 'cancelled');
      const confirmed = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      await act(confirmed.id, 'confirm');
      const cancelled = await act(confirmed.id, 'cancel');
      assert.equal(cancelled.statusCode, 200);
      assert.equal(cancelled.json().status, 'cancelled');
      const archived = await act(confirmed.id, 'archive');
      assert.equal(archived.statusCode, 200, 'a cancelled order needs no invoice');
    });

    test('the history shows who did what and what changed, oldest first', async () => {
      const draft = await order({
        personId: customers.aino,
        lines: [line('ateria', 1)],
        notes: 'Alku',
      });
      await call(clerk, 'PATCH', `/api/orders/${draft.id}`, { notes: 'Muutettu' });
      await act(draft.id, 'confirm');
      await act(draft.id, 'deliver', { deliveredOn: '2026-11-20' });
      const history = await call(clerk, 'GET', `/api/orders/${draft.id}/history`);
      assert.equal(history.statusCode, 200, history.body);
      const items = history.json().items;
      assert.deepEqual(
        items.map((e: { action: string }) => e.action),
        ['create', 'update', 'confirm', 'deliver'],
      );
      const me = (await call(clerk, 'GET', '/api/auth/me')).json();
      assert.ok(items.every((e: { userId: string }) => e.userId === me.id));
      assert.ok(items.every((e: { username: string }) => e.username === me.username));
      assert.ok(items.every((e: { fullName: string | null }) => e.fullName === me.fullName));
      assert.deepEqual(items[0].changes.status, { old: null, new: 'draft' });
      assert.equal(items[0].changes.lines.new[0].unitPriceCents, 790);
      assert.deepEqual(items[1].changes, { notes: { old: 'Alku', new: 'Muutettu' } });
      assert.deepEqual(items[2].changes, { status: { old: 'draft', new: 'confirmed' } });
      assert.deepEqual(items[3].changes, {
        status: { old: 'confirmed', new: 'delivered' },
        deliveredOn: { old: null, new: '2026-11-20' },
      });
      const unknown = await call(clerk, 'GET', `/api/orders/${UNKNOWN_ID}/history`);
      assert.equal(unknown.statusCode, 404);
    });

    test("a customer's page lists their orders newest first, paged with a cursor", async () => {
      await order({ organizationId: customers.organization, lines: [line('kuljetus', 1)] });
      const person = (
        await call(clerk, 'POST', '/api/persons', { firstName: 'Sivu', lastName: 'Tettava' })
      ).json().id as string;
      const ids: string[] = [];
      for (let i = 1; i <= 5; i++) {
        clock.advance(1000);
        ids.push((await order({ personId: person, lines: [line('ateria', i)] })).id);
      }
      await act(ids[1]!, 'cancel');
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
        const page = await call(clerk, 'GET', `/api/persons/${person}/orders?${query}`);
        assert.equal(page.statusCode, 200, page.body);
        seen.push(...page.json().items.map((o: { id: string }) => o.id));
        cursor = page.json().nextCursor;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, [...ids].reverse());
      const first = (await call(clerk, 'GET', `/api/persons/${person}/orders`)).json().items;
      assert.deepEqual(first[0], {
        id: ids[4],
        number: first[0].number,
        status: 'draft',
        deliveredOn: null,
        invoiced: false,
        totals: { netCents: 3950, vatCents: 553, grossCents: 4503 },
        createdAt: clock.now().toISOString(),
        archivedAt: null,
        lineCount: 1,
      });
      assert.equal(first[3].status, 'cancelled');

      const company = await call(
        clerk,
        'GET',
        `/api/organizations/${customers.organization}/orders`,
      );
      assert.equal(company.statusCode, 200);
      assert.equal(company.json().items.length, 1);
      const unknown = await call(clerk, 'GET', `/api/persons/${UNKNOWN_ID}/orders`);
      assert.equal(unknown.statusCode, 404);
      const unknownOrganization = await call(
        clerk,
        'GET',
        `/api/organizations/${UNKNOWN_ID}/orders`,
      );
      assert.equal(unknownOrganization.statusCode, 404);
      const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
      const bad = await call(clerk, 'GET', `/api/persons/${person}/orders?cursor=${forged}`);
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldsOf(bad.json()), [['cursor', 'cursor.invalid']]);
    });

    test("totals are the sums of the lines, each line's VAT rounded half away from zero (property)", async () => {
      let codes = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              priceCents: fc.integer({ min: 0, max: 500_000 }),
              vatBasisPoints: fc.constantFrom(0, 1000, 1350, 1400, 2400, 2550, 1, 9999),
              thousandths: fc.integer({ min: 1, max: 99_999 }),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          async (lines) => {
            const payloadLines = [];
            for (const l of lines) {
              const created = await call(admin, 'POST', '/api/services', {
                code: `prop-${codes++}`,
                nameFi: 'Ominaisuus',
                nameSv: 'Egenskap',
                nameEn: 'Property',
                unit: 'kpl',
                unitPrice: (l.priceCents / 100).toFixed(2),
                vatRate: (l.vatBasisPoints / 100).toFixed(2),
              });
              assert.equal(created.statusCode, 201, created.body);
              payloadLines.push({
                serviceId: created.json().id,
                quantity: (l.thousandths / 1000).toFixed(3),
              });
            }
            const created = await order({ personId: customers.aino, lines: payloadLines });
            const sum = (key: string) =>
              created.lines.reduce(
                (total: number, l: Record<string, number>) => total + l[key]!,
                0,
              );
            assert.deepEqual(created.totals, {
              netCents: sum('netCents'),
              vatCents: sum('vatCents'),
              grossCents: sum('grossCents'),
            });
            lines.forEach((l, i) => {
              const shown = created.lines[i];
              const exactNet = BigInt(l.thousandths) * BigInt(l.priceCents); // thousandths of a cent
              const netError = BigInt(shown.netCents) * 1000n - exactNet;
              assert.ok(netError > -500n && netError <= 500n, 'net: to the nearest, a half up');
              const exactVat = BigInt(shown.netCents) * BigInt(l.vatBasisPoints);
              const vatError = BigInt(shown.vatCents) * 10_000n - exactVat;
              assert.ok(vatError > -5000n && vatError <= 5000n, 'VAT: to the nearest, a half up');
              assert.equal(shown.grossCents, shown.netCents + shown.vatCents);
              assert.deepEqual(
                lineAmounts(shown.quantity, shown.unitPriceCents, shown.vatRateBasisPoints),
                {
                  netCents: shown.netCents,
                  vatCents: shown.vatCents,
                  totalCents: shown.grossCents,
                },
              );
            });
          },
        ),
        { numRuns: 15 },
      );
    });

    test("every route logs the customer: a person's orders them, an organisation's its representatives", async () => {
      await putSettings();
      const person = customers.aino!;
      const representative = customers.olli!;
      const logged = async (
        request: () => ReturnType<typeof call>,
        action: string,
        subject: string,
      ) => {
        const before = (await accessLogEntries(ctx())).length;
        const response = await request();
        assert.ok(response.statusCode < 300, response.body);
        const added = (await accessLogEntries(ctx())).slice(before);
        assert.equal(added.length, 1, JSON.stringify(added));
        assert.equal(added[0]?.action, action);
        assert.deepEqual(added[0]?.subjectIds, [subject]);
        assert.deepEqual(added[0]?.fields, ['orders']);
        return { response, entry: added[0]! };
      };
      const routes = new Set<string>();
      const seen = (route: string) => routes.add(route);

      for (const [customer, subject] of [
        [{ personId: person }, person],
        [{ organizationId: customers.organization }, representative],
      ] as const) {
        const { response, entry } = await logged(
          () => call(clerk, 'POST', '/api/orders', { ...customer, lines: [line('ateria', 1)] }),
          'create',
          subject,
        );
        seen('POST /api/orders');
        const id = response.json().id as string;
        assert.deepEqual((entry.changes as { order: object }).order, {
          id,
          number: response.json().number,
          action: 'create',
        });
        await logged(() => call(clerk, 'GET', `/api/orders/${id}`), 'read', subject);
        seen('GET /api/orders/:id');
        const patched = await logged(
          () => call(clerk, 'PATCH', `/api/orders/${id}`, { notes: 'Lokiin' }),
          'update',
          subject,
        );
        assert.deepEqual(patched.entry.changes?.notes, { old: null, new: 'Lokiin' });
        seen('PATCH /api/orders/:id');
        await logged(() => act(id, 'confirm'), 'update', subject);
        seen('POST /api/orders/:id/confirm');
        await logged(() => act(id, 'deliver', { deliveredOn: '2026-11-25' }), 'update', subject);
        seen('POST /api/orders/:id/deliver');
        await invoiceOrder(ctx(), id, person);
        await logged(() => act(id, 'archive'), 'archive', subject);
        seen('POST /api/orders/:id/archive');
        await logged(() => call(clerk, 'GET', `/api/orders/${id}/history`), 'read', subject);
        seen('GET /api/orders/:id/history');
        const other = await order({ ...customer, lines: [line('ateria', 1)] });
        await logged(() => act(other.id, 'cancel'), 'update', subject);
        seen('POST /api/orders/:id/cancel');
      }
      await logged(() => call(clerk, 'GET', `/api/persons/${person}/orders`), 'read', person);
      seen('GET /api/persons/:id/orders');
      await logged(
        () => call(clerk, 'GET', `/api/organizations/${customers.organization}/orders`),
        'read',
        representative,
      );
      seen('GET /api/organizations/:id/orders');
      // The list across customers logs its page's customers, an organisation's representatives.
      const across = await logged(
        () => call(clerk, 'GET', '/api/orders?customer=Tilaaja%20Oy'),
        'read',
        representative,
      );
      assert.equal(across.response.statusCode, 200, across.response.body);
      seen('GET /api/orders');

      const before = (await accessLogEntries(ctx())).length;
      await call(clerk, 'GET', '/api/services');
      assert.equal(
        (await accessLogEntries(ctx())).length,
        before,
        'the catalogue is no one’s data',
      );
      seen('GET /api/services');

      const orderRoutes = ctx()
        .app.routeAccess.filter(
          ({ access }) => 'permission' in access && access.permission.startsWith('orders.'),
        )
        .map(({ method, url }) => `${method} ${url}`)
        .sort();
      assert.deepEqual(orderRoutes, [...routes].sort(), 'every orders route is covered here');
    });

    test("the data subject's report names orders in words, in each language", async () => {
      // Aino's order, from draft to delivery, read, changed and looked up: seven entries.
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      await call(clerk, 'GET', `/api/orders/${draft.id}`);
      await call(clerk, 'PATCH', `/api/orders/${draft.id}`, { notes: 'Raporttiin' });
      await act(draft.id, 'confirm');
      await act(draft.id, 'deliver', { deliveredOn: '2026-11-25' });
      await call(clerk, 'GET', `/api/orders/${draft.id}/history`);
      await call(clerk, 'GET', `/api/persons/${customers.aino}/orders`);
      const officer = await ctx().signIn('register_officer');
      const words = { fi: 'tilaukset', sv: 'beställningar', en: 'orders' };
      for (const [lang, word] of Object.entries(words)) {
        const report = await call(
          officer,
          'GET',
          `/api/access-log/subjects/${customers.aino}/report?lang=${lang}`,
        );
        assert.equal(report.statusCode, 200, report.body);
        const orderEntries = report
          .json()
          .entries.filter((e: { data: string[] }) => e.data.includes(word));
        assert.ok(orderEntries.length > 5, `${lang}: ${orderEntries.length} entries`);
      }
    });

    test('a refused change and a failed read leave no entry behind', async () => {
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      const before = (await accessLogEntries(ctx())).length;
      assert.equal((await act(draft.id, 'deliver', { deliveredOn: '2026-11-25' })).statusCode, 409);
      assert.equal((await call(clerk, 'GET', `/api/orders/${UNKNOWN_ID}`)).statusCode, 404);
      assert.equal((await accessLogEntries(ctx())).length, before);
    });

    test('roles without orders.read or orders.write get 403, and nothing is stored', async () => {
      const draft = await order({ personId: customers.aino, lines: [line('ateria', 1)] });
      const routes: [Permission, 'GET' | 'POST' | 'PATCH', string, object | undefined][] = [
        [
          'orders.write',
          'POST',
          '/api/orders',
          { personId: customers.aino, lines: [line('ateria', 1)] },
        ],
        ['orders.read', 'GET', `/api/orders/${draft.id}`, undefined],
        ['orders.write', 'PATCH', `/api/orders/${draft.id}`, { notes: 'Kielletty' }],
        ['orders.write', 'POST', `/api/orders/${draft.id}/confirm`, {}],
        ['orders.write', 'POST', `/api/orders/${draft.id}/deliver`, { deliveredOn: '2026-11-25' }],
        ['orders.write', 'POST', `/api/orders/${draft.id}/cancel`, {}],
        ['orders.write', 'POST', `/api/orders/${draft.id}/archive`, {}],
        ['orders.read', 'GET', `/api/orders/${draft.id}/history`, undefined],
        ['orders.read', 'GET', `/api/persons/${customers.aino}/orders`, undefined],
        ['orders.read', 'GET', `/api/organizations/${customers.organization}/orders`, undefined],
      ];
      const logBefore = (await accessLogEntries(ctx())).length;
      let refused = 0;
      for (const role of ROLES) {
        const cookie = await ctx().signIn(role);
        for (const [permission, method, url, payload] of routes) {
          if (roleHas(role, permission)) continue;
          const response = await call(cookie, method, url, payload);
          assert.equal(response.statusCode, 403, `${role} ${method} ${url}: ${response.body}`);
          assert.deepEqual(
            Object.keys(response.json()).sort(),
            ['detail', 'instance', 'status', 'title', 'type'],
            'a bare problem, no data',
          );
          refused++;
        }
      }
      // admin, social worker, auditor and contractor: everything; the register officer: writes.
      assert.equal(refused, 4 * routes.length + 6);
      assert.equal((await accessLogEntries(ctx())).length, logBefore);
      const unchanged = await call(clerk, 'GET', `/api/orders/${draft.id}`);
      assert.equal(unchanged.json().status, 'draft');
      assert.equal(unchanged.json().notes, null);
      const officer = await ctx().signIn('register_officer');
      const read = await call(officer, 'GET', `/api/orders/${draft.id}`);
      assert.equal(read.statusCode, 200, 'the register officer reads orders');
    });
  },
  { clock },
);
