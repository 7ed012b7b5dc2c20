import assert from 'node:assert/strict';
import { before, beforeEach, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { billingSettings, invoices, persons } from '../../src/server/db/schema/index.ts';
import { parseNationalReference } from '../../src/finnish/reference.ts';
import { parseRfReference, rfFromNational } from '../../src/finnish/rf-reference.ts';
import { lineAmounts } from '../../src/contract/orders/money.ts';
import { accessLogEntries, forEachEngine, json, manualClock } from '../helpers/app.ts';
import {
  ADDRESS,
  E_INVOICE_BILLING,
  insertBillingSettings,
  insertOrder,
  insertTestOrganization,
  insertTestPerson,
  pdftotext,
  scanBarcodes,
  SELLER,
  tarMember,
  tarMembers,
} from '../helpers/invoice-fixtures.ts';
import { assertMarked, pdfText } from '../helpers/report-files.ts';
import { MARKINGS } from '../../src/server/lib/pdf-pages.ts';

/** 2026-11-25 12:00 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));
const DAY = 86_400_000;

forEachEngine('invoices without the seller details', ({ ctx }) => {
  test('an invoice is refused with billing.settingsMissing', async () => {
    const billing = await ctx().signIn('billing');
    const person = await insertTestPerson(ctx().database);
    const order = await insertOrder(ctx().database, { personId: person });
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/invoices',
      headers: json(billing),
      payload: { orderId: order },
    });
    assert.equal(response.statusCode, 409, response.body);
    assert.equal(response.json().errors[0].code, 'billing.settingsMissing');
  });
});

// The seller's details are the suite's (the test of RF references puts them back as they were);
// each test makes its own persons and orders, and signs in billing of its own: a test that moves
// the clock ends the sessions idle since.
forEachEngine(
  'invoices',
  ({ ctx }) => {
    let billing = '';
    before(() => insertBillingSettings(ctx().database));
    beforeEach(async () => {
      billing = await ctx().signIn('billing');
    });
    const post = (url: string, payload: object, cookie = billing) =>
      ctx().app.inject({ method: 'POST', url, headers: json(cookie), payload });
    const get = (url: string, cookie = billing) => ctx().app.inject({ url, headers: { cookie } });
    const invoiceOrder = async (orderId: string, extra: object = {}) => {
      const response = await post('/api/invoices', { orderId, ...extra });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };

    test('a delivered order is invoiced: number, valid references, lines with VAT, totals, dates', async () => {
      const person = await insertTestPerson(ctx().database, { language: 'fi' });
      const lines = [
        {
          description: 'Kotihoidon käynti',
          quantity: '2.5',
          unitPriceCents: 4590,
          vatRateBasisPoints: 2550,
        },
        {
          description: 'Ateriapalvelu',
          quantity: '3',
          unitPriceCents: 899,
          vatRateBasisPoints: 1400,
        },
        { description: 'Kuljetus', quantity: '1', unitPriceCents: 1250, vatRateBasisPoints: 2550 },
      ];
      const order = await insertOrder(ctx().database, { personId: person }, { lines });
      const invoice = await invoiceOrder(order);

      assert.equal(invoice.kind, 'invoice');
      assert.equal(invoice.status, 'open');
      assert.equal(invoice.delivery, 'paper');
      assert.equal(invoice.orderId, order);
      assert.equal(invoice.invoiceDate, '2026-11-25');
      assert.equal(invoice.dueDate, '2026-12-09', 'the invoice date plus the 14-day payment term');
      assert.ok(Number.isSafeInteger(invoice.number) && invoice.number >= 1000);

      const national = parseNationalReference(invoice.reference);
      assert.ok(national.ok, `national reference ${invoice.reference}`);
      assert.match(invoice.reference, /^\d{1,5}( \d{5})*$/, 'groups of five');
      assert.ok(national.value.startsWith(String(invoice.number)), 'made from the invoice number');
      const rf = parseRfReference(invoice.rfReference);
      assert.ok(rf.ok, `RF reference ${invoice.rfReference}`);
      assert.equal(rf.value, rfFromNational(national.value));

      const expected = lines.map((line) =>
        lineAmounts(line.quantity, line.unitPriceCents, line.vatRateBasisPoints),
      );
      assert.deepEqual(
        invoice.lines.map((line: Record<string, unknown>) => ({
          netCents: line.netCents,
          vatCents: line.vatCents,
          totalCents: line.totalCents,
        })),
        expected,
      );
      const sum = (key: 'netCents' | 'vatCents' | 'totalCents') =>
        expected.reduce((acc, amounts) => acc + amounts[key], 0);
      assert.equal(invoice.netCents, sum('netCents'));
      assert.equal(invoice.vatCents, sum('vatCents'));
      assert.equal(invoice.totalCents, sum('totalCents'));
      assert.equal(invoice.totalCents, invoice.netCents + invoice.vatCents);
      assert.equal(invoice.total, (invoice.totalCents / 100).toFixed(2));
      assert.equal(invoice.openCents, invoice.totalCents);
      assert.deepEqual(
        invoice.vatSummary.map((rate: { vatRateBasisPoints: number }) => rate.vatRateBasisPoints),
        [2550, 1400],
      );
      assert.equal(invoice.lines[0].quantity, '2.5');
      assert.deepEqual(invoice.recipient, {
        name: 'Laura Laskutettava',
        businessId: null,
        address: ADDRESS,
        addressProtected: false,
        language: 'fi',
        eInvoiceAddress: null,
        eInvoiceIntermediator: null,
      });
      assert.match(invoice.virtualBarcode, /^4\d{53}$/);

      const again = await get(`/api/invoices/${invoice.id}`);
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), invoice);

      const twice = await post('/api/invoices', { orderId: order });
      assert.equal(twice.statusCode, 409, twice.body);
      assert.equal(twice.json().errors[0].code, 'invoice.orderInvoiced');
    });

    test('dates: backdating is allowed, a due date before the invoice date and a future date are not', async () => {
      const person = await insertTestPerson(ctx().database);
      const backdated = await invoiceOrder(
        await insertOrder(ctx().database, { personId: person }),
        {
          invoiceDate: '2026-10-01',
        },
      );
      assert.equal(backdated.dueDate, '2026-10-15');
      assert.equal(backdated.status, 'overdue', 'its due date has passed already');

      const order = await insertOrder(ctx().database, { personId: person });
      const early = await post('/api/invoices', {
        orderId: order,
        invoiceDate: '2026-11-20',
        dueDate: '2026-11-19',
      });
      assert.equal(early.statusCode, 400, early.body);
      assert.deepEqual(
        early.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['dueDate', 'invoice.dueBeforeInvoiceDate']],
      );
      const future = await post('/api/invoices', { orderId: order, invoiceDate: '2026-11-26' });
      assert.equal(future.statusCode, 400, future.body);
      assert.equal(future.json().errors[0].field, 'invoiceDate');
      const sameDay = await invoiceOrder(order, {
        invoiceDate: '2026-11-20',
        dueDate: '2026-11-20',
      });
      assert.equal(sameDay.dueDate, '2026-11-20');
    });

    test('only a delivered order is invoiced; an unknown one is named', async () => {
      const person = await insertTestPerson(ctx().database);
      const draft = await insertOrder(
        ctx().database,
        { personId: person },
        { status: 'confirmed' },
      );
      const refused = await post('/api/invoices', { orderId: draft });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().errors[0].code, 'invoice.orderNotDelivered');
      const unknown = await post('/api/invoices', {
        orderId: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.equal(unknown.json().errors[0].field, 'orderId');
    });

    test('the PDF holds the same virtual barcode as the API (pdfText and pdftotext), in the customer’s language', async () => {
      for (const [language, title] of [
        ['fi', 'LASKU'],
        ['sv', 'FAKTURA'],
        ['en', 'INVOICE'],
      ] as const) {
        const person = await insertTestPerson(ctx().database, {
          language,
          firstName: 'Åsa',
          lastName: 'Öberg',
        });
        const invoice = await invoiceOrder(await insertOrder(ctx().database, { personId: person }));
        const response = await get(`/api/invoices/${invoice.id}/pdf`);
        assert.equal(response.statusCode, 200);
        assert.equal(response.headers['content-type'], 'application/pdf');
        assert.match(String(response.headers['content-disposition']), /attachment; filename="/);
        const pdf = response.rawPayload;
        assertMarked(pdf, MARKINGS.personalData[language]);
        const text = pdfText(pdf);
        assert.match(invoice.virtualBarcode, /^4\d{53}$/);
        assert.ok(text.includes(invoice.virtualBarcode), `${language}: the barcode is in the PDF`);
        assert.ok(text.split('\n').includes(title), `${language}: ${title}`);
        assert.ok(text.includes(invoice.reference), 'the reference in groups of five');
        assert.ok(text.includes('Åsa Öberg'));
        assert.ok(text.includes('FI37 1590 3000 0007 76'), 'the IBAN in groups of four');
        assert.ok(text.includes(SELLER.bic));
        const poppler = pdftotext(pdf);
        if (poppler !== null) {
          assert.ok(poppler.includes(invoice.virtualBarcode), `${language}: pdftotext reads it`);
          assert.ok(poppler.includes(title));
        }
        const scanned = scanBarcodes(pdf);
        if (scanned !== null) {
          assert.deepEqual(scanned, [`CODE-128:${invoice.virtualBarcode}`], 'a scanner reads it');
        }
      }
    });

    test('with RF references in the settings the barcode is version 5 and the RF reference is printed', async () => {
      await insertBillingSettings(ctx().database, { referenceFormat: 'rf' });
      try {
        const person = await insertTestPerson(ctx().database);
        const invoice = await invoiceOrder(await insertOrder(ctx().database, { personId: person }));
        assert.match(invoice.virtualBarcode, /^5\d{53}$/);
        assert.equal(invoice.printedReference, invoice.rfReference);
        const rf = invoice.rfReference.replaceAll(' ', '');
        assert.equal(invoice.virtualBarcode.slice(25, 27), rf.slice(2, 4), 'the RF check digits');
        assert.ok(invoice.virtualBarcode.slice(27, 48).endsWith(rf.slice(4)), 'the RF body');
        const pdf = (await get(`/api/invoices/${invoice.id}/pdf`)).rawPayload;
        assert.ok(pdfText(pdf).includes(invoice.virtualBarcode));
        assert.ok(pdfText(pdf).includes(invoice.rfReference));
        const poppler = pdftotext(pdf);
        if (poppler !== null) assert.ok(poppler.includes(invoice.virtualBarcode));
        const scanned = scanBarcodes(pdf);
        if (scanned !== null) assert.deepEqual(scanned, [`CODE-128:${invoice.virtualBarcode}`]);
      } finally {
        await insertBillingSettings(ctx().database, { referenceFormat: 'national' });
      }
    });

    test('an e-invoice customer gets a Finvoice made from the same data; a paper invoice has none', async () => {
      const organization = await insertTestOrganization(ctx().database, {
        name: 'Verkkolasku Oy',
        businessId: '2617416-4',
        billing: E_INVOICE_BILLING,
      });
      const invoice = await invoiceOrder(
        await insertOrder(
          ctx().database,
          { organizationId: organization },
          {
            lines: [
              { quantity: '4', unitPriceCents: 12_000, vatRateBasisPoints: 2550 },
              { quantity: '1', unitPriceCents: 5000, vatRateBasisPoints: 1000 },
            ],
          },
        ),
      );
      assert.equal(invoice.delivery, 'einvoice');
      assert.equal(invoice.recipient.businessId, '2617416-4');
      assert.equal(invoice.recipient.eInvoiceAddress, E_INVOICE_BILLING.eInvoiceAddress);
      const response = await get(`/api/invoices/${invoice.id}/finvoice`);
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^application\/xml/);
      const xml = response.body;
      assert.match(xml, /<Finvoice Version="3\.0"/);
      const euros = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
      assert.ok(xml.includes(`>${invoice.number}<`), 'the invoice number');
      assert.ok(xml.includes(`>${euros(invoice.totalCents)}<`), 'the total');
      assert.ok(xml.includes(invoice.reference.replaceAll(' ', '')), 'the reference');
      assert.ok(xml.includes('Verkkolasku Oy'));
      assert.ok(!xml.includes('<OriginalInvoiceNumber>'), 'an invoice credits nothing');

      const credited = await post(`/api/invoices/${invoice.id}/credit`, { reason: 'Virhe' });
      assert.equal(credited.statusCode, 201, credited.body);
      const noteXml = (await get(`/api/invoices/${credited.json().id}/finvoice`)).body;
      assert.match(noteXml, /<InvoiceTypeCode>INV02<\/InvoiceTypeCode>/);
      assert.ok(
        noteXml.includes(`<OriginalInvoiceNumber>${invoice.number}</OriginalInvoiceNumber>`),
        'the credit note names the credited invoice',
      );

      const person = await insertTestPerson(ctx().database);
      const paper = await invoiceOrder(await insertOrder(ctx().database, { personId: person }));
      const none = await get(`/api/invoices/${paper.id}/finvoice`);
      assert.equal(none.statusCode, 409, none.body);
      assert.equal(none.json().errors[0].code, 'invoice.notEInvoice');
    });

    test('payments by either reference: partial, then full; the open amount shows on the invoice', async () => {
      const person = await insertTestPerson(ctx().database);
      const invoice = await invoiceOrder(
        await insertOrder(
          ctx().database,
          { personId: person },
          { lines: [{ quantity: '1', unitPriceCents: 10_000, vatRateBasisPoints: 2550 }] },
        ),
      );
      assert.equal(invoice.totalCents, 12_550);
      const first = await post('/api/payments', {
        reference: invoice.reference,
        amount: '50,25',
        paidOn: '2026-11-24',
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().invoice.status, 'open');
      assert.equal(first.json().invoice.paidCents, 5025);
      assert.equal(first.json().invoice.openCents, 7525);
      assert.equal(first.json().invoice.open, '75.25');
      const pdf = pdfText((await get(`/api/invoices/${invoice.id}/pdf`)).rawPayload);
      assert.ok(pdf.includes('75,25'), 'the open amount on the PDF');
      const partial = (await get(`/api/invoices/${invoice.id}`)).json();
      assert.ok(pdf.includes(partial.virtualBarcode), 'the barcode asks for what is open');
      assert.equal(partial.virtualBarcode.slice(17, 25), '00007525');

      const second = await post('/api/payments', {
        reference: invoice.rfReference.toLowerCase(),
        amountCents: 7525,
        paidOn: '2026-11-25',
      });
      assert.equal(second.statusCode, 201, second.body);
      const paid = second.json().invoice;
      assert.equal(paid.status, 'paid');
      assert.equal(paid.openCents, 0);
      assert.equal(paid.virtualBarcode, null);
      assert.deepEqual(
        paid.payments.map((p: { amountCents: number; reference: string }) => [
          p.amountCents,
          p.reference,
        ]),
        [
          [5025, invoice.reference.replaceAll(' ', '')],
          [7525, invoice.rfReference.replaceAll(' ', '')],
        ],
      );
      clock.advance(60 * DAY);
      try {
        const later = await ctx().signIn('billing');
        assert.equal((await get(`/api/invoices/${invoice.id}`, later)).json().status, 'paid');
      } finally {
        clock.advance(-60 * DAY);
      }
    });

    test('a payment names the reference it cannot use, and the amount it cannot read', async () => {
      const cases: [object, number, string, string][] = [
        [
          { reference: '1234 5678 97', amountCents: 100 },
          400,
          'reference',
          'payment.referenceUnknown',
        ],
        [
          { reference: '1234 5678 98', amountCents: 100 },
          400,
          'reference',
          'payment.referenceInvalid',
        ],
        [
          { reference: 'RF00 1234', amountCents: 100 },
          400,
          'reference',
          'payment.referenceInvalid',
        ],
        [{ reference: '12345672', amount: '1.234' }, 400, 'amount', 'amount.format'],
        [
          { reference: '12345672', amount: '1.00', amountCents: 100 },
          400,
          'amountCents',
          'payment.amountRequired',
        ],
        [{ reference: '12345672' }, 400, 'amountCents', 'payment.amountRequired'],
      ];
      for (const [body, status, field, code] of cases) {
        const response = await post('/api/payments', { paidOn: '2026-11-25', ...body });
        assert.equal(response.statusCode, status, `${JSON.stringify(body)}: ${response.body}`);
        const errors = response
          .json()
          .errors.map((e: { field: string; code: string }) => [e.field, e.code]);
        assert.deepEqual(errors, [[field, code]], JSON.stringify(body));
      }
    });

    test('overdue is derived from the due date (Helsinki day), never stored', async () => {
      const person = await insertTestPerson(ctx().database);
      const invoice = await invoiceOrder(await insertOrder(ctx().database, { personId: person }));
      assert.equal(invoice.dueDate, '2026-12-09');
      // 2026-12-09 23:30 in Helsinki: still the due date.
      clock.advance(Date.parse('2026-12-09T21:30:00Z') - clock.now().getTime());
      try {
        // Sessions end after 30 idle minutes: sign in again at the new time.
        const later = await ctx().signIn('billing');
        assert.equal((await get(`/api/invoices/${invoice.id}`, later)).json().status, 'open');
        clock.advance(60 * 60 * 1000);
        const next = await ctx().signIn('billing');
        const overdue = (await get(`/api/invoices/${invoice.id}`, next)).json();
        assert.equal(overdue.status, 'overdue');
        assert.match(overdue.virtualBarcode, /^4/);
        const list = (await get(`/api/persons/${person}/invoices`, next)).json();
        assert.equal(list.items[0].status, 'overdue');
        const [stored] = await ctx()
          .database.db.select({ status: invoices.status })
          .from(invoices)
          .where(eq(invoices.id, invoice.id));
        assert.equal(stored?.status, 'open');
      } finally {
        clock.advance(Date.parse('2026-11-25T10:00:00Z') - clock.now().getTime());
      }
    });

    test('a credit note negates the lines, has its own number and reference; the invoice becomes credited', async () => {
      const person = await insertTestPerson(ctx().database, { language: 'sv' });
      const invoice = await invoiceOrder(
        await insertOrder(
          ctx().database,
          { personId: person },
          {
            lines: [
              { quantity: '1.333', unitPriceCents: 1999, vatRateBasisPoints: 2550 },
              { quantity: '2', unitPriceCents: 500, vatRateBasisPoints: 1400 },
            ],
          },
        ),
      );
      const response = await post(`/api/invoices/${invoice.id}/credit`, {
        reason: 'Palvelu peruttiin',
      });
      assert.equal(response.statusCode, 201, response.body);
      const note = response.json();
      assert.equal(note.kind, 'credit_note');
      assert.deepEqual(note.creditsInvoice, { id: invoice.id, number: invoice.number });
      assert.notEqual(note.number, invoice.number);
      assert.notEqual(note.reference, invoice.reference);
      assert.ok(parseNationalReference(note.reference).ok);
      assert.ok(parseRfReference(note.rfReference).ok);
      assert.equal(note.totalCents, -invoice.totalCents);
      assert.equal(note.netCents, -invoice.netCents);
      assert.equal(note.vatCents, -invoice.vatCents);
      assert.deepEqual(
        note.lines.map((l: Record<string, unknown>) => [
          l.quantity,
          l.netCents,
          l.vatCents,
          l.totalCents,
        ]),
        invoice.lines.map((l: Record<string, number | string>) => [
          `-${String(l.quantity)}`,
          -Number(l.netCents),
          -Number(l.vatCents),
          -Number(l.totalCents),
        ]),
      );
      assert.equal(note.virtualBarcode, null);
      assert.equal(note.openCents, 0);
      const original = (await get(`/api/invoices/${invoice.id}`)).json();
      assert.equal(original.status, 'credited');
      assert.deepEqual(original.creditedBy, { id: note.id, number: note.number });
      assert.equal(original.virtualBarcode, null);

      const text = pdfText((await get(`/api/invoices/${note.id}/pdf`)).rawPayload);
      assert.ok(text.split('\n').includes('KREDITFAKTURA'), text);
      assert.ok(text.includes(String(invoice.number)));

      const again = await post(`/api/invoices/${invoice.id}/credit`, { reason: 'Uudestaan' });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().errors[0].code, 'credit.alreadyCredited');
      const ofNote = await post(`/api/invoices/${note.id}/credit`, {
        reason: 'Hyvityksen hyvitys',
      });
      assert.equal(ofNote.statusCode, 409);
      const payNote = await post('/api/payments', {
        reference: note.reference,
        amountCents: 100,
        paidOn: '2026-11-25',
      });
      assert.equal(payNote.statusCode, 409, payNote.body);
      assert.equal(payNote.json().errors[0].field, 'reference');
    });

    test('address protection: no address in the snapshot, nor on the PDF; the run files it apart', async () => {
      const person = await insertTestPerson(ctx().database, {
        firstName: 'Suojattu',
        lastName: 'Henkilö',
        addressProtectionActive: true,
      });
      const invoice = await invoiceOrder(await insertOrder(ctx().database, { personId: person }));
      assert.equal(invoice.recipient.addressProtected, true);
      assert.equal(invoice.recipient.address, null);
      const text = pdfText((await get(`/api/invoices/${invoice.id}/pdf`)).rawPayload);
      assert.ok(text.includes('Suojattu Henkilö'));
      assert.ok(!text.includes(ADDRESS.street), 'the protected address is not printed');

      // Protected after the invoice was made: the stored address is no longer shown or printed.
      const later = await insertTestPerson(ctx().database, { firstName: 'Myöhemmin' });
      const before = await invoiceOrder(await insertOrder(ctx().database, { personId: later }));
      assert.deepEqual(before.recipient.address, ADDRESS);
      await ctx()
        .database.db.update(persons)
        .set({ addressProtectionActive: true })
        .where(eq(persons.id, later));
      const after = (await get(`/api/invoices/${before.id}`)).json();
      assert.equal(after.recipient.address, null);
      assert.equal(after.recipient.addressProtected, true);
      const reprint = pdfText((await get(`/api/invoices/${before.id}/pdf`)).rawPayload);
      assert.ok(!reprint.includes(ADDRESS.street));
    });

    test('lists of a person and of an organisation, newest first, paged', async () => {
      const person = await insertTestPerson(ctx().database);
      const made = [];
      for (const date of ['2026-11-01', '2026-11-10', '2026-11-10', '2026-11-20']) {
        made.push(
          await invoiceOrder(await insertOrder(ctx().database, { personId: person }), {
            invoiceDate: date,
          }),
        );
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = (
          await get(`/api/persons/${person}/invoices?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        ).json();
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, [made[3].id, made[2].id, made[1].id, made[0].id]);

      const representative = await insertTestPerson(ctx().database, { firstName: 'Edustaja' });
      const organization = await insertTestOrganization(ctx().database, {
        name: 'Listattava Oy',
        businessId: '0737546-2',
        representatives: [representative],
      });
      const orgInvoice = await invoiceOrder(
        await insertOrder(ctx().database, { organizationId: organization }),
      );
      const list = (await get(`/api/organizations/${organization}/invoices`)).json();
      assert.deepEqual(
        list.items.map((item: { id: string }) => item.id),
        [orgInvoice.id],
      );
      assert.equal(list.items[0].total, orgInvoice.total);
      const unknown = await get('/api/persons/00000000-0000-4000-8000-000000000000/invoices');
      assert.equal(unknown.statusCode, 404);
    });

    test('an invoice run of N orders: counts, and an archive with one document per invoice', async () => {
      // Invoice whatever earlier tests left, so that the run below holds exactly these orders.
      assert.equal((await post('/api/invoice-runs', {})).statusCode, 201);
      const people = [];
      for (let i = 0; i < 5; i++) {
        people.push(await insertTestPerson(ctx().database, { firstName: `Ajo${i}` }));
      }
      const protectedPerson = await insertTestPerson(ctx().database, {
        firstName: 'Turva',
        addressProtectionActive: true,
      });
      const eInvoiced = await insertTestOrganization(ctx().database, {
        name: 'Ajon Verkkolasku Oy',
        businessId: '1572860-0',
        billing: { ...E_INVOICE_BILLING, eInvoiceAddress: '003715728600' },
      });
      const orderIds = [
        ...(await Promise.all(people.map((p) => insertOrder(ctx().database, { personId: p })))),
        await insertOrder(ctx().database, { personId: protectedPerson }),
        await insertOrder(ctx().database, { organizationId: eInvoiced }),
        await insertOrder(ctx().database, { organizationId: eInvoiced }),
      ];
      await insertOrder(ctx().database, { personId: people[0] ?? '' }, { status: 'confirmed' });

      const named = await post('/api/invoice-runs', {
        orderIds: [orderIds[0], '00000000-0000-4000-8000-000000000000'],
      });
      assert.equal(named.statusCode, 409, named.body);
      assert.equal(named.json().errors[0].field, 'orderIds');

      const response = await post('/api/invoice-runs', { invoiceDate: '2026-11-24' });
      assert.equal(response.statusCode, 201, response.body);
      const run = response.json();
      assert.equal(run.invoiceCount, orderIds.length);
      assert.equal(run.eInvoiceCount, 2);
      assert.equal(run.paperCount, 6);
      assert.equal(run.addressProtectedCount, 1);
      assert.equal(run.dueDate, '2026-12-08');

      const archive = await get(run.archive);
      assert.equal(archive.statusCode, 200, archive.body);
      assert.equal(archive.headers['content-type'], 'application/gzip');
      const members = tarMembers(archive.rawPayload);
      assert.equal(members.length, orderIds.length, members.join(', '));
      const folders = members.map((name) => name.split('/')[0]);
      assert.deepEqual([...new Set(folders)].sort(), [
        'einvoice',
        'paper',
        'paper-address-protected',
      ]);
      assert.equal(folders.filter((f) => f === 'einvoice').length, 2);
      assert.equal(folders.filter((f) => f === 'paper-address-protected').length, 1);
      // Each document is its invoice's: the PDF holds the API's barcode.
      const pdfName = members.find((name) => name.startsWith('paper/')) ?? '';
      const number = Number(pdfName.slice('paper/'.length, -'.pdf'.length));
      const [stored] = await ctx()
        .database.db.select({ id: invoices.id })
        .from(invoices)
        .where(eq(invoices.number, number));
      const view = (await get(`/api/invoices/${stored?.id}`)).json();
      assert.equal(view.runId, run.id);
      assert.ok(pdfText(tarMember(archive.rawPayload, pdfName)).includes(view.virtualBarcode));
      const xml = tarMember(
        archive.rawPayload,
        members.find((n) => n.startsWith('einvoice/')) ?? '',
      );
      assert.match(xml.toString('utf8'), /<Finvoice Version="3\.0"/);

      const empty = await post('/api/invoice-runs', {});
      assert.equal(empty.statusCode, 201);
      assert.equal(empty.json().invoiceCount, 0);
      assert.deepEqual(tarMembers((await get(empty.json().archive)).rawPayload), []);
      assert.equal(
        (await get('/api/invoice-runs/00000000-0000-4000-8000-000000000000/archive')).statusCode,
        404,
      );
    });

    test('two runs at once invoice each order once', async () => {
      assert.equal((await post('/api/invoice-runs', {})).statusCode, 201);
      const person = await insertTestPerson(ctx().database, { firstName: 'Kilpa' });
      const orderIds: string[] = [];
      for (let i = 0; i < 12; i++) {
        orderIds.push(await insertOrder(ctx().database, { personId: person }));
      }
      const runs = await Promise.all([
        post('/api/invoice-runs', {}),
        post('/api/invoice-runs', {}),
        post('/api/invoice-runs', { orderIds: orderIds.slice(0, 6) }),
      ]);
      const counts = runs.map((r) => (r.statusCode === 201 ? r.json().invoiceCount : 0));
      assert.equal(
        counts.reduce((a: number, b: number) => a + b, 0),
        orderIds.length,
        runs.map((r) => r.body).join('\n'),
      );
      const rows = await ctx()
        .database.db.select({ orderId: invoices.orderId })
        .from(invoices)
        .where(inArray(invoices.orderId, orderIds));
      assert.deepEqual(rows.map((row) => row.orderId).sort(), [...orderIds].sort());
    });

    test('roles: customer service reads, only billing writes; others get 403', async () => {
      const person = await insertTestPerson(ctx().database);
      const invoice = await invoiceOrder(await insertOrder(ctx().database, { personId: person }));
      const order = await insertOrder(ctx().database, { personId: person });
      const service = await ctx().signIn('customer_service');
      const officer = await ctx().signIn('register_officer');
      assert.equal((await get(`/api/invoices/${invoice.id}`, service)).statusCode, 200);
      assert.equal((await get(`/api/invoices/${invoice.id}/pdf`, officer)).statusCode, 200);
      for (const cookie of [service, officer]) {
        assert.equal((await post('/api/invoices', { orderId: order }, cookie)).statusCode, 403);
        assert.equal((await post('/api/invoice-runs', {}, cookie)).statusCode, 403);
        const paid = await post(
          '/api/payments',
          { reference: invoice.reference, amountCents: 1, paidOn: '2026-11-25' },
          cookie,
        );
        assert.equal(paid.statusCode, 403);
        const credit = await post(
          `/api/invoices/${invoice.id}/credit`,
          { reason: 'Ei saa' },
          cookie,
        );
        assert.equal(credit.statusCode, 403);
      }
      for (const role of ['admin', 'social_worker', 'auditor', 'contractor'] as const) {
        const cookie = await ctx().signIn(role);
        for (const url of [
          `/api/invoices/${invoice.id}`,
          `/api/invoices/${invoice.id}/pdf`,
          `/api/persons/${person}/invoices`,
        ]) {
          const response = await get(url, cookie);
          assert.equal(response.statusCode, 403, `${role} ${url}`);
          assert.equal(response.json().number, undefined);
        }
      }
      const [row] = await ctx().database.db.select().from(billingSettings);
      assert.equal(row?.iban, SELLER.iban, 'nothing above changed the settings');
    });

    test('every route writes its access-log entry: the person, or the organisation’s representatives', async () => {
      const person = await insertTestPerson(ctx().database, { firstName: 'Lokitettu' });
      const representative = await insertTestPerson(ctx().database, { firstName: 'Edustaja' });
      const organization = await insertTestOrganization(ctx().database, {
        name: 'Lokitettava Oy',
        businessId: '0114162-2',
        billing: { ...E_INVOICE_BILLING, eInvoiceAddress: '003701141622' },
        representatives: [representative],
      });
      const ids = { invoice: '', orgInvoice: '', run: '', reference: '' };
      const calls: [string, () => Promise<LightMyRequestResponse>, string | null, string | null][] =
        [
          [
            'POST /api/invoices',
            async () =>
              post('/api/invoices', {
                orderId: await insertOrder(ctx().database, { personId: person }),
              }),
            'create',
            person,
          ],
          [
            'POST /api/invoice-runs',
            async () => {
              await insertOrder(ctx().database, { organizationId: organization });
              return post('/api/invoice-runs', {});
            },
            'create',
            representative,
          ],
          ['GET /api/invoices/:id', () => get(`/api/invoices/${ids.invoice}`), 'read', person],
          [
            'GET /api/invoices/:id/pdf',
            () => get(`/api/invoices/${ids.invoice}/pdf`),
            'print',
            person,
          ],
          [
            'GET /api/invoices/:id/finvoice',
            () => get(`/api/invoices/${ids.orgInvoice}/finvoice`),
            'print',
            representative,
          ],
          [
            'GET /api/invoice-runs/:id/archive',
            () => get(`/api/invoice-runs/${ids.run}/archive`),
            'print',
            representative,
          ],
          [
            'POST /api/payments',
            () =>
              post('/api/payments', {
                reference: ids.reference,
                amountCents: 100,
                paidOn: '2026-11-25',
              }),
            'update',
            person,
          ],
          [
            'GET /api/persons/:id/invoices',
            () => get(`/api/persons/${person}/invoices`),
            'read',
            person,
          ],
          [
            'GET /api/organizations/:id/invoices',
            () => get(`/api/organizations/${organization}/invoices`),
            'read',
            representative,
          ],
          ['GET /api/invoices', () => get('/api/invoices?customer=Lokitettu'), 'read', person],
          // The runs hold no personal data: reading them writes no entry.
          ['GET /api/invoice-runs', () => get('/api/invoice-runs'), null, null],
          [
            'POST /api/invoices/:id/credit',
            () => post(`/api/invoices/${ids.invoice}/credit`, { reason: 'Virheellinen lasku' }),
            'create',
            person,
          ],
        ];
      const routes = ctx()
        .app.routeAccess.filter(
          (route) =>
            'permission' in route.access && route.access.permission.startsWith('invoices.'),
        )
        .map((route) => `${route.method} ${route.url}`);
      assert.deepEqual(calls.map(([route]) => route).sort(), routes.sort(), 'every invoice route');
      for (const [route, call, action, subject] of calls) {
        const before = (await accessLogEntries(ctx())).length;
        const response = await call();
        assert.ok([200, 201].includes(response.statusCode), `${route}: ${response.body}`);
        if (route === 'POST /api/invoices') {
          ids.invoice = response.json().id;
          ids.reference = response.json().reference;
        }
        if (route === 'POST /api/invoice-runs') {
          ids.run = response.json().id;
          const [row] = await ctx()
            .database.db.select({ id: invoices.id })
            .from(invoices)
            .where(and(eq(invoices.runId, ids.run), eq(invoices.organizationId, organization)));
          ids.orgInvoice = row?.id ?? '';
        }
        const added = (await accessLogEntries(ctx())).slice(before);
        if (action === null || subject === null) {
          assert.deepEqual(added, [], `${route} logged nothing`);
          continue;
        }
        assert.ok(
          added.some((entry) => entry.action === action && entry.subjectIds.includes(subject)),
          `${route} logged ${action}; got ${JSON.stringify(added)}`,
        );
      }
    });
  },
  { clock },
);
