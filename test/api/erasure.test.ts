import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { eq, or } from 'drizzle-orm';
import { personErasures, socialFamilyRelations } from '../../src/server/db/schema/index.ts';
import { personKeys as personKeyTable } from '../../src/server/keystore/schema.ts';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { databaseAccessLog } from '../../src/server/modules/access-log/access-log.ts';
import {
  sealAccessLog,
  verifyAccessLog,
} from '../../src/server/modules/access-log/access-log.chain.ts';
import { finishDueErasures } from '../../src/server/modules/erasure/erasure.service.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngine,
  forEachEngineAppPerTest,
  manualClock,
} from '../helpers/app.ts';
import { insertBillingSettings, insertOrder, pdftotext } from '../helpers/invoice-fixtures.ts';
import { dumpOf, placesOf } from '../helpers/dump.ts';
import { MARKINGS } from '../../src/server/lib/pdf-pages.ts';
import { assertMarked } from '../helpers/report-files.ts';

/** Today is Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

const PERSON = {
  firstName: 'Eemeli',
  lastName: 'Poistuvainen',
  email: 'eemeli.poistuvainen@example.fi',
  personalIdentityCode: makeIdentityCode('1975-04-03', 246),
  personalIdentityCodePurpose: 'consent',
};

type Problem = { errors?: { field: string; code?: string }[]; blockers?: Blocker[] };
type Blocker = {
  code: string;
  blocks: string;
  until: string | null;
  reason: string;
  reasons: { fi: string; sv: string; en: string };
};

forEachEngineAppPerTest(
  'erasure: blockers, partial erasure, finished by the register itself; the dump keeps nothing else',
  ({ ctx }) => {
    let officer: string;
    let billing: string;
    let admin: string;
    let worker: string;
    let personId: string;
    let relativeId: string;
    let erasureRequest: string;
    let accessRequest: string;
    let invoiceReference: string;
    let invoiceNumber: number;
    let holdId: string;
    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      payload?: object,
    ) => callAs(ctx(), cookie, method, url, payload);
    const ok = async (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'PUT',
      url: string,
      payload?: object,
    ) => {
      const response = await call(cookie, method, url, payload);
      assert.ok(response.statusCode < 300, `${method} ${url}: ${response.body}`);
      return response.json();
    };
    const receive = async (type: string, language: string) =>
      (
        await ok(officer, 'POST', '/api/requests', {
          type,
          personId,
          receivedOn: '2026-11-20',
          channel: 'letter',
          language,
        })
      ).id as string;
    const carryToInProgress = async (id: string) => {
      await ok(officer, 'POST', `/api/requests/${id}/identity`, {
        method: 'signed_letter',
        verifiedOn: '2026-11-23',
      });
      await ok(officer, 'POST', `/api/requests/${id}/start`, {});
    };

    /**
     * What stood in the erasure's way goes: the invoice is paid, the legal hold released and the
     * access request answered (the test "each blocker on its own" checks each step).
     */
    const clearBlockers = async () => {
      await ok(billing, 'POST', '/api/payments', {
        reference: invoiceReference,
        amountCents: 1_000_000,
        paidOn: '2026-11-25',
      });
      await ok(officer, 'POST', `/api/persons/${personId}/legal-holds/${holdId}/release`, {});
      await carryToInProgress(accessRequest);
      await ok(officer, 'POST', `/api/requests/${accessRequest}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-11-25',
      });
      await ok(officer, 'POST', `/api/requests/${accessRequest}/answer`, {
        answeredOn: '2026-11-25',
      });
    };
    /** The partial erasure, done (the test "partial erasure" checks what it did). */
    const erasePartially = async () => {
      await clearBlockers();
      const response = await call(officer, 'POST', `/api/requests/${erasureRequest}/erasure`, {});
      assert.equal(response.statusCode, 201, response.body);
    };

    // Each test's own app: a person with name, email, identity code, an order and an open
    // invoice, social records, a family relation and requests; each test takes the erasure as far
    // as it looks.
    beforeEach(async () => {
      const t = ctx();
      // The tests share the clock, and one of them leaves it years ahead.
      clock.advance(Date.parse('2026-11-25T10:00:00Z') - clock.now().getTime());
      officer = await t.signIn('register_officer');
      billing = await t.signIn('billing');
      admin = await t.signIn('admin');
      worker = await t.signIn('social_worker');
      await insertBillingSettings(t.database);
      personId = (
        await ok(officer, 'POST', '/api/persons', {
          ...PERSON,
          permanentAddress: {
            street: 'Häivekuja 3',
            postalCode: '70100',
            postOffice: 'Kuopio',
            country: 'FI',
          },
        })
      ).id;
      relativeId = (
        await ok(officer, 'POST', '/api/persons', {
          firstName: 'Hilja',
          lastName: 'Sukulainen',
        })
      ).id;

      const orderId = await insertOrder(t.database, { personId });
      const invoice = await ok(billing, 'POST', '/api/invoices', {
        orderId,
        invoiceDate: '2026-11-24',
      });
      invoiceReference = invoice.reference;
      invoiceNumber = invoice.number;

      const me = (await ok(worker, 'GET', '/api/auth/me')).id as string;
      const unit = await ok(admin, 'POST', '/api/social-services/units', {
        code: 'aikuiset-erasure',
        nameFi: 'Aikuissosiaalityö',
        nameSv: 'Socialt arbete för vuxna',
        nameEn: 'Adult social work',
        memberIds: [me],
      });
      const base = `/api/persons/${personId}/social-services`;
      const relationship = await ok(worker, 'POST', `${base}/relationships`, {
        unitId: unit.id,
        startsOn: '2010-01-01',
        responsibleWorkerIds: [me],
      });
      await ok(worker, 'POST', `${base}/health`, {
        date: '2011-03-02',
        category: 'Terveys',
        text: 'Poistuvaisen terveystieto',
        source: 'Asiakas itse',
      });
      await ok(worker, 'POST', `${base}/family-relations`, {
        relatedPersonId: relativeId,
        type: 'child',
        startsOn: '2010-05-06',
        source: 'Väestötietojärjestelmä',
      });
      // The client relationship ended long ago: its 12-year retention is over.
      await ok(worker, 'PATCH', `${base}/relationships/${relationship.id}`, {
        endsOn: '2012-12-31',
      });

      accessRequest = await receive('access', 'fi');
      erasureRequest = await receive('erasure', 'sv');
      await carryToInProgress(erasureRequest);
      await ok(officer, 'POST', `/api/requests/${erasureRequest}/notes`, {
        text: 'Eemeli Poistuvainen soitti ja vahvisti pyynnön',
      });
      const hold = await ok(officer, 'POST', `/api/persons/${personId}/legal-holds`, {
        reason: 'Vireillä oleva oikeudenkäynti',
        fromOn: '2026-11-01',
      });
      holdId = hold.id;
      assert.equal(hold.active, true);
    });

    test('the dry run lists exactly the blockers, each with its reason in fi, sv and en, in the request’s language', async () => {
      const dryRun = await ok(officer, 'GET', `/api/requests/${erasureRequest}/erasure`);
      assert.equal(dryRun.status, 'notErased');
      assert.equal(dryRun.plan, 'refused');
      assert.deepEqual(
        dryRun.blockers.map((b: Blocker) => [b.code, b.blocks, b.until]),
        [
          ['erasure.openInvoices', 'everything', null],
          ['erasure.pendingRequest', 'everything', null],
          ['erasure.legalHold', 'everything', null],
          ['erasure.accountingRetention', 'accounting', '2032-12-31'],
        ],
      );
      const open = dryRun.blockers[0] as Blocker;
      assert.equal(open.reason, open.reasons.sv, 'the answer is in the request’s language');
      for (const text of Object.values(open.reasons)) {
        assert.ok(text.includes(String(invoiceNumber)), text);
      }
      assert.match(open.reasons.fi, /maksamattomia laskuja/);
      assert.match(open.reasons.sv, /obetalda fakturor/);
      assert.match(open.reasons.en, /unpaid invoices/);
      assert.match(dryRun.blockers[2].reasons.fi, /Vireillä oleva oikeudenkäynti/);
    });

    test('erasure with an open invoice (and a pending request, and a legal hold) is refused: 409 with every reason in three languages, nothing erased', async () => {
      const refused = await call(officer, 'POST', `/api/requests/${erasureRequest}/erasure`, {});
      assert.equal(refused.statusCode, 409, refused.body);
      const body = refused.json() as Problem;
      assert.deepEqual(
        body.errors?.map((e) => e.code),
        ['erasure.openInvoices', 'erasure.pendingRequest', 'erasure.legalHold'],
      );
      const open = body.blockers?.find((b) => b.code === 'erasure.openInvoices');
      assert.ok(open);
      assert.match(open.reasons.fi, /Tietoja ei voi poistaa ennen kuin laskut on maksettu/);
      assert.match(open.reasons.sv, /kan inte raderas förrän fakturorna är betalda/);
      assert.match(open.reasons.en, /cannot be erased until the invoices are paid/);
      const person = await call(officer, 'GET', `/api/persons/${personId}`);
      assert.equal(person.statusCode, 200);
      assert.equal(person.json().email, PERSON.email);

      const letter = await call(officer, 'GET', `/api/requests/${erasureRequest}/erasure/letter`);
      assert.equal(letter.statusCode, 200);
      assert.equal(letter.headers['content-type'], 'application/pdf');
      assertMarked(letter.rawPayload, MARKINGS.personalData.sv);
      const text = pdftotext(letter.rawPayload);
      if (text !== null) {
        assert.match(text, /Era uppgifter kan inte raderas nu/);
        assert.match(text, /obetalda fakturor/);
        assert.match(text, /dataombudsmannen/);
      }
    });

    test('each blocker on its own: the legal hold blocks until released, the pending request until answered', async () => {
      const t = ctx();
      const payment = await ok(billing, 'POST', '/api/payments', {
        reference: invoiceReference,
        amountCents: 1_000_000,
        paidOn: '2026-11-25',
      });
      assert.ok(payment);
      const dryRun = async () =>
        (await ok(officer, 'GET', `/api/requests/${erasureRequest}/erasure`)).blockers.map(
          (b: Blocker) => b.code,
        );
      assert.deepEqual(await dryRun(), [
        'erasure.pendingRequest',
        'erasure.legalHold',
        'erasure.accountingRetention',
      ]);
      await ok(officer, 'POST', `/api/persons/${personId}/legal-holds/${holdId}/release`, {});
      assert.deepEqual(await dryRun(), ['erasure.pendingRequest', 'erasure.accountingRetention']);
      const stillRefused = await call(
        officer,
        'POST',
        `/api/requests/${erasureRequest}/erasure`,
        {},
      );
      assert.equal(stillRefused.statusCode, 409);
      assert.deepEqual(
        (stillRefused.json() as Problem).errors?.map((e) => e.code),
        ['erasure.pendingRequest'],
      );
      await carryToInProgress(accessRequest);
      await ok(officer, 'POST', `/api/requests/${accessRequest}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-11-25',
      });
      await ok(officer, 'POST', `/api/requests/${accessRequest}/answer`, {
        answeredOn: '2026-11-25',
      });
      const partial = await ok(officer, 'GET', `/api/requests/${erasureRequest}/erasure`);
      assert.equal(partial.plan, 'partial');
      assert.deepEqual(
        partial.kept.map((k: { part: string; until: string }) => [k.part, k.until]),
        [['accounting', '2032-12-31']],
      );
      assert.ok(partial.erased.includes('person'));
      assert.ok(partial.erased.includes('socialServices'));
      assert.ok(!partial.erased.includes('invoices'));
      assert.equal(t.database.db !== undefined, true);
    });

    test('partial erasure: everything but the accounting records goes; the answer says what stays and until when', async () => {
      const t = ctx();
      await clearBlockers();
      const response = await call(officer, 'POST', `/api/requests/${erasureRequest}/erasure`, {});
      assert.equal(response.statusCode, 201, response.body);
      const view = response.json();
      assert.equal(view.status, 'partial');
      assert.equal(view.subjectRef, personId);
      assert.deepEqual(
        view.kept.map((k: { part: string; until: string; rule: string }) => [
          k.part,
          k.rule,
          k.until,
        ]),
        [['accounting', 'erasure.accountingRetention', '2032-12-31']],
      );
      assert.match(view.kept[0].reason, /bokföringslagen/);
      assert.equal(view.finishOn, '2033-01-01');
      assert.equal(view.keyDestroyed, true, 'nothing kept is under the person’s key');

      const request = await ok(officer, 'GET', `/api/requests/${erasureRequest}`);
      assert.equal(request.status, 'decided');
      assert.equal(request.decision.outcome, 'partly_granted');
      assert.match(request.decision.reasons, /2032/);
      assert.deepEqual(request.notes, [], 'the working notes are erased');

      const search = await ok(officer, 'GET', '/api/search?q=Poistuvainen');
      assert.deepEqual(search.items, []);
      const invoice = await call(billing, 'GET', `/api/persons/${personId}/invoices`);
      assert.equal(invoice.statusCode < 500, true);

      const [key] = await t.personKeys.keyStore.db
        .select()
        .from(personKeyTable)
        .where(eq(personKeyTable.personId, personId));
      assert.ok(key?.destroyedAt, 'the key store holds only a tombstone of their key');
      assert.equal(key?.wrappedKey, null);

      // The dump: the name stays only in the invoice as it was sent (the accounting record).
      const dump = await dumpOf(t);
      assert.deepEqual([...new Set(placesOf(dump, PERSON.lastName))], ['public.invoice']);
      assert.deepEqual(placesOf(dump, PERSON.email), []);
      assert.deepEqual(placesOf(dump, PERSON.personalIdentityCode), []);
      assert.deepEqual(placesOf(dump, 'Häivekuja'), ['public.invoice']);
      assert.deepEqual(placesOf(dump, 'Poistuvaisen terveystieto'), []);

      const letter = await call(officer, 'GET', `/api/requests/${erasureRequest}/erasure/letter`);
      assert.equal(letter.statusCode, 200, letter.body);
      const text = pdftotext(letter.rawPayload);
      if (text !== null) {
        assert.match(text, /delvis verkställts/);
        assert.match(text, /Raderade uppgifter/);
        assert.match(text, /bokföringslagen/);
        assert.match(text, /31\.12\.2032/);
        assert.equal(
          text.includes(PERSON.lastName),
          false,
          'the letter names the request, not the person',
        );
      }
    });

    test('a second erasure of the request is refused', async () => {
      await erasePartially();
      const again = await call(officer, 'POST', `/api/requests/${erasureRequest}/erasure`, {});
      assert.equal(again.statusCode, 409);
      assert.equal((again.json() as Problem).errors?.[0]?.code, 'erasure.alreadyErased');
    });

    test('past the retention the register finishes the erasure by itself; the dump holds nothing of them and the log still verifies', async () => {
      const t = ctx();
      await erasePartially();
      const deps = {
        db: t.database.db,
        personKeys: t.personKeys.personKeys,
        clock,
        accessLog: databaseAccessLog(t.keys, clock, { personKeys: t.personKeys.personKeys }),
      };
      assert.deepEqual(await finishDueErasures(deps), { finished: 0 }, 'not before its time');
      clock.advance(Date.parse('2033-01-02T10:00:00Z') - clock.now().getTime());
      assert.deepEqual(await finishDueErasures(deps), { finished: 1 });
      assert.deepEqual(await finishDueErasures(deps), { finished: 0 });
      // Years later the suite's session has long ended: an officer signed in now.
      const laterOfficer = await t.signIn('register_officer');
      const [record] = await t.database.db
        .select()
        .from(personErasures)
        .where(eq(personErasures.subjectRef, personId));
      assert.equal(record?.status, 'complete');
      assert.deepEqual(record?.kept, []);
      const view = await ok(laterOfficer, 'GET', `/api/requests/${erasureRequest}/erasure`);
      assert.equal(view.status, 'complete');
      assert.ok(view.completedAt);

      const dump = await dumpOf(t);
      for (const value of [
        PERSON.lastName,
        PERSON.email,
        PERSON.personalIdentityCode,
        'Häivekuja',
      ]) {
        assert.deepEqual(placesOf(dump, value), [], value);
      }
      // What stays is the pseudonymous reference: in the log and the erasure record.
      assert.ok(placesOf(dump, personId).includes('public.person_erasure'));

      await sealAccessLog(t.database.db, t.keys, { before: new Date('2100-01-01') });
      const verified = await verifyAccessLog(t.database.db, t.keys);
      assert.equal(verified.ok, true, JSON.stringify(verified));

      // The officer reading the log sees that values were changed, not what they were.
      const log = await ok(laterOfficer, 'GET', `/api/access-log?subjectId=${personId}&limit=200`);
      const created = log.items.find(
        (e: { action: string; changes: Record<string, unknown> | null }) =>
          e.action === 'create' && e.changes?.firstName,
      );
      assert.equal(created?.changes.firstName, 'erased');
      assert.equal(created?.changes.email, 'erased');
    });

    test('the relative keeps their own data; the family relation is gone from both sides', async () => {
      await erasePartially();
      const relative = await ok(officer, 'GET', `/api/persons/${relativeId}`);
      assert.equal(relative.lastName, 'Sukulainen');
      const relations = await ctx()
        .database.db.select()
        .from(socialFamilyRelations)
        .where(
          or(
            eq(socialFamilyRelations.personId, relativeId),
            eq(socialFamilyRelations.relatedPersonId, relativeId),
          ),
        );
      assert.deepEqual(relations, []);
    });
  },
  { clock },
);

forEachEngine(
  'erasure: bad input and steps out of order are named',
  ({ ctx }) => {
    test('legal holds, the request type and its status', async () => {
      const t = ctx();
      const officer = await t.signIn('register_officer');
      const person = (
        await callAs(t, officer, 'POST', '/api/persons', {
          firstName: 'Kalle',
          lastName: 'Kelvoton',
        })
      ).json().id as string;
      const badHold = await callAs(t, officer, 'POST', `/api/persons/${person}/legal-holds`, {
        reason: 'x',
        fromOn: '2026-11-10',
        untilOn: '2026-11-01',
      });
      assert.equal(badHold.statusCode, 400);
      assert.deepEqual((badHold.json() as Problem).errors?.map((e) => e.field).sort(), [
        'reason',
        'untilOn',
      ]);
      const noPerson = await callAs(
        t,
        officer,
        'POST',
        '/api/persons/00000000-0000-4000-8000-000000000000/legal-holds',
        { reason: 'Oikeudenkäynti', fromOn: '2026-11-10' },
      );
      assert.equal(noPerson.statusCode, 404);

      const receive = async (type: string) =>
        (
          await callAs(t, officer, 'POST', '/api/requests', {
            type,
            personId: person,
            receivedOn: '2026-11-20',
            channel: 'email',
            language: 'en',
          })
        ).json().id as string;
      const access = await receive('access');
      const notErasure = await callAs(t, officer, 'GET', `/api/requests/${access}/erasure`);
      assert.equal(notErasure.statusCode, 409);
      assert.equal((notErasure.json() as Problem).errors?.[0]?.code, 'erasure.notErasureRequest');

      const erasure = await receive('erasure');
      const tooEarly = await callAs(t, officer, 'POST', `/api/requests/${erasure}/erasure`, {});
      assert.equal(tooEarly.statusCode, 409);
      assert.equal((tooEarly.json() as Problem).errors?.[0]?.code, 'request.wrongStatus');

      // Every erasure and legal-hold route logs its entry with the person as subject.
      const logged = async (
        call: () => ReturnType<typeof callAs>,
        action: string,
        field: string,
      ) => {
        const before = (await accessLogEntries(t)).length;
        const response = await call();
        const added = (await accessLogEntries(t)).slice(before);
        assert.ok(
          added.some(
            (e) => e.action === action && e.subjectIds.includes(person) && e.fields.includes(field),
          ),
          `${action} ${field}: ${JSON.stringify(added)}`,
        );
        return response;
      };
      const hold = await logged(
        () =>
          callAs(t, officer, 'POST', `/api/persons/${person}/legal-holds`, {
            reason: 'Viranomaisen tietopyyntö',
            fromOn: '2026-11-20',
            untilOn: '2027-01-31',
          }),
        'update',
        'legalHolds',
      );
      const holdId = (hold.json() as { id: string }).id;
      await logged(
        () => callAs(t, officer, 'GET', `/api/persons/${person}/legal-holds`),
        'read',
        'legalHolds',
      );
      await logged(
        () => callAs(t, officer, 'GET', `/api/requests/${erasure}/erasure`),
        'read',
        'erasure',
      );
      await logged(
        () => callAs(t, officer, 'GET', `/api/requests/${erasure}/erasure/letter`),
        'print',
        'erasure',
      );
      await logged(
        () =>
          callAs(t, officer, 'POST', `/api/persons/${person}/legal-holds/${holdId}/release`, {}),
        'update',
        'legalHolds',
      );
      const twice = await callAs(
        t,
        officer,
        'POST',
        `/api/persons/${person}/legal-holds/${holdId}/release`,
        {},
      );
      assert.equal(twice.statusCode, 409);
      assert.equal((twice.json() as Problem).errors?.[0]?.code, 'legalHold.alreadyReleased');
      const steps: [string, string, object][] = [
        [erasure, 'identity', { method: 'in_person', verifiedOn: '2026-11-24' }],
        [erasure, 'start', {}],
        [access, 'identity', { method: 'in_person', verifiedOn: '2026-11-24' }],
        [access, 'start', {}],
        [access, 'decision', { outcome: 'granted', decidedOn: '2026-11-25' }],
        [access, 'answer', { answeredOn: '2026-11-25' }],
      ];
      for (const [id, step, payload] of steps) {
        const response = await callAs(t, officer, 'POST', `/api/requests/${id}/${step}`, payload);
        assert.equal(response.statusCode, 200, response.body);
      }
      const done = await logged(
        () => callAs(t, officer, 'POST', `/api/requests/${erasure}/erasure`, {}),
        'update',
        'erasure',
      );
      const body = done.json() as { status: string; keyDestroyed: boolean };
      assert.equal(body.status, 'complete', 'nothing blocks: everything is erased at once');
      assert.equal(body.keyDestroyed, true);
      const gone = await callAs(t, officer, 'GET', `/api/persons/${person}`);
      assert.equal(gone.statusCode, 404);
      const request = await callAs(t, officer, 'GET', `/api/requests/${erasure}`);
      assert.equal(request.json().decision.outcome, 'granted');

      const clerk = await t.signIn('customer_service');
      const forbidden = await callAs(t, clerk, 'GET', `/api/requests/${erasure}/erasure`);
      assert.equal(forbidden.statusCode, 403);
    });
  },
  { clock: manualClock(new Date('2026-11-25T10:00:00Z')) },
);

const socialClock = manualClock(new Date('2026-11-25T10:00:00Z'));

forEachEngine(
  'erasure: social-services records kept for their retention, under the key, then erased with it',
  ({ ctx }) => {
    test('partial erasure keeps the client records, their name and code and the key; the register finishes it', async () => {
      const t = ctx();
      socialClock.advance(Date.parse('2026-11-25T10:00:00Z') - socialClock.now().getTime());
      const officer = await t.signIn('register_officer');
      const admin = await t.signIn('admin');
      const worker = await t.signIn('social_worker');
      const ok = async (
        cookie: string,
        method: 'GET' | 'POST' | 'PATCH',
        url: string,
        payload?: object,
      ) => {
        const response = await callAs(t, cookie, method, url, payload);
        assert.ok(response.statusCode < 300, `${method} ${url}: ${response.body}`);
        return response.json();
      };
      const person = {
        firstName: 'Saara',
        lastName: 'Sosiaaliasiakas',
        email: 'saara.sosiaaliasiakas@example.fi',
        personalIdentityCode: makeIdentityCode('1966-06-06', 357),
        personalIdentityCodePurpose: 'consent',
      };
      const personId = (await ok(officer, 'POST', '/api/persons', person)).id as string;
      const me = (await ok(worker, 'GET', '/api/auth/me')).id as string;
      const unit = await ok(admin, 'POST', '/api/social-services/units', {
        code: 'aikuiset-saara',
        nameFi: 'Aikuissosiaalityö',
        nameSv: 'Socialt arbete för vuxna',
        nameEn: 'Adult social work',
        memberIds: [me],
      });
      const base = `/api/persons/${personId}/social-services`;
      const relationship = await ok(worker, 'POST', `${base}/relationships`, {
        unitId: unit.id,
        startsOn: '2015-01-01',
        responsibleWorkerIds: [me],
      });
      await ok(worker, 'POST', `${base}/health`, {
        date: '2019-03-02',
        category: 'Terveys',
        text: 'Saaran terveystieto',
        source: 'Asiakas itse',
      });
      await ok(worker, 'PATCH', `${base}/relationships/${relationship.id}`, {
        endsOn: '2020-06-30',
      });
      const requestId = (
        await ok(officer, 'POST', '/api/requests', {
          type: 'erasure',
          personId,
          receivedOn: '2026-11-20',
          channel: 'counter',
          language: 'en',
        })
      ).id as string;
      await ok(officer, 'POST', `/api/requests/${requestId}/identity`, {
        method: 'in_person',
        verifiedOn: '2026-11-20',
      });
      await ok(officer, 'POST', `/api/requests/${requestId}/start`, {});

      const dryRun = await ok(officer, 'GET', `/api/requests/${requestId}/erasure`);
      assert.deepEqual(
        dryRun.blockers.map((b: Blocker) => [b.code, b.blocks, b.until]),
        [['erasure.socialServicesRetention', 'socialServices', '2032-06-30']],
      );
      assert.match(dryRun.blockers[0].reason, /12 years from the end of the client relationship/);

      const erased = await ok(officer, 'POST', `/api/requests/${requestId}/erasure`, {});
      assert.equal(erased.status, 'partial');
      assert.equal(erased.keyDestroyed, false, 'the kept records are under the key');
      assert.equal(erased.finishOn, '2032-07-01');
      assert.ok(!erased.erased.includes('identityCode'));
      const [key] = await t.personKeys.keyStore.db
        .select()
        .from(personKeyTable)
        .where(eq(personKeyTable.personId, personId));
      assert.equal(key?.destroyedAt, null);
      const search = await ok(officer, 'GET', '/api/search?q=Sosiaaliasiakas');
      assert.deepEqual(search.items, [], 'kept, but out of every search');
      const dump = await dumpOf(t);
      assert.deepEqual(placesOf(dump, person.email), []);
      assert.deepEqual(
        [...new Set(placesOf(dump, person.lastName))],
        ['public.person'],
        'the name stays only with the kept client records',
      );
      assert.deepEqual(placesOf(dump, person.personalIdentityCode), [], 'the code stays encrypted');

      const deps = {
        db: t.database.db,
        personKeys: t.personKeys.personKeys,
        clock: socialClock,
        accessLog: databaseAccessLog(t.keys, socialClock, { personKeys: t.personKeys.personKeys }),
      };
      socialClock.advance(Date.parse('2032-06-30T10:00:00Z') - socialClock.now().getTime());
      assert.deepEqual(await finishDueErasures(deps), { finished: 0 }, 'the last day is kept');
      socialClock.advance(2 * 86_400_000);
      assert.deepEqual(await finishDueErasures(deps), { finished: 1 });
      const [destroyed] = await t.personKeys.keyStore.db
        .select()
        .from(personKeyTable)
        .where(eq(personKeyTable.personId, personId));
      assert.ok(destroyed?.destroyedAt);
      const after = await dumpOf(t);
      for (const value of [person.lastName, person.email, 'Saaran terveystieto']) {
        assert.deepEqual(placesOf(after, value), [], value);
      }
    });
  },
  { clock: socialClock },
);
