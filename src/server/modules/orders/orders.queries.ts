import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  orderEvents,
  orderLines,
  orders,
  organizations,
  persons,
  staffUsers,
} from '../../db/schema/index.ts';
import { lineAmounts, sumAmounts, type LineAmounts } from '../../../contract/orders/money.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderInsert = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderLineInsert = typeof orderLines.$inferInsert;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type OrderEventInsert = typeof orderEvents.$inferInsert;

/** A stored line with its amounts, computed by the one shared money function. */
export type PricedOrderLine = OrderLineRow & LineAmounts;

export function priceLine(line: OrderLineRow): PricedOrderLine {
  return { ...line, ...lineAmounts(line.quantity, line.unitPriceCents, line.vatRateBasisPoints) };
}

/** The lines of these orders, in order and position, by order id: one query for a whole batch. */
export async function findLinesOfOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, PricedOrderLine[]>> {
  const byOrder = new Map<string, PricedOrderLine[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return byOrder;
  const rows = await db
    .select()
    .from(orderLines)
    .where(inArray(orderLines.orderId, [...orderIds]))
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  for (const row of rows) byOrder.get(row.orderId)?.push(priceLine(row));
  return byOrder;
}

/** An order has been invoiced when an invoice names it (any kind: a credit note follows one). */
// Spelt out in full: in a select list drizzle leaves a column's table off, and a bare "id" would be
// the invoice's own.
export const isInvoiced = sql<boolean>`exists (select 1 from "invoice" where "invoice"."order_id" = "customer_order"."id")`;

/** An order with whether it has been invoiced. */
export type StoredOrder = OrderRow & { invoiced: boolean };

const storedOrderColumns = { ...getTableColumns(orders), invoiced: isInvoiced };

/** `forUpdate` locks the row to the end of the transaction: changes of one order queue. */
export async function findOrder(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredOrder | undefined> {
  const query = db.select(storedOrderColumns).from(orders).where(eq(orders.id, id));
  const [row] = await (options.forUpdate ? query.for('update', { of: orders }) : query);
  return row;
}

export async function insertOrder(db: Db, values: OrderInsert): Promise<OrderRow> {
  const [row] = await db.insert(orders).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateOrderRow(
  db: Db,
  id: string,
  values: Partial<OrderInsert>,
): Promise<void> {
  await db.update(orders).set(values).where(eq(orders.id, id));
}

/** The order's lines become these, in their order. */
export async function replaceOrderLines(
  db: Db,
  orderId: string,
  lines: Omit<OrderLineInsert, 'orderId' | 'position'>[],
): Promise<void> {
  await db.delete(orderLines).where(eq(orderLines.orderId, orderId));
  if (lines.length === 0) return;
  await db
    .insert(orderLines)
    .values(lines.map((line, position) => ({ ...line, orderId, position })));
}

export async function insertOrderEvent(db: Db, event: OrderEventInsert): Promise<void> {
  await db.insert(orderEvents).values(event);
}

/** The order's events, oldest first, each with the full name of the staff member who made it. */
export async function listOrderEvents(
  db: Db,
  orderId: string,
): Promise<(OrderEventRow & { fullName: string | null })[]> {
  return db
    .select({ ...getTableColumns(orderEvents), fullName: staffUsers.fullName })
    .from(orderEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, orderEvents.userId))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id));
}

/** When the order was cancelled: its cancel event's time. */
export async function findCancelledAt(db: Db, orderId: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ occurredAt: orderEvents.occurredAt })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.action, 'cancel')))
    .orderBy(desc(orderEvents.id))
    .limit(1);
  return row?.occurredAt;
}

export type OrderCustomer =
  | { kind: 'person'; id: string; name: string; language: string; archivedAt: Date | null }
  | { kind: 'organization'; id: string; name: string; archivedAt: Date | null };

/** The customer an order belongs to, with what the order shows of them. */
export async function findOrderCustomer(
  db: Db,
  customer: { personId: string | null; organizationId: string | null },
): Promise<OrderCustomer | undefined> {
  if (customer.personId) {
    const [row] = await db
      .select({
        id: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        language: persons.language,
        archivedAt: persons.archivedAt,
      })
      .from(persons)
      .where(eq(persons.id, customer.personId));
    return row && { kind: 'person', name: `${row.firstName} ${row.lastName}`, ...row };
  }
  if (customer.organizationId) {
    const [row] = await db
      .select({
        id: organizations.id,
        name: organizations.name,
        archivedAt: organizations.archivedAt,
      })
      .from(organizations)
      .where(eq(organizations.id, customer.organizationId));
    return row && { kind: 'organization', ...row };
  }
  return undefined;
}

/** A page of a customer's orders, newest first, after the cursor's (createdAt, id). */
export async function listOrdersOfCustomer(
  db: Db,
  options: {
    customer: { personId: string } | { organizationId: string };
    limit: number;
    after: [string, string] | null;
  },
): Promise<StoredOrder[]> {
  const byCustomer =
    'personId' in options.customer
      ? eq(orders.personId, options.customer.personId)
      : eq(orders.organizationId, options.customer.organizationId);
  const after = options.after
    ? sql`(${orders.createdAt}, ${orders.id}) < (${options.after[0]}::timestamptz, ${options.after[1]}::uuid)`
    : undefined;
  return db
    .select(storedOrderColumns)
    .from(orders)
    .where(and(byCustomer, after))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(options.limit);
}

export type DeliveredOrder = {
  id: string;
  number: number;
  personId: string | null;
  organizationId: string | null;
  deliveredOn: string;
  notes: string | null;
  lines: PricedOrderLine[];
  /** The sums of the lines' amounts. */
  totals: LineAmounts;
};

/** The most orders one batch of findDeliveredUninvoicedOrders returns. */
export const MAX_DELIVERED_BATCH = 5000;

/**
 * Delivered orders that no invoice names yet and that are not archived, with their priced lines,
 * in order-number order after `afterNumber`: an invoice run pages through them with the last
 * number of each batch, two queries per batch and none per order. `orderIds` limits the run to
 * chosen orders. The rows are not locked: the caller that invoices them decides how to keep two
 * runs from taking the same order.
 */
export async function findDeliveredUninvoicedOrders(
  db: Db,
  options: { afterNumber?: number | null; limit: number; orderIds?: readonly string[] },
): Promise<DeliveredOrder[]> {
  if (
    !Number.isInteger(options.limit) ||
    options.limit < 1 ||
    options.limit > MAX_DELIVERED_BATCH
  ) {
    throw new RangeError(`limit must be 1–${MAX_DELIVERED_BATCH}: ${options.limit}`);
  }
  if (options.orderIds?.length === 0) return [];
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      personId: orders.personId,
      organizationId: orders.organizationId,
      deliveredOn: orders.deliveredOn,
      notes: orders.notes,
    })
    .from(orders)
    .where(
      and(
        eq(orders.status, 'delivered'),
        isNull(orders.archivedAt),
        gt(orders.number, options.afterNumber ?? 0),
        options.orderIds ? inArray(orders.id, [...options.orderIds]) : undefined,
        sql`not ${isInvoiced}`,
      ),
    )
    .orderBy(asc(orders.number))
    .limit(options.limit);
  const lines = await findLinesOfOrders(
    db,
    rows.map((row) => row.id),
  );
  return rows.map(({ deliveredOn, ...row }) => {
    // The transition to delivered sets the date; an order without one is broken data.
    if (deliveredOn === null) throw new Error(`Order ${row.number} is delivered without a date`);
    const orderLinesOf = lines.get(row.id) ?? [];
    return { ...row, deliveredOn, lines: orderLinesOf, totals: sumAmounts(orderLinesOf) };
  });
}
