import type { SocialReviewKind } from '../../db/schema/index.ts';
import { addDays, helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { openClientData, type ClientAccess } from './client-access.ts';
import {
  findBreakGlass,
  findOverlappingRelationship,
  findPersonName,
  findRelationship,
  findRelationshipsWithOtherUnits,
  findUnitIdsOfWorker,
  insertBreakGlass,
  insertRelationship,
  insertReviewEntries,
  listBreakGlass,
  listMembers,
  listRelationships,
  markBreakGlassReviewed,
  updateRelationshipRow,
} from './social-services.queries.ts';
import type {
  RelationshipInput,
  RelationshipPatch,
  RelationshipView,
} from '../../../contract/social-services/social-services.schemas.ts';

/** How long a break-the-glass grant opens a person's data for reading. */
export const BREAK_GLASS_MINUTES = 60;

/**
 * How far back a new relationship may start without the register officer's review. A
 * relationship is recorded when the service begins, but a first meeting on a Friday evening or
 * before a holiday weekend may be recorded the next working days; a week covers that. A start
 * further back rewrites which unit served the client when, and is reviewed (decision 0012).
 */
export const RELATIONSHIP_BACKDATING_GRACE_DAYS = 7;

function overlappingRelationship(existingId: string): AppError {
  return new AppError('conflict', 'The person is already a client of the unit for those days', {
    errors: [
      {
        field: 'startsOn',
        message: 'The person is already a client of the unit for those days',
        code: 'socialServices.overlappingRelationship',
      },
    ],
    extra: { reason: 'overlapping_relationship', existingId },
  });
}

function invalid(errors: FieldError[]): AppError {
  return new AppError('validation', 'The client relationship is not valid', { errors });
}

/**
 * The client relationships the reader sees: those of the reader's own units (being a client of
 * another unit is that unit's to know); while a break-the-glass grant holds, all.
 */
export async function relationshipViews(
  ctx: CustomerContext,
  access: ClientAccess,
): Promise<RelationshipView[]> {
  const rows = await listRelationships(
    ctx.db,
    access.personId,
    access.scope.grantExpiresAt ? undefined : access.unitIds,
  );
  const members = await listMembers(ctx.db, [...new Set(rows.map((row) => row.unit.id))]);
  const day = helsinkiDate(ctx.clock.now());
  return rows.map(({ client, unit }) => ({
    id: client.id,
    unit: {
      id: unit.id,
      code: unit.code,
      nameFi: unit.nameFi,
      nameSv: unit.nameSv,
      nameEn: unit.nameEn,
    },
    startsOn: client.startsOn,
    endsOn: client.endsOn,
    active: client.startsOn <= day && (client.endsOn === null || client.endsOn >= day),
    responsibleWorkers: client.responsibleWorkerIds.flatMap((id) => {
      const member = members.find((m) => m.id === id);
      return member
        ? [{ id: member.id, username: member.username, fullName: member.fullName }]
        : [];
    }),
  }));
}

export async function clientOverview(ctx: CustomerContext, personId: string, purpose: string) {
  const access = await openClientData(ctx, personId, 'read');
  const relationships = await relationshipViews(ctx, access);
  await logAccess(ctx, 'read', [personId], ['socialClient'], { purpose, flag: access.flag });
  return {
    personId,
    access: access.via,
    breakGlassExpiresAt: access.scope.grantExpiresAt?.toISOString() ?? null,
    relationships,
  };
}

/** The unit is the worker's own, the days are in order and the workers work in the unit. */
async function checkRelationship(
  ctx: CustomerContext,
  unitId: string,
  startsOn: string,
  endsOn: string | null,
  responsibleWorkerIds: string[],
): Promise<void> {
  const errors: FieldError[] = [];
  const unitIds = await findUnitIdsOfWorker(ctx.db, ctx.actor.userId);
  if (!unitIds.includes(unitId)) {
    errors.push({
      field: 'unitId',
      message: 'You can record clients of your own units only',
      code: 'socialServices.notYourUnit',
    });
  } else {
    const members = new Set((await listMembers(ctx.db, [unitId])).map((m) => m.id));
    if (responsibleWorkerIds.some((id) => !members.has(id))) {
      errors.push({
        field: 'responsibleWorkerIds',
        message: 'The responsible workers must work in the unit',
        code: 'socialServices.workerNotInUnit',
      });
    }
  }
  if (endsOn !== null && endsOn < startsOn) {
    errors.push({
      field: 'endsOn',
      message: 'The end is before the start',
      code: 'dates.endBeforeStart',
    });
  }
  if (errors.length > 0) throw invalid(errors);
}

export async function createRelationship(
  ctx: CustomerContext,
  personId: string,
  input: RelationshipInput,
): Promise<RelationshipView> {
  if (!(await findPersonName(ctx.db, personId))) throw notFound('Person');
  const workers = [...new Set(input.responsibleWorkerIds)];
  await checkRelationship(ctx, input.unitId, input.startsOn, input.endsOn, workers);
  const overlapping = await findOverlappingRelationship(ctx.db, { personId, ...input });
  if (overlapping) {
    throw overlappingRelationship(overlapping.id);
  }
  const review = await reviewKinds(ctx, personId, input);
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertRelationship(tx, {
      personId,
      unitId: input.unitId,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      responsibleWorkerIds: workers,
      createdBy: ctx.actor.userId,
    });
    // Being a client of a unit is itself sensitive: the log says it changed, not the unit.
    await logAccess({ ...ctx, db: tx }, 'create', [personId], ['socialClient'], {
      changes: { socialClient: 'changed', relationshipId: { old: null, new: inserted.id } },
    });
    await insertReviewEntries(
      tx,
      review.map((kind) => ({
        kind,
        personId,
        userId: ctx.actor.userId,
        relationshipId: inserted.id,
        openedAt: ctx.clock.now(),
      })),
    );
    return inserted;
  });
  return ownRelationshipView(ctx, personId, row.unitId, row.id);
}

/**
 * Why a new relationship goes on the register officer's review list: the person already is a
 * client of another unit (today, or on the new relationship's days), or it starts further back
 * than the grace period. The worker is not told: that would tell them of the other unit.
 */
async function reviewKinds(
  ctx: CustomerContext,
  personId: string,
  input: { unitId: string; startsOn: string; endsOn: string | null },
): Promise<SocialReviewKind[]> {
  const today = helsinkiDate(ctx.clock.now());
  const kinds: SocialReviewKind[] = [];
  const others = await findRelationshipsWithOtherUnits(ctx.db, personId, input.unitId);
  const overlaps = (from: string, until: string | null) =>
    others.some(
      (other) =>
        (until === null || other.startsOn <= until) &&
        (other.endsOn === null || other.endsOn >= from),
    );
  if (overlaps(today, today) || overlaps(input.startsOn, input.endsOn)) {
    kinds.push('clientOfAnotherUnit');
  }
  if (input.startsOn < addDays(today, -RELATIONSHIP_BACKDATING_GRACE_DAYS)) {
    kinds.push('backdatedRelationship');
  }
  return kinds;
}

/** One relationship of a unit of the worker's, whether in force today or not. */
async function ownRelationshipView(
  ctx: CustomerContext,
  personId: string,
  unitId: string,
  relationshipId: string,
): Promise<RelationshipView> {
  const views = await relationshipViews(ctx, {
    personId,
    via: 'relationship',
    unitIds: [unitId],
    scope: { servingUnitIds: [unitId], grantExpiresAt: null },
    writeUnitId: unitId,
    flag: undefined,
  });
  const view = views.find((candidate) => candidate.id === relationshipId);
  if (!view) throw notFound('Client relationship');
  return view;
}

export async function updateRelationship(
  ctx: CustomerContext,
  personId: string,
  relationshipId: string,
  patch: RelationshipPatch,
): Promise<RelationshipView> {
  // A worker keeps the relationships of their own units, in force or not.
  const unitIds = await findUnitIdsOfWorker(ctx.db, ctx.actor.userId);
  const row = await findRelationship(ctx.db, personId, relationshipId);
  if (!row || !unitIds.includes(row.unitId)) throw notFound('Client relationship');
  const endsOn = patch.endsOn !== undefined ? patch.endsOn : row.endsOn;
  const workers = [...new Set(patch.responsibleWorkerIds ?? row.responsibleWorkerIds)];
  await checkRelationship(ctx, row.unitId, row.startsOn, endsOn, workers);
  const overlapping = await findOverlappingRelationship(ctx.db, {
    personId,
    unitId: row.unitId,
    startsOn: row.startsOn,
    endsOn,
    except: row.id,
  });
  if (overlapping) {
    throw overlappingRelationship(overlapping.id);
  }
  await ctx.db.transaction(async (tx) => {
    await updateRelationshipRow(tx, relationshipId, { endsOn, responsibleWorkerIds: workers });
    await logAccess({ ...ctx, db: tx }, 'update', [personId], ['socialClient'], {
      changes: { socialClient: 'changed', relationshipId: { old: row.id, new: row.id } },
    });
  });
  return ownRelationshipView(ctx, personId, row.unitId, relationshipId);
}

// — break the glass —

/**
 * Opens every unit's records of the person for reading, for a while. A worker with a relationship
 * may break the glass too, for the records of the client's other units: whether there are any is
 * not told beforehand, as the answer would tell that the person is another unit's client.
 */
export async function breakGlass(ctx: CustomerContext, personId: string, reason: string) {
  if (!(await findPersonName(ctx.db, personId))) throw notFound('Person');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_MINUTES * 60_000);
  const grant = await ctx.db.transaction(async (tx) => {
    const row = await insertBreakGlass(tx, {
      personId,
      userId: ctx.actor.userId,
      reason,
      openedAt: now,
      expiresAt,
    });
    await logAccess({ ...ctx, db: tx }, 'breakGlass', [personId], ['socialClient'], {
      purpose: reason,
      flag: 'breakGlass',
    });
    return row;
  });
  return { id: grant.id, personId, expiresAt: expiresAt.toISOString() };
}

export async function breakGlassReviewList(
  ctx: CustomerContext,
  query: { status: 'open' | 'reviewed'; limit: number },
) {
  const rows = await listBreakGlass(ctx.db, {
    reviewed: query.status === 'reviewed',
    limit: query.limit,
  });
  await logAccess(
    ctx,
    'read',
    [...new Set(rows.map((row) => row.person.id))],
    ['breakGlassReview'],
  );
  return {
    items: rows.map((row) => ({
      id: row.grant.id,
      kind: row.grant.kind,
      person: row.person,
      user: row.user,
      reason: row.grant.reason,
      relationship:
        row.relationship && row.unit
          ? { unit: row.unit, startsOn: row.relationship.startsOn }
          : null,
      openedAt: row.grant.openedAt.toISOString(),
      expiresAt: row.grant.expiresAt?.toISOString() ?? null,
      reviewedAt: row.grant.reviewedAt?.toISOString() ?? null,
      reviewedBy: row.reviewedByUsername,
      reviewedByFullName: row.reviewedByFullName,
      reviewNote: row.grant.reviewNote,
    })),
  };
}

export async function reviewBreakGlass(ctx: CustomerContext, id: string, note: string) {
  const grant = await findBreakGlass(ctx.db, id);
  if (!grant) throw notFound('Break-the-glass access');
  const reviewedAt = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const marked = await markBreakGlassReviewed(tx, id, {
      reviewedAt,
      reviewedBy: ctx.actor.userId,
      reviewNote: note || null,
    });
    if (!marked) {
      throw new AppError('conflict', 'This access has already been reviewed', {
        extra: { reason: 'already_reviewed' },
      });
    }
    await logAccess({ ...ctx, db: tx }, 'update', [grant.personId], ['breakGlassReview'], {
      changes: { breakGlassReview: { old: null, new: { id, note: note || null } } },
    });
  });
  return { id, reviewedAt: reviewedAt.toISOString() };
}
