import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import type { PersonKeys } from '../../keystore/person-keys.ts';
import type { AccessAction, AccessFlag, AccessLog } from '../access-log/access-log.ts';
import type { Actor } from '../auth/auth.service.ts';
import { MACHINE_CLIENT_ROLE } from '../../../contract/access-log/access-log.schemas.ts';

export { MACHINE_CLIENT_ROLE } from '../../../contract/access-log/access-log.schemas.ts';

/**
 * What the access log names as the role of a resident acting in the e-service (decision 0032):
 * the entry's user id is the resident's own person id.
 */
export const RESIDENT_ROLE = 'resident';

/**
 * A resident acting on their own data in the e-service (decision 0032): the access log names
 * their person id as the user and the role `resident`; no staff account is behind it, so the
 * "created by" columns that name staff stay empty (see `staffIdOf`).
 */
export type ResidentActor = {
  resident: true;
  /** The resident's own person id: the only person they act on. */
  userId: string;
  username: null;
  role: typeof RESIDENT_ROLE;
  partnerId: null;
  client?: undefined;
};

/** What a customer service function needs: the database, keys, time, the log and who asks. */
export type CustomerContext = {
  db: Db;
  /** The global keys: blind indexes, access-log MACs, TOTP secrets. */
  keys: Keys;
  /** Per-person data keys: identity codes and special-category data (decision 0011). */
  personKeys: PersonKeys;
  clock: Clock;
  accessLog: AccessLog;
  actor: Actor;
  requestId: string;
  clientAddress: string;
};

/**
 * The context of a service function that a resident may call on their own data too (the
 * requests, objections, persons and processing-report functions the e-service reuses).
 */
export type ActingContext = Omit<CustomerContext, 'actor'> & { actor: Actor | ResidentActor };

/** The staff account that acts, for the columns that name one; null when a resident acts. */
export function staffIdOf(ctx: ActingContext): string | null {
  return 'resident' in ctx.actor ? null : ctx.actor.userId;
}

/**
 * Records that the actor read or changed these subjects' data, through `ctx.db`: pass the
 * transaction's context for a change, so the change and its entry commit together.
 */
export function logAccess(
  ctx: ActingContext,
  action: AccessAction,
  subjectIds: string[],
  fields: string[],
  details: { purpose?: string; changes?: Record<string, unknown>; flag?: AccessFlag } = {},
): Promise<void> {
  if (subjectIds.length === 0) return Promise.resolve();
  return ctx.accessLog.record(ctx.db, {
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    role: ctx.actor.client ? MACHINE_CLIENT_ROLE : ctx.actor.role,
    partnerId: ctx.actor.partnerId,
    action,
    subjectIds,
    fields,
    changes: details.changes ?? null,
    purpose: details.purpose ?? null,
    clientAddress: ctx.clientAddress,
    requestId: ctx.requestId,
    flag: details.flag ?? null,
  });
}
