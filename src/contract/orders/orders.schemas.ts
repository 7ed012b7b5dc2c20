import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { ORDER_STATUSES } from '../enums.ts';
import { zQuantity } from './money.schemas.ts';
import { zCursor } from '../cursor.ts';

export const orderLineInput = z.strictObject({
  serviceId: zId,
  quantity: zQuantity,
  /** The line's text; by default the service's name in the customer's language. */
  description: text({ max: 500 }).optional(),
});
export type OrderLineInput = z.output<typeof orderLineInput>;

/** At most 200 lines: the bound money.ts's arithmetic relies on. */
const lines = z.array(orderLineInput).min(1).max(200);
const notes = text({ max: 5000, min: 0, multiline: true }).nullable().optional();

/** A new order is a draft of one customer: a person or an organisation, never both. */
export const orderCreate = z
  .strictObject({
    personId: zId.optional(),
    organizationId: zId.optional(),
    lines,
    notes,
  })
  .superRefine((order, ctx) => {
    if ((order.personId === undefined) === (order.organizationId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [order.personId === undefined ? 'personId' : 'organizationId'],
        message: 'An order belongs to a person or to an organisation: give exactly one',
        params: { code: 'order.oneCustomer' },
      });
    }
  });
export type OrderCreate = z.output<typeof orderCreate>;

/** A draft's lines (all of them, replaced) and notes (null removes them). */
export const orderPatch = z.strictObject({ lines: lines.optional(), notes });
export type OrderPatch = z.output<typeof orderPatch>;

export const deliverBody = z.strictObject({
  /** The day the service was delivered: today or earlier. */
  deliveredOn: date('business'),
});

/** The list across customers (`GET /api/orders`): every filter optional, all of them ANDed. */
export const ordersQuery = z.strictObject({
  status: z.enum(ORDER_STATUSES).optional(),
  /** Orders with at least one line of this service. */
  serviceId: zId.optional(),
  /** Made on or after this day (Helsinki). */
  from: date('business').optional(),
  /** Made on or before this day (Helsinki). */
  to: date('business').optional(),
  /** A part of the customer's name: a person's first or last name, an organisation's name. */
  customer: text({ max: 100 }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});
export type OrdersQuery = z.output<typeof ordersQuery>;

export const customerOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});

/** Net, VAT and gross (net + VAT), integer cents. */
const amounts = z.object({
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
});

export const orderLineView = z.object({
  id: zId,
  position: z.number().int(),
  serviceId: zId,
  description: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: z.string(),
  unitPriceCents: z.number().int(),
  vatRate: z.number(),
  vatRateBasisPoints: z.number().int(),
  ...amounts.shape,
});

const orderFields = {
  id: zId,
  number: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  deliveredOn: z.string().nullable(),
  /** An invoice names the order. */
  invoiced: z.boolean(),
  totals: amounts,
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
};

/** A customer's name and where their page is: what a list across customers shows of them. */
export const customerRef = z.object({
  kind: z.enum(['person', 'organization']),
  id: zId,
  name: z.string(),
});

export const orderView = z.object({
  ...orderFields,
  customer: customerRef,
  notes: z.string().nullable(),
  lines: z.array(orderLineView),
  updatedAt: z.string(),
  /** Archived orders are kept until this day (the accounting retention period). */
  retainUntil: z.string().nullable(),
});
export type OrderView = z.infer<typeof orderView>;

/** A row of a customer's page. */
export const orderSummary = z.object({ ...orderFields, lineCount: z.number().int() });
export type OrderSummary = z.infer<typeof orderSummary>;

/** A row of the list across customers: the summary and whose order it is. */
export const orderListItem = orderSummary.extend({ customer: customerRef });
export type OrderListItem = z.infer<typeof orderListItem>;

export const orderHistory = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      occurredAt: z.string(),
      userId: zId.nullable(),
      username: z.string().nullable(),
      /** The staff member's full name, as the app names staff; null when the account has none. */
      fullName: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export type OrderHistory = z.infer<typeof orderHistory>;
