import { z } from 'zod';
import { ORDER_STATUSES } from '../../db/schema/index.ts';
import { zQuantity } from './money.schemas.ts';

const isoDate = z.iso.date();

export const orderLineInput = z.strictObject({
  serviceId: z.uuid(),
  quantity: zQuantity,
  /** The line's text; by default the service's name in the customer's language. */
  description: z.string().trim().min(1).max(500).optional(),
});
export type OrderLineInput = z.output<typeof orderLineInput>;

const lines = z.array(orderLineInput).min(1).max(200);
const notes = z.string().trim().max(5000).nullable().optional();

/** A new order is a draft of one customer: a person or an organisation, never both. */
export const orderCreate = z
  .strictObject({
    personId: z.uuid().optional(),
    organizationId: z.uuid().optional(),
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
  deliveredOn: isoDate,
});

export const customerOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

/** Net, VAT and gross (net + VAT), integer cents. */
const amounts = z.object({
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
});

export const orderLineView = z.object({
  id: z.uuid(),
  position: z.number().int(),
  serviceId: z.uuid(),
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
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  deliveredOn: z.string().nullable(),
  /** An invoice names the order. */
  invoiced: z.boolean(),
  totals: amounts,
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
};

export const orderView = z.object({
  ...orderFields,
  customer: z.object({
    kind: z.enum(['person', 'organization']),
    id: z.uuid(),
    name: z.string(),
  }),
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

export const orderHistory = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      occurredAt: z.string(),
      userId: z.uuid().nullable(),
      username: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});
export type OrderHistory = z.infer<typeof orderHistory>;
