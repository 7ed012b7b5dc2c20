import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { KeyStoreDb } from './client.ts';
import { personKeys, wrappingKeys } from './schema.ts';

/** Rows per statement: well under PostgreSQL's 65,535 parameters. */
const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export type PersonKeyRow = {
  personId: string;
  wrappedKey: Buffer | null;
  masterKeyId: string | null;
};

/** Rows of a raw query: node-postgres and PGlite both answer with `rows`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The stored keys (and tombstones) of these persons: one query per 5,000 persons. */
export async function findPersonKeys(db: KeyStoreDb, personIds: readonly string[]) {
  const rows: PersonKeyRow[] = [];
  for (const ids of chunks(personIds)) {
    rows.push(
      ...(await db
        .select({
          personId: personKeys.personId,
          wrappedKey: personKeys.wrappedKey,
          masterKeyId: personKeys.masterKeyId,
        })
        .from(personKeys)
        .where(inArray(personKeys.personId, ids))),
    );
  }
  return rows;
}

/**
 * Stores new wrapped keys; a person who already has a key or a tombstone keeps it (the primary
 * key decides a race). Returns the persons whose new key was stored. Set-based: the rows as one
 * jsonb parameter, the keys in hex.
 */
export async function insertPersonKeys(
  db: KeyStoreDb,
  rows: readonly { personId: string; wrappedKey: Buffer; masterKeyId: string }[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (const chunk of chunks(rows)) {
    const json = JSON.stringify(
      chunk.map((row) => ({
        person_id: row.personId,
        wrapped_key: row.wrappedKey.toString('hex'),
        master_key_id: row.masterKeyId,
      })),
    );
    const inserted = rowsOf<{ person_id: string }>(
      await db.execute(sql`
        insert into ${personKeys} (person_id, wrapped_key, master_key_id)
        select r.person_id, decode(r.wrapped_key, 'hex'), r.master_key_id
        from jsonb_to_recordset(${json}::jsonb) as r(person_id uuid, wrapped_key text,
          master_key_id text)
        on conflict (person_id) do nothing
        returning person_id`),
    );
    for (const row of inserted) stored.add(row.person_id);
  }
  return stored;
}

/**
 * Destroys the person's key: the row keeps only the person and the time, so that no new key is
 * made for them later. An upsert on the primary key, so that it cannot interleave with a key
 * being created for the same person.
 */
export async function destroyPersonKey(db: KeyStoreDb, personId: string, now: Date) {
  await db
    .insert(personKeys)
    .values({ personId, destroyedAt: now })
    .onConflictDoUpdate({
      target: personKeys.personId,
      set: {
        wrappedKey: null,
        masterKeyId: null,
        rewrappedAt: null,
        destroyedAt: sql`coalesce(${personKeys.destroyedAt}, excluded.destroyed_at)`,
      },
    });
}

export async function listWrappingKeys(db: KeyStoreDb) {
  return db
    .select({ id: wrappingKeys.id, fingerprint: wrappingKeys.fingerprint })
    .from(wrappingKeys)
    .orderBy(asc(wrappingKeys.id));
}

export async function insertWrappingKeys(
  db: KeyStoreDb,
  keys: readonly { id: string; fingerprint: Buffer }[],
) {
  if (keys.length === 0) return;
  await db
    .insert(wrappingKeys)
    .values(keys.map(({ id, fingerprint }) => ({ id, fingerprint })))
    .onConflictDoNothing();
}

/** One batch of the keys a master key wraps, after `after` in person order, locked for rewrapping. */
export async function lockKeysWrappedBy(
  db: KeyStoreDb,
  masterKeyId: string,
  after: string | null,
  limit: number,
) {
  return db
    .select({ personId: personKeys.personId, wrappedKey: personKeys.wrappedKey })
    .from(personKeys)
    .where(
      and(
        eq(personKeys.masterKeyId, masterKeyId),
        after === null ? undefined : gt(personKeys.personId, after),
      ),
    )
    .orderBy(asc(personKeys.personId))
    .limit(limit)
    .for('update');
}

/** The batch under its new master key, in one statement. */
export async function storeRewrapped(
  db: KeyStoreDb,
  rows: readonly { personId: string; wrappedKey: Buffer }[],
  fromMasterKeyId: string,
  toMasterKeyId: string,
  now: Date,
) {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map((row) => sql`(${row.personId}::uuid, ${row.wrappedKey}::bytea)`),
    sql`, `,
  );
  await db.execute(sql`
    update ${personKeys} set
      wrapped_key = v.wrapped_key, master_key_id = ${toMasterKeyId}, rewrapped_at = ${now.toISOString()}::timestamptz
    from (values ${values}) as v (person_id, wrapped_key)
    where ${personKeys.personId} = v.person_id and ${personKeys.masterKeyId} = ${fromMasterKeyId}`);
}

/**
 * Retires the master keys older than `keepId`. The foreign key refuses (23503) while any data
 * key is still wrapped by one of them — also one a server stored a moment ago.
 */
export async function deleteWrappingKeysBefore(db: KeyStoreDb, keepId: string) {
  return db
    .delete(wrappingKeys)
    .where(lt(wrappingKeys.id, keepId))
    .returning({ id: wrappingKeys.id });
}

/** How many data keys each master key wraps, and how many keys were destroyed. */
export async function countPersonKeys(db: KeyStoreDb) {
  return db
    .select({
      masterKeyId: personKeys.masterKeyId,
      keys: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(personKeys)
    .groupBy(personKeys.masterKeyId)
    .orderBy(asc(personKeys.masterKeyId));
}
