import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideUse, mayAppear } from '../../src/server/modules/objections/usage-rule.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  insertTestPartner,
  manualClock,
} from '../helpers/app.ts';
import { pdftotext } from '../helpers/invoice-fixtures.ts';
import { MAILING_LIST_TEXTS } from '../../src/server/modules/objections/mailing-list.texts.ts';
import { assertMarked } from '../helpers/report-files.ts';

/** Today is Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Problem = { errors?: { field: string; code?: string }[] };
const codesOf = (body: Problem) => (body.errors ?? []).map((e) => e.code);

const ADDRESS = { street: 'Kirkkotie 1', postalCode: '73900', postOffice: 'Rautavaara' };

// Mailing lists and the usage rule count the organisation's persons and their objections: each test
// starts from its own copy of the staff, the organisation and its five persons, and records the
// objections it needs.
forEachEngineAppPerTest(
  'objections and prohibitions',
  ({ ctx, prepare }) => {
    let clerk: string;
    let officer: string;
    let billing: string;
    let auditor: string;
    const people: Record<string, string> = {};
    let organization: string;
    let partner: string;

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) => callAs(ctx(), cookie, method, url, payload);
    const object = async (personId: string, body: object) => {
      const response = await call(clerk, 'POST', `/api/persons/${personId}/objections`, body);
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };
    const mailingList = async (body: object) => {
      const response = await call(clerk, 'POST', '/api/exports/mailing-list', {
        purpose: 'Kirjaston asiakaskirje',
        selection: { kind: 'organization', organizationId: organization },
        ...body,
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json();
    };

    /** Aino objects to direct marketing, on the phone to customer service. */
    const ainoObjectsToDirectMarketing = () =>
      object(people.aino!, {
        type: 'direct_marketing',
        objectedOn: '2026-11-24',
        source: 'customer_service',
        note: 'Soitti asiakaspalveluun',
      });

    // Staff, an organisation and its five persons: Cecilia's address is protected, Daniel archived.
    prepare(async () => {
      clerk = await ctx().signIn('customer_service');
      officer = await ctx().signIn('register_officer');
      billing = await ctx().signIn('billing');
      auditor = await ctx().signIn('auditor');
      const org = await call(clerk, 'POST', '/api/organizations', { name: 'Kylätoimikunta ry' });
      assert.equal(org.statusCode, 201, org.body);
      organization = org.json().id;
      for (const [key, firstName, extra] of [
        ['aino', 'Aino', {}],
        ['bertta', 'Bertta', {}],
        [
          'cecilia',
          'Cecilia',
          { addressProtection: { active: true }, source: { kind: 'population_register' } },
        ],
        ['daniel', 'Daniel', {}],
        ['eero', 'Eero', {}],
      ] as const) {
        const response = await call(officer, 'POST', '/api/persons', {
          firstName,
          lastName: 'Kyläläinen',
          permanentAddress: ADDRESS,
          organizations: [{ organizationId: organization }],
          ...extra,
        });
        assert.equal(response.statusCode, 201, response.body);
        people[key] = response.json().id;
      }
      const archived = await call(officer, 'DELETE', `/api/persons/${people.daniel}`);
      assert.equal(archived.statusCode, 204, archived.body);
      partner = await insertTestPartner(ctx().database, {
        name: 'Markkinointi Oy',
        roles: ['recipient'],
      });
    });

    test('customer service records a direct-marketing objection; it is listed and logged', async () => {
      const before = (await accessLogEntries(ctx())).length;
      const objection = await ainoObjectsToDirectMarketing();
      assert.equal(objection.type, 'direct_marketing');
      assert.equal(objection.source, 'customer_service');
      assert.equal(objection.active, true);
      assert.equal(objection.withdrawal, null);
      const list = await call(billing, 'GET', `/api/persons/${people.aino}/objections`);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((o: { id: string }) => o.id),
        [objection.id],
      );
      const entries = (await accessLogEntries(ctx())).slice(before);
      assert.deepEqual(
        entries.map((e) => [e.action, e.subjectIds, e.fields]),
        [
          ['create', [people.aino], ['objections']],
          ['read', [people.aino], ['objections']],
        ],
      );
    });

    test('a second active objection to the same use is 409; dates in the future are refused', async () => {
      await ainoObjectsToDirectMarketing();
      const twice = await call(clerk, 'POST', `/api/persons/${people.aino}/objections`, {
        type: 'direct_marketing',
        objectedOn: '2026-11-25',
        source: 'email',
      });
      assert.equal(twice.statusCode, 409, twice.body);
      assert.deepEqual(codesOf(twice.json()), ['objection.alreadyActive']);
      const future = await call(clerk, 'POST', `/api/persons/${people.bertta}/objections`, {
        type: 'market_research',
        objectedOn: '2026-11-26',
        source: 'email',
      });
      assert.equal(future.statusCode, 400, future.body);
      assert.deepEqual(codesOf(future.json()), ['objection.dateInFuture']);
      const viaRequest = await call(clerk, 'POST', `/api/persons/${people.bertta}/objections`, {
        type: 'market_research',
        objectedOn: '2026-11-20',
        source: 'request',
      });
      assert.equal(viaRequest.statusCode, 400, viaRequest.body);
    });

    test('who may: billing reads but does not record; the auditor neither', async () => {
      const body = { type: 'targeting', objectedOn: '2026-11-20', source: 'email' };
      const byBilling = await call(
        billing,
        'POST',
        `/api/persons/${people.bertta}/objections`,
        body,
      );
      assert.equal(byBilling.statusCode, 403);
      const read = await call(auditor, 'GET', `/api/persons/${people.bertta}/objections`);
      assert.equal(read.statusCode, 403);
    });

    test('a withdrawal keeps the objection with its date; the rule stops applying it', async () => {
      const research = await object(people.bertta!, {
        type: 'market_research',
        objectedOn: '2026-11-02',
        source: 'population_register',
        note: 'DVV: markkinointikielto',
      });
      const early = await call(
        clerk,
        'POST',
        `/api/persons/${people.bertta}/objections/${research.id}/withdraw`,
        { withdrawnOn: '2026-11-01' },
      );
      assert.equal(early.statusCode, 400, early.body);
      assert.deepEqual(codesOf(early.json()), ['objection.dateBeforeObjection']);
      const ruled = () =>
        mayAppear(ctx().database.db, {
          caller: 'mailingList',
          use: 'market_research',
          personId: people.bertta!,
          now: clock.now(),
        });
      assert.deepEqual((await ruled()).reasons, ['objection']);
      const withdrawn = await call(
        clerk,
        'POST',
        `/api/persons/${people.bertta}/objections/${research.id}/withdraw`,
        { withdrawnOn: '2026-11-25', note: 'Peruttu puhelimessa' },
      );
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.json().active, false);
      assert.equal(withdrawn.json().withdrawal.withdrawnOn, '2026-11-25');
      assert.equal((await ruled()).allowed, true);
      const again = await call(
        clerk,
        'POST',
        `/api/persons/${people.bertta}/objections/${research.id}/withdraw`,
        { withdrawnOn: '2026-11-25' },
      );
      assert.equal(again.statusCode, 409);
      assert.deepEqual(codesOf(again.json()), ['objection.alreadyWithdrawn']);
      const list = await call(clerk, 'GET', `/api/persons/${people.bertta}/objections`);
      assert.equal(list.json().items.length, 1, 'kept, never deleted');
    });

    test('the rule: direct marketing covers distance selling and targeting, not research; relationship uses are not objectable', async () => {
      await ainoObjectsToDirectMarketing();
      const db = ctx().database.db;
      const ask = (uses: Parameters<typeof decideUse>[1]['uses']) =>
        decideUse(db, {
          caller: 'mailingList',
          uses,
          personIds: [people.aino!, people.bertta!, people.cecilia!, people.daniel!],
          now: clock.now(),
        });
      const reasons = (decision: Awaited<ReturnType<typeof ask>>) =>
        [people.aino, people.bertta, people.cecilia, people.daniel].map(
          (id) => decision.verdicts.get(id!)?.reasons,
        );
      for (const use of ['direct_marketing', 'distance_selling', 'targeting'] as const) {
        const decision = await ask([use]);
        assert.equal(decision.objectable, true);
        assert.deepEqual(
          reasons(decision),
          [['objection'], [], ['protectedAddress'], ['archived']],
          use,
        );
      }
      assert.deepEqual(reasons(await ask(['market_research'])), [
        [],
        [],
        ['protectedAddress'],
        ['archived'],
      ]);
      for (const use of ['billing', 'collection', 'credit_decision', 'legal_obligation'] as const) {
        const decision = await ask([use]);
        assert.equal(decision.objectable, false, use);
        assert.deepEqual(reasons(decision), [[], [], [], []], use);
      }
      const unknown = await mayAppear(db, {
        caller: 'mailingList',
        use: 'published_list',
        personId: '00000000-0000-4000-8000-000000000000',
        now: clock.now(),
      });
      assert.deepEqual(unknown.reasons, ['notInRegister']);
    });

    test('a marketing disclosure leaves the objecting person out, and its record says why', async () => {
      await ainoObjectsToDirectMarketing();
      const response = await call(officer, 'POST', '/api/disclosures', {
        partnerId: partner,
        legalBasis: 'value_added_service',
        use: 'direct_marketing',
        purpose: 'Kuntalaiskirje',
        subjectIds: [people.aino, people.bertta, people.cecilia],
        fields: ['name', 'address'],
      });
      assert.equal(response.statusCode, 201, response.body);
      const made = response.json();
      const csv = Buffer.from(made.file.base64, 'base64').toString('utf8');
      assert.ok(csv.includes('Bertta'));
      assert.ok(!csv.includes('Aino'), 'the objecting person is not in the file');
      assert.ok(!csv.includes('Cecilia'), 'a protected person is not in marketing');
      assert.equal(made.disclosure.recordCount, 1);
      const subject = (id: string) =>
        made.disclosure.subjects.find((s: { id: string }) => s.id === id);
      assert.deepEqual(subject(people.aino!).fields, []);
      assert.ok(
        Object.values(subject(people.aino!).omitted).every((reason) => reason === 'objection'),
      );
      assert.ok(
        Object.values(subject(people.cecilia!).omitted).every(
          (reason) => reason === 'protectedAddress',
        ),
      );
      const own = await call(officer, 'GET', `/api/persons/${people.aino}/disclosures`);
      assert.equal(own.json().items[0].customer.omitted.firstName, 'objection');
      const logged = (await accessLogEntries(ctx())).filter(
        (e) => e.action === 'disclose' && e.subjectIds.includes(people.aino!),
      );
      assert.deepEqual(logged, [], 'nothing of hers was disclosed, nothing is logged as such');
    });

    test('a value-added service that states no use is taken as every objectable use; a use only with it', async () => {
      await ainoObjectsToDirectMarketing();
      const unstated = await call(officer, 'POST', '/api/disclosures', {
        partnerId: partner,
        legalBasis: 'value_added_service',
        subjectIds: [people.aino],
        fields: ['name'],
      });
      assert.equal(unstated.statusCode, 409, unstated.body);
      assert.deepEqual(codesOf(unstated.json()), ['disclosure.everyoneLeftOut']);
      const delivery = await call(officer, 'POST', '/api/disclosures', {
        partnerId: partner,
        legalBasis: 'value_added_service',
        use: 'service_delivery',
        subjectIds: [people.aino],
        fields: ['name'],
      });
      assert.equal(delivery.statusCode, 201, delivery.body);
      const wrong = await call(officer, 'POST', '/api/disclosures', {
        partnerId: partner,
        legalBasis: 'billing',
        use: 'direct_marketing',
        subjectIds: [people.aino],
        fields: ['name'],
      });
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.deepEqual(codesOf(wrong.json()), ['disclosure.useOnlyForValueAddedService']);
    });

    test('the mailing list leaves out the objecting, protected and archived persons and counts them', async () => {
      await ainoObjectsToDirectMarketing();
      const before = (await accessLogEntries(ctx())).length;
      const list = await mailingList({ use: 'direct_marketing', format: 'csv' });
      const csv = Buffer.from(list.file.base64, 'base64').toString('utf8');
      assert.equal(csv.charCodeAt(0), 0xfeff);
      const lines = csv.slice(1).trim().split('\r\n');
      assert.deepEqual(lines, [
        'lastName;firstName;street;postalCode;postOffice;country',
        'Kyläläinen;Bertta;Kirkkotie 1;73900;Rautavaara;FI',
        'Kyläläinen;Eero;Kirkkotie 1;73900;Rautavaara;FI',
      ]);
      assert.equal(list.included, 2);
      assert.deepEqual(list.leftOut, {
        total: 3,
        objection: 1,
        protectedAddress: 1,
        archived: 1,
        restricted: 0,
        noAddress: 0,
      });
      assert.ok(!JSON.stringify(list).includes(people.aino!), 'never who');
      const entries = (await accessLogEntries(ctx())).slice(before);
      assert.deepEqual(
        entries.map((e) => [e.action, [...e.subjectIds].sort(), e.fields, e.purpose]),
        [
          [
            'export',
            [people.bertta, people.eero].sort(),
            ['name', 'address'],
            'Kirjaston asiakaskirje',
          ],
        ],
      );
    });

    test('research is a use of its own: the direct-marketing objector is on a research list', async () => {
      await ainoObjectsToDirectMarketing();
      const list = await mailingList({ use: 'market_research' });
      assert.equal(list.included, 3);
      assert.equal(list.leftOut.objection, 0);
    });

    test('address labels as a PDF: the persons allowed, each on a label', async () => {
      const list = await mailingList({ use: 'published_list', format: 'pdf', lang: 'sv' });
      assert.equal(list.file.contentType, 'application/pdf');
      assert.match(list.file.fileName, /^adressetiketter-2026-11-25-[0-9a-f]{8}\.pdf$/);
      const pdf = Buffer.from(list.file.base64, 'base64');
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assertMarked(pdf, MAILING_LIST_TEXTS.sv.marking, 'coverPage');
      const text = pdftotext(pdf);
      assert.ok(text !== null, 'pdftotext is installed');
      assert.ok(text.includes(`${list.included} adressetiketter`), 'the cover counts the labels');
      assert.match(text, /Aino Kyläläinen/);
      assert.match(text, /Eero Kyläläinen/);
      assert.match(text, /73900 RAUTAVAARA/);
      assert.doesNotMatch(text, /Cecilia|Daniel/);
    });

    test('a selection by language, and who may export', async () => {
      const list = await mailingList({
        use: 'direct_marketing',
        selection: { kind: 'language', language: 'sv' },
      });
      assert.equal(list.included, 0);
      const byBilling = await call(billing, 'POST', '/api/exports/mailing-list', {
        use: 'direct_marketing',
        purpose: 'Testi',
        selection: { kind: 'all' },
      });
      assert.equal(byBilling.statusCode, 403);
    });

    test('an objection request records its objections with the request as their source', async () => {
      const received = await call(officer, 'POST', '/api/requests', {
        type: 'objection',
        personId: people.eero,
        receivedOn: '2026-11-20',
        channel: 'letter',
        language: 'fi',
      });
      assert.equal(received.statusCode, 201, received.body);
      const requestId = received.json().id as string;
      const body = { types: ['published_list', 'direct_marketing'] };
      const early = await call(officer, 'POST', `/api/requests/${requestId}/objections`, body);
      assert.equal(early.statusCode, 409, early.body);
      assert.deepEqual(codesOf(early.json()), ['request.wrongStatus']);
      const verified = await call(officer, 'POST', `/api/requests/${requestId}/identity`, {
        method: 'signed_letter',
        verifiedOn: '2026-11-21',
      });
      assert.equal(verified.statusCode, 200, verified.body);
      const byClerk = await call(clerk, 'POST', `/api/requests/${requestId}/objections`, body);
      assert.equal(byClerk.statusCode, 403);
      const recorded = await call(officer, 'POST', `/api/requests/${requestId}/objections`, body);
      assert.equal(recorded.statusCode, 201, recorded.body);
      const result = recorded.json();
      assert.deepEqual(result.recorded.map((o: { type: string }) => o.type).sort(), [
        'direct_marketing',
        'published_list',
      ]);
      for (const objection of result.recorded) {
        assert.equal(objection.source, 'request');
        assert.equal(objection.objectedOn, '2026-11-20');
        assert.deepEqual(objection.request, { id: requestId, number: received.json().number });
      }
      const again = await call(officer, 'POST', `/api/requests/${requestId}/objections`, {
        types: ['direct_marketing', 'targeting'],
      });
      assert.equal(again.statusCode, 201, again.body);
      assert.deepEqual(again.json().alreadyActive, ['direct_marketing']);
      const onRequest = await call(officer, 'GET', `/api/requests/${requestId}/objections`);
      assert.equal(onRequest.json().items.length, 3);
      const view = await call(officer, 'GET', `/api/requests/${requestId}`);
      assert.ok(view.json().history.some((h: { action: string }) => h.action === 'objections'));
      const list = await mailingList({ use: 'published_list' });
      assert.equal(list.included, 2, 'Aino (no objection to lists) and Bertta');
      assert.equal(list.leftOut.objection, 1, 'Eero objected to lists');

      const access = await call(officer, 'POST', '/api/requests', {
        type: 'access',
        personId: people.bertta,
        receivedOn: '2026-11-20',
        channel: 'letter',
        language: 'fi',
      });
      const wrongType = await call(
        officer,
        'POST',
        `/api/requests/${access.json().id}/objections`,
        body,
      );
      assert.equal(wrongType.statusCode, 409);
      assert.deepEqual(codesOf(wrongType.json()), ['objection.notObjectionRequest']);
    });
  },
  { clock },
);
