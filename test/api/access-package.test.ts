import assert from 'node:assert/strict';
import { SEED_SETTINGS } from '../helpers/public-pages.ts';
import { test } from 'node:test';
import { asc, eq, inArray } from 'drizzle-orm';
import {
  dataSubjectRequests,
  disclosures,
  invoiceLines,
  invoices,
  objections,
  orderLines,
  orders,
  payments,
  persons,
} from '../../src/server/db/schema/index.ts';
import {
  PACKAGE_TEXTS,
  packageDate,
  packageMoney,
  type PackageLanguage,
} from '../../src/server/modules/access-package/access-package.texts.ts';
import { ROLES, roleHas } from '../../src/contract/auth/permissions.ts';
import { listValueSources } from '../../src/server/modules/persons/value-sources.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  insertTestPartner,
  manualClock,
} from '../helpers/app.ts';
import { insertTestPayment } from '../helpers/billing-fixtures.ts';
import { insertBillingSettings, insertOrder, pdftotext } from '../helpers/invoice-fixtures.ts';
import { fillEveryCategory, MARKERS, setUpSocialServices } from '../helpers/social-services.ts';
import { assertMarked } from '../helpers/report-files.ts';

/** Today is Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));
const LANGUAGES: readonly PackageLanguage[] = ['fi', 'sv', 'en'];

type Problem = { errors?: { field: string; code?: string }[] };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

/** Text without any white space: a value wrapped across lines is still found. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A value as stored (for the JSON) and as the PDF in a language prints it. */
type Expected = { what: string; json: string | number; pdf: (lang: PackageLanguage) => string };
const plain = (what: string, value: string | number): Expected => ({
  what,
  json: value,
  pdf: () => String(value),
});
const day = (what: string, iso: string): Expected => ({
  what,
  json: iso,
  pdf: (lang) => packageDate(lang, iso),
});
const cents = (what: string, value: number): Expected => ({
  what,
  json: value,
  pdf: (lang) => packageMoney(lang, value),
});

// The hand-over writes disclosures and the log, which other tests count: each test starts from its
// own copy of the prepared client, relative, stranger and their requests.
forEachEngineAppPerTest(
  'the answer to an access request (access package)',
  ({ ctx, prepare }) => {
    let officer: string;
    let workerA: string;
    let billing: string;
    let client: string;
    let relative: string;
    let stranger: string;
    let partnerName: string;
    const requests: Partial<Record<PackageLanguage | 'rectification', string>> = {};

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      payload?: object,
    ) => callAs(ctx(), cookie, method, url, payload);
    const ok = async (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH',
      url: string,
      payload?: object,
    ) => {
      const response = await call(cookie, method, url, payload);
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.body}`);
      return response.json();
    };
    const address = (street: string, postalCode: string, postOffice: string) => ({
      street,
      postalCode,
      postOffice,
      country: 'FI',
    });
    const receive = async (language: PackageLanguage, type = 'access') =>
      (
        await ok(officer, 'POST', '/api/requests', {
          type,
          personId: client,
          receivedOn: '2026-11-20',
          channel: 'letter',
          language,
        })
      ).id as string;

    // A client filled with data in every category, a relative and a stranger, and their requests.
    prepare(async (app) => {
      const s = await setUpSocialServices(app);
      officer = s.officer;
      workerA = s.workerA;
      client = s.client;
      relative = s.relative;
      billing = await app.signIn('billing');
      await insertBillingSettings(app.database);
      const posti = await insertTestPartner(app.database, {
        name: 'Posti Osoitepalvelu Oy',
        roles: ['source'],
      });
      partnerName = 'Perintä Kolmonen Oy';
      const agency = await insertTestPartner(app.database, {
        name: partnerName,
        roles: ['recipient'],
      });
      const organization = (
        await ok(officer, 'POST', '/api/organizations', {
          name: 'Yhdistys Siirin Kerho ry',
          businessId: '0201551-3',
        })
      ).id as string;

      await ok(officer, 'PATCH', `/api/persons/${client}`, {
        personalIdentityCode: '131052-308T',
        personalIdentityCodePurpose: 'social_services',
        email: 'siiri.asiakas@example.fi',
        phone: '+358401112223',
        permanentAddress: address('Kotikatu 3 A 1', '73900', 'Rautavaara'),
        contactAddress: address('Yhteyspolku 17', '70100', 'Kuopio'),
        billing: {
          billingAddress: address('Laskutuskuja 9', '70200', 'Kuopio'),
          eInvoiceAddress: '003726174164',
          eInvoiceIntermediator: '003721291126',
        },
        organizations: [{ organizationId: organization, title: 'Rahastonhoitaja' }],
        notes: 'Asioi mieluiten aamupäivisin',
        source: { kind: 'partner', partnerId: posti, reference: 'POSTI-ERA-2026-11' },
      });
      // The protection is the population register's word (decision 0006), not the partner's.
      await ok(officer, 'PATCH', `/api/persons/${client}`, {
        addressProtection: { active: true, endsOn: '2027-06-30', source: 'DVV-PAATOS-4411' },
        source: { kind: 'population_register' },
      });
      await ok(officer, 'PATCH', `/api/persons/${relative}`, {
        lastName: 'Sukulainen',
        personalIdentityCode: '010594Y9032',
        personalIdentityCodePurpose: 'social_services',
        email: 'veikko.sukulainen@example.fi',
        phone: '+358409998887',
        permanentAddress: address('Sukulaistenkatu 44', '00100', 'Helsinki'),
        notes: 'Sukulaisen oma lisätieto',
      });
      stranger = (
        await ok(officer, 'POST', '/api/persons', {
          firstName: 'Olli',
          lastName: 'Ulkopuolinen',
          personalIdentityCode: '020516C903K',
          personalIdentityCodePurpose: 'billing_and_collection',
          email: 'olli.ulkopuolinen@example.fi',
          phone: '+358405554443',
          permanentAddress: address('Vieraantie 88', '33100', 'Tampere'),
        })
      ).id as string;

      // Special categories and a family relation to the relative, recorded on the client.
      await fillEveryCategory(app, s);
      // The relative is a client too: their own record and their side of the relation are theirs.
      await ok(workerA, 'POST', `/api/persons/${relative}/social-services/relationships`, {
        unitId: s.unitA,
        startsOn: '2026-02-01',
        responsibleWorkerIds: [s.workerAId],
      });
      await ok(workerA, 'POST', `/api/persons/${relative}/social-services/health`, {
        date: '2026-04-01',
        category: 'SUKULAISEN-TERVEYSLUOKKA',
        text: 'SUKULAISEN-TERVEYSTEKSTI',
        source: 'SUKULAISEN-TERVEYSLAHDE',
      });
      await ok(workerA, 'POST', `/api/persons/${relative}/social-services/family-relations`, {
        relatedPersonId: client,
        type: 'guardian',
        source: 'SUKULAISEN-PERHELAHDE',
      });

      // Orders with lines, an invoice paid in part and one credited.
      const first = await insertOrder(
        app.database,
        { personId: client },
        {
          lines: [
            { description: 'Kotihoidon käynti aamulla', quantity: '2.5', unitPriceCents: 4590 },
            { description: 'Ateriapalvelu viikko', quantity: '1', unitPriceCents: 3275 },
          ],
        },
      );
      await ctx()
        .database.db.update(orders)
        .set({ notes: 'Ovikoodi kysytään puhelimitse' })
        .where(eq(orders.id, first));
      const second = await insertOrder(
        app.database,
        { personId: client },
        { lines: [{ description: 'Siivousapu kerran', quantity: '3', unitPriceCents: 2210 }] },
      );
      const invoice = await ok(billing, 'POST', '/api/invoices', {
        orderId: first,
        invoiceDate: '2026-11-21',
      });
      await insertTestPayment(app.database, invoice, 5_000, '2026-11-24');
      const credited = await ok(billing, 'POST', '/api/invoices', {
        orderId: second,
        invoiceDate: '2026-11-22',
      });
      await ok(billing, 'POST', `/api/invoices/${credited.id}/credit`, {
        reason: 'Palvelu jäi toteutumatta',
      });
      // The stranger has an order of their own.
      await insertOrder(
        app.database,
        { personId: stranger },
        { lines: [{ description: 'Vieraan tilausrivi', quantity: '1', unitPriceCents: 999 }] },
      );

      // A disclosure of the client's and the stranger's data to a collection agency.
      await ok(officer, 'POST', '/api/disclosures', {
        partnerId: agency,
        legalBasis: 'debt_collection',
        purpose: 'Perinnän selvitys MERKKI-LUOVUTUS',
        subjectIds: [client, stranger],
        fields: ['contact', 'address'],
      });

      // An objection, and an earlier rectification request with a decision and an internal note.
      await ok(officer, 'POST', `/api/persons/${client}/objections`, {
        type: 'direct_marketing',
        objectedOn: '2026-11-02',
        source: 'email',
        note: 'Sähköposti 2.11. MERKKI-KIELTO',
      });
      requests.rectification = await receive('fi', 'rectification');
      await ok(officer, 'POST', `/api/requests/${requests.rectification}/notes`, {
        text: 'SISAINEN-MUISTIINPANO-ALA-NAYTA',
      });
      // The scanned letter of the rectification request: the package names the file.
      const letter = await ctx().app.inject({
        method: 'POST',
        url: `/api/requests/${requests.rectification}/attachments?name=${encodeURIComponent('kirje-MERKKI-LIITE.pdf')}`,
        headers: { cookie: officer, 'content-type': 'application/pdf' },
        payload: Buffer.from('%PDF-1.7\n% skannattu kirje\n%%EOF\n'),
      });
      assert.equal(letter.statusCode, 201, letter.body);
      for (const language of LANGUAGES) requests[language] = await receive(language);
    });

    /**
     * Every value the database and the API hold of the client, read back from them; the
     * identity code and the special categories through the API (decrypted as the staff see them).
     */
    async function storedValues(): Promise<Expected[]> {
      const db = ctx().database.db;
      const values: Expected[] = [];
      const [person] = await db.select().from(persons).where(eq(persons.id, client));
      assert.ok(person);
      const code = await ok(officer, 'POST', `/api/persons/${client}/reveal-identity-code`, {
        purpose: 'access request test',
      });
      values.push(
        plain('firstName', person.firstName),
        plain('lastName', person.lastName),
        plain('identity code', code.personalIdentityCode),
        plain('email', person.email!),
        plain('phone', person.phone!),
        plain('address protection source', person.addressProtectionSource!),
        day('address protection ends', person.addressProtectionEndsOn!),
        plain('notes', person.notes!),
      );
      for (const [what, value] of Object.entries({
        permanentAddress: person.permanentAddress,
        contactAddress: person.contactAddress,
        billingAddress: person.billing?.billingAddress,
      })) {
        assert.ok(value, what);
        values.push(
          plain(`${what}.street`, value.street),
          plain(`${what}.postalCode`, value.postalCode),
          plain(`${what}.postOffice`, value.postOffice),
        );
      }
      values.push(
        plain('eInvoiceAddress', person.billing!.eInvoiceAddress!),
        plain('eInvoiceIntermediator', person.billing!.eInvoiceIntermediator!),
      );
      const view = await ok(officer, 'GET', `/api/persons/${client}`);
      for (const org of view.organizations as {
        name: string;
        businessId: string;
        title: string;
      }[]) {
        values.push(
          plain('organisation', org.name),
          plain('business id', org.businessId),
          plain('title', org.title),
        );
      }
      const orderRows = await db.select().from(orders).where(eq(orders.personId, client));
      const lineRows = await db
        .select()
        .from(orderLines)
        .where(
          inArray(
            orderLines.orderId,
            orderRows.map((o) => o.id),
          ),
        );
      for (const order of orderRows) {
        values.push(plain('order number', order.number));
        if (order.notes) values.push(plain('order notes', order.notes));
        if (order.deliveredOn) values.push(day('delivered', order.deliveredOn));
      }
      for (const line of lineRows) {
        values.push(
          plain('order line', line.description),
          plain('quantity', line.quantity),
          cents('unit price', line.unitPriceCents),
        );
      }
      const invoiceRows = await db
        .select()
        .from(invoices)
        .where(eq(invoices.personId, client))
        .orderBy(asc(invoices.number));
      assert.equal(invoiceRows.length, 3, 'two invoices and a credit note');
      for (const invoice of invoiceRows) {
        values.push(
          plain('invoice number', invoice.number),
          plain('reference', invoice.reference),
          day('invoice date', invoice.invoiceDate),
          day('due date', invoice.dueDate),
          cents('net', invoice.netCents),
          cents('vat', invoice.vatCents),
          cents('total', invoice.totalCents),
        );
      }
      const invoiceLineRows = await db
        .select()
        .from(invoiceLines)
        .where(
          inArray(
            invoiceLines.invoiceId,
            invoiceRows.map((i) => i.id),
          ),
        );
      for (const line of invoiceLineRows) {
        values.push(plain('invoice line', line.description), cents('line total', line.totalCents));
      }
      const paymentRows = await db
        .select()
        .from(payments)
        .where(
          inArray(
            payments.invoiceId,
            invoiceRows.map((i) => i.id),
          ),
        );
      assert.equal(paymentRows.length, 1);
      for (const payment of paymentRows) {
        values.push(day('paid on', payment.paidOn), cents('paid', payment.amountCents));
      }
      const disclosureRows = await db.select().from(disclosures);
      for (const row of disclosureRows.filter((d) => d.subjectIds.includes(client))) {
        values.push(plain('disclosure purpose', row.purpose!));
      }
      values.push(plain('disclosure recipient', partnerName));
      const base = `/api/persons/${client}/social-services`;
      const purpose = `?purpose=${encodeURIComponent('access request test')}`;
      const health = await ok(workerA, 'GET', `${base}/health${purpose}`);
      for (const item of health.items) {
        values.push(
          day('health date', item.date),
          plain('health category', item.category),
          plain('health text', item.text),
          plain('health source', item.source),
        );
      }
      const needs = await ok(workerA, 'GET', `${base}/service-needs${purpose}`);
      for (const item of needs.items) {
        values.push(
          day('assessed', item.assessedOn),
          plain('decision reference', item.decisionReference),
          plain('need source', item.source),
        );
      }
      const income = await ok(workerA, 'GET', `${base}/income${purpose}`);
      for (const item of income.items) {
        values.push(
          plain('income year', item.year),
          {
            what: 'annual income',
            json: item.annualIncome,
            pdf: (lang) => packageMoney(lang, Math.round(item.annualIncome * 100)),
          },
          {
            what: 'total assets',
            json: item.totalAssets,
            pdf: (lang) => packageMoney(lang, Math.round(item.totalAssets * 100)),
          },
          day('income recorded', item.recordedOn),
          plain('income source', item.source),
        );
      }
      const accounts = await ok(workerA, 'GET', `${base}/bank-accounts${purpose}`);
      for (const item of accounts.items) {
        values.push(
          plain('iban', item.ibanDisplay),
          plain('account purpose', item.purpose),
          plain('account source', item.source),
        );
      }
      const family = await ok(workerA, 'GET', `${base}/family-relations${purpose}`);
      for (const item of family.items.filter(
        (r: { recordedOn: string }) => r.recordedOn === 'own',
      )) {
        values.push(day('relation starts', item.startsOn), plain('relation source', item.source));
      }
      const requestRows = await db
        .select()
        .from(dataSubjectRequests)
        .where(eq(dataSubjectRequests.personId, client));
      for (const row of requestRows) {
        values.push(
          plain('request number', row.number),
          day('received', row.receivedOn),
          day('due', row.dueOn),
        );
        if (row.decisionReasons) values.push(plain('decision reasons', row.decisionReasons));
        const files = await ok(officer, 'GET', `/api/requests/${row.id}/attachments`);
        for (const file of files.items) values.push(plain('attachment', file.fileName));
      }
      assert.ok(
        values.some((value) => value.json === 'kirje-MERKKI-LIITE.pdf'),
        'the attachment is among the values',
      );
      const objectionRows = await db
        .select()
        .from(objections)
        .where(eq(objections.personId, client));
      assert.equal(objectionRows.length, 1);
      for (const row of objectionRows) {
        values.push(day('objected on', row.objectedOn), plain('objection note', row.note!));
      }
      const sources = await listValueSources(db, client);
      assert.ok(sources.some((source) => source.partnerName === 'Posti Osoitepalvelu Oy'));
      for (const source of sources) {
        if (source.partnerName) values.push(plain('value source partner', source.partnerName));
        if (source.reference) values.push(plain('value source reference', source.reference));
      }
      return values;
    }

    /** What of the relative and the stranger the register holds: none of it may show. */
    const OTHERS = [
      'Veikko',
      'Sukulainen',
      '010594Y9032',
      'veikko.sukulainen@example.fi',
      '+358409998887',
      'Sukulaistenkatu 44',
      'Sukulaisen oma lisätieto',
      'SUKULAISEN-TERVEYSLUOKKA',
      'SUKULAISEN-TERVEYSTEKSTI',
      'SUKULAISEN-TERVEYSLAHDE',
      'SUKULAISEN-PERHELAHDE',
      'Olli',
      'Ulkopuolinen',
      '020516C903K',
      'olli.ulkopuolinen@example.fi',
      '+358405554443',
      'Vieraantie 88',
      'Vieraan tilausrivi',
      // An internal note is not part of the answer (decision 0015).
      'SISAINEN-MUISTIINPANO-ALA-NAYTA',
    ];

    const download = (requestId: string, format: string, cookie = officer) =>
      call(cookie, 'GET', `/api/requests/${requestId}/access-package?format=${format}`);

    for (const language of LANGUAGES) {
      test(`${language}: the PDF read back with pdftotext holds every stored value and nothing of anyone else`, async () => {
        // Who has processed the data, as the JSON made just before lists it.
        const processing = (await download(requests[language]!, 'json')).json().processing as {
          entries: { user: string; action: string }[];
        };
        assert.ok(processing.entries.length > 0);
        const response = await download(requests[language]!, 'pdf');
        assert.equal(response.statusCode, 200, response.body);
        assert.equal(response.headers['content-type'], 'application/pdf');
        assert.match(String(response.headers['content-disposition']), /^attachment; filename="/);
        assertMarked(response.rawPayload, PACKAGE_TEXTS[language].marking);
        const text = pdftotext(response.rawPayload);
        assert.ok(text !== null, 'pdftotext is installed');
        if (process.env.ACCESS_PACKAGE_DUMP) {
          (await import('node:fs')).writeFileSync(
            `/tmp/access-${language}.pdf`,
            response.rawPayload,
          );
        }
        const haystack = squeeze(text);
        const t = PACKAGE_TEXTS[language];
        const missing = (await storedValues()).filter(
          (value) => !haystack.includes(squeeze(value.pdf(language))),
        );
        assert.deepEqual(
          missing.map((value) => `${value.what}: ${value.pdf(language)}`),
          [],
        );
        for (const other of OTHERS) {
          assert.ok(!haystack.includes(squeeze(other)), `${language}: ${other} must not show`);
        }
        for (const entry of processing.entries) {
          assert.ok(haystack.includes(squeeze(entry.user)), `${language}: ${entry.user}`);
          assert.ok(haystack.includes(squeeze(entry.action)), `${language}: ${entry.action}`);
        }
        // Every heading in the request's language, the marking, the rights and the Ombudsman.
        for (const heading of [
          t.title,
          t.marking,
          ...Object.values(t.categories),
          t.rightsTitle,
          t.rights.complaint,
          t.about.purposes,
          t.about.retention,
        ]) {
          assert.ok(haystack.includes(squeeze(heading)), `${language}: ${heading}`);
        }
        assert.ok(haystack.includes('tietosuoja@om.fi'));
        assert.ok(haystack.includes(squeeze(t.identityCodePurposes.social_services!)));
        assert.ok(haystack.includes(squeeze(t.relations.child!)), 'the kind of relation');
        const years = { accounting: 6, socialRecords: 12, customer: 6, deceased: 2 };
        assert.ok(haystack.includes(squeeze(t.retention.accounting(years))));
        // The customer data's period is the retention settings' (their defaults here), stated.
        assert.ok(haystack.includes(squeeze(t.retention.customer(years))), 'the customer period');
        // The other languages' headings are not there.
        for (const other of LANGUAGES.filter((l) => l !== language)) {
          assert.ok(!haystack.includes(squeeze(PACKAGE_TEXTS[other].title)));
        }
      });

      test(`${language}: the JSON holds every stored value, with English keys, and nothing of anyone else`, async () => {
        const response = await download(requests[language]!, 'json');
        assert.equal(response.statusCode, 200, response.body);
        assert.match(String(response.headers['content-type']), /^application\/json/);
        const body = response.json();
        const text = response.body;
        const missing = (await storedValues()).filter(
          (value) => !text.includes(JSON.stringify(value.json)),
        );
        assert.deepEqual(
          missing.map((value) => `${value.what}: ${JSON.stringify(value.json)}`),
          [],
        );
        for (const other of OTHERS) {
          assert.ok(!text.includes(other), `${language}: ${other} must not show`);
        }
        assert.equal(body.documentLanguage, language);
        assert.equal(body.identity.personalIdentityCode, '131052-308T');
        assert.equal(body.identity.identityCodePurpose, 'social_services');
        assert.deepEqual(body.contact.addressProtection, {
          active: true,
          endsOn: '2027-06-30',
          source: 'DVV-PAATOS-4411',
        });
        assert.deepEqual(body.familyRelations, [
          { type: 'child', startsOn: '2010-05-06', endsOn: null, source: MARKERS.familySource },
        ]);
        assert.equal(body.socialServices.relationships.length, 1);
        assert.deepEqual(
          body.disclosures.map((d: { partner: { name: string } | null }) => d.partner?.name),
          [partnerName],
        );
        // The client's protected address was withheld from the agency; the package says so.
        assert.equal(body.disclosures[0].fieldsWithheld.street, 'protectedAddress');
        assert.deepEqual(
          body.objections.map((o: { type: string; source: string }) => [o.type, o.source]),
          [['direct_marketing', 'email']],
        );
        assert.ok(
          body.valueSources.some(
            (s: { field: string; kind: string; partnerName: string; current: boolean }) =>
              s.field === 'email' &&
              s.kind === 'partner' &&
              s.partnerName === 'Posti Osoitepalvelu Oy' &&
              s.current,
          ),
        );
        const invoicesOut = body.invoices as { kind: string; credits: number | null }[];
        assert.deepEqual(
          invoicesOut.map((i) => i.kind),
          ['invoice', 'invoice', 'credit_note'],
        );
        assert.ok(body.processing.entries.length > 0, 'who has processed the data');
        assert.deepEqual(
          body.categories.map((c: { key: string }) => c.key),
          [
            'identity',
            'contact',
            'language',
            'billing',
            'organizations',
            'customerRecord',
            'orders',
            'invoices',
            'disclosures',
            'socialServices',
            'familyRelations',
            'requests',
            'objections',
            'processing',
          ],
        );
        const accounting = body.categories.find((c: { key: string }) => c.key === 'invoices');
        assert.deepEqual(
          [accounting.retention.code, accounting.retention.years],
          ['accounting', 6],
        );
        // ISO dates, no localised ones.
        assert.match(body.requests[0].receivedOn, /^\d{4}-\d{2}-\d{2}$/);
      });
    }

    test('making the package is logged as a read of all the data, for the person only', async () => {
      const before = (await accessLogEntries(ctx())).length;
      const response = await download(requests.fi!, 'json');
      assert.equal(response.statusCode, 200);
      const entries = (await accessLogEntries(ctx())).slice(before);
      const read = entries.find((e) => e.action === 'read');
      assert.ok(read);
      assert.deepEqual(read.subjectIds, [client]);
      for (const field of [
        'name',
        'personalIdentityCode',
        'health',
        'familyRelation',
        'invoices',
      ]) {
        assert.ok(read.fields.includes(field), field);
      }
      assert.match(read.purpose ?? '', /access request/);
      const beforePrint = (await accessLogEntries(ctx())).length;
      assert.equal((await download(requests.fi!, 'pdf')).statusCode, 200);
      // The package's own entry (its "who processed my data" part is logged as a report).
      const printed = (await accessLogEntries(ctx()))
        .slice(beforePrint)
        .filter((e) => e.action !== 'report');
      assert.deepEqual(
        printed.map((e) => [e.action, e.subjectIds, e.fields]),
        [['print', [client], read.fields]],
        'the PDF is logged as a print of the same data',
      );
      assert.ok(entries.every((e) => !e.subjectIds.includes(relative)));
    });

    test('the hand-over writes a disclosure to the person themself and its disclose entry', async () => {
      const id = requests.sv!;
      await ok(officer, 'POST', `/api/requests/${id}/identity`, {
        method: 'strong_identification',
        verifiedOn: '2026-11-21',
      });
      await ok(officer, 'POST', `/api/requests/${id}/start`, {});
      const early = await call(officer, 'POST', `/api/requests/${id}/access-package/hand-over`, {
        handedOverOn: '2026-11-25',
        channel: 'letter',
      });
      assert.equal(early.statusCode, 409, early.body);
      assert.deepEqual(fieldsOf(early.json()), [['status', 'request.wrongStatus']]);
      await ok(officer, 'POST', `/api/requests/${id}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-11-24',
      });
      const future = await call(officer, 'POST', `/api/requests/${id}/access-package/hand-over`, {
        handedOverOn: '2026-11-26',
        channel: 'letter',
      });
      assert.equal(future.statusCode, 400, future.body);
      assert.deepEqual(fieldsOf(future.json()), [['handedOverOn', 'request.dateInFuture']]);

      const countBefore = (await ctx().database.db.select().from(disclosures)).length;
      const logBefore = (await accessLogEntries(ctx())).length;
      const response = await call(officer, 'POST', `/api/requests/${id}/access-package/hand-over`, {
        handedOverOn: '2026-11-25',
        channel: 'email',
        format: 'pdf',
      });
      assert.equal(response.statusCode, 201, response.body);
      const made = response.json();
      assert.equal(made.channel, 'email');
      assert.match(made.fileName, /^svar-insyn-\d+-2026-11-25\.pdf$/);
      const rows = await ctx().database.db.select().from(disclosures);
      assert.equal(rows.length, countBefore + 1);
      const [row] = await ctx()
        .database.db.select()
        .from(disclosures)
        .where(eq(disclosures.id, made.disclosureId));
      assert.ok(row);
      assert.equal(row.recipient, 'data_subject');
      assert.equal(row.partnerId, null);
      assert.equal(row.channel, 'email');
      assert.equal(row.handedOverOn, '2026-11-25');
      assert.deepEqual(row.subjectIds, [client]);
      assert.equal(row.fileFormat, 'pdf');
      assert.equal(row.legalBasis, 'legal_obligation');
      assert.ok(row.fields.includes('personalIdentityCode'));
      assert.ok(row.fields.includes('health'));

      const entries = (await accessLogEntries(ctx())).slice(logBefore);
      const disclose = entries.filter((e) => e.action === 'disclose');
      assert.equal(disclose.length, 1);
      assert.deepEqual(disclose[0]!.subjectIds, [client]);
      assert.deepEqual(disclose[0]!.fields, row.fields);
      const to = (disclose[0]!.changes as { disclosedTo: Record<string, unknown> }).disclosedTo;
      assert.equal(to.dataSubject, true);
      assert.equal(to.disclosureId, row.id);
      assert.equal(to.channel, 'email');

      // The request's history, the person's disclosures and the register show it.
      const request = await ok(officer, 'GET', `/api/requests/${id}`);
      assert.ok(request.history.some((h: { action: string }) => h.action === 'handOver'));
      const own = await ok(officer, 'GET', `/api/persons/${client}/disclosures`);
      const mine = own.items.find((d: { id: string }) => d.id === row.id);
      assert.ok(mine);
      assert.equal(mine.recipient, 'data_subject');
      assert.equal(mine.partner, null);
      assert.deepEqual(mine.handOver, { channel: 'email', handedOverOn: '2026-11-25' });
      const register = await ok(officer, 'GET', '/api/disclosures');
      assert.ok(register.items.some((d: { id: string }) => d.id === row.id));
      const detail = await ok(officer, 'GET', `/api/disclosures/${row.id}`);
      assert.equal(detail.partner, null);
      assert.deepEqual(
        detail.subjects.map((s: { id: string }) => s.id),
        [client],
      );
      // The next package lists the hand-over among the person's disclosures.
      const next = (await download(id, 'json')).json();
      assert.ok(
        next.disclosures.some(
          (d: { recipient: string; handOver: unknown }) =>
            d.recipient === 'data_subject' &&
            JSON.stringify(d.handOver) ===
              JSON.stringify({ channel: 'email', handedOverOn: '2026-11-25' }),
        ),
      );
      // Answering still follows.
      await ok(officer, 'POST', `/api/requests/${id}/answer`, { answeredOn: '2026-11-25' });
      const late = await call(officer, 'POST', `/api/requests/${id}/access-package/hand-over`, {
        handedOverOn: '2026-11-25',
        channel: 'letter',
      });
      assert.equal(late.statusCode, 409);
    });

    test('a refused access request has nothing to hand over', async () => {
      const id = await receive('en');
      await ok(officer, 'POST', `/api/requests/${id}/identity`, {
        method: 'signed_letter',
        verifiedOn: '2026-11-21',
      });
      await ok(officer, 'POST', `/api/requests/${id}/start`, {});
      await ok(officer, 'POST', `/api/requests/${id}/decision`, {
        outcome: 'refused',
        reasons: 'Henkilöllisyys ei täsmää',
        decidedOn: '2026-11-24',
      });
      const response = await call(officer, 'POST', `/api/requests/${id}/access-package/hand-over`, {
        handedOverOn: '2026-11-25',
        channel: 'letter',
      });
      assert.equal(response.statusCode, 409, response.body);
      assert.deepEqual(fieldsOf(response.json()), [['outcome', 'accessPackage.refused']]);
    });

    test('bad input is named: the format, a request of another type, a request that is not there', async () => {
      const format = await download(requests.fi!, 'xml');
      assert.equal(format.statusCode, 400, format.body);
      assert.deepEqual(
        fieldsOf(format.json()).map(([field]) => field),
        ['querystring.format'],
      );
      for (const url of [`/api/requests/${requests.rectification}/access-package?format=pdf`]) {
        const response = await call(officer, 'GET', url);
        assert.equal(response.statusCode, 409, response.body);
        assert.deepEqual(fieldsOf(response.json()), [['type', 'accessPackage.notAccessRequest']]);
      }
      const handOver = await call(
        officer,
        'POST',
        `/api/requests/${requests.rectification}/access-package/hand-over`,
        { handedOverOn: '2026-11-25', channel: 'letter' },
      );
      assert.equal(handOver.statusCode, 409);
      assert.deepEqual(fieldsOf(handOver.json()), [['type', 'accessPackage.notAccessRequest']]);
      const channel = await call(
        officer,
        'POST',
        `/api/requests/${requests.fi}/access-package/hand-over`,
        { handedOverOn: '2026-11-25', channel: 'pigeon' },
      );
      assert.equal(channel.statusCode, 400);
      assert.deepEqual(
        fieldsOf(channel.json()).map(([field]) => field),
        ['channel'],
      );
      const missing = await download('00000000-0000-4000-8000-000000000000', 'pdf');
      assert.equal(missing.statusCode, 404);
    });

    test('403 for every role without the requests permissions', async () => {
      for (const role of ROLES) {
        const cookie = await ctx().signIn(role);
        const read = await download(requests.fi!, 'json', cookie);
        assert.equal(read.statusCode, roleHas(role, 'requests.read') ? 200 : 403, role);
        if (!roleHas(role, 'requests.manage')) {
          const handOver = await call(
            cookie,
            'POST',
            `/api/requests/${requests.fi}/access-package/hand-over`,
            { handedOverOn: '2026-11-25', channel: 'letter' },
          );
          assert.equal(handOver.statusCode, 403, role);
        }
      }
    });

    test('the controller is the one the public privacy statement names, once the administrator has saved it', async () => {
      const admin = await ctx().signIn('admin');
      const seller = (await call(admin, 'GET', '/api/billing/settings')).json();
      const before = (await download(requests.en!, 'json')).json();
      assert.equal(before.controller.name, seller.sellerName, 'before: the billing seller');
      const controller = {
        ...SEED_SETTINGS.controller,
        name: 'Rautavaaran kunta, kunnanhallitus',
        address: { street: 'Kunnantalontie 3', postalCode: '73900', postOffice: 'Rautavaara' },
      };
      const saved = await call(admin, 'PUT', '/api/settings/privacy-statement', {
        ...SEED_SETTINGS,
        controller,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const after = (await download(requests.en!, 'json')).json();
      assert.deepEqual(after.controller, {
        name: controller.name,
        businessId: seller.sellerBusinessId,
        address: { ...controller.address, country: 'FI' },
      });
      assert.match(
        after.rights.howToUse,
        /Rautavaaran kunta, kunnanhallitus, Kunnantalontie 3, 73900 Rautavaara/,
      );
    });
  },
  { clock },
);
