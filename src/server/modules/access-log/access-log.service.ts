import { z } from 'zod';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { roleHas } from '../../../contract/auth/permissions.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { openSealedChanges } from '../erasure/sealed-changes.ts';
import { maskIdentityCode } from '../../../finnish/index.ts';
import { identityCodeContext } from '../persons/persons.service.ts';
import { findAccessLogEntries, findNamedSubjects, findStaffByName } from './access-log.queries.ts';
import type {
  AccessLogQuery,
  LoggedSubject,
} from '../../../contract/access-log/access-log.schemas.ts';

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
    rows
      .slice(0, query.limit)
      .map(({ entry, partnerName, userFullName }) => ({ ...entry, partnerName, userFullName })),
  );
  const subjects = new Set(page.flatMap((entry) => entry.subjectIds));
  if (query.subjectId) subjects.add(query.subjectId);
  const named = await namedSubjects(ctx, [...subjects]);
  await logAccess(ctx, 'read', [...subjects], ['accessLog']);
  const last = page.at(-1);
  return {
    items: page.map(({ entryMac: _mac, ...entry }) => ({
      ...entry,
      subjects: entry.subjectIds.map(
        (id): LoggedSubject => named.get(id) ?? { kind: 'unknown', id },
      ),
      changes: roleHas(ctx.actor.role, 'customers.readProtectedAddress')
        ? entry.changes
        : withoutAddresses(entry.changes),
      occurredAt: entry.occurredAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(CURSOR, [last.position]) : null,
  };
}

/**
 * The page's subjects by name: persons with the masked identity code, as the register's search
 * shows them (an erased person's code is gone with their key), and staff members.
 */
async function namedSubjects(
  ctx: CustomerContext,
  ids: string[],
): Promise<Map<string, LoggedSubject>> {
  const { persons, staff } = await findNamedSubjects(ctx.db, ids);
  const coded = persons.flatMap((row) =>
    row.identityCodeEncrypted
      ? [
          {
            personId: row.id,
            ciphertext: row.identityCodeEncrypted,
            context: identityCodeContext(row.id),
          },
        ]
      : [],
  );
  const codes = await ctx.personKeys.decryptMany(coded);
  const masked = new Map(
    coded.map((item, i) => [item.personId, codes[i] ? maskIdentityCode(codes[i]) : null]),
  );
  return new Map<string, LoggedSubject>([
    ...persons.map((row): [string, LoggedSubject] => [
      row.id,
      {
        kind: 'person',
        id: row.id,
        name: `${row.firstName} ${row.lastName}`,
        identityCode: masked.get(row.id) ?? null,
      },
    ]),
    ...staff.map((row): [string, LoggedSubject] => [
      row.id,
      { kind: 'staff', id: row.id, name: row.fullName, username: row.username },
    ]),
  ]);
}

/**
 * Staff members for the log's user filter. Their usernames and names are the staff members'
 * personal data: the read is logged with each one found.
 */
export async function findLogUsers(ctx: CustomerContext, query: { q: string; limit: number }) {
  const items = await findStaffByName(ctx.db, query.q, query.limit);
  await logAccess(
    ctx,
    'read',
    items.map((item) => item.id),
    ['username', 'fullName'],
  );
  return { items };
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
