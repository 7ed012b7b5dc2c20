import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import type { AccessAction, AccessLog } from '../access-log/access-log.ts';
import type { Actor } from '../auth/auth.service.ts';

/** What a customer service function needs: the database, keys, time, the log and who asks. */
export type CustomerContext = {
  db: Db;
  keys: Keys;
  clock: Clock;
  accessLog: AccessLog;
  actor: Actor;
  requestId: string;
};

/** Records that the actor read or changed these subjects' data (field names, never values). */
export function logAccess(
  ctx: CustomerContext,
  action: AccessAction,
  subjectIds: string[],
  fields: string[],
  purpose?: string,
): Promise<void> {
  if (subjectIds.length === 0) return Promise.resolve();
  return ctx.accessLog.record({
    userId: ctx.actor.userId,
    role: ctx.actor.role,
    action,
    subjectIds,
    fields,
    ...(purpose ? { purpose } : {}),
    requestId: ctx.requestId,
  });
}
