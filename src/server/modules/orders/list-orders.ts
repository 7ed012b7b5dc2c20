import { and, desc, eq, exists, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, helsinkiStartOfDay } from '../../../contract/dates.ts';
import type { OrderListItem, OrdersQuery } from '../../../contract/orders/orders.schemas.ts';
import { orderLines, orders, organizations, persons } from '../../db/schema/index.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { customerJoins, customerName, customerNameContains } from '../customers/customer-name.ts';
import { subjectsOf } from '../invoices/invoices.service.ts';
import { findLinesOfOrders, isInvoiced } from './orders.queries.ts';
import { summaryOf } from './orders.service.ts';

/** (createdAt, id) of the last order of the previous page. */
const ORDERS_CURSOR = z.tuple([cursorKey.instant, cursorKey.id]);

/**
 * Orders across customers, newest first, filtered: billing's and customer service's list. The
 * customers on the page are logged as read, as a customer's own list logs its customer.
 */
export async function listOrders(
  ctx: CustomerContext,
  query: OrdersQuery,
): Promise<{ items: OrderListItem[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, ORDERS_CURSOR) : null;
  const conditions: (SQL | undefined)[] = [
    query.status ? eq(orders.status, query.status) : undefined,
    query.serviceId
      ? exists(
          ctx.db
            .select({ one: sql`1` })
            .from(orderLines)
            .where(
              and(eq(orderLines.orderId, orders.id), eq(orderLines.serviceId, query.serviceId)),
            ),
        )
      : undefined,
    query.from ? sql`${orders.createdAt} >= ${helsinkiStartOfDay(query.from)}` : undefined,
    query.to ? sql`${orders.createdAt} < ${helsinkiStartOfDay(addDays(query.to, 1))}` : undefined,
    query.customer ? customerNameContains(query.customer) : undefined,
    after
      ? sql`(${orders.createdAt}, ${orders.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
      : undefined,
  ];
  const [onPerson, onOrganization] = customerJoins(orders.personId, orders.organizationId);
  const rows = await ctx.db
    .select({ ...getTableColumns(orders), invoiced: isInvoiced, customerName })
    .from(orders)
    .leftJoin(persons, onPerson)
    .leftJoin(organizations, onOrganization)
    .where(and(...conditions))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const lines = await findLinesOfOrders(
    ctx.db,
    page.map((order) => order.id),
  );
  await logAccess(ctx, 'read', await subjectsOf(ctx.db, page), ['orders']);
  const last = page.at(-1);
  return {
    items: page.map((order) => ({
      ...summaryOf(order, lines.get(order.id) ?? []),
      customer: order.personId
        ? { kind: 'person', id: order.personId, name: order.customerName }
        : { kind: 'organization', id: order.organizationId ?? '', name: order.customerName },
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(ORDERS_CURSOR, [last.createdAt.toISOString(), last.id])
        : null,
  };
}
