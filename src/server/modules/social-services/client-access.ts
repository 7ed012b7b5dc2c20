import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { AccessFlag } from '../access-log/access-log.ts';
import type { CustomerContext } from '../customers/context.ts';
import {
  findOpenPersons,
  findPersonName,
  findUnitIdsOfWorker,
  type ServingRelationship,
} from './social-services.queries.ts';

/**
 * Which of a person's records a worker may read: those written under a unit of the worker's that
 * serves the person today, or — under a break-the-glass grant — all of them. This is the one rule
 * for every read of records and family relations (decision 0012).
 */
export type RecordScope = {
  /** The worker's units with a relationship with the person in force today. */
  servingUnitIds: string[];
  /** Until when a break-the-glass grant of the worker opens every unit's records. */
  grantExpiresAt: Date | null;
};

/**
 * How a social worker may open a person's social-services data: through a client relationship of
 * one of their units in force today (their units' records, read and write), and through a
 * break-the-glass grant they opened stating why (every unit's records, reading only). Reads
 * while a grant holds are flagged in the access log.
 */
export type ClientAccess = {
  personId: string;
  via: 'relationship' | 'breakGlass';
  /** The worker's active units. */
  unitIds: string[];
  scope: RecordScope;
  /** The unit new records go under: one serving the client, null when reading under a grant. */
  writeUnitId: string | null;
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

/** Whether a record (or relation) written under `unitId` opens to the worker. */
export function mayRead(scope: RecordScope | undefined, unitId: string): boolean {
  return !!scope && (scope.grantExpiresAt !== null || scope.servingUnitIds.includes(unitId));
}

/** The units whose records the scope opens; null for every unit's. */
export function readableUnits(scope: RecordScope): string[] | null {
  return scope.grantExpiresAt !== null ? null : scope.servingUnitIds;
}

/**
 * The unit a worker writes under when several of theirs serve the client: the one naming them as
 * responsible worker, then the one whose relationship began last.
 */
function writeUnit(relationships: ServingRelationship[], userId: string): string | null {
  const [first] = [...relationships].sort(
    (a, b) =>
      Number(b.responsibleWorkerIds.includes(userId)) -
        Number(a.responsibleWorkerIds.includes(userId)) ||
      b.startsOn.localeCompare(a.startsOn) ||
      a.unitId.localeCompare(b.unitId),
  );
  return first?.unitId ?? null;
}

/** The record scopes of these persons for the worker (persons they may open nothing of left out). */
export async function recordScopes(
  ctx: CustomerContext,
  personIds: string[],
  options: { unitIds?: string[]; withGrants?: boolean } = {},
): Promise<{ scopes: Map<string, RecordScope>; serving: ServingRelationship[] }> {
  const unitIds = options.unitIds ?? (await findUnitIdsOfWorker(ctx.db, ctx.actor.userId));
  const now = ctx.clock.now();
  const open = await findOpenPersons(ctx.db, {
    personIds,
    unitIds,
    userId: ctx.actor.userId,
    day: helsinkiDate(now),
    now,
    withGrants: options.withGrants ?? true,
  });
  const scopes = new Map<string, RecordScope>();
  const scopeOf = (personId: string) => {
    let scope = scopes.get(personId);
    if (!scope) {
      scope = { servingUnitIds: [], grantExpiresAt: null };
      scopes.set(personId, scope);
    }
    return scope;
  };
  for (const relationship of open.serving) {
    const scope = scopeOf(relationship.personId);
    if (!scope.servingUnitIds.includes(relationship.unitId)) {
      scope.servingUnitIds.push(relationship.unitId);
    }
  }
  for (const [personId, expiresAt] of open.byGrant) scopeOf(personId).grantExpiresAt = expiresAt;
  return { scopes, serving: open.serving };
}

export async function openClientData(
  ctx: CustomerContext,
  personId: string,
  mode: 'read' | 'write',
): Promise<ClientAccess> {
  const person = await findPersonName(ctx.db, personId);
  if (!person) throw notFound('Person');
  const unitIds = await findUnitIdsOfWorker(ctx.db, ctx.actor.userId);
  const { scopes, serving } = await recordScopes(ctx, [personId], {
    unitIds,
    withGrants: mode === 'read',
  });
  const scope = scopes.get(personId);
  if (!scope) throw noClientRelationship();
  // Writing needs a relationship: an emergency reads, the client's own unit records.
  if (mode === 'write' && scope.servingUnitIds.length === 0) throw noClientRelationship();
  return {
    personId,
    via: scope.servingUnitIds.length > 0 ? 'relationship' : 'breakGlass',
    unitIds,
    scope,
    writeUnitId: writeUnit(serving, ctx.actor.userId),
    flag: scope.grantExpiresAt ? 'breakGlass' : undefined,
  };
}

/**
 * A record (or relation) the worker asked to change: written under one of their units serving the
 * client. Another unit's record is refused as forbidden when the worker can see it under a grant,
 * and as not found otherwise, the same as a record that does not exist.
 */
export async function checkWritable(
  ctx: CustomerContext,
  access: ClientAccess,
  row: { unitId: string } | undefined,
  what: string,
): Promise<void> {
  if (!row) throw notFound(what);
  if (access.scope.servingUnitIds.includes(row.unitId)) return;
  const { scopes } = await recordScopes(ctx, [access.personId], { unitIds: access.unitIds });
  if (mayRead(scopes.get(access.personId), row.unitId)) {
    throw new AppError('forbidden', 'Only the unit that wrote a record can change it', {
      extra: { reason: 'record_of_another_unit' },
    });
  }
  throw notFound(what);
}
