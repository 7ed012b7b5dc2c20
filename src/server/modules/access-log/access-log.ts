import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { accessLog } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import type { PersonKeys } from '../../keystore/person-keys.ts';
import { sealChanges } from '../erasure/sealed-changes.ts';

export const ACCESS_ACTIONS = [
  'read',
  'search',
  'create',
  'update',
  'archive',
  'reveal',
  /** The "who has processed my data" report made for the data subject. */
  'report',
  /** A print-out, e.g. a social-services client summary. */
  'print',
  /** A social worker without a client relationship opened the client's data, stating why. */
  'breakGlass',
  /** Data sent to a partner: a disclosure (decision 0013), e.g. a debt to collection. */
  'disclose',
  /** Data taken out of the register in a file, e.g. a mailing list (decision 0018). */
  'export',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** Entries an officer must review carry a flag. */
export const ACCESS_FLAGS = ['breakGlass'] as const;
export type AccessFlag = (typeof ACCESS_FLAGS)[number];

export type AccessLogEntry = {
  userId: string | null;
  username: string | null;
  role: string | null;
  /** A contractor's partner organisation. */
  partnerId?: string | null;
  action: AccessAction;
  subjectIds: string[];
  /** Field or category names. */
  fields: string[];
  /** For a change: field → {old, new} for ordinary fields, "changed" for encrypted ones. */
  changes?: Record<string, unknown> | null;
  purpose?: string | null;
  clientAddress?: string | null;
  requestId?: string | null;
  flag?: AccessFlag | null;
};

/**
 * Where every read and change of personal data is recorded. `record` writes through the handle
 * it is given, so a change and its entry share one transaction, and a read's entry is written
 * before its data is returned: when the entry cannot be written, the request fails.
 */
export type AccessLog = { record(db: Db, entry: AccessLogEntry): Promise<void> };

/** JSON with object keys sorted, so that a value read back from jsonb MACs the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type StoredEntry = {
  entryId: string;
  occurredAt: Date;
  userId: string | null;
  username: string | null;
  role: string | null;
  partnerId: string | null;
  action: string;
  subjectIds: string[];
  fields: string[];
  changes: Record<string, unknown> | null;
  purpose: string | null;
  clientAddress: string | null;
  requestId: string | null;
  flag: string | null;
};

/** The MAC of an entry's whole content: any change to a stored entry shows. */
export function entryMac(keys: Keys, entry: StoredEntry): Buffer {
  return keys.auditMac(
    'access_log/v1',
    canonicalJson([
      entry.entryId,
      entry.occurredAt.toISOString(),
      entry.userId,
      entry.username,
      entry.role,
      entry.action,
      entry.subjectIds,
      entry.fields,
      entry.changes,
      entry.purpose,
      entry.clientAddress,
      entry.requestId,
      // Appended only when set, so entries written before partners existed keep their MAC.
      ...(entry.partnerId === null ? [] : [entry.partnerId]),
      // Likewise the flag, as an object so it can never be read as a partner.
      ...(entry.flag === null ? [] : [{ flag: entry.flag }]),
    ]),
  );
}

type AccessLogRow = typeof accessLog.$inferInsert;

/**
 * The database access log. A change's entry is inserted through the change's own transaction.
 * A read's entry, written through `readsOn` (the database outside any transaction), joins a
 * group: while one INSERT is in flight, the entries that arrive queue up and go together in the
 * next one, so concurrent reads share a commit instead of each waiting for its own. Every
 * entry is still committed before its read's data is returned (the promise resolves after the
 * INSERT), and at low load an entry is written at once, alone.
 */
export function databaseAccessLog(
  keys: Keys,
  clock: Clock,
  /** With `personKeys`, a change's values about one person are sealed under their key (0019). */
  options: { readsOn?: Db; personKeys?: PersonKeys } = {},
): AccessLog {
  const grouped = options.readsOn ? groupWriter(options.readsOn) : null;
  return {
    async record(db, entry) {
      const entryId = crypto.randomUUID();
      const changes = options.personKeys
        ? await sealChanges(
            db,
            options.personKeys,
            entryId,
            entry.subjectIds,
            entry.changes ?? null,
          )
        : (entry.changes ?? null);
      const stored: StoredEntry = {
        entryId,
        occurredAt: clock.now(),
        userId: entry.userId,
        username: entry.username,
        role: entry.role,
        partnerId: entry.partnerId ?? null,
        action: entry.action,
        subjectIds: entry.subjectIds,
        fields: entry.fields,
        changes,
        purpose: entry.purpose ?? null,
        clientAddress: entry.clientAddress ?? null,
        requestId: entry.requestId ?? null,
        flag: entry.flag ?? null,
      };
      const row = { ...stored, entryMac: entryMac(keys, stored) };
      if (grouped && db === options.readsOn) return grouped(row);
      await db.insert(accessLog).values(row);
    },
  };
}

/** At most this many entries in one INSERT. */
const GROUP_LIMIT = 200;

function groupWriter(db: Db): (row: AccessLogRow) => Promise<void> {
  type Waiting = { row: AccessLogRow; resolve: () => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let writing = false;
  const insert = async (group: Waiting[]) => {
    await db.insert(accessLog).values(group.map((w) => w.row));
    for (const waiting of group) waiting.resolve();
  };
  const drain = async () => {
    writing = true;
    while (queue.length > 0) {
      const group = queue.splice(0, GROUP_LIMIT);
      try {
        await insert(group);
      } catch (error) {
        // One bad entry must not fail its neighbours' reads: retry them one by one.
        if (group.length === 1) group[0]?.reject(error);
        else for (const waiting of group) await insert([waiting]).catch(waiting.reject);
      }
    }
    writing = false;
  };
  return (row) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ row, resolve, reject });
      if (!writing) void drain();
    });
}
