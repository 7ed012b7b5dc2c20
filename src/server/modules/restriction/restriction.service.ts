import { isUniqueViolation } from '../../db/errors.ts';
import type { RequestOutcome } from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type ActingContext, type CustomerContext } from '../customers/context.ts';
import { refuseUnlessAllowed } from '../requests/request-actions.ts';
import {
  findRequest,
  findStaffNames,
  insertRequestEvent,
  type StoredRequest,
} from '../requests/requests.queries.ts';
import {
  findRequestRestriction,
  findRestrictionInForce,
  findUnliftedRestriction,
  insertRestriction,
  markLifted,
  type RestrictionRow,
} from './restriction.queries.ts';
import type {
  RequestRestriction,
  RestrictionLift,
  RestrictionPlace,
  RestrictionView,
} from '../../../contract/restriction/restriction.schemas.ts';
import type { FieldErrorCode } from '../../../contract/field-errors.ts';

/*
 * Restriction of processing (GDPR Art. 18, decision 0033). A restriction request places it and
 * lifts it; while it holds, the usage rule keeps the person out of every use Art. 18(2) does not
 * allow and `refuseWhileRestricted` — asked by the one writer of a person's data, the person
 * service — refuses every change but the rectification it waits for. Each read and change is
 * logged for the person, the change with a request event in its transaction.
 */

const FIELDS = ['restriction'];

function problem(
  kind: 'validation' | 'conflict',
  field: string,
  message: string,
  code: FieldErrorCode,
): AppError {
  return new AppError(kind, message, { errors: [{ field, message, code }] });
}

const today = (ctx: Pick<CustomerContext, 'clock'>) => helsinkiDate(ctx.clock.now());

/** In force on `day`: placed by then, and not lifted or lifted on a later day. */
export const inForce = (row: RestrictionRow, day: string): boolean =>
  row.placedOn <= day && (row.liftedOn === null || row.liftedOn > day);

async function viewOf(ctx: CustomerContext, row: RestrictionRow): Promise<RestrictionView> {
  const [request, rectification, staff] = await Promise.all([
    findRequest(ctx.db, row.requestId),
    row.rectificationRequestId ? findRequest(ctx.db, row.rectificationRequestId) : undefined,
    findStaffNames(
      ctx.db,
      [row.placedBy, row.liftedBy].filter((id) => id !== null),
    ),
  ]);
  const staffRef = (id: string | null) => {
    const name = id ? staff.get(id) : undefined;
    return name ? { username: name.username, fullName: name.fullName } : null;
  };
  return {
    id: row.id,
    personId: row.personId,
    request: { id: row.requestId, number: request?.number ?? 0 },
    grounds: row.grounds,
    rectificationRequest: rectification
      ? { id: rectification.id, number: rectification.number }
      : null,
    placedOn: row.placedOn,
    placedBy: staffRef(row.placedBy),
    liftedOn: row.liftedOn,
    liftedBy: staffRef(row.liftedBy),
    liftReason: row.liftReason,
    active: inForce(row, today(ctx)),
  };
}

/**
 * The person's restriction in force today, as the person's page shows it to every reader (each
 * must know the data are only stored); a restriction read is logged for the person.
 */
export async function restrictionInForce(
  ctx: CustomerContext,
  personId: string,
): Promise<RestrictionView | null> {
  const row = await findRestrictionInForce(ctx.db, personId, today(ctx));
  if (!row) return null;
  await logAccess(ctx, 'read', [personId], FIELDS);
  return viewOf(ctx, row);
}

/**
 * The one refusal: while a restriction holds, the person's data may only be stored. A change is
 * let through only when it is the correction of the rectification request the restriction waits
 * for (its source that request). Asked by the person service for every write of a person.
 */
export async function refuseWhileRestricted(
  ctx: Pick<ActingContext, 'db' | 'clock'>,
  personId: string,
  source: { kind: string; requestId?: string | null | undefined } | undefined,
): Promise<void> {
  const row = await findRestrictionInForce(ctx.db, personId, today(ctx));
  if (!row) return;
  if (
    source?.kind === 'request' &&
    row.rectificationRequestId !== null &&
    source.requestId === row.rectificationRequestId
  ) {
    return;
  }
  const message = `The processing of this person's data is restricted since ${row.placedOn} (GDPR Art. 18): the data are only stored, and cannot be changed until the restriction is lifted`;
  throw new AppError('conflict', message, {
    errors: [{ field: 'restriction', message, code: 'restriction.inForce' }],
    extra: { restriction: { requestId: row.requestId, placedOn: row.placedOn } },
  });
}

async function requireRestrictionRequest(
  ctx: CustomerContext,
  requestId: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredRequest> {
  const request = await findRequest(ctx.db, requestId, options);
  if (!request) throw notFound('Request');
  return request;
}

/** The restriction a request placed, or null; logged as a read of its person. */
export async function getRequestRestriction(
  ctx: CustomerContext,
  requestId: string,
): Promise<RequestRestriction> {
  const request = await requireRestrictionRequest(ctx, requestId);
  const row = await findRequestRestriction(ctx.db, request.id);
  await logAccess(ctx, 'read', [request.personId], FIELDS);
  return { restriction: row ? await viewOf(ctx, row) : null };
}

async function recordStep(
  ctx: CustomerContext,
  request: StoredRequest,
  action: 'restriction.place' | 'restriction.lift',
  changes: Record<string, unknown>,
): Promise<void> {
  await insertRequestEvent(ctx.db, {
    requestId: request.id,
    occurredAt: ctx.clock.now(),
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    action,
    changes,
  });
  await logAccess(
    ctx,
    action === 'restriction.place' ? 'create' : 'update',
    [request.personId],
    [...FIELDS, 'requests'],
    { changes: { request: { id: request.id, number: request.number, action }, ...changes } },
  );
}

/**
 * Places the restriction: the request's identity verified, before the decision; one per request
 * and one in force per person. From `placedOn` the person's data are only stored.
 */
export async function placeRestriction(
  ctx: CustomerContext,
  requestId: string,
  input: RestrictionPlace,
): Promise<RestrictionView> {
  const row = await ctx.db
    .transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      const request = await requireRestrictionRequest(txCtx, requestId, { forUpdate: true });
      refuseUnlessAllowed(request, 'placeRestriction');
      if (await findRequestRestriction(tx, request.id)) {
        throw problem(
          'conflict',
          'status',
          'This request has already placed its restriction',
          'restriction.alreadyPlaced',
        );
      }
      const day = today(ctx);
      if (input.placedOn > day) {
        throw problem(
          'validation',
          'placedOn',
          `${input.placedOn} is in the future`,
          'restriction.dateInFuture',
        );
      }
      if (input.placedOn < request.receivedOn) {
        throw problem(
          'validation',
          'placedOn',
          `${input.placedOn} is before the request was received (${request.receivedOn})`,
          'restriction.dateBeforeRequest',
        );
      }
      if (input.rectificationRequestId) {
        const rectification = await findRequest(tx, input.rectificationRequestId);
        if (
          !rectification ||
          rectification.type !== 'rectification' ||
          rectification.personId !== request.personId
        ) {
          throw problem(
            'validation',
            'rectificationRequestId',
            'Name a rectification request of the same person',
            'restriction.notRectificationRequest',
          );
        }
      }
      if (await findUnliftedRestriction(tx, request.personId, day)) {
        throw problem(
          'conflict',
          'restriction',
          "The person's data are already restricted: lift that restriction first",
          'restriction.alreadyActive',
        );
      }
      const inserted = await insertRestriction(tx, {
        personId: request.personId,
        requestId: request.id,
        grounds: input.grounds,
        rectificationRequestId: input.rectificationRequestId ?? null,
        placedOn: input.placedOn,
        placedAt: ctx.clock.now(),
        placedBy: ctx.actor.userId,
      });
      await recordStep(txCtx, request, 'restriction.place', {
        restriction: {
          old: null,
          new: {
            grounds: inserted.grounds,
            placedOn: inserted.placedOn,
            rectificationRequestId: inserted.rectificationRequestId,
          },
        },
      });
      return inserted;
    })
    .catch((error: unknown) => {
      // Two officers placing at once: the request's unique index lets one through.
      if (isUniqueViolation(error)) {
        throw problem(
          'conflict',
          'status',
          'This request has already placed its restriction',
          'restriction.alreadyPlaced',
        );
      }
      throw error;
    });
  return viewOf(ctx, row);
}

/**
 * Lifts the restriction from a day: today, or later so that the person is told before it ends
 * (Art. 18(3)); the notice letter says which. Kept, with the day, who and why.
 */
export async function liftRestriction(
  ctx: CustomerContext,
  requestId: string,
  input: RestrictionLift,
): Promise<RestrictionView> {
  const row = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const request = await requireRestrictionRequest(txCtx, requestId, { forUpdate: true });
    refuseUnlessAllowed(request, 'liftRestriction');
    const current = await findRequestRestriction(tx, request.id, { forUpdate: true });
    if (!current) {
      throw problem(
        'conflict',
        'status',
        'This request has placed no restriction',
        'restriction.notPlaced',
      );
    }
    const day = today(ctx);
    if (current.liftedOn !== null && current.liftedOn <= day) {
      throw problem(
        'conflict',
        'liftedOn',
        `The restriction was lifted on ${current.liftedOn}`,
        'restriction.alreadyLifted',
      );
    }
    if (input.liftedOn < day) {
      throw problem(
        'validation',
        'liftedOn',
        `${input.liftedOn} is in the past: a restriction is lifted from today or a later day`,
        'restriction.liftInPast',
      );
    }
    const lifted = await markLifted(tx, current.id, {
      liftedOn: input.liftedOn,
      liftedAt: ctx.clock.now(),
      liftedBy: ctx.actor.userId,
      liftReason: input.reason,
    });
    await recordStep(txCtx, request, 'restriction.lift', {
      liftedOn: { old: current.liftedOn, new: lifted.liftedOn },
      liftReason: { old: current.liftReason, new: lifted.liftReason },
    });
    return lifted;
  });
  return viewOf(ctx, row);
}

/**
 * The outcomes a restriction request may be decided with: granted or partly granted once its
 * restriction is placed, refused while none is.
 */
export async function restrictionOutcomes(
  db: CustomerContext['db'],
  requestId: string,
): Promise<RequestOutcome[]> {
  return (await findRequestRestriction(db, requestId))
    ? ['granted', 'partly_granted']
    : ['refused'];
}

export async function checkRestrictionOutcome(
  ctx: CustomerContext,
  request: StoredRequest,
  outcome: RequestOutcome,
): Promise<void> {
  const outcomes = await restrictionOutcomes(ctx.db, request.id);
  if (outcomes.includes(outcome)) return;
  const message =
    outcome === 'refused'
      ? 'The restriction is placed: the request is granted'
      : 'No restriction is placed: place it first, or refuse the request';
  throw new AppError('validation', message, {
    errors: [{ field: 'outcome', message, code: 'restriction.outcomeMismatch' }],
    extra: { expectedOutcomes: outcomes },
  });
}
