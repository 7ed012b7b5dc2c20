import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { zCursor } from '../cursor.ts';
import { FIELD_ERROR_CODES } from '../field-errors.ts';
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

/** The outcomes a decision gives its reasons for: all but a grant in full. */
export const OUTCOMES_WITH_REASONS = [
  'partly_granted',
  'refused',
] as const satisfies readonly (typeof REQUEST_OUTCOMES)[number][];

export const requestDecision = z
  .strictObject({
    outcome: z.enum(REQUEST_OUTCOMES),
    /** Required unless granted in full: the answer gives them to the requester. */
    reasons: text({ max: 5000, min: 0, multiline: true }).optional(),
    decidedOn: isoDate,
  })
  .superRefine((decision, ctx) => {
    const needsReasons: readonly string[] = OUTCOMES_WITH_REASONS;
    if (needsReasons.includes(decision.outcome) && !decision.reasons) {
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

/** A staff member as the request shows them: by full name (null when none is recorded). */
const staffMember = z.object({ id: zId, username: z.string(), fullName: z.string().nullable() });
const staffRef = staffMember.nullable();

/**
 * What may be done to a request: its life's steps, and what the request's other panels do
 * (hand over an access package, carry out an erasure, record an objection request's objections,
 * name, decide and apply a rectification request's fields, place and lift a restriction).
 */
export const REQUEST_ACTION_NAMES = [
  'verifyIdentity',
  'start',
  'extend',
  'decide',
  'answer',
  'assign',
  'note',
  'handOver',
  'erase',
  'recordObjections',
  'addRectificationItem',
  'decideRectificationItem',
  'applyRectification',
  'placeRestriction',
  'liftRestriction',
] as const;
export type RequestActionName = (typeof REQUEST_ACTION_NAMES)[number];

/**
 * An action the caller may take now, computed by the server's one state machine from the
 * request's status and type, the caller's permissions and the request's blockers; with what the
 * action needs beyond its body's schema.
 */
export const allowedRequestAction = z.object({
  action: z.enum(REQUEST_ACTION_NAMES),
  /** The earliest day the action's date may be (the step it follows); the latest is today. */
  notBefore: z.string().optional(),
  /** decide: the outcomes it may take (a rectification's: the one its fields' decisions make). */
  outcomes: z.array(z.enum(REQUEST_OUTCOMES)).optional(),
  /** decide: the outcomes that must state their reasons. */
  reasonsRequiredFor: z.array(z.enum(REQUEST_OUTCOMES)).optional(),
  /** extend: the last day the requester may be told of the extension (the first deadline). */
  tellBy: z.string().optional(),
});
export type AllowedRequestAction = z.infer<typeof allowedRequestAction>;

/** A step the request's status leads to that waits for something first, and what. */
export const blockedRequestAction = z.object({
  action: z.enum(REQUEST_ACTION_NAMES),
  code: z.enum(FIELD_ERROR_CODES),
  message: z.string(),
});
export type BlockedRequestAction = z.infer<typeof blockedRequestAction>;

export const requestSummary = z.object({
  id: zId,
  number: z.number().int(),
  type: z.enum(REQUEST_TYPES),
  /** The name is empty once the person is erased. */
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
  /** The identity code masked (131052-****); null when none, or the person is erased. */
  person: z.object({ id: zId, name: z.string(), identityCode: z.string().nullable() }),
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
  /** What the caller may do now; empty for a caller who may only read. */
  allowedActions: z.array(allowedRequestAction),
  /** The next steps that wait for something first (a rectification's fields decided). */
  blockedActions: z.array(blockedRequestAction),
  notes: z.array(
    z.object({
      text: z.string(),
      createdAt: z.string(),
      username: z.string().nullable(),
      fullName: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      occurredAt: z.string(),
      username: z.string().nullable(),
      fullName: z.string().nullable(),
      action: z.string(),
      changes: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  /** The staff the history's changes name by id (assignees, who verified), with their names. */
  historyStaff: z.array(staffMember),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RequestView = z.infer<typeof requestView>;
