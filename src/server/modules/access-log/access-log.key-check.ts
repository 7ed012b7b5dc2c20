import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accessLog, accessLogKeyCheck } from '../../db/schema/index.ts';
import type { Keys } from '../../lib/crypto.ts';
import { entryMac, type StoredEntry } from './access-log.ts';

/*
 * A log checked under the wrong audit key (another REKISTERI_MASTER_KEY, a key file from another
 * installation) fails on every entry, which reads exactly like a log rewritten from end to end.
 * The key check value — a MAC of a fixed label, kept beside the log — tells the two apart, and
 * keeps a server or sealer with the wrong key from adding entries and links no one could verify.
 */

const LABEL = 'access_log_key_check/v1';

/** The audit key is not the one the log was written under. */
export class WrongAuditKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrongAuditKeyError';
  }
}

const keyCheckValue = (keys: Keys) => keys.auditMac(LABEL, 'asiakasrekisteri access log');

/** Whether the stored check value matches these keys; 'absent' before one was written. */
export async function checkAuditKey(db: Db, keys: Keys): Promise<'match' | 'mismatch' | 'absent'> {
  const [row] = await db.select().from(accessLogKeyCheck).where(eq(accessLogKeyCheck.id, 1));
  if (!row) return 'absent';
  return row.mac.equals(keyCheckValue(keys)) ? 'match' : 'mismatch';
}

/** How many of the newest entries are tried when a log older than its check value gets one. */
const NEWEST = 20;

/**
 * Makes sure the check value is there and matches, writing it when it is not there yet: at the
 * server's start and before every seal. A log that already has entries (written before check
 * values existed) gets one only when its newest entries verify under the keys, so a wrong key
 * can never be written down as the right one. Throws WrongAuditKeyError otherwise.
 */
export async function ensureAuditKeyCheck(db: Db, keys: Keys): Promise<void> {
  const found = await checkAuditKey(db, keys);
  if (found === 'match') return;
  if (found === 'absent') {
    const newest = await db
      .select()
      .from(accessLog)
      .orderBy(desc(accessLog.position))
      .limit(NEWEST);
    const verifies = (row: (typeof newest)[number]) =>
      entryMac(keys, { ...row, changes: row.changes ?? null } satisfies StoredEntry).equals(
        row.entryMac,
      );
    if (newest.length > 0 && !newest.some(verifies)) {
      throw new WrongAuditKeyError(
        `None of the ${newest.length} newest access-log entries verifies under this master key: it is not the key the log was written under (check REKISTERI_MASTER_KEY or the key file). Nothing was written.`,
      );
    }
    await db
      .insert(accessLogKeyCheck)
      .values({ id: 1, mac: keyCheckValue(keys) })
      .onConflictDoNothing();
    // Another process may have written its own first: the row that stands decides.
    if ((await checkAuditKey(db, keys)) === 'match') return;
  }
  throw new WrongAuditKeyError(
    'The master key is not the one the access log was written under: its key check value does not match (check REKISTERI_MASTER_KEY or the key file). Nothing was written.',
  );
}
