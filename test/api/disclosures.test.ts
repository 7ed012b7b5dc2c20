import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { inArray } from 'drizzle-orm';
import { invoices } from '../../src/server/db/schema/index.ts';
import type { Role } from '../../src/contract/auth/permissions.ts';
import {
  accessLogEntries,
  forEachEngineAppPerTest,
  insertTestPartner,
  manualClock,
  type LoggedAccess,
  callAs,
} from '../helpers/app.ts';
import { insertTestInvoice, insertTestPayment } from '../helpers/billing-fixtures.ts';

/** 25 November 2026, noon in Helsinki: invoices due on the 24th are overdue, the 25th not yet. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Made = {
  disclosure: {
    id: string;
    fields: string[];
    flagged: boolean;
    legalBasis: string;
    disclosedAt: string;
    transferSafeguard: string | null;
    partner: { id: string; inEea: boolean };
    file: { name: string; format: string; sha256: string };
    subjects: { id: string; kind: string; fields: string[]; omitted: Record<string, string> }[];
    invoiceIds: string[];
    recordCount: number;
  };
  file: { fileName: string; contentType: string; sha256: string; base64: string };
};

/** The file's text without its byte-order mark, checking that it has one. */
function fileText(made: Made): string {
  const body = Buffer.from(made.file.base64, 'base64');
  assert.equal(
    crypto.createHash('sha256').update(body).digest('hex'),
    made.disclosure.file.sha256,
    'the record holds the SHA-256 of the file sent',
  );
  const text = body.toString('utf8');
  if (made.disclosure.file.format === 'csv') {
    assert.ok(text.startsWith('\uFEFF'), 'CSV starts with a byte-order mark');
    return text.slice(1);
  }
  return text;
}

/** RFC 4180 with `;`: a CSV of the register, as a list of rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  assert.equal(cell + row.join(''), '', 'the file ends with CRLF');
  return rows;
}

/** The CSV's records as objects of the non-empty cells, checking the header is the record's. */
function csvRecords(made: Made): Record<string, string>[] {
  const [header, ...rows] = parseCsv(fileText(made));
  assert.deepEqual(header, made.disclosure.fields, "the header row is the record's fields");
  return rows.map((cells) => {
    assert.equal(cells.length, header!.length);
    return Object.fromEntries(
      header!.flatMap((field, i) => (cells[i] === '' ? [] : [[field, cells[i]!]])),
    );
  });
}

const ADDRESS = ['street', 'postalCode', 'postOffice', 'country'];
const DEBTOR_ADDRESS = ['debtorStreet', 'debtorPostalCode', 'debtorPostOffice', 'debtorCountry'];

// The register of disclosures and the access log are counted whole: each test starts from its own
// copy of the partners and persons, and the tests that read the register make the seven
// disclosures the tests before them show one by one (`discloseSeven`).
forEachEngineAppPerTest(
  'disclosures and collection',
  ({ ctx, prepare }) => {
    let admin: string;
    let officer: string;
    let billing: string;
    const partner: Record<string, string> = {};
    const person = { anna: '', bertta: '' };
    let firma: string;

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: object,
    ) => {
      // A second between requests: the disclosures are ordered by their time.
      clock.advance(1000);
      return callAs(ctx(), cookie, method, url, payload);
    };
    const codes = (body: { errors?: { field: string; code?: string }[] }) =>
      (body.errors ?? []).map((e) => [e.field, e.code]);
    const disclosures = async (): Promise<LoggedAccess[]> =>
      (await accessLogEntries(ctx())).filter((entry) => entry.action === 'disclose');

    // Partners of every kind, persons with and without a protected address.
    prepare(async () => {
      admin = await ctx().signIn('admin');
      officer = await ctx().signIn('register_officer');
      billing = await ctx().signIn('billing');
      const register = async (body: object) => {
        const response = await call(admin, 'POST', '/api/partners', body);
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as string;
      };
      partner.agency = await register({
        name: 'Perintä Oy',
        businessId: '0201551-3',
        country: 'FI',
        roles: ['recipient'],
      });
      partner.usWithSafeguard = await register({
        name: 'Credit Check Inc.',
        businessId: 'EIN 98-7654321',
        country: 'US',
        roles: ['recipient'],
        transferSafeguard: 'standard_contractual_clauses',
        transferNecessity: 'The credit decision is made in the recipient’s US system',
      });
      partner.source = await register({
        name: 'Osoitelähde Oy',
        businessId: '7654321-2',
        country: 'FI',
        roles: ['source'],
      });
      partner.processorWithoutAgreement = await register({
        name: 'Laskutuspalvelu Oy',
        businessId: '2617416-4',
        country: 'FI',
        roles: ['processor', 'recipient'],
      });
      // Registered before the registry asked for transfer terms: no safeguard on record.
      partner.usWithoutSafeguard = await insertTestPartner(ctx().database, {
        name: 'Legacy Data LLC',
        businessId: 'EIN 11-1111111',
        country: 'US',
        roles: ['recipient'],
      });

      const recipients = await call(billing, 'GET', '/api/disclosures/recipients');
      assert.equal(recipients.statusCode, 200, recipients.body);
      assert.deepEqual(
        recipients
          .json()
          .items.map((item: { name: string; inEea: boolean }) => [item.name, item.inEea]),
        [
          ['Credit Check Inc.', false],
          ['Laskutuspalvelu Oy', true],
          ['Legacy Data LLC', false],
          ['Perintä Oy', true],
        ],
        'the recipients by name, the source left out',
      );

      const create = async (url: string, body: object) => {
        const response = await call(officer, 'POST', url, body);
        assert.equal(response.statusCode, 201, response.body);
        return response.json().id as string;
      };
      person.anna = await create('/api/persons', {
        firstName: 'Anna',
        lastName: 'Aaltonen',
        personalIdentityCode: '131052-308T',
        personalIdentityCodePurpose: 'billing_and_collection',
        email: 'anna@example.fi',
        phone: '+358401234567',
        permanentAddress: { street: 'Kotitie 1', postalCode: '73900', postOffice: 'Rautavaara' },
        billing: {
          billingAddress: { street: 'Laskutie 2', postalCode: '70100', postOffice: 'Kuopio' },
        },
      });
      person.bertta = await create('/api/persons', {
        firstName: 'Bertta',
        lastName: 'Björk',
        permanentAddress: { street: 'Salainen tie 9', postalCode: '00100', postOffice: 'Helsinki' },
        addressProtection: { active: true, source: 'DVV' },
        source: { kind: 'population_register' },
      });
      firma = await create('/api/organizations', {
        name: 'Asiakas Firma Oy',
        businessId: '0737546-2',
        postalAddress: { street: 'Yrityskatu 5', postalCode: '33100', postOffice: 'Tampere' },
      });
    });

    const discloseContactsAbroad = () =>
      call(billing, 'POST', '/api/disclosures', {
        partnerId: partner.usWithSafeguard,
        legalBasis: 'credit_decision',
        purpose: 'Luottopäätös vuokrasopimusta varten',
        subjectIds: [person.anna],
        fields: ['contact'],
        format: 'json',
      });
    const signProcessingAgreement = () =>
      call(admin, 'PATCH', `/api/partners/${partner.processorWithoutAgreement}`, {
        processingAgreementOn: '2026-11-01',
      });
    const discloseNameToProcessor = () =>
      call(billing, 'POST', '/api/disclosures', {
        legalBasis: 'billing',
        subjectIds: [person.anna],
        fields: ['name'],
        partnerId: partner.processorWithoutAgreement,
      });
    const discloseIdentityCode = () =>
      call(billing, 'POST', '/api/disclosures', {
        partnerId: partner.agency,
        subjectIds: [person.anna],
        fields: ['identityCode'],
        legalBasis: 'legal_obligation',
        purpose: 'Ulosottoviranomaisen tietopyyntö',
      });
    const discloseAddresses = () =>
      call(billing, 'POST', '/api/disclosures', {
        partnerId: partner.agency,
        legalBasis: 'billing',
        subjectIds: [person.bertta, person.anna],
        fields: ['address'],
        format: 'json',
      });
    const discloseProtectedAddressByCourtOrder = () =>
      call(officer, 'POST', '/api/disclosures', {
        partnerId: partner.agency,
        legalBasis: 'legal_obligation',
        purpose: 'Tuomioistuimen määräys',
        subjectIds: [person.bertta],
        fields: ['address'],
      });
    /** Overdue invoices of Anna (two, one paid in part), Bertta and the company. */
    const overdueInvoices = async () => {
      const db = ctx().database;
      const anna1 = await insertTestInvoice(db, {
        personId: person.anna,
        dueDate: '2026-11-10',
        invoiceDate: '2026-10-27',
        totalCents: 12_550,
      });
      await insertTestPayment(db, anna1, 5_000);
      const bertta1 = await insertTestInvoice(db, {
        personId: person.bertta,
        dueDate: '2026-11-20',
        totalCents: 4_990,
      });
      const firma1 = await insertTestInvoice(db, {
        organizationId: firma,
        dueDate: '2026-10-31',
        totalCents: 100_000,
      });
      const anna2 = await insertTestInvoice(db, {
        personId: person.anna,
        dueDate: '2026-11-24',
        totalCents: 2_000,
      });
      return [anna1, bertta1, firma1, anna2] as const;
    };
    const sendToCollection = (invoiceIds: string[]) =>
      call(billing, 'POST', '/api/collections', { partnerId: partner.agency, invoiceIds });
    const overdueInvoiceOfBertta = () =>
      insertTestInvoice(ctx().database, {
        personId: person.bertta,
        dueDate: '2026-11-01',
        totalCents: 1_234,
      });
    const collectAsJson = (invoiceId: string) =>
      call(officer, 'POST', '/api/collections', {
        partnerId: partner.agency,
        invoiceIds: [invoiceId, invoiceId],
        format: 'json',
      });

    /** The seven disclosures the tests below make one by one, in their order. */
    async function discloseSeven(): Promise<void> {
      const created = async (response: Promise<{ statusCode: number; body: string }>) => {
        const { statusCode, body } = await response;
        assert.ok(statusCode === 201 || statusCode === 200, body);
      };
      await created(discloseContactsAbroad());
      await created(signProcessingAgreement());
      await created(discloseNameToProcessor());
      await created(discloseIdentityCode());
      await created(discloseAddresses());
      await created(discloseProtectedAddressByCourtOrder());
      await created(sendToCollection((await overdueInvoices()).map((invoice) => invoice.id)));
      await created(collectAsJson((await overdueInvoiceOfBertta()).id));
    }

    test('outside the EU/EEA without a safeguard the disclosure is refused with the reason, and nothing is recorded', async () => {
      const refused = await call(billing, 'POST', '/api/disclosures', {
        partnerId: partner.usWithoutSafeguard,
        legalBasis: 'credit_decision',
        purpose: 'Luottopäätös',
        subjectIds: [person.anna],
        fields: ['name'],
      });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
      assert.deepEqual(codes(refused.json()), [['partnerId', 'disclosure.noSafeguard']]);
      assert.match(refused.json().errors[0].message, /outside the EU\/EEA \(US\)/);
      const list = await call(billing, 'GET', '/api/disclosures');
      assert.deepEqual(list.json().items, []);
      assert.deepEqual(await disclosures(), []);
    });

    test('with a recorded safeguard it is recorded, with the safeguard it was made under', async () => {
      const made = await discloseContactsAbroad();
      assert.equal(made.statusCode, 201, made.body);
      const body = made.json() as Made;
      assert.equal(body.disclosure.partner.inEea, false);
      assert.equal(body.disclosure.transferSafeguard, 'standard_contractual_clauses');
      assert.deepEqual(body.disclosure.fields, ['lastName', 'firstName', 'email', 'phone']);
      assert.deepEqual(JSON.parse(fileText(body)), [
        {
          lastName: 'Aaltonen',
          firstName: 'Anna',
          email: 'anna@example.fi',
          phone: '+358401234567',
        },
      ]);
      assert.match(body.file.fileName, /^luovutus-2026-11-25-[0-9a-f]{8}\.json$/);
      const [entry] = await disclosures();
      assert.deepEqual(entry?.subjectIds, [person.anna]);
      assert.deepEqual(entry?.fields, body.disclosure.fields);
      assert.equal(entry?.purpose, 'Luottopäätös vuokrasopimusta varten');
      assert.deepEqual(entry?.changes, {
        disclosedTo: {
          partner: 'Credit Check Inc.',
          partnerId: partner.usWithSafeguard,
          country: 'US',
          legalBasis: 'credit_decision',
          disclosureId: body.disclosure.id,
          transferSafeguard: 'standard_contractual_clauses',
        },
      });
    });

    test('a partner that is not a recipient, or a processor without an agreement, is refused', async () => {
      const base = { legalBasis: 'billing', subjectIds: [person.anna], fields: ['name'] };
      const source = await call(billing, 'POST', '/api/disclosures', {
        ...base,
        partnerId: partner.source,
      });
      assert.equal(source.statusCode, 409);
      assert.deepEqual(codes(source.json()), [['partnerId', 'disclosure.notRecipient']]);
      const processor = await call(billing, 'POST', '/api/disclosures', {
        ...base,
        partnerId: partner.processorWithoutAgreement,
      });
      assert.equal(processor.statusCode, 409);
      assert.deepEqual(codes(processor.json()), [['partnerId', 'disclosure.agreementMissing']]);
      const signed = await signProcessingAgreement();
      assert.equal(signed.statusCode, 200, signed.body);
      const now = await discloseNameToProcessor();
      assert.equal(now.statusCode, 201, now.body);
      const unknown = await call(billing, 'POST', '/api/disclosures', {
        ...base,
        partnerId: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(codes(unknown.json()), [['partnerId', 'disclosure.unknownPartner']]);
      const nobody = await call(billing, 'POST', '/api/disclosures', {
        ...base,
        partnerId: partner.agency,
        subjectIds: [person.anna, firma],
      });
      assert.equal(nobody.statusCode, 400, 'the general disclosure is of persons');
      assert.deepEqual(codes(nobody.json()), [['subjectIds.1', 'disclosure.unknownSubject']]);
    });

    test('the identity code goes only for a legal obligation or a credit decision, with a purpose', async () => {
      const base = {
        partnerId: partner.agency,
        subjectIds: [person.anna],
        fields: ['identityCode'],
      };
      const billingBasis = await call(billing, 'POST', '/api/disclosures', {
        ...base,
        legalBasis: 'billing',
        purpose: 'Laskutus',
      });
      assert.equal(billingBasis.statusCode, 400);
      assert.deepEqual(codes(billingBasis.json()), [['fields', 'disclosure.identityCodeBasis']]);
      const noPurpose = await call(billing, 'POST', '/api/disclosures', {
        ...base,
        legalBasis: 'legal_obligation',
      });
      assert.deepEqual(codes(noPurpose.json()), [['purpose', 'disclosure.purposeRequired']]);
      const made = await discloseIdentityCode();
      assert.equal(made.statusCode, 201, made.body);
      const body = made.json() as Made;
      assert.deepEqual(csvRecords(body), [
        { lastName: 'Aaltonen', firstName: 'Anna', personalIdentityCode: '131052-308T' },
      ]);
    });

    test('a protected address is left out, recorded per person, and logged per person', async () => {
      const made = await discloseAddresses();
      assert.equal(made.statusCode, 201, made.body);
      const body = made.json() as Made;
      assert.equal(body.disclosure.flagged, false);
      assert.deepEqual(body.disclosure.fields, ['lastName', 'firstName', ...ADDRESS]);
      assert.deepEqual(JSON.parse(fileText(body)), [
        { lastName: 'Björk', firstName: 'Bertta' },
        {
          lastName: 'Aaltonen',
          firstName: 'Anna',
          street: 'Kotitie 1',
          postalCode: '73900',
          postOffice: 'Rautavaara',
          country: 'FI',
        },
      ]);
      assert.deepEqual(
        body.disclosure.subjects.map((s) => [s.id, s.fields, s.omitted]),
        [
          [
            person.bertta,
            ['lastName', 'firstName'],
            Object.fromEntries(ADDRESS.map((field) => [field, 'protectedAddress'])),
          ],
          [person.anna, ['lastName', 'firstName', ...ADDRESS], {}],
        ],
      );
      const entries = (await disclosures()).slice(-2);
      assert.deepEqual(
        entries.map((entry) => [entry.subjectIds, entry.fields, entry.purpose]),
        [
          [[person.bertta], ['lastName', 'firstName'], 'billing'],
          [[person.anna], ['lastName', 'firstName', ...ADDRESS], 'billing'],
        ],
      );
    });

    test('for a legal obligation the protected address goes, and the disclosure is flagged', async () => {
      const made = await discloseProtectedAddressByCourtOrder();
      assert.equal(made.statusCode, 201, made.body);
      const body = made.json() as Made;
      assert.equal(body.disclosure.flagged, true);
      assert.deepEqual(csvRecords(body), [
        {
          lastName: 'Björk',
          firstName: 'Bertta',
          street: 'Salainen tie 9',
          postalCode: '00100',
          postOffice: 'Helsinki',
          country: 'FI',
        },
      ]);
      assert.deepEqual(body.disclosure.subjects[0]?.omitted, {});
      const flagged = await call(officer, 'GET', '/api/disclosures?flagged=true');
      assert.deepEqual(
        flagged.json().items.map((item: { id: string }) => item.id),
        [body.disclosure.id],
      );
    });

    test('invoices not overdue are refused, each named, and nothing changes', async () => {
      const due = await insertTestInvoice(ctx().database, {
        personId: person.anna,
        dueDate: '2026-11-25',
      });
      const paid = await insertTestInvoice(ctx().database, {
        personId: person.anna,
        dueDate: '2026-11-01',
        status: 'paid',
      });
      const overdue = await insertTestInvoice(ctx().database, {
        personId: person.anna,
        dueDate: '2026-11-24',
      });
      const refused = await call(billing, 'POST', '/api/collections', {
        partnerId: partner.agency,
        invoiceIds: [overdue.id, due.id, paid.id],
      });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.deepEqual(codes(refused.json()), [
        ['invoiceIds.1', 'collection.notOverdue'],
        ['invoiceIds.2', 'collection.notOverdue'],
      ]);
      assert.match(
        refused.json().errors[0].message,
        new RegExp(`Invoice ${due.number} is not overdue \\(due 2026-11-25\\)`),
      );
      assert.match(refused.json().errors[1].message, new RegExp(`Invoice ${paid.number} is paid`));
      const toSource = await call(billing, 'POST', '/api/collections', {
        partnerId: partner.source,
        invoiceIds: [overdue.id],
      });
      assert.equal(toSource.statusCode, 409);
      assert.deepEqual(codes(toSource.json()), [['partnerId', 'disclosure.notRecipient']]);
      const unknown = await call(billing, 'POST', '/api/collections', {
        partnerId: partner.agency,
        invoiceIds: ['00000000-0000-4000-8000-000000000000'],
      });
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(codes(unknown.json()), [['invoiceIds.0', 'collection.unknownInvoice']]);
      const rows = await ctx()
        .database.db.select({ status: invoices.status, changed: invoices.statusChangedAt })
        .from(invoices)
        .where(inArray(invoices.id, [overdue.id, due.id]));
      assert.deepEqual(
        rows.map((row) => [row.status, row.changed]),
        [
          ['open', null],
          ['open', null],
        ],
        'a refused collection changes no invoice',
      );
      const collections = await call(billing, 'GET', '/api/disclosures?legalBasis=debt_collection');
      assert.deepEqual(collections.json().items, []);
    });

    test('the collection file holds exactly the persons and fields its record and the access log say', async () => {
      const db = ctx().database;
      const sent = await overdueInvoices();
      const [anna1, bertta1, firma1, anna2] = sent;
      const logBefore = (await disclosures()).length;
      const response = await sendToCollection(sent.map((invoice) => invoice.id));
      assert.equal(response.statusCode, 201, response.body);
      const made = response.json() as Made;
      assert.match(made.file.fileName, /^perinta-2026-11-25-[0-9a-f]{8}\.csv$/);
      assert.equal(made.file.contentType, 'text/csv; charset=utf-8');

      // The file, as the agency reads it.
      const invoice = (
        i: { number: number; reference: string },
        dates: string[],
        sums: string[],
      ) => ({
        invoiceNumber: String(i.number),
        reference: i.reference,
        invoiceDate: dates[0]!,
        dueDate: dates[1]!,
        total: sums[0]!,
        openAmount: sums[1]!,
      });
      const annaDebtor = {
        debtorName: 'Anna Aaltonen',
        debtorStreet: 'Laskutie 2',
        debtorPostalCode: '70100',
        debtorPostOffice: 'Kuopio',
        debtorCountry: 'FI',
      };
      const records = csvRecords(made);
      assert.deepEqual(records, [
        { ...annaDebtor, ...invoice(anna1, ['2026-10-27', '2026-11-10'], ['125.50', '75.50']) },
        {
          debtorName: 'Bertta Björk',
          ...invoice(bertta1, ['2026-10-01', '2026-11-20'], ['49.90', '49.90']),
        },
        {
          debtorName: 'Asiakas Firma Oy',
          debtorBusinessId: '0737546-2',
          debtorStreet: 'Yrityskatu 5',
          debtorPostalCode: '33100',
          debtorPostOffice: 'Tampere',
          debtorCountry: 'FI',
          ...invoice(firma1, ['2026-10-01', '2026-10-31'], ['1000.00', '1000.00']),
        },
        { ...annaDebtor, ...invoice(anna2, ['2026-10-01', '2026-11-24'], ['20.00', '20.00']) },
      ]);

      // The record, read back: the same subjects in the file's order, and per subject the fields.
      const read = await call(officer, 'GET', `/api/disclosures/${made.disclosure.id}`);
      assert.equal(read.statusCode, 200, read.body);
      const record = read.json() as Made['disclosure'];
      assert.equal(record.legalBasis, 'debt_collection');
      assert.equal(record.flagged, false);
      assert.equal(record.recordCount, records.length);
      assert.deepEqual(
        record.invoiceIds,
        sent.map((i) => i.id),
      );
      assert.equal(record.file.sha256, made.file.sha256);
      const subjectOfRow = [person.anna, person.bertta, firma, person.anna];
      assert.deepEqual(
        record.subjects.map((s) => s.id),
        [person.anna, person.bertta, firma],
        'exactly the persons of the file',
      );
      records.forEach((row, i) => {
        const subject = record.subjects.find((s) => s.id === subjectOfRow[i]);
        assert.deepEqual(Object.keys(row), subject?.fields, `row ${i}: exactly the fields sent`);
      });
      assert.deepEqual(
        record.subjects.map((s) => [s.kind, s.omitted]),
        [
          ['person', { debtorBusinessId: 'notApplicable' }],
          [
            'person',
            {
              debtorBusinessId: 'notApplicable',
              ...Object.fromEntries(DEBTOR_ADDRESS.map((field) => [field, 'protectedAddress'])),
            },
          ],
          ['organization', {}],
        ],
      );

      // The access log: one entry per set of fields sent, each person once; the organisation is
      // not a person.
      const entries = (await disclosures()).slice(logBefore);
      assert.deepEqual(
        entries.map((entry) => [entry.subjectIds, entry.fields, entry.purpose]),
        [
          [[person.anna], record.subjects[0]?.fields, 'debt_collection'],
          [[person.bertta], record.subjects[1]?.fields, 'debt_collection'],
        ],
      );

      // The invoices are in collection since the disclosure.
      const rows = await db.db
        .select({ id: invoices.id, status: invoices.status, changed: invoices.statusChangedAt })
        .from(invoices)
        .where(
          inArray(
            invoices.id,
            sent.map((i) => i.id),
          ),
        );
      for (const row of rows) {
        assert.deepEqual(
          [row.status, row.changed?.toISOString()],
          ['in_collection', record.disclosedAt],
        );
      }
      const again = await call(billing, 'POST', '/api/collections', {
        partnerId: partner.agency,
        invoiceIds: [anna2.id],
      });
      assert.equal(again.statusCode, 409);
      assert.match(again.json().errors[0].message, /is already in collection/);
    });

    test('a collection as JSON: an array of objects, the fields not sent left out', async () => {
      const overdue = await overdueInvoiceOfBertta();
      const response = await collectAsJson(overdue.id);
      assert.equal(response.statusCode, 201, response.body);
      const made = response.json() as Made;
      assert.equal(made.file.contentType, 'application/json; charset=utf-8');
      const file = JSON.parse(fileText(made)) as Record<string, string>[];
      assert.equal(file.length, 1, 'an invoice listed twice goes once');
      assert.deepEqual(Object.keys(file[0]!), made.disclosure.subjects[0]?.fields);
      assert.deepEqual(file[0], {
        debtorName: 'Bertta Björk',
        invoiceNumber: String(overdue.number),
        reference: overdue.reference,
        invoiceDate: '2026-10-01',
        dueDate: '2026-11-01',
        total: '12.34',
        openAmount: '12.34',
      });
    });

    test("a customer's page lists the disclosures of their data, and what of it went", async () => {
      await discloseSeven();
      const page = await call(billing, 'GET', `/api/persons/${person.bertta}/disclosures?limit=2`);
      assert.equal(page.statusCode, 200, page.body);
      const items = page.json().items as {
        legalBasis: string;
        partner: { name: string };
        customer: { fields: string[]; omitted: Record<string, string> };
      }[];
      assert.deepEqual(
        items.map((item) => [
          item.legalBasis,
          item.partner.name,
          item.customer.fields.includes('debtorStreet'),
        ]),
        [
          ['debt_collection', 'Perintä Oy', false],
          ['debt_collection', 'Perintä Oy', false],
        ],
      );
      const rest = await call(
        billing,
        'GET',
        `/api/persons/${person.bertta}/disclosures?limit=50&cursor=${page.json().nextCursor}`,
      );
      assert.deepEqual(
        rest
          .json()
          .items.map((item: { legalBasis: string; flagged: boolean }) => [
            item.legalBasis,
            item.flagged,
          ]),
        [
          ['legal_obligation', true],
          ['billing', false],
        ],
      );
      assert.equal(rest.json().nextCursor, null);
      const organisation = await call(billing, 'GET', `/api/organizations/${firma}/disclosures`);
      assert.equal(organisation.statusCode, 200);
      assert.equal(organisation.json().items.length, 1);
      assert.deepEqual(organisation.json().items[0].customer.omitted, {});
      const unknown = await call(
        billing,
        'GET',
        '/api/persons/00000000-0000-4000-8000-000000000000/disclosures',
      );
      assert.equal(unknown.statusCode, 404);
    });

    test('the register filters by partner, subject, basis and time, newest first, paged', async () => {
      await discloseSeven();
      const all: { id: string; disclosedAt: string }[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/disclosures?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await call(officer, 'GET', url);
        assert.equal(page.statusCode, 200, page.body);
        all.push(...page.json().items);
        cursor = page.json().nextCursor;
      } while (cursor);
      assert.equal(all.length, 7);
      assert.equal(new Set(all.map((item) => item.id)).size, 7);
      const byPartner = await call(
        officer,
        'GET',
        `/api/disclosures?partnerId=${partner.usWithSafeguard}`,
      );
      assert.equal(byPartner.json().items.length, 1);
      const bySubject = await call(officer, 'GET', `/api/disclosures?subjectId=${person.anna}`);
      assert.equal(bySubject.json().items.length, 5);
      assert.equal(
        bySubject.json().items.some((item: { subjects?: unknown }) => 'subjects' in item),
        false,
        'the list names no subjects',
      );
      const from = encodeURIComponent('2026-11-25T00:00:00+02:00');
      const to = encodeURIComponent('2026-11-26T00:00:00+02:00');
      const today = await call(officer, 'GET', `/api/disclosures?from=${from}&to=${to}`);
      assert.equal(today.json().items.length, 7);
      const before = await call(officer, 'GET', `/api/disclosures?to=${from}`);
      assert.equal(before.json().items.length, 0);
    });

    test('reading disclosures is logged with the persons it tells of', async () => {
      await discloseSeven();
      const reads = async (run: () => Promise<unknown>) => {
        const before = (await accessLogEntries(ctx())).length;
        await run();
        return (await accessLogEntries(ctx())).slice(before);
      };
      const list = await call(officer, 'GET', '/api/disclosures?legalBasis=debt_collection');
      const collectionId = list.json().items.at(-1).id as string;
      const cases: [string, LoggedAccess[], [string[], string[]][]][] = [
        [
          'GET /api/disclosures/:id',
          await reads(() => call(officer, 'GET', `/api/disclosures/${collectionId}`)),
          [
            [
              [person.anna, person.bertta],
              ['name', 'disclosure'],
            ],
          ],
        ],
        [
          'GET /api/disclosures (a person)',
          await reads(() => call(officer, 'GET', `/api/disclosures?subjectId=${person.bertta}`)),
          [[[person.bertta], ['disclosure']]],
        ],
        [
          'GET /api/disclosures (no person)',
          await reads(() => call(officer, 'GET', '/api/disclosures')),
          [],
        ],
        [
          'GET /api/persons/:id/disclosures',
          await reads(() => call(officer, 'GET', `/api/persons/${person.anna}/disclosures`)),
          [[[person.anna], ['disclosure']]],
        ],
        [
          // Partners are organisations: choosing one reads no person's data.
          'GET /api/disclosures/recipients',
          await reads(() => call(officer, 'GET', '/api/disclosures/recipients')),
          [],
        ],
        [
          // An organisation's own data is not a person's (see the README).
          'GET /api/organizations/:id/disclosures',
          await reads(() => call(officer, 'GET', `/api/organizations/${firma}/disclosures`)),
          [],
        ],
      ];
      // The two routes that disclose are checked entry by entry in the tests above.
      const tested = [
        ...cases.map(([route]) => route.replace(/ \(.*\)$/, '')),
        'POST /api/disclosures',
        'POST /api/collections',
      ];
      const declared = ctx()
        .app.routeAccess.filter(
          (r) => 'permission' in r.access && r.access.permission.startsWith('disclosures.'),
        )
        .map((r) => `${r.method} ${r.url}`);
      assert.deepEqual([...new Set(tested)].sort(), declared.sort(), 'every disclosures route');
      for (const [route, entries, expected] of cases) {
        assert.deepEqual(
          entries.map((entry) => [entry.subjectIds, entry.fields]),
          expected,
          route,
        );
        for (const entry of entries) assert.equal(entry.action, 'read', route);
      }
    });

    test("the data subject's report names the recipient of each disclosure", async () => {
      await discloseSeven();
      const report = await call(
        officer,
        'GET',
        `/api/access-log/subjects/${person.bertta}/report?lang=fi`,
      );
      assert.equal(report.statusCode, 200, report.body);
      const disclosed = report
        .json()
        .entries.filter((entry: { action: string }) => entry.action === 'disclose');
      assert.equal(disclosed.length, 4);
      assert.deepEqual(disclosed[0], {
        ...disclosed[0],
        actionText: 'Tietojen luovutus: Perintä Oy',
        data: ['nimi'],
        purpose: 'laskutus',
      });
      assert.deepEqual(disclosed.at(-1).data, ['nimi', 'laskun tiedot']);
    });

    test('roles without the permission get 403 and no data', async () => {
      await discloseSeven();
      const routes: [string, string, object?][] = [
        [
          'POST',
          '/api/disclosures',
          {
            partnerId: partner.agency,
            legalBasis: 'billing',
            subjectIds: [person.anna],
            fields: ['name'],
          },
        ],
        [
          'POST',
          '/api/collections',
          { partnerId: partner.agency, invoiceIds: [crypto.randomUUID()] },
        ],
        ['GET', '/api/disclosures'],
        ['GET', '/api/disclosures/recipients'],
        ['GET', `/api/persons/${person.anna}/disclosures`],
        ['GET', `/api/organizations/${firma}/disclosures`],
      ];
      const roles: Role[] = ['admin', 'customer_service', 'social_worker', 'auditor', 'contractor'];
      for (const role of roles) {
        const cookie = await ctx().signIn(role);
        for (const [method, url, payload] of routes) {
          // The auditor reads the register of disclosures, but makes none.
          if (role === 'auditor' && method === 'GET') continue;
          const response = await call(cookie, method as 'GET', url, payload);
          assert.equal(response.statusCode, 403, `${role} ${method} ${url}`);
          assert.equal(response.body.includes('Perintä'), false);
        }
      }
      const count = (await call(officer, 'GET', '/api/disclosures?limit=100')).json().items.length;
      assert.equal(count, 7, 'nothing was disclosed');
    });
  },
  { clock },
);
