import { and, eq } from 'drizzle-orm';
import { legalHolds, persons } from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { listLegalHolds } from './erasure.queries.ts';
import type { LegalHoldCreate, LegalHoldView } from '../../../contract/erasure/erasure.schemas.ts';

/*
 * Legal holds: the register officer stops a person's data from being erased (a lawsuit, an
 * authority's request), with the reason, from a day, until a day or until released. A hold in
 * force is one of the erasure's blockers (erasure.legalHold). A hold is data about the person:
 * reads and changes are logged for them.
 */

const FIELDS = ['legalHolds'];

type StoredHold = typeof legalHolds.$inferSelect;

function viewOf(hold: StoredHold, today: string): LegalHoldView {
  return {
    id: hold.id,
    personId: hold.personId,
    reason: hold.reason,
    fromOn: hold.fromOn,
    untilOn: hold.untilOn,
    releasedAt: hold.releasedAt?.toISOString() ?? null,
    active:
      hold.releasedAt === null &&
      hold.fromOn <= today &&
      (hold.untilOn === null || hold.untilOn >= today),
    createdAt: hold.createdAt.toISOString(),
  };
}

async function requirePerson(ctx: CustomerContext, personId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: persons.id })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!row) throw notFound('Person');
}

export async function getLegalHolds(
  ctx: CustomerContext,
  personId: string,
): Promise<LegalHoldView[]> {
  await requirePerson(ctx, personId);
  const rows = await listLegalHolds(ctx.db, personId);
  await logAccess(ctx, 'read', [personId], FIELDS);
  const today = helsinkiDate(ctx.clock.now());
  return rows.map((row) => viewOf(row, today));
}

export async function placeLegalHold(
  ctx: CustomerContext,
  personId: string,
  input: LegalHoldCreate,
): Promise<LegalHoldView> {
  await requirePerson(ctx, personId);
  const now = ctx.clock.now();
  const hold = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(legalHolds)
      .values({
        personId,
        reason: input.reason,
        fromOn: input.fromOn,
        untilOn: input.untilOn ?? null,
        createdAt: now,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('The legal hold was not stored');
    await logAccess({ ...ctx, db: tx }, 'update', [personId], FIELDS, {
      changes: {
        legalHold: {
          new: { id: row.id, reason: row.reason, fromOn: row.fromOn, untilOn: row.untilOn },
        },
      },
    });
    return row;
  });
  return viewOf(hold, helsinkiDate(now));
}

/** Releases a hold: from now on it blocks nothing; it stays on the person's list. */
export async function releaseLegalHold(
  ctx: CustomerContext,
  personId: string,
  holdId: string,
): Promise<LegalHoldView> {
  const now = ctx.clock.now();
  const hold = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(legalHolds)
      .where(and(eq(legalHolds.id, holdId), eq(legalHolds.personId, personId)))
      .for('update');
    if (!current) throw notFound('Legal hold');
    if (current.releasedAt) {
      const message = 'The legal hold has already been released';
      throw new AppError('conflict', message, {
        errors: [{ field: 'releasedAt', message, code: 'legalHold.alreadyReleased' }],
      });
    }
    const [row] = await tx
      .update(legalHolds)
      .set({ releasedAt: now, releasedBy: ctx.actor.userId })
      .where(eq(legalHolds.id, holdId))
      .returning();
    if (!row) throw new Error('The legal hold vanished');
    await logAccess({ ...ctx, db: tx }, 'update', [personId], FIELDS, {
      changes: { legalHold: { old: { id: row.id, released: false }, new: { released: true } } },
    });
    return row;
  });
  return viewOf(hold, helsinkiDate(now));
}
