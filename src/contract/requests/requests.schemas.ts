import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { zCursor } from '../cursor.ts';
import {
  IDENTITY_METHODS,
  REQUEST_CHANNELS,
  REQUEST_LANGUAGES,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from '../enums.ts';

const isoDate = date('business');

export const requestCreate = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  personId: zId,
  /** The day the request reached the municipality: the deadline counts from it. */
  receivedOn: isoDate,
  channel: z.enum(REQUEST_CHANNELS),
  /** The answer's language: the one the request was written in. */
  language: z.enum(REQUEST_LANGUAGES),
  assigneeId: zId.optional(),
});
export type RequestCreate = z.output<typeof requestCreate>;

export const requestPatch = z.strictObject({
  /** The officer who handles the request; null leaves it unassigned. */
  assigneeId: zId.nullable(),
});
export type RequestPatch = z.output<typeof requestPatch>;

export const identityVerification = z.strictObject({
  method: z.enum(IDENTITY_METHODS),
  verifiedOn: isoDate,
});
export type IdentityVerification = z.output<typeof identityVerification>;

export const requestExtension = z.strictObject({
  /** Why two more months are needed: the request is complex, or there are many. */
  reason: text({ max: 2000, min: 3, multiline: true }),
  /** When the requester was told: within the first month. */
  requesterToldOn: isoDate,
});
export type RequestExtension = z.output<typeof requestExtension>;

export const requestDecision = z
  .strictObject({
    outcome: z.enum(REQUEST_OUTCOMES),
    /** Required unless granted in full: the answer gives them to the requester. */
    reasons: text({ max: 5000, min: 0, multiline: true }).optional(),
    decidedOn: isoDate,
  })
  .superRefine((decision, ctx) => {
    if (decision.outcome !== 'granted' && !decision.reasons) {
      ctx.addIssue({
        code: 'custom',
        path: ['reasons'],
        message: 'A refusal or partial grant states its reasons',
        params: { code: 'request.reasonsRequired' },
      });
    }
  });
export type RequestDecision = z.output<typeof requestDecision>;

export const requestAnswer = z.strictObject({ answeredOn: isoDate });

export const requestNote = z.strictObject({ text: text({ max: 5000, multiline: true }) });

export const requestListQuery = z.strictObject({
  /** open (the default): everything not yet answered, the earliest deadline first. */
  status: z.enum(['open', 'answered', 'all']).default('open'),
  assigneeId: zId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: zCursor.optional(),
});
export type RequestListQuery = z.output<typeof requestListQuery>;

const staffRef = z.object({ id: zId, username: z.string() }).nullable();

export const requestSummary = z.object({
  id: zId,
  number: z.number().int(),
  type: z.enum(REQUEST_TYPES),
  person: z.object({ id: zId, name: z.string() }),
  receivedOn: z.string(),
  channel: z.enum(REQUEST_CHANNELS),
  language: z.enum(REQUEST_LANGUAGES),
  status: z.enum(REQUEST_STATUSES),
  /** One calendar month from receipt (three when extended), moved to a working day. */
  dueOn: z.string(),
  extended: z.boolean(),
  /** Not answered and past its due date (Helsinki). */
  overdue: z.boolean(),
  /** Calendar days from today to the due date; negative when overdue, null once answered. */
  daysLeft: z.number().int().nullable(),
  assignee: staffRef,
});
export type RequestSummary = z.infer<typeof requestSummary>;

export const requestView = requestSummary.extend({
  identity: z
    .object({ method: z.enum(IDENTITY_METHODS), verifiedOn: z.string(), verifiedBy: staffRef })
    .nullable(),
  extension: z.object({ reason: z.string(), requesterToldOn: z.string() }).nullable(),
  decision: z
    .object({
      outcome: z.enum(REQUEST_OUTCOMES),
      reasons: z.string().nullable(),
      decidedOn: z.string(),
    })
    .nullable(),
  answeredOn: z.string().nullable(),
  notes: z.array(
    z.object({ text: z.string(), createdAt: z.string(), username: z.string().nullable() }),
  ),
  history: z.array(
    z.object({
      occurredAt: z.string(),
      username: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  /** The staff the history's changes name by id (assignees, who verified), with their usernames. */
  historyStaff: z.array(z.object({ id: z.string(), username: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestView = z.infer<typeof requestView>;
