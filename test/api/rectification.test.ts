import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listValueSources } from '../../src/server/modules/persons/value-sources.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  insertTestPartner,
  manualClock,
} from '../helpers/app.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import { pdftotext } from '../helpers/invoice-fixtures.ts';
import { MARKINGS } from '../../src/server/lib/pdf-pages.ts';
import { assertMarked } from '../helpers/report-files.ts';

/** Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Problem = { errors?: { field: string; code?: string }[] };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

type Item = {
  id: string;
  field: string;
  proposedValue: string | null;
  decision: string | null;
  appliedAt: string | null;
  sources: { kind: string; partnerId: string | null; partnerName: string | null }[] | null;
  recipients:
    { partnerId: string; partnerName: string; disclosures: { collection: boolean }[] }[] | null;
};
type Rectification = {
  items: Item[];
  outcome: string | null;
  applied: boolean;
  letters: {
    party: string;
    name: string;
    asSource: string[];
    asRecipient: string[];
    language: string;
  }[];
  certificate: boolean;
};

/** The PDF's text with its lines' runs of spaces made one (pdftotext -layout pads columns). */
const text = (pdf: Buffer) => {
  const plain = pdftotext(pdf);
  assert.ok(plain !== null, 'pdftotext is installed');
  return plain.replace(/[ \t]+/g, ' ');
};

// A rectification request goes through its steps (received, decided per field, applied, decided),
// and the tests look at it at each: every test starts from its own copy of the prepared person,
// partners and disclosures, and takes its own request as far as it needs (swedishRequest).
forEachEngineAppPerTest(
  'rectification',
  ({ ctx, prepare }) => {
    let officer: string;
    let clerk: string;
    const partner: Record<string, string> = {};
    let aino: string;
    let other: string;

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH',
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
      assert.ok(
        response.statusCode < 300,
        `${method} ${url}: ${response.statusCode} ${response.body}`,
      );
      return response.json();
    };
    const receive = async (language: 'fi' | 'sv' | 'en') => {
      const created = await ok(officer, 'POST', '/api/requests', {
        type: 'rectification',
        personId: aino,
        receivedOn: '2026-11-25',
        channel: 'letter',
        language,
      });
      return created.id as string;
    };
    const startRequest = async (id: string) => {
      await ok(officer, 'POST', `/api/requests/${id}/identity`, {
        method: 'signed_letter',
        verifiedOn: '2026-11-25',
      });
      await ok(officer, 'POST', `/api/requests/${id}/start`, {});
    };
    const addItem = (id: string, body: object) =>
      call(officer, 'POST', `/api/requests/${id}/rectification-items`, body);
    const decide = (id: string, itemId: string, body: object) =>
      call(officer, 'POST', `/api/requests/${id}/rectification-items/${itemId}/decision`, body);
    const itemOf = (view: Rectification, field: string) => {
      const item = view.items.find((i) => i.field === field);
      assert.ok(item, `an item for ${field}`);
      return item;
    };
    /** Aino's request in Swedish to correct her email, contact address and last name. */
    const receiveSwedish = async () => {
      const id = await receive('sv');
      let view: Rectification | undefined;
      for (const item of [
        {
          field: 'email',
          value: 'aino.asiakas@example.fi',
          grounds: 'Gamla adressen används inte längre',
        },
        {
          field: 'contactAddress',
          value: { street: 'Uusikatu 5 B 12', postalCode: '00200', postOffice: 'Helsinki' },
          grounds: 'Flyttat',
        },
        { field: 'lastName', value: 'Kund', grounds: 'Jag vill heta Kund' },
      ]) {
        const added = await addItem(id, item);
        assert.equal(added.statusCode, 201, added.body);
        view = added.json() as Rectification;
      }
      return { id, view: view! };
    };
    /** The officer starts it and grants the email and the address, refuses the last name. */
    const decideSwedish = async (id: string) => {
      await startRequest(id);
      const view = (await ok(officer, 'GET', `/api/requests/${id}/rectification`)) as Rectification;
      const decideItem = (field: string, body: object) =>
        ok(
          officer,
          'POST',
          `/api/requests/${id}/rectification-items/${itemOf(view, field).id}/decision`,
          body,
        );
      await decideItem('email', { decision: 'granted' });
      await decideItem('contactAddress', { decision: 'granted' });
      await decideItem('lastName', {
        decision: 'refused',
        reason: 'Namnet i befolkningsdatasystemet är Asiakas',
      });
    };
    /** Aino's Swedish request taken as far as `step`, for a test of what follows it. */
    const swedishRequest = async (step: 'received' | 'decided' | 'applied' | 'concluded') => {
      const { id } = await receiveSwedish();
      if (step === 'received') return id;
      await decideSwedish(id);
      if (step === 'decided') return id;
      await ok(officer, 'POST', `/api/requests/${id}/rectification/apply`, {});
      if (step === 'applied') return id;
      await ok(officer, 'POST', `/api/requests/${id}/decision`, {
        outcome: 'partly_granted',
        reasons: 'Efternamnet rättas inte',
        decidedOn: '2026-11-25',
      });
      return id;
    };
    const pdf = async (url: string) => {
      const response = await call(officer, 'GET', url);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      return response;
    };

    // A person registered by staff; DVV and a partner source later give the email. Disclosures to X
    // with the email, to Y without it, to W with it withheld, and a collection.
    prepare(async () => {
      officer = await ctx().signIn('register_officer');
      clerk = await ctx().signIn('customer_service');
      const db = ctx().database;
      partner.source = await insertTestPartner(db, { name: 'Lähdekumppani Oy', roles: ['source'] });
      partner.x = await insertTestPartner(db, { name: 'Vastaanottaja X Oy', roles: ['recipient'] });
      partner.y = await insertTestPartner(db, { name: 'Vastaanottaja Y Oy', roles: ['recipient'] });
      partner.w = await insertTestPartner(db, { name: 'Markkinointi W Oy', roles: ['recipient'] });
      partner.agency = await insertTestPartner(db, { name: 'Perintä C Oy', roles: ['recipient'] });
      partner.abroad = await insertTestPartner(db, {
        name: 'Nordic Data AB',
        country: 'SE',
        roles: ['source'],
      });

      aino = (
        await ok(clerk, 'POST', '/api/persons', {
          firstName: 'Aino',
          lastName: 'Asiakas',
          email: 'aino.vanha@example.fi',
          phone: '0401234567',
          contactAddress: { street: 'Vanhatie 1', postalCode: '00100', postOffice: 'Helsinki' },
        })
      ).id;
      other = (await ok(clerk, 'POST', '/api/persons', { firstName: 'Olli', lastName: 'Muu' })).id;
      // DVV changes the email (the staff's value is superseded), then a partner confirms it.
      await ok(clerk, 'PATCH', `/api/persons/${aino}`, {
        email: 'aino@example.fi',
        source: { kind: 'population_register', reference: 'VTJ-muutos 24.11.2026' },
      });
      await ok(clerk, 'PATCH', `/api/persons/${aino}`, {
        email: 'aino@example.fi',
        source: { kind: 'partner', partnerId: partner.source, reference: 'rajapinta' },
      });
      // A partner abroad gave the phone number.
      await ok(clerk, 'PATCH', `/api/persons/${aino}`, {
        phone: '0407654321',
        source: { kind: 'partner', partnerId: partner.abroad },
      });
      await ok(officer, 'POST', '/api/disclosures', {
        partnerId: partner.x,
        legalBasis: 'credit_decision',
        purpose: 'Luottopäätös',
        subjectIds: [aino],
        fields: ['contact'],
      });
      clock.advance(60_000);
      await ok(officer, 'POST', '/api/disclosures', {
        partnerId: partner.y,
        legalBasis: 'credit_decision',
        purpose: 'Luottopäätös',
        subjectIds: [aino],
        fields: ['address'],
      });
      // Aino forbids direct marketing: W's marketing file leaves every field of hers out.
      await ok(officer, 'POST', `/api/persons/${aino}/objections`, {
        type: 'direct_marketing',
        objectedOn: '2026-11-25',
        source: 'email',
      });
      clock.advance(60_000);
      const withheld = await ok(officer, 'POST', '/api/disclosures', {
        partnerId: partner.w,
        legalBasis: 'value_added_service',
        use: 'direct_marketing',
        subjectIds: [aino, other],
        fields: ['contact'],
      });
      const ainoInW = (
        withheld.disclosure.subjects as { id: string; omitted: Record<string, string> }[]
      ).find((subject) => subject.id === aino);
      assert.equal(ainoInW?.omitted.email, 'objection', JSON.stringify(withheld.disclosure));
      const invoice = await insertTestInvoice(ctx().database, {
        personId: aino,
        dueDate: '2026-11-10',
      });
      clock.advance(60_000);
      await ok(officer, 'POST', '/api/collections', {
        partnerId: partner.agency,
        invoiceIds: [invoice.id],
      });
    });

    test('a rectification request names fields, proposed values (kept encrypted) and grounds', async () => {
      const { view } = await receiveSwedish();
      assert.deepEqual(
        view.items.map((i) => [i.field, i.proposedValue, i.decision]),
        [
          ['lastName', 'Kund', null],
          ['email', 'aino.asiakas@example.fi', null],
          ['contactAddress', 'Uusikatu 5 B 12, 00200 Helsinki, FI', null],
        ],
      );
      assert.equal(view.outcome, null);
      // The proposed value is not stored in plain text, nor written to the access log.
      const rows = await ctx().database.rows<{ n: number }>(
        sql`select count(*)::int as n from rectification_item where position(convert_to('aino.asiakas', 'UTF8') in proposed_value_encrypted) > 0`,
      );
      assert.equal(rows[0]?.n, 0);
      const stored = await ctx().database.rows<{ n: number }>(
        sql`select count(*)::int as n from rectification_item`,
      );
      assert.equal(stored[0]?.n, 3);
      const log = JSON.stringify(await accessLogEntries(ctx()));
      assert.ok(!log.includes('aino.asiakas@example.fi'));
    });

    test('bad input is named: unknown field, invalid value, a field twice, a refusal without reason', async () => {
      const swedish = await swedishRequest('received');
      const unknown = await addItem(swedish, { field: 'shoeSize', value: '42', grounds: 'x' });
      assert.equal(unknown.statusCode, 400);
      assert.deepEqual(fieldsOf(unknown.json()), [['field', 'invalid_value']]);

      const badEmail = await addItem(swedish, {
        field: 'phone',
        value: 'soita minulle',
        grounds: 'x',
      });
      assert.equal(badEmail.statusCode, 400);
      assert.deepEqual(
        fieldsOf(badEmail.json()).map(([field]) => field),
        ['value'],
      );

      const badAddress = await addItem(swedish, {
        field: 'permanentAddress',
        value: { street: 'Tie 1', postalCode: 'ABC', postOffice: 'Helsinki' },
        grounds: 'x',
      });
      assert.equal(badAddress.statusCode, 400);
      assert.deepEqual(
        fieldsOf(badAddress.json()).map(([field]) => field),
        ['value.postalCode'],
      );

      const noName = await addItem(swedish, { field: 'firstName', value: null, grounds: 'x' });
      assert.equal(noName.statusCode, 400);
      assert.deepEqual(
        fieldsOf(noName.json()).map(([field]) => field),
        ['value'],
      );

      const missing = await addItem(swedish, { field: 'phone', grounds: 'x' });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        fieldsOf(missing.json()).map(([field]) => field),
        ['value'],
      );

      const twice = await addItem(swedish, {
        field: 'email',
        value: 'a@example.fi',
        grounds: 'x',
      });
      assert.equal(twice.statusCode, 409);
      assert.deepEqual(fieldsOf(twice.json()), [['field', 'rectification.duplicateField']]);

      const view = (await ok(
        officer,
        'GET',
        `/api/requests/${swedish}/rectification`,
      )) as Rectification;
      const item = itemOf(view, 'email');
      const early = await decide(swedish, item.id, { decision: 'granted' });
      assert.equal(early.statusCode, 409, 'decided only once the request is in progress');
      assert.deepEqual(fieldsOf(early.json()), [['status', 'request.wrongStatus']]);

      await startRequest(swedish);
      const noReason = await decide(swedish, item.id, { decision: 'refused' });
      assert.equal(noReason.statusCode, 400);
      assert.deepEqual(fieldsOf(noReason.json()), [['reason', 'rectification.reasonRequired']]);

      const unknownItem = await decide(swedish, '00000000-0000-4000-8000-000000000000', {
        decision: 'granted',
      });
      assert.equal(unknownItem.statusCode, 404);
      assert.deepEqual(fieldsOf(unknownItem.json()), [['itemId', 'rectification.unknownItem']]);

      const access = await ok(officer, 'POST', '/api/requests', {
        type: 'access',
        personId: aino,
        receivedOn: '2026-11-25',
        channel: 'email',
        language: 'fi',
      });
      const notRectification = await addItem(access.id, {
        field: 'email',
        value: null,
        grounds: 'x',
      });
      assert.equal(notRectification.statusCode, 409);
      assert.deepEqual(fieldsOf(notRectification.json()), [
        ['type', 'rectification.notRectification'],
      ]);
    });

    test('the officer decides per field; nothing is applied while a field is open', async () => {
      const swedish = await swedishRequest('received');
      await startRequest(swedish);
      let view = (await ok(
        officer,
        'GET',
        `/api/requests/${swedish}/rectification`,
      )) as Rectification;
      view = (await (
        await decide(swedish, itemOf(view, 'email').id, { decision: 'granted' })
      ).json()) as Rectification;
      const open = await call(officer, 'POST', `/api/requests/${swedish}/rectification/apply`, {});
      assert.equal(open.statusCode, 409);
      assert.deepEqual(fieldsOf(open.json()), [['items', 'rectification.undecided']]);
      const undecided = await call(officer, 'POST', `/api/requests/${swedish}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-11-25',
      });
      assert.equal(undecided.statusCode, 409);
      assert.deepEqual(fieldsOf(undecided.json()), [['outcome', 'rectification.undecided']]);

      await ok(
        officer,
        'POST',
        `/api/requests/${swedish}/rectification-items/${itemOf(view, 'contactAddress').id}/decision`,
        {
          decision: 'granted',
        },
      );
      view = (await ok(
        officer,
        'POST',
        `/api/requests/${swedish}/rectification-items/${itemOf(view, 'lastName').id}/decision`,
        { decision: 'refused', reason: 'Namnet i befolkningsdatasystemet är Asiakas' },
      )) as Rectification;
      assert.equal(view.outcome, 'partly_granted');
      assert.equal(view.certificate, true);
      assert.deepEqual(view.letters, []);
    });

    test('applying lists exactly the sources of the old value and exactly the recipients it went to', async () => {
      const swedish = await swedishRequest('decided');
      const applied = (await ok(
        officer,
        'POST',
        `/api/requests/${swedish}/rectification/apply`,
        {},
      )) as Rectification;
      const email = itemOf(applied, 'email');
      assert.ok(email.appliedAt);
      // Staff's registration was superseded by DVV's different value: it is not a source of the old value.
      assert.deepEqual(
        email.sources?.map((s) => [s.kind, s.partnerId]),
        [
          ['population_register', null],
          ['partner', partner.source],
        ],
      );
      // X got the email; Y got no email; W's file withheld it from Aino; the agency got no email.
      assert.deepEqual(
        email.recipients?.map((r) => r.partnerId),
        [partner.x],
      );
      const address = itemOf(applied, 'contactAddress');
      assert.deepEqual(
        address.sources?.map((s) => s.kind),
        ['staff'],
      );
      assert.deepEqual(
        address.recipients?.map((r) => [r.partnerId, r.disclosures.map((d) => d.collection)]),
        [
          [partner.y, [false]],
          [partner.agency, [true]],
        ],
      );
      const lastName = itemOf(applied, 'lastName');
      assert.equal(lastName.appliedAt, null);
      assert.equal(lastName.sources, null);

      // A letter for each source partner (DVV and the partner) and each recipient; none for staff.
      assert.deepEqual(
        applied.letters.map((l) => [l.party, l.asSource, l.asRecipient, l.language]).sort(),
        [
          [partner.agency, [], ['contactAddress'], 'fi-sv'],
          [partner.source, ['email'], [], 'fi-sv'],
          [partner.x, [], ['email'], 'fi-sv'],
          [partner.y, [], ['contactAddress'], 'fi-sv'],
          ['population_register', ['email'], [], 'fi-sv'],
        ].sort(),
      );
    });

    test("the person's page shows the new values, their source is the request, and the log says so", async () => {
      const swedish = await swedishRequest('applied');
      const person = await ok(officer, 'GET', `/api/persons/${aino}`);
      assert.equal(person.email, 'aino.asiakas@example.fi');
      assert.equal(person.contactAddress.street, 'Uusikatu 5 B 12');
      assert.equal(person.lastName, 'Asiakas');
      const current = (await listValueSources(ctx().database.db, aino)).filter(
        (s) => s.current && (s.field === 'email' || s.field === 'contactAddress'),
      );
      assert.deepEqual(
        current.map((s) => [s.field, s.kind, s.requestId]),
        [
          ['email', 'request', swedish],
          ['contactAddress', 'request', swedish],
        ],
      );
      const update = (await accessLogEntries(ctx()))
        .filter(
          (e) => e.action === 'update' && e.subjectIds.includes(aino) && e.fields.includes('email'),
        )
        .at(-1);
      assert.deepEqual(
        (update?.changes?.source as { kind: string; requestId: string }).requestId,
        swedish,
      );
      assert.deepEqual(update?.fields, ['email', 'contactAddress']);
    });

    test('applying twice, or deciding an applied field again, is refused by name', async () => {
      const swedish = await swedishRequest('applied');
      const again = await call(officer, 'POST', `/api/requests/${swedish}/rectification/apply`, {});
      assert.equal(again.statusCode, 409);
      assert.deepEqual(fieldsOf(again.json()), [['items', 'rectification.alreadyApplied']]);
      const view = (await ok(
        officer,
        'GET',
        `/api/requests/${swedish}/rectification`,
      )) as Rectification;
      const redecide = await decide(swedish, itemOf(view, 'email').id, {
        decision: 'refused',
        reason: 'x',
      });
      assert.equal(redecide.statusCode, 409);
      assert.deepEqual(fieldsOf(redecide.json()), [['itemId', 'rectification.alreadyApplied']]);
      assert.equal(
        (await ok(officer, 'GET', `/api/persons/${aino}`)).email,
        'aino.asiakas@example.fi',
      );
    });

    test("the request's decision must agree with the fields' decisions", async () => {
      const swedish = await swedishRequest('applied');
      const wrong = await call(officer, 'POST', `/api/requests/${swedish}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-11-25',
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(fieldsOf(wrong.json()), [['outcome', 'rectification.outcomeMismatch']]);
      const right = await ok(officer, 'POST', `/api/requests/${swedish}/decision`, {
        outcome: 'partly_granted',
        reasons: 'Efternamnet rättas inte',
        decidedOn: '2026-11-25',
      });
      assert.equal(right.decision.outcome, 'partly_granted');
    });

    test('the letters: each names the corrected field, the date, the request number and the new value it had', async () => {
      const swedish = await swedishRequest('concluded');
      const number = (await ok(officer, 'GET', `/api/requests/${swedish}`)).number as number;
      const x = text(
        (await pdf(`/api/requests/${swedish}/rectification/letters/${partner.x}`)).rawPayload,
      );
      for (const expected of [
        'Ilmoitus henkilötietojen oikaisusta',
        'Meddelande om rättelse av personuppgifter',
        'Vastaanottaja X Oy',
        `Pyyntö nro: ${number}`,
        `Begäran nr: ${number}`,
        'Sähköpostiosoite',
        'E-postadress',
        'Oikaistu: 25.11.2026',
        'aino.asiakas@example.fi',
        'SALASSA PIDETTÄVÄ',
      ]) {
        assert.ok(x.includes(expected), `X's letter has "${expected}":\n${x}`);
      }
      assert.ok(!x.includes('Uusikatu'), "X never had the address: its letter doesn't give it");

      const y = text(
        (await pdf(`/api/requests/${swedish}/rectification/letters/${partner.y}`)).rawPayload,
      );
      assert.ok(y.includes('Uusikatu 5 B 12, 00200 Helsinki, FI'), y);
      assert.ok(!y.includes('aino.asiakas'), y);

      const dvv = text(
        (await pdf(`/api/requests/${swedish}/rectification/letters/population_register`))
          .rawPayload,
      );
      assert.ok(dvv.includes('Digi- ja väestötietovirasto'), dvv);
      assert.ok(dvv.includes('aino.asiakas@example.fi'), dvv);

      for (const party of [partner.source, partner.agency]) {
        const letter = text(
          (await pdf(`/api/requests/${swedish}/rectification/letters/${party}`)).rawPayload,
        );
        assert.ok(letter.includes(`${number}`), letter);
      }
      const none = await call(
        officer,
        'GET',
        `/api/requests/${swedish}/rectification/letters/${partner.w}`,
      );
      assert.equal(none.statusCode, 404, 'W never had the email: no letter');
      const staff = await call(
        officer,
        'GET',
        `/api/requests/${swedish}/rectification/letters/update_service`,
      );
      assert.equal(staff.statusCode, 404);
    });

    test("the refusal certificate is in the requester's language, with the reason and the Ombudsman", async () => {
      const swedish = await swedishRequest('concluded');
      const certificate = (await pdf(`/api/requests/${swedish}/rectification/certificate`))
        .rawPayload;
      assertMarked(certificate, MARKINGS.personalData.sv);
      const sv = text(certificate);
      for (const expected of [
        'Intyg över avslag på begäran om rättelse',
        'Efternamn',
        'Kund',
        'Namnet i befolkningsdatasystemet är Asiakas',
        'Dataombudsmannens byrå',
        'Lintulahdenkuja 4, 00530 Helsingfors',
        'PB 800, 00531 Helsingfors',
        'tietosuoja@om.fi',
        '+358 29 566 6700',
        'tietosuoja.fi',
        'E-postadress, Kontaktadress',
      ]) {
        assert.ok(sv.includes(expected), `the Swedish certificate has "${expected}":\n${sv}`);
      }
      assert.ok(!sv.includes('Tietosuojavaltuutetun'), 'only the requester’s language');

      for (const [language, expected] of [
        [
          'fi',
          [
            'Todistus oikaisupyynnön epäämisestä',
            'Puhelinnumero',
            'Numero on oikein',
            'Tietosuojavaltuutetun toimisto',
            'Lintulahdenkuja 4, 00530 Helsinki',
            'PL 800, 00531 Helsinki',
          ],
        ],
        [
          'en',
          [
            'Certificate of refusal to rectify personal data',
            'Phone number',
            'Numero on oikein',
            'Office of the Data Protection Ombudsman',
            'P.O. Box 800, 00531 Helsinki',
            'tietosuoja@om.fi',
            '+358 29 566 6700',
          ],
        ],
      ] as const) {
        const id = await receive(language);
        await addItem(id, { field: 'phone', value: '0501112222', grounds: 'Uusi numero' });
        await startRequest(id);
        const view = (await ok(
          officer,
          'GET',
          `/api/requests/${id}/rectification`,
        )) as Rectification;
        await ok(
          officer,
          'POST',
          `/api/requests/${id}/rectification-items/${itemOf(view, 'phone').id}/decision`,
          {
            decision: 'refused',
            reason: 'Numero on oikein',
          },
        );
        const nothing = await call(officer, 'POST', `/api/requests/${id}/rectification/apply`, {});
        assert.equal(nothing.statusCode, 409);
        assert.deepEqual(fieldsOf(nothing.json()), [['items', 'rectification.nothingGranted']]);
        const certificate = text(
          (await pdf(`/api/requests/${id}/rectification/certificate`)).rawPayload,
        );
        for (const line of expected) {
          assert.ok(
            certificate.includes(line),
            `the ${language} certificate has "${line}":\n${certificate}`,
          );
        }
        const decided = await ok(officer, 'POST', `/api/requests/${id}/decision`, {
          outcome: 'refused',
          reasons: 'Numero on oikein',
          decidedOn: '2026-11-25',
        });
        assert.equal(decided.decision.outcome, 'refused');
      }
      assert.equal((await ok(officer, 'GET', `/api/persons/${aino}`)).phone, '+358407654321');
    });

    test('a partner abroad is written to in English', async () => {
      const id = await receive('fi');
      await addItem(id, { field: 'phone', value: '0509998888', grounds: 'Uusi numero' });
      await startRequest(id);
      const view = (await ok(officer, 'GET', `/api/requests/${id}/rectification`)) as Rectification;
      await ok(
        officer,
        'POST',
        `/api/requests/${id}/rectification-items/${itemOf(view, 'phone').id}/decision`,
        {
          decision: 'granted',
        },
      );
      const applied = (await ok(
        officer,
        'POST',
        `/api/requests/${id}/rectification/apply`,
        {},
      )) as Rectification;
      // The abroad source gave the old phone number; X received it with the contact details.
      assert.deepEqual(
        applied.letters.map((l) => [l.party, l.asSource, l.asRecipient, l.language]),
        [
          [partner.abroad, ['phone'], [], 'en'],
          [partner.x, [], ['phone'], 'fi-sv'],
        ],
      );
      assert.equal(applied.certificate, false);
      const letter = text(
        (await pdf(`/api/requests/${id}/rectification/letters/${partner.abroad}`)).rawPayload,
      );
      assert.ok(letter.includes('Notification of the rectification of personal data'), letter);
      assert.ok(letter.includes('050 999 8888'), letter);
      assert.ok(!letter.includes('Ilmoitus'), letter);
      const none = await call(officer, 'GET', `/api/requests/${id}/rectification/certificate`);
      assert.equal(none.statusCode, 409);
      assert.deepEqual(fieldsOf(none.json()), [['items', 'rectification.nothingRefused']]);
    });

    test('reads, changes and print-outs are logged for the person; a clerk may not do any of it', async () => {
      const swedish = await swedishRequest('concluded');
      const before = (await accessLogEntries(ctx())).length;
      await ok(officer, 'GET', `/api/requests/${swedish}/rectification`);
      await pdf(`/api/requests/${swedish}/rectification/certificate`);
      const entries = (await accessLogEntries(ctx())).slice(before);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [
          ['read', [aino], ['requests']],
          ['print', [aino], ['rectificationCertificate']],
        ],
      );
      for (const [method, url] of [
        ['GET', `/api/requests/${swedish}/rectification`],
        ['POST', `/api/requests/${swedish}/rectification/apply`],
        ['GET', `/api/requests/${swedish}/rectification/certificate`],
      ] as const) {
        const response = await call(clerk, method, url, method === 'POST' ? {} : undefined);
        assert.equal(response.statusCode, 403, url);
      }
    });
  },
  { clock },
);
