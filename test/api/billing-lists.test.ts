import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { invoiceRuns, invoices, orders } from '../../src/server/db/schema/index.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import {
  insertOrder,
  insertTestOrganization,
  insertTestPerson,
} from '../helpers/invoice-fixtures.ts';
import { accessLogEntries, callAs, forEachEngine, manualClock } from '../helpers/app.ts';

/** 7 December 2026: an open invoice due on 1 December is overdue. */
const clock = manualClock(new Date('2026-12-07T10:00:00Z'));

type Row = { id: string; number: number; status: string; customer: { name: string } };
const numbers = (page: { items: Row[] }) => page.items.map((item) => item.number);

forEachEngine(
  'orders and invoices across customers',
  ({ ctx }) => {
    test('orders: filtered by status, service, day made and customer name, newest first, paged, each with its customer', async () => {
      const db = ctx().database;
      const biller = await ctx().signIn('billing');
      const personId = await insertTestPerson(db, { firstName: 'Ossi', lastName: 'Tilaajanen' });
      const representative = await insertTestPerson(db, { lastName: 'Edustaja' });
      const organizationId = await insertTestOrganization(db, {
        name: 'Tilaajasen Puu Oy',
        representatives: [representative],
      });
      const delivered = await insertOrder(db, { personId });
      const draft = await insertOrder(db, { personId }, { status: 'draft' });
      const ofOrganization = await insertOrder(db, { organizationId });
      await db.db
        .update(orders)
        .set({ createdAt: new Date('2026-11-02T10:00:00Z') })
        .where(eq(orders.id, delivered));
      await db.db
        .update(orders)
        .set({ createdAt: new Date('2026-11-03T10:00:00Z') })
        .where(eq(orders.id, draft));
      await db.db
        .update(orders)
        .set({ createdAt: new Date('2026-11-04T10:00:00Z') })
        .where(eq(orders.id, ofOrganization));
      const list = async (query: string) => {
        const answer = await callAs(ctx(), biller, 'GET', `/api/orders?${query}`);
        assert.equal(answer.statusCode, 200, answer.body);
        return answer.json() as {
          items: (Row & { customer: { kind: string; id: string } })[];
          nextCursor: string | null;
        };
      };
      const all = await list('customer=tilaaja');
      assert.deepEqual(
        all.items.map((item) => [item.id, item.customer.kind, item.customer.name]),
        [
          [ofOrganization, 'organization', 'Tilaajasen Puu Oy'],
          [draft, 'person', 'Ossi Tilaajanen'],
          [delivered, 'person', 'Ossi Tilaajanen'],
        ],
      );
      assert.deepEqual(
        (await list('customer=TILAAJA&status=draft')).items.map((item) => item.id),
        [draft],
      );
      assert.deepEqual(
        (await list('customer=tilaaja&from=2026-11-03&to=2026-11-03')).items.map((i) => i.id),
        [draft],
      );
      const [line] = (await callAs(ctx(), biller, 'GET', `/api/orders/${draft}`)).json().lines;
      assert.deepEqual(
        (await list(`serviceId=${line.serviceId}`)).items.map((item) => item.id),
        [draft],
      );
      // A % is a character to find, not a wildcard.
      assert.deepEqual((await list('customer=%25')).items, []);
      const first = await list('customer=tilaaja&limit=2');
      assert.equal(first.items.length, 2);
      assert.ok(first.nextCursor);
      const second = await list(
        `customer=tilaaja&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
      );
      assert.deepEqual(
        second.items.map((item) => item.id),
        [delivered],
      );
      assert.equal(second.nextCursor, null);
      const read = (await accessLogEntries(ctx())).filter(
        (entry) => entry.action === 'read' && entry.fields.includes('orders'),
      );
      assert.ok(
        read.some(
          (entry) =>
            entry.subjectIds.includes(personId) && entry.subjectIds.includes(representative),
        ),
        "the page's person and the organisation's representative are logged as read",
      );
    });

    test('invoices: filtered by status as shown, due dates, run and customer, with what is open', async () => {
      const db = ctx().database;
      const biller = await ctx().signIn('billing');
      const personId = await insertTestPerson(db, { firstName: 'Into', lastName: 'Laskulainen' });
      const late = await insertTestInvoice(db, {
        personId,
        dueDate: '2026-12-01',
        invoiceDate: '2026-11-01',
        totalCents: 12_345,
      });
      const open = await insertTestInvoice(db, {
        personId,
        dueDate: '2026-12-31',
        invoiceDate: '2026-12-01',
      });
      const paid = await insertTestInvoice(db, {
        personId,
        dueDate: '2026-11-01',
        invoiceDate: '2026-10-01',
        status: 'paid',
      });
      const [run] = await db.db
        .insert(invoiceRuns)
        .values({
          startedAt: new Date('2026-12-01T08:00:00Z'),
          invoiceDate: '2026-12-01',
          invoiceCount: 1,
        })
        .returning({ id: invoiceRuns.id });
      assert.ok(run);
      await db.db.update(invoices).set({ runId: run.id }).where(eq(invoices.id, open.id));
      const list = async (query: string) => {
        const answer = await callAs(ctx(), biller, 'GET', `/api/invoices?${query}`);
        assert.equal(answer.statusCode, 200, answer.body);
        return answer.json() as { items: (Row & { openCents: number; runId: string | null })[] };
      };
      const all = await list('customer=laskulai');
      assert.deepEqual(numbers(all), [open.number, late.number, paid.number]);
      assert.deepEqual(
        all.items.map((item) => [item.status, item.customer.name]),
        [
          ['open', 'Into Laskulainen'],
          ['overdue', 'Into Laskulainen'],
          ['paid', 'Into Laskulainen'],
        ],
      );
      assert.equal(all.items[1]?.openCents, 12_345);
      assert.deepEqual(numbers(await list('customer=laskulai&status=overdue')), [late.number]);
      assert.deepEqual(numbers(await list('customer=laskulai&status=open')), [open.number]);
      assert.deepEqual(numbers(await list('customer=laskulai&status=paid')), [paid.number]);
      assert.deepEqual(
        numbers(await list('customer=laskulai&dueFrom=2026-11-02&dueTo=2026-12-01')),
        [late.number],
      );
      const ofRun = await list(`runId=${run.id}`);
      assert.deepEqual(numbers(ofRun), [open.number]);
      assert.equal(ofRun.items[0]?.runId, run.id);
      assert.ok(
        (await accessLogEntries(ctx())).some(
          (entry) =>
            entry.action === 'read' &&
            entry.fields.includes('invoices') &&
            entry.subjectIds.includes(personId),
        ),
      );
    });

    test('past invoice runs, newest first, each with its archive, for billing only', async () => {
      const db = ctx().database;
      const biller = await ctx().signIn('billing');
      const inserted = await db.db
        .insert(invoiceRuns)
        .values([
          {
            startedAt: new Date('2026-10-01T08:00:00Z'),
            invoiceDate: '2026-10-01',
            invoiceCount: 2,
          },
          {
            startedAt: new Date('2030-01-02T08:00:00Z'),
            invoiceDate: '2030-01-02',
            invoiceCount: 5,
          },
        ])
        .returning({ id: invoiceRuns.id });
      const answer = await callAs(ctx(), biller, 'GET', '/api/invoice-runs?limit=1');
      assert.equal(answer.statusCode, 200, answer.body);
      const page = answer.json();
      assert.deepEqual(page.items[0], {
        id: inserted[1]?.id,
        invoiceDate: '2030-01-02',
        startedAt: '2030-01-02T08:00:00.000Z',
        finishedAt: null,
        invoiceCount: 5,
        archive: `/api/invoice-runs/${inserted[1]?.id}/archive`,
      });
      assert.ok(page.nextCursor);
      const reader = await ctx().signIn('customer_service');
      assert.equal((await callAs(ctx(), reader, 'GET', '/api/invoice-runs')).statusCode, 403);
      assert.equal((await callAs(ctx(), reader, 'GET', '/api/invoices')).statusCode, 200);
      const auditor = await ctx().signIn('auditor');
      assert.equal((await callAs(ctx(), auditor, 'GET', '/api/orders')).statusCode, 403);
    });

    test('bad filters are a 400 naming the field', async () => {
      const biller = await ctx().signIn('billing');
      for (const [url, field] of [
        ['/api/orders?status=lost', 'status'],
        ['/api/orders?from=2026-02-30', 'from'],
        ['/api/orders?serviceId=X', 'serviceId'],
        ['/api/orders?cursor=WyJ4Il0', 'cursor'],
        ['/api/invoices?status=late', 'status'],
        ['/api/invoices?dueTo=1999-12-31', 'dueTo'],
        ['/api/invoices?customer=%00', 'customer'],
        ['/api/invoice-runs?cursor=e30', 'cursor'],
      ] as const) {
        const answer = await callAs(ctx(), biller, 'GET', url);
        assert.equal(answer.statusCode, 400, `${url}: ${answer.body}`);
        assert.ok(
          answer.json().errors.some((error: { field: string }) => error.field.endsWith(field)),
          `${url}: ${answer.body}`,
        );
      }
    });
  },
  { clock },
);
