import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  insertTestPartner,
  manualClock,
} from '../helpers/app.ts';
import { pdftotext } from '../helpers/invoice-fixtures.ts';
import { MARKINGS } from '../../src/server/lib/pdf-pages.ts';
import { assertMarked } from '../helpers/report-files.ts';

/*
 * Restriction of processing (GDPR Art. 18, decision 0033): a restriction request places it and
 * lifts it; while it holds the person is left out of the mailing list and every disclosure
 * Art. 18(2) does not allow, and every change of their data but the rectification it waits for is
 * refused; lifting restores both.
 */

/** Wednesday 25 November 2026 in Helsinki. */
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Problem = { errors?: { field: string; code?: string }[] };
const fieldsOf = (body: Problem) => (body.errors ?? []).map((e) => [e.field, e.code]);

const ADDRESS = { street: 'Rajatie 3', postalCode: '73900', postOffice: 'Rautavaara' };

const text = (pdf: Buffer) => {
  const plain = pdftotext(pdf);
  assert.ok(plain !== null, 'pdftotext is installed');
  return plain.replace(/\s+/g, ' ');
};

forEachEngineAppPerTest(
  'restriction of processing',
  ({ ctx, prepare }) => {
    let officer: string;
    let clerk: string;
    let billing: string;
    let restricted: string;
    let other: string;
    let partner: string;

    const call = (
      cookie: string,
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
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
    /** A request of the person, its identity verified (and started, unless told). */
    const request = async (
      type: 'restriction' | 'rectification',
      personId: string,
      options: { start?: boolean; language?: 'fi' | 'sv' | 'en' } = {},
    ) => {
      const created = await ok(officer, 'POST', '/api/requests', {
        type,
        personId,
        receivedOn: '2026-11-23',
        channel: 'letter',
        language: options.language ?? 'fi',
      });
      await ok(officer, 'POST', `/api/requests/${created.id}/identity`, {
        method: 'signed_letter',
        verifiedOn: '2026-11-24',
      });
      if (options.start ?? true) await ok(officer, 'POST', `/api/requests/${created.id}/start`, {});
      return created.id as string;
    };
    const place = (requestId: string, body: object = {}) =>
      call(officer, 'POST', `/api/requests/${requestId}/restriction`, {
        grounds: ['accuracy_contested'],
        placedOn: '2026-11-25',
        ...body,
      });
    const restrict = async (personId: string, body: object = {}) => {
      const id = await request('restriction', personId);
      const placed = await place(id, body);
      assert.equal(placed.statusCode, 201, placed.body);
      return id;
    };
    const lift = (requestId: string, liftedOn = '2026-11-25') =>
      call(officer, 'POST', `/api/requests/${requestId}/restriction/lift`, {
        liftedOn,
        reason: 'Tietojen oikeellisuus tarkistettu',
      });
    const mailingList = async () => {
      const response = await call(clerk, 'POST', '/api/exports/mailing-list', {
        use: 'direct_marketing',
        purpose: 'Kuntatiedote kotitalouksiin',
        selection: { kind: 'all' },
      });
      assert.equal(response.statusCode, 201, response.body);
      const body = response.json();
      return {
        leftOut: body.leftOut as Record<string, number>,
        file: Buffer.from(body.file.base64, 'base64').toString('utf8'),
      };
    };
    const disclose = (body: object) =>
      call(billing, 'POST', '/api/disclosures', {
        partnerId: partner,
        subjectIds: [restricted, other],
        fields: ['name', 'address'],
        ...body,
      });
    const fileOf = (body: { file: { base64: string } }) =>
      Buffer.from(body.file.base64, 'base64').toString('utf8');

    prepare(async () => {
      officer = await ctx().signIn('register_officer');
      clerk = await ctx().signIn('customer_service');
      billing = await ctx().signIn('billing');
      const person = async (firstName: string) =>
        (
          await ok(officer, 'POST', '/api/persons', {
            firstName,
            lastName: 'Rajoittamo',
            email: `${firstName.toLowerCase()}@example.fi`,
            permanentAddress: ADDRESS,
          })
        ).id as string;
      restricted = await person('Rauni');
      other = await person('Sulo');
      partner = await insertTestPartner(ctx().database, {
        name: 'Palvelu Oy',
        roles: ['recipient'],
      });
    });

    test('the restriction request: placed once the identity is verified, then granted, lifted and told', async () => {
      const id = await request('restriction', restricted, { start: false });
      const fresh = await ok(officer, 'GET', `/api/requests/${id}`);
      const actions = fresh.allowedActions.map((a: { action: string }) => a.action);
      assert.ok(actions.includes('placeRestriction'), actions.join());
      assert.ok(!actions.includes('liftRestriction'));
      // Deciding before it is placed can only refuse.
      await ok(officer, 'POST', `/api/requests/${id}/start`, {});
      const started = await ok(officer, 'GET', `/api/requests/${id}`);
      const decide = started.allowedActions.find((a: { action: string }) => a.action === 'decide');
      assert.deepEqual(decide.outcomes, ['refused']);

      const placed = await place(id, { grounds: ['accuracy_contested', 'objection_pending'] });
      assert.equal(placed.statusCode, 201, placed.body);
      assert.equal(placed.json().active, true);
      assert.deepEqual(placed.json().grounds, ['accuracy_contested', 'objection_pending']);
      assert.deepEqual(fieldsOf((await place(id)).json()), [
        ['status', 'restriction.alreadyPlaced'],
      ]);

      const view = await ok(officer, 'GET', `/api/requests/${id}`);
      const names = view.allowedActions.map((a: { action: string }) => a.action);
      assert.ok(names.includes('liftRestriction') && !names.includes('placeRestriction'));
      assert.deepEqual(
        view.allowedActions.find((a: { action: string }) => a.action === 'decide').outcomes,
        ['granted', 'partly_granted'],
      );
      const refused = await call(officer, 'POST', `/api/requests/${id}/decision`, {
        outcome: 'refused',
        reasons: 'Ei perustetta',
        decidedOn: '2026-11-25',
      });
      assert.deepEqual(fieldsOf(refused.json()), [['outcome', 'restriction.outcomeMismatch']]);
      await ok(officer, 'POST', `/api/requests/${id}/decision`, {
        outcome: 'granted',
        decidedOn: '2026-11-25',
      });
      await ok(officer, 'POST', `/api/requests/${id}/answer`, { answeredOn: '2026-11-25' });

      // Every reader of the person page sees it; the letter tells the person what it means.
      const page = await ok(clerk, 'GET', `/api/persons/${restricted}/page`);
      assert.equal(page.restriction.placedOn, '2026-11-25');
      assert.equal(page.restriction.request.id, id);
      const notice = await call(officer, 'GET', `/api/requests/${id}/restriction/letter`);
      assert.equal(notice.statusCode, 200, notice.body);
      assert.equal(notice.headers['content-type'], 'application/pdf');
      const placedText = text(notice.rawPayload);
      assert.match(placedText, /Tietojenne käsittelyä on rajoitettu 25\.11\.2026 alkaen/);
      assert.match(placedText, /Kiistätte tietojenne paikkansapitävyyden/);
      assertMarked(notice.rawPayload, MARKINGS.personalData.fi);

      // Lifted from a past day: refused; from today: it ends, still answered, and the person is told.
      assert.deepEqual(fieldsOf((await lift(id, '2026-11-24')).json()), [
        ['liftedOn', 'restriction.liftInPast'],
      ]);
      const lifted = await lift(id);
      assert.equal(lifted.statusCode, 200, lifted.body);
      assert.equal(lifted.json().active, false);
      assert.deepEqual(fieldsOf((await lift(id)).json()), [
        ['liftedOn', 'restriction.alreadyLifted'],
      ]);
      const after = await ok(clerk, 'GET', `/api/persons/${restricted}/page`);
      assert.equal(after.restriction, null);
      const liftText = text(
        (await call(officer, 'GET', `/api/requests/${id}/restriction/letter`)).rawPayload,
      );
      assert.match(liftText, /Rajoitus päättyi 25\.11\.2026/);
      assert.match(liftText, /Tietojen oikeellisuus tarkistettu/);

      // The history and the access log name each step, for the person.
      const history = (await ok(officer, 'GET', `/api/requests/${id}`)).history.map(
        (event: { action: string }) => event.action,
      );
      assert.ok(history.includes('restriction.place') && history.includes('restriction.lift'));
      const logged = (await accessLogEntries(ctx())).filter(
        (entry) => entry.subjectIds.includes(restricted) && entry.fields.includes('restriction'),
      );
      assert.deepEqual([...new Set(logged.map((entry) => entry.action))].sort(), [
        'create',
        'print',
        'read',
        'update',
      ]);
    });

    test('a lift from a later day keeps the restriction until that day, and the letter says so in Swedish', async () => {
      const id = await restrict(restricted, { grounds: ['legal_claims'] });
      await ok(officer, 'POST', `/api/requests/${id}/restriction/lift`, {
        liftedOn: '2026-12-07',
        reason: 'Oikeudenkäynti päättyi',
      });
      const page = await ok(clerk, 'GET', `/api/persons/${restricted}/page`);
      assert.equal(page.restriction.liftedOn, '2026-12-07', 'still in force until the day');
      const change = await call(clerk, 'PATCH', `/api/persons/${restricted}`, {
        phone: '0401234567',
      });
      assert.equal(change.statusCode, 409);
      const swedish = await request('restriction', other, { language: 'sv' });
      assert.equal((await place(swedish, { grounds: ['legal_claims'] })).statusCode, 201);
      await ok(officer, 'POST', `/api/requests/${swedish}/restriction/lift`, {
        liftedOn: '2026-12-07',
        reason: 'Rättegången avslutades',
      });
      const letter = text(
        (await call(officer, 'GET', `/api/requests/${swedish}/restriction/letter`)).rawPayload,
      );
      assert.match(letter, /Begränsningen upphör 7\.12\.2026/);
      clock.advance(12 * 86_400_000);
      try {
        // A session lasts hours, not days: the clerk of 7 December signs in anew.
        const clerkLater = await ctx().signIn('customer_service');
        const later = await ok(clerkLater, 'GET', `/api/persons/${restricted}/page`);
        assert.equal(later.restriction, null, 'ended on its day');
        await ok(clerkLater, 'PATCH', `/api/persons/${restricted}`, { phone: '0401234567' });
      } finally {
        clock.advance(-12 * 86_400_000);
      }
    });

    test('while restricted the person is out of the mailing list and every disclosure Art. 18(2) does not allow; lifting restores', async () => {
      const id = await restrict(restricted);
      const list = await mailingList();
      assert.ok(list.file.includes('Sulo') && !list.file.includes('Rauni'), list.file);
      assert.equal(list.leftOut.restricted, 1);

      // A value-added service (service delivery) and a credit decision leave them out.
      for (const body of [
        { legalBasis: 'value_added_service', use: 'service_delivery' },
        { legalBasis: 'credit_decision', purpose: 'Vuokrasopimuksen luottopäätös' },
        { legalBasis: 'value_added_service', use: 'direct_marketing' },
      ]) {
        const made = await disclose(body);
        assert.equal(made.statusCode, 201, made.body);
        const file = fileOf(made.json());
        assert.ok(file.includes('Sulo') && !file.includes('Rauni'), `${body.legalBasis}: ${file}`);
        const subject = made
          .json()
          .disclosure.subjects.find((s: { id: string }) => s.id === restricted);
        // Every field withheld, each for the restriction; the record says why.
        assert.deepEqual(subject.fields, []);
        assert.deepEqual([...new Set(Object.values(subject.omitted))], ['restricted']);
      }
      // Everyone restricted: the disclosure is refused, nothing recorded.
      const alone = await call(billing, 'POST', '/api/disclosures', {
        partnerId: partner,
        legalBasis: 'value_added_service',
        use: 'service_delivery',
        subjectIds: [restricted],
        fields: ['name'],
      });
      assert.deepEqual(fieldsOf(alone.json()), [['subjectIds', 'disclosure.everyoneLeftOut']]);

      // Collecting an overdue invoice is a legal claim: Art. 18(2) allows it.
      const invoice = await insertTestInvoice(ctx().database, {
        personId: restricted,
        dueDate: '2026-11-01',
      });
      const collection = await call(billing, 'POST', '/api/collections', {
        partnerId: partner,
        invoiceIds: [invoice.id],
      });
      assert.equal(collection.statusCode, 201, collection.body);
      assert.ok(fileOf(collection.json()).includes('Rauni'));

      assert.equal((await lift(id)).statusCode, 200);
      const restored = await mailingList();
      assert.ok(restored.file.includes('Rauni'), 'lifting restores the mailing list');
      assert.equal(restored.leftOut.restricted, 0);
      const again = await disclose({ legalBasis: 'value_added_service', use: 'service_delivery' });
      assert.ok(fileOf(again.json()).includes('Rauni'), 'and the disclosures');
    });

    test('a change is refused while restricted, but the rectification it waits for is applied', async () => {
      const rectification = await request('rectification', restricted);
      const unrelated = await request('rectification', restricted);
      const id = await restrict(restricted, { rectificationRequestId: rectification });

      const refused = await call(clerk, 'PATCH', `/api/persons/${restricted}`, {
        email: 'uusi@example.fi',
      });
      assert.equal(refused.statusCode, 409);
      assert.deepEqual(fieldsOf(refused.json()), [['restriction', 'restriction.inForce']]);
      const archive = await call(officer, 'DELETE', `/api/persons/${restricted}`);
      assert.deepEqual(fieldsOf(archive.json()), [['restriction', 'restriction.inForce']]);

      const correct = async (requestId: string, email: string) => {
        const added = await ok(officer, 'POST', `/api/requests/${requestId}/rectification-items`, {
          field: 'email',
          value: email,
          grounds: 'Vanha osoite ei ole käytössä',
        });
        const item = added.items.find((i: { field: string }) => i.field === 'email');
        await ok(
          officer,
          'POST',
          `/api/requests/${requestId}/rectification-items/${item.id}/decision`,
          {
            decision: 'granted',
          },
        );
        return call(officer, 'POST', `/api/requests/${requestId}/rectification/apply`, {});
      };
      const other = await correct(unrelated, 'toinen@example.fi');
      assert.deepEqual(fieldsOf(other.json()), [['restriction', 'restriction.inForce']]);
      const applied = await correct(rectification, 'oikea@example.fi');
      assert.equal(applied.statusCode, 200, applied.body);
      const person = await ok(clerk, 'GET', `/api/persons/${restricted}`);
      assert.equal(person.email, 'oikea@example.fi');

      assert.equal((await lift(id)).statusCode, 200);
      await ok(clerk, 'PATCH', `/api/persons/${restricted}`, { phone: '0401234567' });
    });

    test('bad input names the field; one restriction in force per person', async () => {
      const id = await request('restriction', restricted);
      const empty = await place(id, { grounds: [] });
      assert.equal(empty.statusCode, 400);
      assert.deepEqual(
        fieldsOf(empty.json()).map(([field]) => field),
        ['grounds'],
      );
      const twice = await place(id, { grounds: ['legal_claims', 'legal_claims'] });
      assert.deepEqual(fieldsOf(twice.json()), [['grounds', 'restriction.duplicateGround']]);
      const unknown = await place(id, { grounds: ['because'] });
      assert.equal(unknown.statusCode, 400);
      const othersRectification = await request('rectification', other);
      const wrongPerson = await place(id, { rectificationRequestId: othersRectification });
      assert.deepEqual(fieldsOf(wrongPerson.json()), [
        ['rectificationRequestId', 'restriction.notRectificationRequest'],
      ]);
      const withoutGround = await place(id, {
        grounds: ['legal_claims'],
        rectificationRequestId: othersRectification,
      });
      assert.deepEqual(fieldsOf(withoutGround.json()), [
        ['rectificationRequestId', 'restriction.rectificationWithoutGround'],
      ]);
      const future = await place(id, { placedOn: '2026-11-26' });
      assert.deepEqual(fieldsOf(future.json()), [['placedOn', 'restriction.dateInFuture']]);
      const early = await place(id, { placedOn: '2026-11-20' });
      assert.deepEqual(fieldsOf(early.json()), [['placedOn', 'restriction.dateBeforeRequest']]);

      assert.equal((await place(id)).statusCode, 201);
      const second = await request('restriction', restricted);
      assert.deepEqual(fieldsOf((await place(second)).json()), [
        ['restriction', 'restriction.alreadyActive'],
      ]);
      // Another type of request has no restriction to place.
      const access = await ok(officer, 'POST', '/api/requests', {
        type: 'access',
        personId: other,
        receivedOn: '2026-11-23',
        channel: 'letter',
        language: 'fi',
      });
      const wrongType = await place(access.id);
      assert.equal(wrongType.statusCode, 409);
      // The customer service may not place one.
      const clerkTry = await call(clerk, 'POST', `/api/requests/${second}/restriction`, {
        grounds: ['legal_claims'],
        placedOn: '2026-11-25',
      });
      assert.equal(clerkTry.statusCode, 403);
    });
  },
  { clock },
);
