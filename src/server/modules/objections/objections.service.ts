import { isUniqueViolation } from '../../db/errors.ts';
import type { ObjectionType } from '../../db/schema/objections.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import {
  logAccess,
  staffIdOf,
  type ActingContext,
  type CustomerContext,
} from '../customers/context.ts';
import { REQUEST_ACTIONS } from '../requests/request-actions.ts';
import { findRequest, insertRequestEvent } from '../requests/requests.queries.ts';
import {
  activeObjectionTypes,
  findObjection,
  findObjectionWithNames,
  insertObjections,
  listObjections,
  listRequestObjections,
  markWithdrawn,
  personExists,
  type ObjectionWithNames,
} from './objections.queries.ts';
import type {
  ObjectionCreate,
  ObjectionList,
  ObjectionView,
  ObjectionWithdrawal,
  RequestObjections,
  RequestObjectionsResult,
} from '../../../contract/objections/objections.schemas.ts';
import type { FieldErrorCode } from '../../../contract/field-errors.ts';

/*
 * A person's objections are personal data of theirs: each read and change is logged for them,
 * the change in its own transaction. An objection is never deleted; a withdrawal keeps it with
 * its date. The usage rule (usage-rule.ts) applies the active ones to every export path.
 */

const FIELDS = ['objections'];

export function objectionView(row: ObjectionWithNames): ObjectionView {
  return {
    id: row.id,
    personId: row.personId,
    type: row.type,
    objectedOn: row.objectedOn,
    source: row.source,
    request:
      row.requestId && row.requestNumber !== null
        ? { id: row.requestId, number: row.requestNumber }
        : null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByUsername,
    active: row.withdrawnOn === null,
    withdrawal:
      row.withdrawnOn && row.withdrawnAt
        ? {
            withdrawnOn: row.withdrawnOn,
            withdrawnAt: row.withdrawnAt.toISOString(),
            withdrawnBy: row.withdrawnByUsername,
            note: row.withdrawalNote,
          }
        : null,
  };
}

function dateProblem(field: string, message: string, code: FieldErrorCode): AppError {
  return new AppError('validation', message, { errors: [{ field, message, code }] });
}

/** Not in the future (Helsinki), and not before `notBefore` when given. */
function checkDate(
  ctx: ActingContext,
  field: string,
  date: string,
  notBefore?: { date: string; what: string },
): void {
  if (date > helsinkiDate(ctx.clock.now())) {
    throw dateProblem(field, `${date} is in the future`, 'objection.dateInFuture');
  }
  if (notBefore && date < notBefore.date) {
    throw dateProblem(
      field,
      `${date} is before ${notBefore.what} (${notBefore.date})`,
      'objection.dateBeforeObjection',
    );
  }
}

function alreadyActive(types: readonly ObjectionType[]): AppError {
  const message = `The person already has an active objection to ${types.join(', ')}`;
  return new AppError('conflict', message, {
    errors: [{ field: 'type', message, code: 'objection.alreadyActive' }],
  });
}

async function requirePerson(ctx: ActingContext, personId: string): Promise<void> {
  if (!(await personExists(ctx.db, personId))) throw notFound('Person');
}

/** The person's objections, active and withdrawn, newest first; logged as a read. */
export async function getPersonObjections(
  ctx: ActingContext,
  personId: string,
): Promise<ObjectionList> {
  await requirePerson(ctx, personId);
  const rows = await listObjections(ctx.db, personId);
  await logAccess(ctx, 'read', [personId], FIELDS);
  return { items: rows.map(objectionView) };
}

/** Staff record an objection (customer service, email, the register officer, or DVV's), or the person in the e-service. */
export async function addObjection(
  ctx: ActingContext,
  personId: string,
  // Staff's sources, or `e_service` when the resident sets it themself (decision 0032).
  input: Omit<ObjectionCreate, 'source'> & { source: ObjectionCreate['source'] | 'e_service' },
): Promise<ObjectionView> {
  checkDate(ctx, 'objectedOn', input.objectedOn);
  const id = await ctx.db
    .transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      await requirePerson(txCtx, personId);
      if ((await activeObjectionTypes(tx, personId, [input.type])).size > 0) {
        throw alreadyActive([input.type]);
      }
      const [row] = await insertObjections(tx, [
        {
          personId,
          type: input.type,
          objectedOn: input.objectedOn,
          source: input.source,
          note: input.note ?? null,
          createdAt: ctx.clock.now(),
          createdBy: staffIdOf(ctx),
        },
      ]);
      if (!row) throw new Error('The objection was not stored');
      await logAccess(txCtx, 'create', [personId], FIELDS, {
        changes: {
          objection: {
            old: null,
            new: { id: row.id, type: row.type, objectedOn: row.objectedOn, source: row.source },
          },
        },
      });
      return row.id;
    })
    .catch((error: unknown) => {
      // Two clerks recording the same objection at once: the unique index lets one through.
      if (isUniqueViolation(error)) throw alreadyActive([input.type]);
      throw error;
    });
  return viewById(ctx, id);
}

async function viewById(ctx: ActingContext, id: string): Promise<ObjectionView> {
  const row = await findObjectionWithNames(ctx.db, id);
  if (!row) throw new Error(`Objection ${id} vanished`);
  return objectionView(row);
}

/** Withdraws an objection: kept, with the date; the usage rule no longer applies it. */
export async function withdrawObjection(
  ctx: ActingContext,
  personId: string,
  objectionId: string,
  input: ObjectionWithdrawal,
): Promise<ObjectionView> {
  await ctx.db.transaction(async (tx) => {
    const current = await findObjection(tx, personId, objectionId, { forUpdate: true });
    if (!current) throw notFound('Objection');
    if (current.withdrawnOn !== null) {
      const message = `The objection was already withdrawn on ${current.withdrawnOn}`;
      throw new AppError('conflict', message, {
        errors: [{ field: 'withdrawnOn', message, code: 'objection.alreadyWithdrawn' }],
      });
    }
    checkDate(ctx, 'withdrawnOn', input.withdrawnOn, {
      date: current.objectedOn,
      what: 'the objection',
    });
    await markWithdrawn(tx, objectionId, {
      withdrawnOn: input.withdrawnOn,
      withdrawnAt: ctx.clock.now(),
      withdrawnBy: staffIdOf(ctx),
      withdrawalNote: input.note ?? null,
    });
    await logAccess({ ...ctx, db: tx }, 'update', [personId], FIELDS, {
      changes: {
        objection: { id: objectionId, type: current.type },
        withdrawnOn: { old: null, new: input.withdrawnOn },
      },
    });
  });
  return viewById(ctx, objectionId);
}

/**
 * Records the objections of an objection request, with the request as their source: once the
 * requester's identity is verified, before the decision. Types already active are left as they
 * are and named in the answer. A request event and the access-log entry go with it.
 */
export async function recordRequestObjections(
  ctx: CustomerContext,
  requestId: string,
  input: RequestObjections,
): Promise<RequestObjectionsResult> {
  const recorded = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const request = await findRequest(tx, requestId, { forUpdate: true });
    if (!request) throw notFound('Request');
    if (request.type !== 'objection') {
      const message = `This is ${request.type === 'access' ? 'an' : 'a'} ${request.type} request: objections are recorded on an objection request`;
      throw new AppError('conflict', message, {
        errors: [{ field: 'type', message, code: 'objection.notObjectionRequest' }],
      });
    }
    // The request's one state machine: once the identity is verified, before the decision.
    const allowed: readonly string[] = REQUEST_ACTIONS.recordObjections.from;
    if (!allowed.includes(request.status)) {
      const message = `The request is ${request.status.replace('_', ' ')}: objections are recorded once the identity is verified and before the decision`;
      throw new AppError('conflict', message, {
        errors: [{ field: 'status', message, code: 'request.wrongStatus' }],
        extra: { currentStatus: request.status },
      });
    }
    const objectedOn = input.objectedOn ?? request.receivedOn;
    checkDate(txCtx, 'objectedOn', objectedOn);
    const active = await activeObjectionTypes(tx, request.personId, input.types);
    const now = ctx.clock.now();
    const rows = await insertObjections(
      tx,
      input.types
        .filter((type) => !active.has(type))
        .map((type) => ({
          personId: request.personId,
          type,
          objectedOn,
          source: 'request' as const,
          requestId: request.id,
          note: input.note ?? null,
          createdAt: now,
          createdBy: ctx.actor.userId,
        })),
    );
    const types = rows.map((row) => row.type);
    await insertRequestEvent(tx, {
      requestId: request.id,
      occurredAt: now,
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      action: 'objections',
      changes: { objections: { old: null, new: types } },
    });
    await logAccess(txCtx, 'create', [request.personId], [...FIELDS, 'requests'], {
      changes: {
        request: { id: request.id, number: request.number, action: 'objections' },
        objections: { old: null, new: types },
      },
    });
    return { ids: rows.map((row) => row.id), alreadyActive: [...active] };
  });
  const rows = await listRequestObjections(ctx.db, requestId);
  const ids = new Set(recorded.ids);
  return {
    recorded: rows.filter((row) => ids.has(row.id)).map(objectionView),
    alreadyActive: input.types.filter((type) => recorded.alreadyActive.includes(type)),
  };
}

/** The objections recorded on a request, for its page; logged as a read of its person. */
export async function getRequestObjections(
  ctx: CustomerContext,
  requestId: string,
): Promise<ObjectionList> {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw notFound('Request');
  const rows = await listRequestObjections(ctx.db, requestId);
  await logAccess(ctx, 'read', [request.personId], FIELDS);
  return { items: rows.map(objectionView) };
}
