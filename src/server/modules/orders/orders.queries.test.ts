import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  invoices,
  orderLines,
  orders,
  organizations,
  persons,
  services,
} from '../../db/schema/index.ts';
import { createTestDatabase, engines, type TestDatabase } from '../../../../test/helpers/db.ts';
import { findDeliveredUninvoicedOrders } from './orders.queries.ts';

for (const engine of engines()) {
  describe(`findDeliveredUninvoicedOrders [${engine}]`, () => {
    let database: TestDatabase;
    const ids: Record<string, string> = {};

    before(async () => {
      database = await createTestDatabase(engine);
      const { db } = database;
      const [person] = await db
        .insert(persons)
        .values({ firstName: 'Aino', lastName: 'Laskutettava', searchText: 'aino laskutettava' })
        .returning();
      const [organization] = await db
        .insert(organizations)
        .values({ name: 'Laskutus Oy', searchText: 'laskutus oy' })
        .returning();
      const [service] = await db
        .insert(services)
        .values({
          code: 'kotihoito',
          nameFi: 'Kotihoito',
          nameSv: 'Hemvård',
          nameEn: 'Home care',
          unit: 'h',
          unitPriceCents: 3333,
          vatRateBasisPoints: 2550,
        })
        .returning();
      assert.ok(person && organization && service);
      const order = async (
        name: string,
        values: Partial<typeof orders.$inferInsert>,
        quantities: string[] = ['1'],
      ) => {
        const [row] = await db
          .insert(orders)
          .values({ personId: person.id, ...values })
          .returning();
        assert.ok(row);
        ids[name] = row.id;
        await db.insert(orderLines).values(
          quantities.map((quantity, position) => ({
            orderId: row.id,
            position,
            serviceId: service.id,
            description: 'Kotihoito',
            quantity,
            unit: 'h',
            unitPriceCents: 3333,
            vatRateBasisPoints: 2550,
          })),
        );
      };
      const delivered = { status: 'delivered' as const, deliveredOn: '2026-03-31' };
      await order('first', delivered, ['2.5', '1']);
      await order('draft', {});
      await order('confirmed', { status: 'confirmed' });
      await order('cancelled', { status: 'cancelled' });
      await order('organization', {
        ...delivered,
        personId: null,
        organizationId: organization.id,
      });
      await order('invoiced', delivered);
      await order('archived', { ...delivered, archivedAt: new Date('2026-04-01T00:00:00Z') });
      for (let i = 0; i < 5; i++) await order(`more${i}`, delivered, ['0.5']);
      await db.insert(invoices).values({
        number: 1000,
        orderId: ids.invoiced,
        personId: person.id,
        reference: '10003',
        rfReference: 'RF4510003',
        invoiceDate: '2026-04-01',
        dueDate: '2026-04-15',
        netCents: 3333,
        vatCents: 850,
        totalCents: 4183,
        recipient: {
          name: 'Aino Laskutettava',
          businessId: null,
          address: null,
          addressProtected: false,
          language: 'fi',
          eInvoiceAddress: null,
          eInvoiceIntermediator: null,
        },
        delivery: 'paper',
        createdAt: new Date('2026-04-01T08:00:00Z'),
      });
    });
    after(async () => {
      await database.drop();
    });

    test('pages delivered, uninvoiced, unarchived orders by number, with priced lines', async () => {
      const seen: string[] = [];
      let afterNumber: number | null = null;
      const batches: number[] = [];
      for (;;) {
        const batch = await findDeliveredUninvoicedOrders(database.db, { afterNumber, limit: 3 });
        if (batch.length === 0) break;
        batches.push(batch.length);
        seen.push(...batch.map((o) => o.id));
        const numbers = batch.map((o) => o.number);
        assert.deepEqual(
          numbers,
          [...numbers].sort((a, b) => a - b),
        );
        afterNumber = batch.at(-1)?.number ?? null;
      }
      assert.deepEqual(batches, [3, 3, 1]);
      assert.deepEqual(seen, [
        ids.first,
        ids.organization,
        ids.more0,
        ids.more1,
        ids.more2,
        ids.more3,
        ids.more4,
      ]);
    });

    test('a batch carries the customer, the delivery date, the lines and their totals', async () => {
      const [first, organization] = await findDeliveredUninvoicedOrders(database.db, { limit: 2 });
      assert.ok(first && organization);
      assert.equal(first.deliveredOn, '2026-03-31');
      assert.equal(first.organizationId, null);
      assert.equal(organization.personId, null);
      assert.ok(organization.organizationId);
      assert.deepEqual(
        first.lines.map((l) => [l.position, l.quantity, l.netCents, l.vatCents, l.totalCents]),
        [
          [0, '2.500', 8333, 2125, 10458],
          [1, '1.000', 3333, 850, 4183],
        ],
      );
      assert.deepEqual(first.totals, { netCents: 11666, vatCents: 2975, totalCents: 14641 });
    });

    test('orderIds limits the batch to chosen orders; none chosen, none returned', async () => {
      const chosen = await findDeliveredUninvoicedOrders(database.db, {
        limit: 100,
        orderIds: [ids.more3!, ids.invoiced!, ids.draft!, ids.first!],
      });
      assert.deepEqual(
        chosen.map((o) => o.id),
        [ids.first, ids.more3],
      );
      assert.deepEqual(
        await findDeliveredUninvoicedOrders(database.db, { limit: 100, orderIds: [] }),
        [],
      );
    });

    test('a limit outside 1–5000 is a programming error', async () => {
      await assert.rejects(findDeliveredUninvoicedOrders(database.db, { limit: 0 }), RangeError);
      await assert.rejects(findDeliveredUninvoicedOrders(database.db, { limit: 5001 }), RangeError);
    });
  });
}
