import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  paperDocuments,
  persons,
  personErasures,
  retentionOutcomes,
  valueSources,
} from '../../src/server/db/schema/index.ts';
import {
  accessLogEntries,
  callAs,
  forEachEngineAppPerTest,
  manualClock,
  type TestApp,
} from '../helpers/app.ts';
import {
  insertBillingSettings,
  insertOrder,
  insertTestOrganization,
  insertTestPerson,
} from '../helpers/invoice-fixtures.ts';
import { dumpOf, placesOf } from '../helpers/dump.ts';

/*
 * Retention of customers (issue #18 item 3, decision 0034): the dry run lists exactly the
 * customers past the period, with the blocked ones and their reasons; the run erases the others
 * through the erasure, records each outcome without names, and logs each.
 */

/** The data are made on 25 November 2026; the retention is looked at on 15 June 2033. */
const MADE = new Date('2026-11-25T10:00:00Z');
const LOOKED = new Date('2033-06-15T09:00:00Z');
const clock = manualClock(MADE);

type Population = Record<
  | 'forgotten'
  | 'openInvoice'
  | 'held'
  | 'paper'
  | 'deceased'
  | 'recentlyDeceased'
  | 'recentOrder'
  | 'recentContact'
  | 'representative',
  string
>;

/**
 * One customer of each kind, all registered in 2026 (six and a half years before LOOKED): some
 * past retention, some kept by a later relationship, some past it but blocked.
 */
async function population(t: TestApp): Promise<Population> {
  clock.advance(MADE.getTime() - clock.now().getTime());
  await insertBillingSettings(t.database);
  const billing = await t.signIn('billing');
  const person = (lastName: string, values: Partial<typeof persons.$inferInsert> = {}) =>
    insertTestPerson(t.database, { firstName: 'Testi', lastName, ...values });

  const forgotten = await person('Unohdettuinen');
  const openInvoice = await person('Maksamatoninen');
  const orderId = await insertOrder(t.database, { personId: openInvoice });
  const invoice = await callAs(t, billing, 'POST', '/api/invoices', {
    orderId,
    invoiceDate: '2026-11-24',
  });
  assert.equal(invoice.statusCode, 201, invoice.body);
  const held = await person('Pidätettyinen');
  const paper = await person('Paperillinen');
  await t.database.db.insert(paperDocuments).values({
    personId: paper,
    description: 'Allekirjoitettu hakemus',
    location: 'Arkistohuone B, kaappi 4',
    handlerIds: [],
    destroyOn: '2034-01-31',
    createdAt: MADE,
  });
  const deceased = await person('Edesmennytinen', { deceasedOn: '2030-01-01' });
  const recentlyDeceased = await person('Vastikäänkuollut', { deceasedOn: '2032-12-01' });
  const recentOrder = await person('Tilaajainen');
  const order = await insertOrder(t.database, { personId: recentOrder }, { status: 'cancelled' });
  // A cancelled order counts by its day too: a customer who ordered in 2030 is a customer then.
  await t.database.db.execute(
    `update customer_order set created_at = '2030-03-01T10:00:00Z' where id = '${order}'`,
  );
  const recentContact = await person('Yhteydenottaja');
  await t.database.db.insert(valueSources).values({
    personId: recentContact,
    field: 'email',
    kind: 'data_subject',
    recordedAt: new Date('2031-03-01T10:00:00Z'),
  });
  const representative = await person('Edustajainen');
  await insertTestOrganization(t.database, { representatives: [representative] });

  clock.advance(LOOKED.getTime() - clock.now().getTime());
  const officer = await t.signIn('register_officer');
  const hold = await callAs(t, officer, 'POST', `/api/persons/${held}/legal-holds`, {
    reason: 'Vireillä oleva oikeudenkäynti',
    fromOn: '2033-06-01',
  });
  assert.equal(hold.statusCode, 201, hold.body);
  return {
    forgotten,
    openInvoice,
    held,
    paper,
    deceased,
    recentlyDeceased,
    recentOrder,
    recentContact,
    representative,
  };
}

type DryRun = {
  today: string;
  customerYears: number;
  customers: {
    personId: string;
    name: string;
    basis: string;
    basisOn: string;
    dueOn: string;
    plan: string;
    blockers: { code: string; reasons: { fi: string; sv: string; en: string } }[];
  }[];
};

forEachEngineAppPerTest(
  'retention of customers',
  ({ ctx }) => {
    test('the dry run lists exactly the customers past retention, and the blocked ones with their reasons', async () => {
      const t = ctx();
      const p = await population(t);
      const admin = await t.signIn('admin');
      const saved = await callAs(t, admin, 'PUT', '/api/retention/settings', {
        customerYears: 6,
        deceasedYears: 2,
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().dailyRun, false);

      const officer = await t.signIn('register_officer');
      const response = await callAs(t, officer, 'GET', '/api/retention/dry-run');
      assert.equal(response.statusCode, 200, response.body);
      const dry = response.json() as DryRun;
      assert.equal(dry.today, '2033-06-15');
      const byId = new Map(dry.customers.map((c) => [c.personId, c]));
      assert.deepEqual(
        [...byId.keys()].sort(),
        [p.forgotten, p.openInvoice, p.held, p.paper, p.deceased].sort(),
        'past retention: nobody with a later relationship, a recent death or a customer organisation',
      );
      const plan = (id: string) => {
        const c = byId.get(id);
        return [c?.plan, c?.blockers.map((b) => b.code)];
      };
      assert.deepEqual(plan(p.forgotten), ['full', []]);
      assert.deepEqual(plan(p.deceased), ['full', []]);
      assert.deepEqual(plan(p.openInvoice), ['refused', ['erasure.openInvoices']]);
      assert.deepEqual(plan(p.held), ['refused', ['erasure.legalHold']]);
      assert.deepEqual(plan(p.paper), ['refused', ['erasure.paperDocuments']]);
      assert.match(
        byId.get(p.paper)?.blockers[0]?.reasons.fi ?? '',
        /Arkistohuone B, kaappi 4/,
        'the reason says where the paper is',
      );
      const deceased = byId.get(p.deceased);
      assert.deepEqual(
        [deceased?.basis, deceased?.basisOn, deceased?.dueOn],
        ['deceased', '2030-01-01', '2032-01-01'],
      );
      const forgotten = byId.get(p.forgotten);
      assert.equal(forgotten?.basis, 'lastRelationship');
      assert.equal(forgotten?.name, 'Testi Unohdettuinen');
      assert.ok((forgotten?.dueOn ?? '') < '2033-06-15');

      // Nothing changed, and each listed person's read is logged.
      assert.equal((await t.database.db.select().from(personErasures)).length, 0);
      const log = await accessLogEntries(t);
      const read = log.find((e) => e.fields.includes('retention') && e.action === 'read');
      assert.deepEqual(read?.subjectIds.sort(), [...byId.keys()].sort());
    });

    test('the run erases the customers past retention, leaves the blocked ones, and logs and records each without names', async () => {
      const t = ctx();
      const p = await population(t);
      const officer = await t.signIn('register_officer');
      const response = await callAs(t, officer, 'POST', '/api/retention/runs', {});
      assert.equal(response.statusCode, 201, response.body);
      const run = response.json();
      assert.deepEqual(run.counts, { erased: 2, partlyErased: 0, blocked: 3, failed: 0 });
      assert.equal(run.trigger, 'staff');
      assert.equal(run.customerYears, 6, 'the defaults hold until the administrator saves');

      const left = new Set(
        (await t.database.db.select({ id: persons.id }).from(persons)).map((r) => r.id),
      );
      for (const gone of [p.forgotten, p.deceased]) assert.ok(!left.has(gone), 'erased');
      for (const kept of [
        p.openInvoice,
        p.held,
        p.paper,
        p.recentlyDeceased,
        p.recentOrder,
        p.recentContact,
        p.representative,
      ]) {
        assert.ok(left.has(kept), 'kept');
      }
      const erasures = await t.database.db.select().from(personErasures);
      assert.deepEqual(
        erasures.map((e) => [e.subjectRef, e.status, e.requestId]).sort(),
        [
          [p.forgotten, 'complete', null],
          [p.deceased, 'complete', null],
        ].sort(),
      );
      assert.ok(
        erasures.every((e) => e.keyDestroyedAt !== null),
        'their keys destroyed',
      );

      const report = await callAs(t, officer, 'GET', `/api/retention/runs/${run.id}`);
      assert.equal(report.statusCode, 200, report.body);
      assert.ok(!/Testi|Unohdettuinen|Edesmennytinen|Maksamatoninen/.test(report.body));
      const outcomes = new Map(
        (
          report.json().outcomes as { subjectRef: string; outcome: string; blockers: string[] }[]
        ).map((o) => [o.subjectRef, [o.outcome, o.blockers]]),
      );
      assert.deepEqual(outcomes.get(p.forgotten), ['erased', []]);
      assert.deepEqual(outcomes.get(p.openInvoice), ['blocked', ['erasure.openInvoices']]);
      assert.deepEqual(outcomes.get(p.paper), ['blocked', ['erasure.paperDocuments']]);
      assert.equal(outcomes.size, 5);

      const log = await accessLogEntries(t);
      const about = (id: string) =>
        log.filter((e) => e.subjectIds.includes(id) && /^Retention run 1:/.test(e.purpose ?? ''));
      assert.deepEqual(
        about(p.forgotten).map((e) => e.action),
        ['update'],
      );
      assert.deepEqual(
        about(p.held).map((e) => e.action),
        ['read'],
      );

      const list = await callAs(t, officer, 'GET', '/api/retention/runs');
      assert.deepEqual(
        list.json().items.map((r: { number: number }) => r.number),
        [run.number],
      );

      // Run again: the blocked are still blocked, and nobody is erased twice.
      const again = await callAs(t, officer, 'POST', '/api/retention/runs', {});
      assert.deepEqual(again.json().counts, { erased: 0, partlyErased: 0, blocked: 3, failed: 0 });
      assert.equal((await t.database.db.select().from(retentionOutcomes)).length, 8);

      // The erased customers' names are nowhere in the database.
      const dump = await dumpOf(t);
      for (const name of ['Unohdettuinen', 'Edesmennytinen']) {
        assert.deepEqual(placesOf(dump, name), [], `${name} is in the dump`);
      }
      assert.ok(placesOf(dump, 'Maksamatoninen').length > 0, 'the dump is read');
    });

    test('a destroyed paper document no longer blocks: the record of its destruction stays, without whose it was', async () => {
      const t = ctx();
      const p = await population(t);
      await t.database.db
        .update(paperDocuments)
        .set({ destroyedOn: '2033-06-10', destroyedAt: LOOKED })
        .where(eq(paperDocuments.personId, p.paper));
      const officer = await t.signIn('register_officer');
      const run = await callAs(t, officer, 'POST', '/api/retention/runs', {});
      assert.deepEqual(run.json().counts, { erased: 3, partlyErased: 0, blocked: 2, failed: 0 });
      const [document] = await t.database.db.select().from(paperDocuments);
      assert.deepEqual(
        [document?.personId, document?.description, document?.location, document?.destroyedOn],
        [null, '', 'Arkistohuone B, kaappi 4', '2033-06-10'],
      );
      assert.ok(document?.erasedAt);
    });

    test('only the administrator sets the periods, only the register officer runs, and bad periods are refused by field', async () => {
      const t = ctx();
      const admin = await t.signIn('admin');
      const officer = await t.signIn('register_officer');
      const service = await t.signIn('customer_service');
      assert.equal((await callAs(t, service, 'GET', '/api/retention/dry-run')).statusCode, 403);
      assert.equal((await callAs(t, admin, 'POST', '/api/retention/runs', {})).statusCode, 403);
      assert.equal(
        (await callAs(t, officer, 'PUT', '/api/retention/settings', { customerYears: 5 }))
          .statusCode,
        403,
      );
      const bad = await callAs(t, admin, 'PUT', '/api/retention/settings', {
        customerYears: 0,
        deceasedYears: 2,
      });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.deepEqual(
        bad.json().errors.map((e: { field: string }) => e.field),
        ['customerYears'],
      );
      const read = await callAs(t, officer, 'GET', '/api/retention/settings');
      assert.deepEqual(read.json(), {
        customerYears: 6,
        deceasedYears: 2,
        dailyRun: false,
        updatedAt: null,
        updatedBy: null,
      });
    });
  },
  { clock },
);
