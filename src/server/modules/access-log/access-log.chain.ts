import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accessLog, accessLogChain } from '../../db/schema/index.ts';
import type { Keys } from '../../lib/crypto.ts';
import { entryMac, type StoredEntry } from './access-log.ts';
import { checkAuditKey, ensureAuditKeyCheck } from './access-log.key-check.ts';

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
  // Links made under the wrong key would break the chain for good: refuse before the first.
  await ensureAuditKeyCheck(db, keys);
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

/** One entry that does not verify: its position in the log and what is wrong with it. */
export type VerifyProblem = { position: number; problem: string };

export type VerifyResult =
  | {
      ok: true;
      entries: number;
      sealed: number;
      unsealed: number;
      /** 'absent' before the server or a seal wrote the key check value. */
      keyCheck: 'match' | 'absent';
    }
  | {
      ok: false;
      wrongKey: false;
      entries: number;
      /** The first `listLimit` bad entries, in position order. */
      problems: VerifyProblem[];
      /** How many bad entries there are in all. */
      problemCount: number;
      keyCheck: 'match' | 'absent';
      /** No entry at all verified: without a key check value, most likely the wrong key. */
      noneVerified: boolean;
    }
  | { ok: false; wrongKey: true };

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
 * Reads the whole log in position order and checks every entry's MAC and every chain link. Goes
 * on past a bad entry — after a broken link it carries on from the stored one, so one bad entry
 * is named once, not with every entry after it — and names every entry that was changed,
 * removed, reordered or slipped into the sealed part (the first `listLimit` of them, and how many
 * in all). Under a key whose check value does not match, it reads no entry and says so.
 */
export async function verifyAccessLog(
  db: Db,
  keys: Keys,
  { listLimit = 100 }: { listLimit?: number } = {},
): Promise<VerifyResult> {
  const keyCheck = await checkAuditKey(db, keys);
  if (keyCheck === 'mismatch') return { ok: false, wrongKey: true };
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
  const problems: VerifyProblem[] = [];
  let problemCount = 0;
  const bad = (position: number, problem: string) => {
    problemCount++;
    if (problems.length < listLimit) problems.push({ position, problem });
  };
  let link = await links.next();
  let previous: Buffer = GENESIS;
  let count = 0;
  let sealed = 0;
  let macsVerified = 0;
  // A link without its entry: the entry was removed. Carry on from the stored link.
  const removedUpTo = async (position: number) => {
    while (!link.done && link.value.position < position) {
      bad(link.value.position, 'the entry was removed');
      previous = link.value.link;
      link = await links.next();
    }
  };
  for await (const entry of entries) {
    count++;
    await removedUpTo(entry.position);
    const stored: StoredEntry = { ...entry, changes: entry.changes ?? null };
    const macOk = entryMac(keys, stored).equals(entry.entryMac);
    if (macOk) macsVerified++;
    // One problem per entry, the first that shows.
    let problem = macOk ? null : 'the entry was changed';
    if (!link.done && link.value.position > entry.position) {
      problem = 'the entry was inserted into the sealed part of the log';
    } else if (!link.done) {
      // A changed entry whose stored MAC was left as it was still links; one whose MAC was
      // replaced, or that stands in another's place, does not.
      const expected = chainLink(keys, previous, entry.position, entry.entryMac);
      if (!expected.equals(link.value.link)) {
        problem ??= 'the entry was replaced or moved, or one before it was removed';
      }
      previous = link.value.link;
      sealed++;
      link = await links.next();
    } // else: the tail that the sealer has not reached yet
    if (problem) bad(entry.position, problem);
  }
  await removedUpTo(Number.POSITIVE_INFINITY);
  if (problemCount === 0) {
    return { ok: true, entries: count, sealed, unsealed: count - sealed, keyCheck };
  }
  return {
    ok: false,
    wrongKey: false,
    entries: count,
    problems,
    problemCount,
    keyCheck,
    noneVerified: count > 0 && macsVerified === 0,
  };
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
