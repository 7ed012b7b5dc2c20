import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { partners, staffUsers } from '../../db/schema/index.ts';
import { PersonKeyDestroyedError, type PersonKeys } from '../../keystore/person-keys.ts';

/*
 * The access log is append-only, MACed and chained (decision 0007): an entry can never be edited,
 * so an erased person's old and new values cannot be taken out of it afterwards. Instead they go
 * in sealed: a change entry about one person stores each changed value ({old, new}) encrypted
 * under that person's data key, and the MAC covers the ciphertext. Readers open the values with
 * the key; once erasure destroys it, every copy of those values — in the log and in every backup
 * of it — is unreadable, while the entry, its MAC and the chain verify as before (decision 0019).
 */

export type Changes = Record<string, unknown>;
type Sealed = { sealed: string };

/** What a reader sees in place of a value whose person's key has been destroyed. */
export const ERASED_VALUE = 'erased';

const isChangedValue = (value: unknown): value is { old?: unknown; new?: unknown } =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => key === 'old' || key === 'new');

const isSealed = (value: unknown): value is Sealed =>
  value !== null &&
  typeof value === 'object' &&
  Object.keys(value).length === 1 &&
  typeof (value as Sealed).sealed === 'string';

/** Rows of a raw query: node-postgres and PGlite both answer with `rows`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const contextOf = (entryId: string, field: string) => `access_log.changes:${entryId}:${field}`;

/**
 * The changes as the log stores them. Sealed only when the entry is about exactly one subject and
 * that subject is a person: entries about many subjects (a disclosure, an invoice run) carry no one
 * person's values, and staff accounts and partners have no data key. A person whose key is already destroyed
 * (erased, with accounting records kept) has no values left to log: they are written "erased".
 */
export async function sealChanges(
  db: Db,
  personKeys: PersonKeys,
  entryId: string,
  subjectIds: readonly string[],
  changes: Changes | null,
): Promise<Changes | null> {
  if (!changes || subjectIds.length !== 1) return changes;
  const fields = Object.entries(changes).filter(([, value]) => isChangedValue(value));
  if (fields.length === 0) return changes;
  const personId = subjectIds[0] as string;
  // A staff account or a partner has no data key; a person may not be stored yet (its creation
  // is logged first, in the same transaction), so persons are what is left.
  const [other] = rowsOf<{ found: boolean }>(
    await db.execute(
      sql`select exists (select 1 from ${staffUsers} where ${staffUsers.id} = ${personId})
        or exists (select 1 from ${partners} where ${partners.id} = ${personId}) as found`,
    ),
  );
  if (other?.found) return changes;
  const sealed: Changes = { ...changes };
  try {
    for (const [field, value] of fields) {
      const ciphertext = await personKeys.encrypt(
        personId,
        JSON.stringify(value),
        contextOf(entryId, field),
      );
      sealed[field] = { sealed: ciphertext.toString('base64') };
    }
  } catch (error) {
    if (!(error instanceof PersonKeyDestroyedError)) throw error;
    for (const [field] of fields) sealed[field] = ERASED_VALUE;
  }
  return sealed;
}

/**
 * The entries' changes with sealed values opened, in one key-store lookup for the lot; a value
 * whose key is gone reads "erased". Entries written before sealing began read as they were.
 */
export async function openSealedChanges<
  T extends { entryId: string; subjectIds: string[]; changes: Changes | null },
>(personKeys: PersonKeys, entries: readonly T[]): Promise<T[]> {
  const items: {
    entry: number;
    field: string;
    personId: string;
    ciphertext: Buffer;
    context: string;
  }[] = [];
  entries.forEach((entry, index) => {
    const personId = entry.subjectIds[0];
    if (!entry.changes || !personId) return;
    for (const [field, value] of Object.entries(entry.changes)) {
      if (!isSealed(value)) continue;
      items.push({
        entry: index,
        field,
        personId,
        ciphertext: Buffer.from(value.sealed, 'base64'),
        context: contextOf(entry.entryId, field),
      });
    }
  });
  if (items.length === 0) return [...entries];
  const opened = await personKeys.decryptMany(items);
  const result = entries.map((entry) => ({
    ...entry,
    changes: entry.changes && { ...entry.changes },
  }));
  items.forEach((item, i) => {
    const plain = opened[i];
    const changes = result[item.entry]?.changes;
    if (changes) changes[item.field] = typeof plain === 'string' ? JSON.parse(plain) : ERASED_VALUE;
  });
  return result;
}
