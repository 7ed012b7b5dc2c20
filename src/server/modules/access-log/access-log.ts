import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { accessLog } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import type { PersonKeys } from '../../keystore/person-keys.ts';
import { sealChanges } from '../erasure/sealed-changes.ts';
import {
  ACCESS_ACTIONS,
  type AccessAction,
  ACCESS_FLAGS,
  type AccessFlag,
} from '../../../contract/enums.ts';
export { ACCESS_ACTIONS, type AccessAction, ACCESS_FLAGS, type AccessFlag };

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

/*
 * An entry's MAC must cover exactly what the database stores, or verification fails for good on
 * an entry nobody touched. The database normalises: a uuid column lower-cases (and accepts
 * braces and odd hyphens), the drivers encode a lone surrogate as U+FFFD, jsonb takes what
 * JSON.stringify makes of a value (a Date becomes a string, undefined goes). So `record` brings
 * every value of an entry to the one form the database keeps before sealing and MACing it, and
 * the log is right whatever a caller passes. Text is also NFC-normalised, so that the same words
 * typed on two keyboards read back as the same entry.
 */

/** A value the database can take in no form: the request that carried it is refused. */
export class UnstorableValueError extends AppError {
  constructor(field: string) {
    super('validation', 'The request holds a value the register cannot store', {
      errors: [{ field, message: 'Contains a NUL character', code: 'nul_character' }],
    });
  }
}

const UUID_DIGITS = /^\{?((?:[0-9a-f]{4}-?){7}[0-9a-f]{4})\}?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid as PostgreSQL reads and prints it: lower case, hyphens 8-4-4-4-12. */
export function canonicalUuid(value: string, field: string): string {
  const match = UUID_DIGITS.exec(value);
  const braced = value.startsWith('{') === value.endsWith('}');
  if (!match?.[1] || !braced) throw new Error(`access log: ${field} is not a uuid`);
  const hex = match[1].replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Text as the database keeps it, NFC. NUL is refused rather than escaped: PostgreSQL stores it in
 * neither text nor jsonb, so the request carrying it cannot be served anyway (its own data write
 * or query would fail on it too) — a clear 400 instead of a 500 — and an escape would put into the
 * log a value the user never gave, with an escape character of its own to escape in turn.
 */
export function canonicalText(value: string, field: string): string {
  if (value.includes('\u0000')) throw new UnstorableValueError(field);
  return value.toWellFormed().normalize('NFC');
}

/** An id kept as text (a request id): text rules, and lower case like the uuids. */
const canonicalIdText = (value: string, field: string) => canonicalText(value, field).toLowerCase();

/**
 * `changes` as jsonb gives them back: first what JSON.stringify makes of them (what the driver
 * sends), then every key and string as text; a string that is a uuid in upper case is written as
 * the uuid columns the change went to keep it.
 */
function canonicalChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const walk = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      const text = canonicalText(value, path);
      return UUID.test(text) ? text.toLowerCase() : text;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const name = canonicalText(key, `${path}.${key}`);
        result[name] = walk(item, `${path}.${name}`);
      }
      return result;
    }
    return value;
  };
  return walk(JSON.parse(JSON.stringify(changes)), 'changes') as Record<string, unknown>;
}

const nullable = <T>(value: T | null | undefined, canonical: (value: T) => T): T | null =>
  value === null || value === undefined ? null : canonical(value);

/**
 * The entry in the form the database stores it. Subjects are also made distinct (an id given
 * once in upper and once in lower case is one subject), keeping their order.
 */
export function canonicalEntry(entry: AccessLogEntry): AccessLogEntry {
  return {
    userId: nullable(entry.userId, (v) => canonicalUuid(v, 'userId')),
    username: nullable(entry.username, (v) => canonicalText(v, 'username')),
    role: nullable(entry.role, (v) => canonicalText(v, 'role')),
    partnerId: nullable(entry.partnerId, (v) => canonicalUuid(v, 'partnerId')),
    action: entry.action,
    subjectIds: [
      ...new Set(entry.subjectIds.map((id, i) => canonicalUuid(id, `subjectIds[${i}]`))),
    ],
    fields: entry.fields.map((field, i) => canonicalText(field, `fields[${i}]`)),
    changes: nullable(entry.changes, canonicalChanges),
    purpose: nullable(entry.purpose, (v) => canonicalText(v, 'purpose')),
    clientAddress: nullable(entry.clientAddress, (v) => canonicalText(v, 'clientAddress')),
    requestId: nullable(entry.requestId, (v) => canonicalIdText(v, 'requestId')),
    flag: entry.flag ?? null,
  };
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
    async record(db, given) {
      // Canonical before sealing, too: the sealed values and the person whose key seals them
      // are the ones the log keeps (an upper-case subject id would name no key).
      const entry = canonicalEntry(given);
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
