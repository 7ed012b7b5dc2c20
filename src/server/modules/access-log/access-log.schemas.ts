import { z } from 'zod';
import { ACCESS_ACTIONS } from './access-log.ts';

export const accessLogQuery = z.strictObject({
  subjectId: z.uuid().optional(),
  userId: z.uuid().optional(),
  action: z.enum(ACCESS_ACTIONS).optional(),
  /** From this instant (inclusive), ISO 8601 with a time zone. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Until this instant (exclusive). */
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(100).optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuery>;

export const accessLogItem = z.object({
  position: z.number(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  /** A contractor's partner organisation, and its name in the partner registry. */
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  action: z.string(),
  subjectIds: z.array(z.string()),
  fields: z.array(z.string()),
  changes: z.record(z.string(), z.unknown()).nullable(),
  purpose: z.string().nullable(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const accessLogPage = z.object({
  items: z.array(accessLogItem),
  nextCursor: z.string().nullable(),
});
