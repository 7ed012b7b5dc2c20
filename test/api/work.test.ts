import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoiceRuns } from '../../src/server/db/schema/index.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import { insertOrder, insertTestPerson } from '../helpers/invoice-fixtures.ts';
import { accessLogEntries, callAs, forEachEngine, manualClock } from '../helpers/app.ts';

/** 7 December 2026: a request received on 1 November is due on 1 December, so overdue. */
const clock = manualClock(new Date('2026-12-07T10:00:00Z'));

forEachEngine(
  "each role's work list",
  ({ ctx }) => {
    test('the register officer sees requests overdue and due soon, in deadline order, and no billing or accounts', async () => {
      const officer = await ctx().signIn('register_officer');
      const personId = await insertTestPerson(ctx().database);
      const made: Record<string, number> = {};
      for (const [name, receivedOn] of [
        ['overdue', '2026-11-01'],
        ['dueSoon', '2026-11-10'],
        ['later', '2026-12-01'],
      ] as const) {
        const created = await callAs(ctx(), officer, 'POST', '/api/requests', {
          type: 'access',
          personId,
          receivedOn,
          channel: 'letter',
          language: 'fi',
        });
        assert.equal(created.statusCode, 201, created.body);
        made[name] = created.json().number;
      }
      const answer = await callAs(ctx(), officer, 'GET', '/api/work');
      assert.equal(answer.statusCode, 200, answer.body);
      const work = answer.json();
      assert.equal(work.requests.overdue, 1);
      assert.equal(work.requests.dueSoon, 1);
      assert.deepEqual(
        work.requests.items.map((item: { number: number; overdue: boolean }) => [
          item.number,
          item.overdue,
        ]),
        [
          [made.overdue, true],
          [made.dueSoon, false],
        ],
      );
      assert.deepEqual(work.reviews, {
        waiting: 0,
        oldestOpenedAt: null,
        lastReview: null,
        flaggedDisclosures: 0,
      });
      assert.equal(work.billing, null);
      assert.equal(work.accounts, null);
    });

    test('billing sees delivered orders not invoiced, overdue invoices with their sum, and past runs', async () => {
      const biller = await ctx().signIn('billing');
      const before = (await callAs(ctx(), biller, 'GET', '/api/work')).json().billing;
      const personId = await insertTestPerson(ctx().database);
      await insertOrder(ctx().database, { personId });
      await insertOrder(ctx().database, { personId }, { status: 'confirmed' });
      await insertTestInvoice(ctx().database, {
        personId,
        dueDate: '2026-12-01',
        totalCents: 12_345,
      });
      await insertTestInvoice(ctx().database, { personId, dueDate: '2026-12-31' });
      await insertTestInvoice(ctx().database, {
        personId,
        dueDate: '2026-11-01',
        status: 'paid',
      });
      await ctx()
        .database.db.insert(invoiceRuns)
        .values({
          startedAt: new Date('2026-12-01T08:00:00Z'),
          finishedAt: new Date('2026-12-01T08:01:00Z'),
          invoiceDate: '2026-12-01',
          invoiceCount: 3,
        });
      const work = (await callAs(ctx(), biller, 'GET', '/api/work')).json();
      assert.equal(work.billing.deliveredNotInvoiced, before.deliveredNotInvoiced + 1);
      assert.equal(work.billing.overdueInvoices, before.overdueInvoices + 1);
      assert.equal(work.billing.overdueCents, before.overdueCents + 12_345);
      assert.equal(work.billing.runs[0].invoiceDate, '2026-12-01');
      assert.equal(work.billing.runs[0].invoiceCount, 3);
      assert.equal(work.requests, null, 'billing has no requests to handle');
      assert.equal(work.accounts, null);
    });

    test('the administrator sees accounts ending within 30 days and unsigned commitments, by name', async () => {
      const admin = await ctx().signIn('admin');
      const created = await callAs(ctx(), admin, 'POST', '/api/staff', {
        username: 'paattyva',
        fullName: 'Päättyvä Tunnus',
        role: 'customer_service',
        expiresOn: '2026-12-20',
        temporaryPassword: 'väliaikainen salasana 2026',
      });
      assert.equal(created.statusCode, 201, created.body);
      const work = (await callAs(ctx(), admin, 'GET', '/api/work')).json();
      const expiring = work.accounts.expiring.find(
        (account: { username: string }) => account.username === 'paattyva',
      );
      assert.deepEqual(expiring, {
        id: created.json().id,
        username: 'paattyva',
        fullName: 'Päättyvä Tunnus',
        expiresOn: '2026-12-20',
      });
      assert.ok(
        work.accounts.unsignedCommitment.some(
          (account: { username: string }) => account.username === 'paattyva',
        ),
        'a new account has not signed the commitment',
      );
      assert.equal(work.requests, null);
      assert.equal(work.billing, null);
    });

    test('customer service sees the persons it opened lately, newest first, and the list is logged as read', async () => {
      const clerk = await ctx().signIn('customer_service');
      const first = await insertTestPerson(ctx().database, { lastName: 'Ensimmäinen' });
      const second = await insertTestPerson(ctx().database, { lastName: 'Toinen' });
      const unopened = await insertTestPerson(ctx().database, { lastName: 'Avaamaton' });
      assert.deepEqual((await callAs(ctx(), clerk, 'GET', '/api/work')).json().recent, []);
      for (const id of [first, second]) {
        clock.advance(60_000);
        const opened = await callAs(ctx(), clerk, 'GET', `/api/persons/${id}`);
        assert.equal(opened.statusCode, 200, opened.body);
      }
      // The home page's own entry does not make a person recent again: the order stays.
      for (let view = 0; view < 2; view++) {
        clock.advance(60_000);
        const work = (await callAs(ctx(), clerk, 'GET', '/api/work')).json();
        assert.deepEqual(
          work.recent.map((person: { id: string; name: string }) => [person.id, person.name]),
          [
            [second, 'Laura Toinen'],
            [first, 'Laura Ensimmäinen'],
          ],
        );
      }
      const listed = (await accessLogEntries(ctx())).filter(
        (entry) => entry.action === 'read' && entry.subjectIds.includes(second),
      );
      assert.deepEqual(listed.at(-1)?.fields, ['name'], "the home page's read of the names");
      assert.ok(
        !(await accessLogEntries(ctx())).some((entry) => entry.subjectIds.includes(unopened)),
      );
    });

    test('a contractor gets no section it may not see, customer service only its recent customers, and anonymous gets 401', async () => {
      const contractor = await ctx().signIn('contractor');
      assert.deepEqual((await callAs(ctx(), contractor, 'GET', '/api/work')).json(), {
        requests: null,
        reviews: null,
        billing: null,
        accounts: null,
        recent: null,
      });
      const clerk = await ctx().signIn('customer_service');
      assert.deepEqual((await callAs(ctx(), clerk, 'GET', '/api/work')).json(), {
        requests: null,
        reviews: null,
        billing: null,
        accounts: null,
        recent: [],
      });
      const anonymous = await ctx().app.inject({ method: 'GET', url: '/api/work' });
      assert.equal(anonymous.statusCode, 401);
    });
  },
  { clock },
);
