import { z } from 'zod';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { roleHas } from '../../../contract/auth/permissions.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { openSealedChanges } from '../erasure/sealed-changes.ts';
import { findAccessLogEntries } from './access-log.queries.ts';
import type { AccessLogQuery } from '../../../contract/access-log/access-log.schemas.ts';

/** The position of the last entry of the previous page. */
const CURSOR = z.tuple([cursorKey.position]);

/**
 * The access log for the register officer and the auditor, newest first. Reading entries is
 * itself processing of the data of everyone they name (their values, who handled them), so the
 * read is logged with every subject of the page shown, and the person asked about even when
 * nothing was found.
 */
export async function readAccessLog(ctx: CustomerContext, query: AccessLogQuery) {
  const before = query.cursor ? decodeCursor(query.cursor, CURSOR)[0] : undefined;
  const rows = await findAccessLogEntries(ctx.db, {
    subjectId: query.subjectId,
    userId: query.userId,
    action: query.action,
    flag: query.flag,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    before,
    limit: query.limit + 1,
  });
  const page = await openSealedChanges(
    ctx.personKeys,
    rows.slice(0, query.limit).map(({ entry, partnerName }) => ({ ...entry, partnerName })),
  );
  const subjects = new Set(page.flatMap((entry) => entry.subjectIds));
  if (query.subjectId) subjects.add(query.subjectId);
  await logAccess(ctx, 'read', [...subjects], ['accessLog']);
  const last = page.at(-1);
  return {
    items: page.map(({ entryMac: _mac, ...entry }) => ({
      ...entry,
      changes: roleHas(ctx.actor.role, 'customers.readProtectedAddress')
        ? entry.changes
        : withoutAddresses(entry.changes),
      occurredAt: entry.occurredAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(CURSOR, [last.position]) : null,
  };
}

const ADDRESS_FIELDS = ['permanentAddress', 'contactAddress'];

/**
 * The log keeps old and new addresses; a reader who may not see a protected address (an auditor,
 * say) sees only that an address "changed" — like the identity code — whether the person is
 * protected now or was then. A billing change keeps its other values, without the address.
 */
function withoutAddresses(changes: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!changes) return changes;
  const withoutBillingAddress = (billing: unknown) => {
    if (!billing || typeof billing !== 'object') return billing;
    const rest = { ...(billing as Record<string, unknown>) };
    delete rest.billingAddress;
    return rest;
  };
  return Object.fromEntries(
    Object.entries(changes).map(([field, change]) => {
      if (ADDRESS_FIELDS.includes(field)) return [field, 'changed'];
      if (field === 'billing' && change && typeof change === 'object') {
        const { old: before, new: after } = change as { old?: unknown; new?: unknown };
        return [field, { old: withoutBillingAddress(before), new: withoutBillingAddress(after) }];
      }
      return [field, change];
    }),
  );
}
