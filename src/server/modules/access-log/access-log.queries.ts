import { and, arrayContains, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accessLog, partners } from '../../db/schema/index.ts';

/**
 * Entries newest first, after the keyset position, with the name of a contractor's partner;
 * each filter uses an index.
 */
export async function findAccessLogEntries(
  db: Db,
  filter: {
    subjectId?: string | undefined;
    userId?: string | undefined;
    action?: string | undefined;
    from?: Date | undefined;
    to?: Date | undefined;
    before?: number | undefined;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (filter.subjectId) conditions.push(arrayContains(accessLog.subjectIds, [filter.subjectId]));
  if (filter.userId) conditions.push(eq(accessLog.userId, filter.userId));
  if (filter.action) conditions.push(eq(accessLog.action, filter.action));
  if (filter.from) conditions.push(gte(accessLog.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(accessLog.occurredAt, filter.to));
  if (filter.before !== undefined) conditions.push(lt(accessLog.position, filter.before));
  return db
    .select({ entry: accessLog, partnerName: partners.name })
    .from(accessLog)
    .leftJoin(partners, eq(partners.id, accessLog.partnerId))
    .where(and(...conditions))
    .orderBy(desc(accessLog.position))
    .limit(filter.limit);
}
