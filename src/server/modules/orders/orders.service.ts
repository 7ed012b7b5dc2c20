import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { OrderStatus } from '../../db/schema/index.ts';
import type { AccessAction } from '../access-log/access-log.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { loadBillingSettings } from '../billing-settings/billing-settings.service.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { findRepresentatives } from '../organizations/organizations.queries.ts';
import {
  findServiceRows,
  type ServiceRow,
} from '../service-catalogue/service-catalogue.queries.ts';
import {
  basisPointsToPercent,
  centsToEuros,
  displayQuantity,
  sumAmounts,
  type LineAmounts,
} from '../../../contract/orders/money.ts';
import {
  findCancelledAt,
  findLinesOfOrders,
  findOrder,
  findOrderCustomer,
  insertOrder,
  insertOrderEvent,
  listOrderEvents,
  listOrdersOfCustomer,
  replaceOrderLines,
  updateOrderRow,
  type OrderCustomer,
  type OrderLineInsert,
  type PricedOrderLine,
  type StoredOrder,
} from './orders.queries.ts';
import type {
  OrderCreate,
  OrderHistory,
  OrderLineInput,
  OrderPatch,
  OrderSummary,
  OrderView,
} from '../../../contract/orders/orders.schemas.ts';

/*
 * Orders are personal data of their customer: a person's orders are theirs, an organisation's are
 * logged for the persons who represent it (as the organisation's page is). Every change writes an
 * order_event and an access-log entry in one transaction; every read is logged before it returns.
 *
 * Contractors have no orders.read or orders.write, so no contract scope (decision 0009) applies
 * here: the routes refuse them before any of this runs.
 */

/**
 * What may be done to an order in which status, and the status it leaves the order in: the one
 * table of the order's life. Archived orders refuse all of it (order.archived).
 */
export const ORDER_ACTIONS = {
  update: { from: ['draft'], to: null },
  confirm: { from: ['draft'], to: 'confirmed' },
  deliver: { from: ['confirmed'], to: 'delivered' },
  cancel: { from: ['draft', 'confirmed'], to: 'cancelled' },
  /** A delivered order also needs its invoice (order.notInvoiced). */
  archive: { from: ['delivered', 'cancelled'], to: null },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus | null }>;
export type OrderAction = keyof typeof ORDER_ACTIONS;
type Transition = 'confirm' | 'deliver' | 'cancel';

const ACCESS_ACTION: Record<OrderAction | 'create', AccessAction> = {
  create: 'create',
  update: 'update',
  confirm: 'update',
  deliver: 'update',
  cancel: 'update',
  archive: 'archive',
};

/** How the refusal names what was tried. */
const DONE: Record<OrderAction, string> = {
  update: 'changed',
  confirm: 'confirmed',
  deliver: 'delivered',
  cancel: 'cancelled',
  archive: 'archived',
};

function refuseUnlessAllowed(order: StoredOrder, action: OrderAction): void {
  if (order.archivedAt) {
    throw new AppError('conflict', `Order ${order.number} is archived: it can no longer change`, {
      errors: [{ field: 'status', message: 'The order is archived', code: 'order.archived' }],
      extra: { currentStatus: order.status },
    });
  }
  const allowed: readonly OrderStatus[] = ORDER_ACTIONS[action].from;
  if (!allowed.includes(order.status)) {
    const message = `The order is ${order.status}: only ${allowed.join(' or ')} orders can be ${DONE[action]}`;
    throw new AppError('conflict', message, {
      errors: [{ field: 'status', message, code: 'order.wrongStatus' }],
      extra: { currentStatus: order.status },
    });
  }
}

function toAmounts(amounts: LineAmounts) {
  return { netCents: amounts.netCents, vatCents: amounts.vatCents, grossCents: amounts.totalCents };
}

function lineView(line: PricedOrderLine): OrderView['lines'][number] {
  return {
    id: line.id,
    position: line.position,
    serviceId: line.serviceId,
    description: line.description,
    quantity: displayQuantity(line.quantity),
    unit: line.unit,
    unitPrice: centsToEuros(line.unitPriceCents),
    unitPriceCents: line.unitPriceCents,
    vatRate: basisPointsToPercent(line.vatRateBasisPoints),
    vatRateBasisPoints: line.vatRateBasisPoints,
    ...toAmounts(line),
  };
}

/** What the order's page and a customer's list both show. */
function basicsOf(order: StoredOrder, lines: PricedOrderLine[]): Omit<OrderSummary, 'lineCount'> {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    deliveredOn: order.deliveredOn,
    invoiced: order.invoiced,
    totals: toAmounts(sumAmounts(lines)),
    createdAt: order.createdAt.toISOString(),
    archivedAt: order.archivedAt?.toISOString() ?? null,
  };
}

export function summaryOf(order: StoredOrder, lines: PricedOrderLine[]): OrderSummary {
  return { ...basicsOf(order, lines), lineCount: lines.length };
}

async function viewOf(db: Db, order: StoredOrder, customer: OrderCustomer): Promise<OrderView> {
  const lines = (await findLinesOfOrders(db, [order.id])).get(order.id) ?? [];
  return {
    ...basicsOf(order, lines),
    customer: { kind: customer.kind, id: customer.id, name: customer.name },
    notes: order.notes,
    lines: lines.map(lineView),
    updatedAt: order.updatedAt.toISOString(),
    retainUntil: order.retainUntil,
  };
}

/** Whose personal data the order is: the person, or the persons who represent the organisation. */
async function subjectsOf(
  db: Db,
  customer: { personId: string | null; organizationId: string | null },
): Promise<string[]> {
  if (customer.personId) return [customer.personId];
  if (!customer.organizationId) return [];
  return (await findRepresentatives(db, customer.organizationId)).map((r) => r.personId);
}

async function requireOrder(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredOrder> {
  const order = await findOrder(db, id, options);
  if (!order) throw notFound('Order');
  return order;
}

async function requireCustomer(db: Db, order: StoredOrder): Promise<OrderCustomer> {
  const customer = await findOrderCustomer(db, order);
  if (!customer) throw new Error(`Order ${order.number} has no customer`);
  return customer;
}

/** The order_event and the access-log entry of a change, through the change's transaction. */
async function recordChange(
  ctx: CustomerContext,
  order: StoredOrder,
  action: OrderAction | 'create',
  changes: Record<string, unknown>,
): Promise<void> {
  await insertOrderEvent(ctx.db, {
    orderId: order.id,
    occurredAt: ctx.clock.now(),
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    action,
    changes,
  });
  await logAccess(ctx, ACCESS_ACTION[action], await subjectsOf(ctx.db, order), ['orders'], {
    changes: { order: { id: order.id, number: order.number, action }, ...changes },
  });
}

type LineValues = Omit<OrderLineInsert, 'orderId' | 'position'>;

const describeLines = (lines: readonly LineValues[]) =>
  lines.map((line) => ({
    serviceId: line.serviceId,
    description: line.description,
    quantity: displayQuantity(line.quantity),
    unit: line.unit,
    unitPriceCents: line.unitPriceCents,
    vatRateBasisPoints: line.vatRateBasisPoints,
  }));

/**
 * The lines to store. A service new to the order lends its unit, price and VAT as they are now;
 * one already on the order keeps what was copied then (so a later price change, or deactivation,
 * does not reach it). A new line may not use a deactivated service.
 */
async function priceLines(
  db: Db,
  input: OrderLineInput[],
  customer: OrderCustomer,
  current: readonly PricedOrderLine[],
): Promise<LineValues[]> {
  const services = new Map<string, ServiceRow>(
    (await findServiceRows(db, [...new Set(input.map((line) => line.serviceId))])).map((s) => [
      s.id,
      s,
    ]),
  );
  const language = customer.kind === 'person' ? customer.language : 'fi';
  const errors: FieldError[] = [];
  const lines: LineValues[] = [];
  input.forEach((line, i) => {
    const service = services.get(line.serviceId);
    const field = `lines.${i}.serviceId`;
    const copied = current.find((c) => c.serviceId === line.serviceId);
    if (!service) {
      errors.push({ field, message: 'No such service', code: 'order.unknownService' });
    } else if (!service.active && !copied) {
      errors.push({
        field,
        message: 'The service is no longer sold',
        code: 'order.inactiveService',
      });
    } else {
      const name =
        language === 'sv' ? service.nameSv : language === 'en' ? service.nameEn : service.nameFi;
      lines.push({
        serviceId: service.id,
        description: line.description ?? name,
        quantity: line.quantity,
        unit: (copied ?? service).unit,
        unitPriceCents: (copied ?? service).unitPriceCents,
        vatRateBasisPoints: (copied ?? service).vatRateBasisPoints,
      });
    }
  });
  if (errors.length > 0) {
    throw new AppError('validation', 'The order lines are not valid', { errors });
  }
  return lines;
}

export async function createOrder(ctx: CustomerContext, input: OrderCreate): Promise<OrderView> {
  const reference = {
    personId: input.personId ?? null,
    organizationId: input.organizationId ?? null,
  };
  const customer = await findOrderCustomer(ctx.db, reference);
  const field = input.personId ? 'personId' : 'organizationId';
  if (!customer) {
    throw new AppError('not_found', 'No such customer', {
      errors: [{ field, message: 'No such customer', code: 'order.unknownCustomer' }],
    });
  }
  if (customer.archivedAt) {
    throw new AppError('conflict', 'The customer is archived: no new orders', {
      errors: [{ field, message: 'The customer is archived', code: 'order.customerArchived' }],
    });
  }
  const lines = await priceLines(ctx.db, input.lines, customer, []);
  const now = ctx.clock.now();
  const order = await ctx.db.transaction(async (tx) => {
    const row = await insertOrder(tx, {
      ...reference,
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor.userId,
    });
    const stored = { ...row, invoiced: false };
    await replaceOrderLines(tx, row.id, lines);
    await recordChange({ ...ctx, db: tx }, stored, 'create', {
      status: { old: null, new: row.status },
      lines: { old: null, new: describeLines(lines) },
      ...(row.notes ? { notes: { old: null, new: row.notes } } : {}),
    });
    return stored;
  });
  return viewOf(ctx.db, order, customer);
}

export async function getOrder(ctx: CustomerContext, id: string): Promise<OrderView> {
  const order = await requireOrder(ctx.db, id);
  const view = await viewOf(ctx.db, order, await requireCustomer(ctx.db, order));
  await logAccess(ctx, 'read', await subjectsOf(ctx.db, order), ['orders']);
  return view;
}

/** A draft's lines and notes; its lines are replaced as a whole. */
export async function updateOrder(
  ctx: CustomerContext,
  id: string,
  patch: OrderPatch,
): Promise<OrderView> {
  const { order, customer, changed } = await ctx.db.transaction(async (tx) => {
    const current = await requireOrder(tx, id, { forUpdate: true });
    refuseUnlessAllowed(current, 'update');
    const customer = await requireCustomer(tx, current);
    const changes: Record<string, unknown> = {};
    let lines: LineValues[] | undefined;
    if (patch.lines) {
      const before = (await findLinesOfOrders(tx, [id])).get(id) ?? [];
      lines = await priceLines(tx, patch.lines, customer, before);
      const [old, now] = [describeLines(before), describeLines(lines)];
      if (JSON.stringify(old) !== JSON.stringify(now)) changes.lines = { old, new: now };
    }
    if (patch.notes !== undefined && (patch.notes || null) !== current.notes) {
      changes.notes = { old: current.notes, new: patch.notes || null };
    }
    if (Object.keys(changes).length === 0) return { order: current, customer, changed: false };
    const updatedAt = ctx.clock.now();
    await updateOrderRow(tx, id, {
      updatedAt,
      ...(changes.notes ? { notes: patch.notes || null } : {}),
    });
    if (lines && changes.lines) await replaceOrderLines(tx, id, lines);
    await recordChange({ ...ctx, db: tx }, current, 'update', changes);
    return {
      order: { ...current, updatedAt, notes: changes.notes ? patch.notes || null : current.notes },
      customer,
      changed: true,
    };
  });
  const view = await viewOf(ctx.db, order, customer);
  // Nothing changed, nothing to record: the answer is then a read like any other.
  if (!changed) await logAccess(ctx, 'read', await subjectsOf(ctx.db, order), ['orders']);
  return view;
}

async function transition(
  ctx: CustomerContext,
  id: string,
  action: Transition,
  deliveredOn?: string,
): Promise<OrderView> {
  const { order, customer } = await ctx.db.transaction(async (tx) => {
    const current = await requireOrder(tx, id, { forUpdate: true });
    refuseUnlessAllowed(current, action);
    const status = ORDER_ACTIONS[action].to;
    const updatedAt = ctx.clock.now();
    await updateOrderRow(tx, id, { status, updatedAt, ...(deliveredOn ? { deliveredOn } : {}) });
    await recordChange({ ...ctx, db: tx }, current, action, {
      status: { old: current.status, new: status },
      ...(deliveredOn ? { deliveredOn: { old: null, new: deliveredOn } } : {}),
    });
    const order: StoredOrder = {
      ...current,
      status,
      updatedAt,
      deliveredOn: deliveredOn ?? current.deliveredOn,
    };
    return { order, customer: await requireCustomer(tx, current) };
  });
  return viewOf(ctx.db, order, customer);
}

export function confirmOrder(ctx: CustomerContext, id: string): Promise<OrderView> {
  return transition(ctx, id, 'confirm');
}

export function deliverOrder(
  ctx: CustomerContext,
  id: string,
  deliveredOn: string,
): Promise<OrderView> {
  if (deliveredOn > helsinkiDate(ctx.clock.now())) {
    throw new AppError('validation', 'The delivery date is in the future', {
      errors: [
        {
          field: 'deliveredOn',
          message: 'Record a delivery on the day it was made, or later',
          code: 'order.deliveredInFuture',
        },
      ],
    });
  }
  return transition(ctx, id, 'deliver', deliveredOn);
}

export function cancelOrder(ctx: CustomerContext, id: string): Promise<OrderView> {
  return transition(ctx, id, 'cancel');
}

/**
 * Archives a finished order: delivered and invoiced, or cancelled. It is kept, read-only, to the
 * end of its financial (calendar) year plus the accounting retention years of the settings.
 */
export async function archiveOrder(ctx: CustomerContext, id: string): Promise<OrderView> {
  const { order, customer } = await ctx.db.transaction(async (tx) => {
    const current = await requireOrder(tx, id, { forUpdate: true });
    refuseUnlessAllowed(current, 'archive');
    if (current.status === 'delivered' && !current.invoiced) {
      const message = 'A delivered order is archived once it has been invoiced';
      throw new AppError('conflict', message, {
        errors: [{ field: 'status', message, code: 'order.notInvoiced' }],
        extra: { currentStatus: current.status },
      });
    }
    const settings = await loadBillingSettings(tx);
    const finishedOn =
      current.status === 'delivered'
        ? current.deliveredOn
        : helsinkiDate((await findCancelledAt(tx, id)) ?? current.updatedAt);
    if (!finishedOn) throw new Error(`Order ${current.number} is delivered without a date`);
    const retainUntil = `${Number(finishedOn.slice(0, 4)) + settings.accountingRetentionYears}-12-31`;
    const archivedAt = ctx.clock.now();
    await updateOrderRow(tx, id, { archivedAt, retainUntil, updatedAt: archivedAt });
    await recordChange({ ...ctx, db: tx }, current, 'archive', {
      archivedAt: { old: null, new: archivedAt.toISOString() },
      retainUntil: { old: null, new: retainUntil },
    });
    const order: StoredOrder = { ...current, archivedAt, retainUntil, updatedAt: archivedAt };
    return { order, customer: await requireCustomer(tx, current) };
  });
  return viewOf(ctx.db, order, customer);
}

export async function orderHistory(ctx: CustomerContext, id: string): Promise<OrderHistory> {
  const order = await requireOrder(ctx.db, id);
  const events = await listOrderEvents(ctx.db, id);
  await logAccess(ctx, 'read', await subjectsOf(ctx.db, order), ['orders']);
  return {
    items: events.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      userId: event.userId,
      username: event.username,
      fullName: event.fullName,
      action: event.action,
      changes: event.changes,
    })),
  };
}

/** (createdAt, id) of the last order of the previous page. */
const ORDER_CURSOR = z.tuple([cursorKey.instant, cursorKey.id]);

/** A customer's orders for their page, newest first, paged with a cursor. */
export async function listCustomerOrders(
  ctx: CustomerContext,
  customer: { personId: string } | { organizationId: string },
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: OrderSummary[]; nextCursor: string | null }> {
  const reference = {
    personId: 'personId' in customer ? customer.personId : null,
    organizationId: 'organizationId' in customer ? customer.organizationId : null,
  };
  const after = query.cursor ? decodeCursor(query.cursor, ORDER_CURSOR) : null;
  if (!(await findOrderCustomer(ctx.db, reference))) {
    throw notFound('personId' in customer ? 'Person' : 'Organisation');
  }
  const rows = await listOrdersOfCustomer(ctx.db, { customer, limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const lines = await findLinesOfOrders(
    ctx.db,
    page.map((order) => order.id),
  );
  await logAccess(ctx, 'read', await subjectsOf(ctx.db, reference), ['orders']);
  const last = page.at(-1);
  return {
    items: page.map((order) => summaryOf(order, lines.get(order.id) ?? [])),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(ORDER_CURSOR, [last.createdAt.toISOString(), last.id])
        : null,
  };
}
