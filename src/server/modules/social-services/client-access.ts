import { helsinkiDate } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { AccessFlag } from '../access-log/access-log.ts';
import type { CustomerContext } from '../customers/context.ts';
import { findOpenPersons, findPersonName, findUnitIdsOfWorker } from './social-services.queries.ts';

/**
 * How a social worker may open a person's social-services data: through a client relationship of
 * one of their units in force today, or — for reading only — through a break-the-glass grant
 * they opened stating why. Reads under a grant are flagged in the access log.
 */
export type ClientAccess = {
  personId: string;
  via: 'relationship' | 'breakGlass';
  /** The worker's active units. */
  unitIds: string[];
  breakGlassExpiresAt: Date | null;
  /** What the access log entries of this access carry. */
  flag: AccessFlag | undefined;
};

/**
 * The refusal is the same for every person the worker has no relationship with, whether they are
 * a client of another unit or of none: the answer must not tell which.
 */
export function noClientRelationship(): AppError {
  return new AppError(
    'forbidden',
    "Social-services data opens only to the workers of the client's units; another social worker may open it for reading by stating why (break the glass)",
    { extra: { reason: 'no_client_relationship' } },
  );
}

export async function openClientData(
  ctx: CustomerContext,
  personId: string,
  mode: 'read' | 'write',
): Promise<ClientAccess> {
  const person = await findPersonName(ctx.db, personId);
  if (!person) throw notFound('Person');
  const unitIds = await findUnitIdsOfWorker(ctx.db, ctx.actor.userId);
  const now = ctx.clock.now();
  const open = await findOpenPersons(ctx.db, {
    personIds: [personId],
    unitIds,
    userId: ctx.actor.userId,
    day: helsinkiDate(now),
    now,
    withGrants: mode === 'read',
  });
  if (open.byRelationship.has(personId)) {
    return { personId, via: 'relationship', unitIds, breakGlassExpiresAt: null, flag: undefined };
  }
  const grant = open.byGrant.get(personId);
  if (grant) {
    return { personId, via: 'breakGlass', unitIds, breakGlassExpiresAt: grant, flag: 'breakGlass' };
  }
  throw noClientRelationship();
}

/** Of these persons, those whose data the worker may read now (relationship or grant). */
export async function readablePersons(
  ctx: CustomerContext,
  access: ClientAccess,
  personIds: string[],
): Promise<Set<string>> {
  const now = ctx.clock.now();
  const open = await findOpenPersons(ctx.db, {
    personIds,
    unitIds: access.unitIds,
    userId: ctx.actor.userId,
    day: helsinkiDate(now),
    now,
    withGrants: true,
  });
  return new Set([...open.byRelationship, ...open.byGrant.keys()]);
}
