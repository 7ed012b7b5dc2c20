import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { findAccessLogEntries } from './access-log.queries.ts';
import type { AccessLogQuery } from './access-log.schemas.ts';

/**
 * The access log for the register officer and the auditor, newest first. Reading one person's
 * processing history is itself processing of that person's data, and is logged as such.
 */
export async function readAccessLog(ctx: CustomerContext, query: AccessLogQuery) {
  const before = query.cursor ? (decodeCursor(query.cursor, ['number'])[0] as number) : undefined;
  const rows = await findAccessLogEntries(ctx.db, {
    subjectId: query.subjectId,
    userId: query.userId,
    action: query.action,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before,
    limit: query.limit + 1,
  });
  if (query.subjectId) await logAccess(ctx, 'read', [query.subjectId], ['accessLog']);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ entryMac: _mac, ...entry }) => ({
      ...entry,
      occurredAt: entry.occurredAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.position]) : null,
  };
}
