import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accessLog, accessLogChain } from '../../db/schema/index.ts';
import type { Keys } from '../../lib/crypto.ts';
import { entryMac, type StoredEntry } from './access-log.ts';

const BATCH = 5_000;
const GENESIS: Buffer = Buffer.alloc(0);

const chainLink = (keys: Keys, previous: Buffer, position: number, mac: Buffer) =>
  keys.auditMac('access_log_chain/v1', previous, String(position), mac);

/**
 * Chains the entries written before `before` onto the end of the hash chain. Writers never wait
 * for this: they only insert. Entries are chained in position order and the sealer stops at the
 * first entry that is too recent, so a transaction still open cannot leave a hole behind the
 * chain (log writes are short; `before` is set well behind the clock).
 */
export async function sealAccessLog(
  db: Db,
  keys: Keys,
  options: { before: Date },
): Promise<{ sealed: number }> {
  let sealed = 0;
  for (;;) {
    const added = await db.transaction(async (tx) => {
      // Only sealers wait on this lock, never writers.
      await tx.execute(sql`select pg_advisory_xact_lock(7410201)`);
      const [last] = await tx
        .select()
        .from(accessLogChain)
        .orderBy(desc(accessLogChain.position))
        .limit(1);
      const rows = await tx
        .select({
          position: accessLog.position,
          occurredAt: accessLog.occurredAt,
          entryMac: accessLog.entryMac,
        })
        .from(accessLog)
        .where(last ? gt(accessLog.position, last.position) : undefined)
        .orderBy(asc(accessLog.position))
        .limit(BATCH);
      const ready = [];
      for (const row of rows) {
        if (row.occurredAt >= options.before) break;
        ready.push(row);
      }
      let previous = last?.link ?? GENESIS;
      const links = ready.map((row) => {
        previous = chainLink(keys, previous, row.position, row.entryMac);
        return { position: row.position, link: previous };
      });
      if (links.length > 0) await tx.insert(accessLogChain).values(links);
      return { count: links.length, more: ready.length === rows.length && rows.length === BATCH };
    });
    sealed += added.count;
    if (!added.more) return { sealed };
  }
}

export type VerifyResult =
  | { ok: true; entries: number; sealed: number; unsealed: number }
  | { ok: false; entries: number; position: number; problem: string };

async function* inOrder<T extends { position: number }>(
  fetch: (after: number) => Promise<T[]>,
): AsyncGenerator<T> {
  let after = 0;
  for (;;) {
    const rows = await fetch(after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < BATCH) return;
    after = last.position;
  }
}

/**
 * Reads the whole log in position order and checks every entry's MAC and every chain link. Names
 * the first entry that was changed, removed, reordered or slipped into the sealed part.
 */
export async function verifyAccessLog(db: Db, keys: Keys): Promise<VerifyResult> {
  const entries = inOrder((after) =>
    db
      .select()
      .from(accessLog)
      .where(gt(accessLog.position, after))
      .orderBy(asc(accessLog.position))
      .limit(BATCH),
  );
  const links = inOrder((after) =>
    db
      .select()
      .from(accessLogChain)
      .where(gt(accessLogChain.position, after))
      .orderBy(asc(accessLogChain.position))
      .limit(BATCH),
  );
  let link = await links.next();
  let previous: Buffer = GENESIS;
  let count = 0;
  let sealed = 0;
  for await (const entry of entries) {
    count++;
    const fail = (problem: string): VerifyResult => ({
      ok: false,
      entries: count,
      position: entry.position,
      problem,
    });
    if (!link.done && link.value.position < entry.position) {
      return {
        ok: false,
        entries: count,
        position: link.value.position,
        problem: 'the entry was removed',
      };
    }
    const stored: StoredEntry = { ...entry, changes: entry.changes ?? null };
    if (!entryMac(keys, stored).equals(entry.entryMac)) {
      return fail('the entry was changed');
    }
    if (link.done || link.value.position > entry.position) {
      if (!link.done) return fail('the entry was inserted into the sealed part of the log');
      continue; // the tail that the sealer has not reached yet
    }
    const expected = chainLink(keys, previous, entry.position, entry.entryMac);
    if (!expected.equals(link.value.link)) {
      return fail('the entry was replaced or moved, or one before it was removed');
    }
    previous = link.value.link;
    sealed++;
    link = await links.next();
  }
  if (!link.done) {
    return {
      ok: false,
      entries: count,
      position: link.value.position,
      problem: 'the entry was removed',
    };
  }
  return { ok: true, entries: count, sealed, unsealed: count - sealed };
}

/** How far back an entry must be before the sealer chains it. */
export const SEAL_DELAY_MS = 10_000;

/**
 * Chains new entries every few seconds, off the request path, one run at a time. Returns the
 * function that stops it.
 */
export function startSealer(db: Db, keys: Keys, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sealAccessLog(db, keys, { before: new Date(Date.now() - SEAL_DELAY_MS) })
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, 5_000);
  timer.unref();
  return () => clearInterval(timer);
}
