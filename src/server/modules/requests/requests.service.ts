import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { extensionProblems, requestDueOn } from '../../../contract/deadlines.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import type { AccessAction } from '../access-log/access-log.ts';
import { isRole, roleHas } from '../../../contract/auth/permissions.ts';
import {
  logAccess,
  staffIdOf,
  type ActingContext,
  type CustomerContext,
} from '../customers/context.ts';
import { findPersonById } from '../persons/persons.queries.ts';
import { maskedIdentityCodes } from '../persons/persons.service.ts';
import {
  checkRectificationOutcome,
  rectificationReadiness,
} from '../rectification/rectification.service.ts';
import { checkRestrictionOutcome } from '../restriction/restriction.service.ts';
import { findRequestRestriction } from '../restriction/restriction.queries.ts';
import {
  notBeforeOf,
  REQUEST_ACTIONS,
  refuseUnlessAllowed,
  requestActions,
  type RequestFacts,
} from './request-actions.ts';
import {
  findPersonForRequest,
  findPersonNames,
  findRequest,
  findStaffAccount,
  findStaffNames,
  insertRequest,
  insertRequestEvent,
  insertRequestNote,
  listRequestEvents,
  listRequestNotes,
  listRequests,
  updateRequestRow,
  type RequestInsert,
  type StaffName,
  type StoredRequest,
} from './requests.queries.ts';
import type {
  RequestActionName,
  IdentityVerification,
  RequestCreate,
  RequestDecision,
  RequestExtension,
  RequestListQuery,
  RequestPatch,
  RequestSummary,
  RequestView,
} from '../../../contract/requests/requests.schemas.ts';
import type { FieldErrorCode } from '../../../contract/field-errors.ts';

/*
 * A data subject's request is personal data of its subject: every read and change is logged for
 * the person, in the change's transaction, and every change also writes a request event (the
 * request's own history, shown with it). The deadline is lib/deadlines.ts.
 */

/**
 * The request's own actions (its panels' — hand-over, erasure, objections, rectification — log
 * in their modules).
 */
type RequestAction = Exclude<
  RequestActionName,
  | 'handOver'
  | 'erase'
  | 'recordObjections'
  | 'addRectificationItem'
  | 'decideRectificationItem'
  | 'applyRectification'
  | 'placeRestriction'
  | 'liftRestriction'
>;

const ACCESS_ACTION: Record<RequestAction | 'create', AccessAction> = {
  create: 'create',
  verifyIdentity: 'update',
  start: 'update',
  decide: 'update',
  answer: 'update',
  extend: 'update',
  assign: 'update',
  note: 'update',
};

const FIELDS = ['requests'];

function validation(field: string, message: string, code: FieldErrorCode): AppError {
  return new AppError('validation', message, { errors: [{ field, message, code }] });
}

/** A date of the request's life: not before the step it follows, not in the future. */
function checkDate(
  ctx: ActingContext,
  field: string,
  date: string,
  notBefore: { date: string; what: string },
): void {
  const today = helsinkiDate(ctx.clock.now());
  if (date > today) throw validation(field, `${date} is in the future`, 'request.dateInFuture');
  if (date < notBefore.date) {
    throw validation(
      field,
      `${date} is before ${notBefore.what} (${notBefore.date})`,
      'request.dateBeforeStep',
    );
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A staff member by id, with the names the request shows them by. */
const staffRef = (id: string | null, staff: Map<string, StaffName>) =>
  id
    ? {
        id,
        username: staff.get(id)?.username ?? '(removed)',
        fullName: staff.get(id)?.fullName ?? null,
      }
    : null;

function summaryOf(
  request: StoredRequest,
  today: string,
  names: Map<string, string>,
  staff: Map<string, StaffName>,
): RequestSummary {
  const open = request.status !== 'answered';
  return {
    id: request.id,
    number: request.number,
    type: request.type,
    person: { id: request.personId, name: names.get(request.personId) ?? '' },
    receivedOn: request.receivedOn,
    channel: request.channel,
    language: request.language,
    status: request.status,
    dueOn: request.dueOn,
    extended: request.extensionToldOn !== null,
    overdue: open && request.dueOn < today,
    daysLeft: open ? daysBetween(today, request.dueOn) : null,
    assignee: staffRef(request.assigneeId, staff),
  };
}

/** Names of the requests' persons and of their staff, fetched once for all of them. */
async function namesOf(ctx: CustomerContext, requests: StoredRequest[], moreStaff: string[] = []) {
  const [names, staff] = await Promise.all([
    findPersonNames(
      ctx.db,
      requests.map((r) => r.personId),
    ),
    findStaffNames(ctx.db, [
      ...requests.flatMap((r) => [r.assigneeId, r.identityVerifiedBy].filter((id) => id !== null)),
      ...moreStaff,
    ]),
  ]);
  return { names, staff, today: helsinkiDate(ctx.clock.now()) };
}

async function summariesOf(
  ctx: CustomerContext,
  requests: StoredRequest[],
): Promise<RequestSummary[]> {
  const { names, staff, today } = await namesOf(ctx, requests);
  return requests.map((request) => summaryOf(request, today, names, staff));
}

/** Staff ids a history names in its changes (an assignee, who verified the identity). */
const STAFF_FIELDS = ['assigneeId', 'identityVerifiedBy'] as const;

function staffIdsIn(events: { changes: Record<string, unknown> | null }[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    for (const field of STAFF_FIELDS) {
      const change = event.changes?.[field] as { old?: unknown; new?: unknown } | undefined;
      for (const value of [change?.old, change?.new]) {
        if (typeof value === 'string') ids.add(value);
      }
    }
  }
  return [...ids];
}

/** What the state machine needs beyond the request: the caller's permission, its blockers. */
async function factsOf(ctx: CustomerContext, request: StoredRequest): Promise<RequestFacts> {
  const canManage = roleHas(ctx.actor.role, 'requests.manage');
  const rectification =
    canManage && request.type === 'rectification' && request.status === 'in_progress'
      ? await rectificationReadiness(ctx.db, request.id)
      : undefined;
  const restriction =
    canManage && request.type === 'restriction'
      ? await findRequestRestriction(ctx.db, request.id)
      : undefined;
  const day = helsinkiDate(ctx.clock.now());
  return {
    canManage,
    ...(rectification ? { rectification } : {}),
    ...(canManage && request.type === 'restriction'
      ? {
          restriction: {
            placed: restriction !== undefined,
            liftable:
              restriction !== undefined &&
              (restriction.liftedOn === null || restriction.liftedOn > day),
          },
        }
      : {}),
  };
}

/** The person as the request's page shows them: by name, with the masked identity code. */
async function personOf(ctx: CustomerContext, request: StoredRequest) {
  const person = await findPersonById(ctx.db, request.personId);
  if (!person) return { id: request.personId, name: '', identityCode: null };
  const codes = await maskedIdentityCodes(ctx, [person]);
  return {
    id: person.id,
    name: `${person.firstName} ${person.lastName}`,
    identityCode: codes.get(person.id) ?? null,
  };
}

async function viewOf(ctx: CustomerContext, request: StoredRequest): Promise<RequestView> {
  const [events, notes, person, facts] = await Promise.all([
    listRequestEvents(ctx.db, request.id),
    listRequestNotes(ctx.db, request.id),
    personOf(ctx, request),
    factsOf(ctx, request),
  ]);
  const authors = [...events, ...notes].flatMap((row) => (row.userId ? [row.userId] : []));
  const historyIds = staffIdsIn(events);
  const { names, staff, today } = await namesOf(ctx, [request], [...authors, ...historyIds]);
  const actions = requestActions(request, facts);
  const fullName = (userId: string | null) =>
    userId ? (staff.get(userId)?.fullName ?? null) : null;
  return {
    ...summaryOf(request, today, names, staff),
    person,
    identity:
      request.identityMethod && request.identityVerifiedOn
        ? {
            method: request.identityMethod,
            verifiedOn: request.identityVerifiedOn,
            verifiedBy: staffRef(request.identityVerifiedBy, staff),
          }
        : null,
    extension:
      request.extensionReason && request.extensionToldOn
        ? { reason: request.extensionReason, requesterToldOn: request.extensionToldOn }
        : null,
    decision:
      request.outcome && request.decidedOn
        ? {
            outcome: request.outcome,
            reasons: request.decisionReasons,
            decidedOn: request.decidedOn,
          }
        : null,
    answeredOn: request.answeredOn,
    allowedActions: actions.allowed,
    blockedActions: actions.blocked,
    notes: notes.map((note) => ({
      text: note.text,
      createdAt: note.createdAt.toISOString(),
      username: note.username,
      fullName: fullName(note.userId),
    })),
    history: events.map((event) => ({
      occurredAt: event.occurredAt.toISOString(),
      username: event.username,
      fullName: fullName(event.userId),
      action: event.action,
      changes: event.changes ?? null,
    })),
    historyStaff: historyIds.flatMap((id) => {
      const ref = staffRef(id, staff);
      return ref && staff.has(id) ? [ref] : [];
    }),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

async function requireRequest(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredRequest> {
  const request = await findRequest(db, id, options);
  if (!request) throw notFound('Request');
  return request;
}

/** The assignee is an active account that may handle requests. */
async function checkAssignee(ctx: CustomerContext, assigneeId: string): Promise<void> {
  const account = await findStaffAccount(ctx.db, assigneeId);
  const problem: FieldError | undefined = !account
    ? { field: 'assigneeId', message: 'No such staff account', code: 'request.unknownAssignee' }
    : account.deactivatedAt
      ? {
          field: 'assigneeId',
          message: 'The account is deactivated',
          code: 'request.assigneeDeactivated',
        }
      : !isRole(account.role) || !roleHas(account.role, 'requests.manage')
        ? {
            field: 'assigneeId',
            message: 'The account cannot handle requests (its role lacks requests.manage)',
            code: 'request.assigneeNotAllowed',
          }
        : undefined;
  if (problem) throw new AppError('validation', problem.message, { errors: [problem] });
}

/** The event and the access-log entry of a change, through the change's transaction. */
async function recordChange(
  ctx: ActingContext,
  request: StoredRequest,
  action: RequestAction | 'create',
  changes: Record<string, unknown>,
): Promise<void> {
  await insertRequestEvent(ctx.db, {
    requestId: request.id,
    occurredAt: ctx.clock.now(),
    userId: staffIdOf(ctx),
    username: ctx.actor.username,
    action,
    changes,
  });
  await logAccess(ctx, ACCESS_ACTION[action], [request.personId], FIELDS, {
    changes: { request: { id: request.id, number: request.number, action }, ...changes },
  });
}

export async function createRequest(
  ctx: CustomerContext,
  input: RequestCreate,
): Promise<RequestView> {
  if (input.assigneeId) await checkAssignee(ctx, input.assigneeId);
  return viewOf(ctx, await fileRequest(ctx, input));
}

/**
 * Records a received request (staff, or the resident in the e-service): the person exists, the
 * day is not in the future, the deadline counts from it; the event and the log entry go with it.
 */
export async function fileRequest(
  ctx: ActingContext,
  input: RequestCreate,
): Promise<StoredRequest> {
  const person = await findPersonForRequest(ctx.db, input.personId);
  if (!person) {
    throw new AppError('not_found', 'No such person', {
      errors: [{ field: 'personId', message: 'No such person', code: 'request.unknownPerson' }],
    });
  }
  const today = helsinkiDate(ctx.clock.now());
  if (input.receivedOn > today) {
    throw validation('receivedOn', `${input.receivedOn} is in the future`, 'request.dateInFuture');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertRequest(tx, {
      type: input.type,
      personId: input.personId,
      receivedOn: input.receivedOn,
      channel: input.channel,
      language: input.language,
      dueOn: requestDueOn(input.receivedOn),
      assigneeId: input.assigneeId ?? null,
      createdAt: now,
      createdBy: staffIdOf(ctx),
      updatedAt: now,
    });
    await recordChange({ ...ctx, db: tx }, row, 'create', {
      type: { old: null, new: row.type },
      receivedOn: { old: null, new: row.receivedOn },
      dueOn: { old: null, new: row.dueOn },
      ...(row.assigneeId ? { assigneeId: { old: null, new: row.assigneeId } } : {}),
    });
    return row;
  });
}

export async function getRequest(ctx: CustomerContext, id: string): Promise<RequestView> {
  const request = await requireRequest(ctx.db, id);
  const view = await viewOf(ctx, request);
  // The page shows the person's masked identity code, as search does, and logs it so.
  const fields = view.person.identityCode ? [...FIELDS, 'personalIdentityCode'] : FIELDS;
  await logAccess(ctx, 'read', [request.personId], fields);
  return view;
}

/** (dueOn or receivedOn, id) of the last request of the previous page. */
const REQUEST_CURSOR = z.tuple([cursorKey.date, cursorKey.id]);

/**
 * The dashboard: requests by their deadline, the overdue first (they have the earliest), or a
 * person's requests. Each listed person's read is logged, as a search result list's is.
 */
export async function listRequestPage(
  ctx: CustomerContext,
  query: RequestListQuery,
  personId?: string,
): Promise<{ items: RequestSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, REQUEST_CURSOR) : null;
  const rows = await listRequests(ctx.db, {
    status: query.status,
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(personId ? { personId } : {}),
    limit: query.limit + 1,
    after,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const key = (r: StoredRequest) => (query.status === 'open' ? r.dueOn : r.receivedOn);
  const items = await summariesOf(ctx, page);
  await logAccess(ctx, 'read', [...new Set(page.map((r) => r.personId))], FIELDS);
  return {
    items,
    nextCursor:
      rows.length > query.limit && last ? encodeCursor(REQUEST_CURSOR, [key(last), last.id]) : null,
  };
}

/** Locks the request, checks the action is allowed, applies `change`, and records it. */
async function change(
  ctx: CustomerContext,
  id: string,
  action: RequestAction,
  build: (
    current: StoredRequest,
    txCtx: CustomerContext,
  ) => Promise<Partial<RequestInsert>> | Partial<RequestInsert>,
): Promise<RequestView> {
  return viewOf(ctx, await changeRow(ctx, id, action, build));
}

async function changeRow<C extends ActingContext>(
  ctx: C,
  id: string,
  action: RequestAction,
  build: (
    current: StoredRequest,
    txCtx: C,
  ) => Promise<Partial<RequestInsert>> | Partial<RequestInsert>,
): Promise<StoredRequest> {
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const current = await requireRequest(tx, id, { forUpdate: true });
    refuseUnlessAllowed(current, action);
    const values = await build(current, txCtx);
    const to = REQUEST_ACTIONS[action].to;
    const next = { ...values, ...(to ? { status: to } : {}) };
    const changes = Object.fromEntries(
      Object.entries(next).map(([key, value]) => [
        key,
        { old: (current as Record<string, unknown>)[key] ?? null, new: value ?? null },
      ]),
    );
    const row = await updateRequestRow(tx, id, { ...next, updatedAt: ctx.clock.now() });
    await recordChange(txCtx, row, action, changes);
    return row;
  });
}

/** The identity verified: by the officer, or by the strong identification of the e-service. */
export function verifyRequestIdentity(
  ctx: ActingContext,
  id: string,
  input: IdentityVerification,
): Promise<StoredRequest> {
  return changeRow(ctx, id, 'verifyIdentity', (current) => {
    checkDate(ctx, 'verifiedOn', input.verifiedOn, notBeforeOf(current, 'verifyIdentity'));
    return {
      identityMethod: input.method,
      identityVerifiedOn: input.verifiedOn,
      identityVerifiedBy: staffIdOf(ctx),
    };
  });
}

export async function verifyIdentity(
  ctx: CustomerContext,
  id: string,
  input: IdentityVerification,
): Promise<RequestView> {
  return viewOf(ctx, await verifyRequestIdentity(ctx, id, input));
}

export function startRequest(ctx: CustomerContext, id: string): Promise<RequestView> {
  return change(ctx, id, 'start', () => ({}));
}

export function extendRequest(
  ctx: CustomerContext,
  id: string,
  input: RequestExtension,
): Promise<RequestView> {
  return change(ctx, id, 'extend', (current) => {
    if (current.extensionToldOn) {
      throw new AppError('conflict', 'The request has already been extended: only once', {
        errors: [{ field: 'status', message: 'Already extended', code: 'request.alreadyExtended' }],
      });
    }
    checkDate(ctx, 'requesterToldOn', input.requesterToldOn, notBeforeOf(current, 'extend'));
    const problems = extensionProblems(current.receivedOn, input);
    if (problems.length > 0) {
      throw new AppError('validation', problems.map((p) => p.message).join('; '), {
        errors: problems,
      });
    }
    return {
      extensionReason: input.reason,
      extensionToldOn: input.requesterToldOn,
      dueOn: requestDueOn(current.receivedOn, input),
    };
  });
}

export function decideRequest(
  ctx: CustomerContext,
  id: string,
  input: RequestDecision,
): Promise<RequestView> {
  return change(ctx, id, 'decide', async (current, txCtx) => {
    checkDate(ctx, 'decidedOn', input.decidedOn, notBeforeOf(current, 'decide'));
    if (current.type === 'rectification') {
      await checkRectificationOutcome(txCtx, current, input.outcome);
    }
    if (current.type === 'restriction') {
      await checkRestrictionOutcome(txCtx, current, input.outcome);
    }
    return {
      outcome: input.outcome,
      decisionReasons: input.reasons ?? null,
      decidedOn: input.decidedOn,
    };
  });
}

export function answerRequest(
  ctx: CustomerContext,
  id: string,
  answeredOn: string,
): Promise<RequestView> {
  return change(ctx, id, 'answer', (current) => {
    checkDate(ctx, 'answeredOn', answeredOn, notBeforeOf(current, 'answer'));
    return { answeredOn };
  });
}

export function assignRequest(
  ctx: CustomerContext,
  id: string,
  patch: RequestPatch,
): Promise<RequestView> {
  return change(ctx, id, 'assign', async (_current, txCtx) => {
    if (patch.assigneeId) await checkAssignee(txCtx, patch.assigneeId);
    return { assigneeId: patch.assigneeId };
  });
}

/** A working note: kept with the request, never part of the answer. */
export async function addRequestNote(
  ctx: CustomerContext,
  id: string,
  text: string,
): Promise<RequestView> {
  const request = await ctx.db.transaction(async (tx) => {
    const current = await requireRequest(tx, id, { forUpdate: true });
    refuseUnlessAllowed(current, 'note');
    await insertRequestNote(tx, {
      requestId: id,
      text,
      createdAt: ctx.clock.now(),
      userId: ctx.actor.userId,
      username: ctx.actor.username,
    });
    await recordChange({ ...ctx, db: tx }, current, 'note', { note: { old: null, new: text } });
    return current;
  });
  return viewOf(ctx, request);
}
