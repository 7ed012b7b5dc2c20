import { isForeignKeyViolation } from '../db/errors.ts';
import type { KeyStore } from './client.ts';
import { unwrapDataKey, wrapDataKey } from './envelope.ts';
import {
  countPersonKeys,
  deleteWrappingKeysBefore,
  insertWrappingKeys,
  listWrappingKeys,
  lockKeysWrappedBy,
  storeRewrapped,
} from './key-store.queries.ts';
import { KeyRingError, type KeyRing } from './key-ring.ts';

export type RotationReport = {
  newKeyId: string;
  /** Data keys rewrapped under the new master key. */
  rewrapped: number;
  /** Transactions, one per batch. */
  batches: number;
  /** Passes over the old keys: more than one when servers wrapped keys with them meanwhile. */
  passes: number;
  /** Master keys retired: removed from the key store and their files deleted. */
  retired: string[];
};

/**
 * `rekisteri keys rotate`: a new master key, every data key rewrapped under it, the old master
 * keys retired. Safe beside running servers: the new key is listed in the key store before its
 * file appears, so a server that sees the file may wrap with it; a server still wrapping with an
 * old key is caught by the loop, and at the end by the foreign key, which refuses to retire a
 * master key any data key still names — then the loop rewraps what came in and tries again.
 * Each batch is one transaction: its rows locked, unwrapped and wrapped here, written back in one
 * statement.
 */
export async function rotateWrappingKeys(
  store: KeyStore,
  ring: KeyRing,
  options: {
    batchSize?: number;
    now?: () => Date;
    /** Called after each batch's commit with the count so far; awaited. */
    onBatch?: (rewrapped: number) => void | Promise<void>;
  } = {},
): Promise<RotationReport> {
  const batchSize = options.batchSize ?? 1_000;
  const now = options.now ?? (() => new Date());
  const fresh = ring.generate(now());
  await insertWrappingKeys(store.db, [fresh]);
  ring.add(fresh);
  const report: RotationReport = {
    newKeyId: fresh.id,
    rewrapped: 0,
    batches: 0,
    passes: 0,
    retired: [],
  };

  for (;;) {
    report.passes++;
    // Older than the new key: a rotation started after this one leaves its newer key alone.
    const old = (await listWrappingKeys(store.db)).filter((row) => row.id < fresh.id);
    for (const { id } of old) {
      let after: string | null = null;
      for (;;) {
        const done: number = await store.db.transaction(async (tx) => {
          const rows = await lockKeysWrappedBy(tx, id, after, batchSize);
          if (rows.length === 0) return 0;
          const master = ring.get(id);
          if (!master) {
            throw new KeyRingError(
              `${rows.length}+ data keys are wrapped by master key ${id}, whose file is not in ${ring.dir}: restore it to finish the rotation`,
            );
          }
          const rewrapped = rows.map((row) => {
            if (row.wrappedKey === null)
              throw new Error(`A live key without bytes: ${row.personId}`);
            const dataKey = unwrapDataKey(master.key, row.personId, row.wrappedKey);
            return {
              personId: row.personId,
              wrappedKey: wrapDataKey(fresh.key, row.personId, dataKey),
            };
          });
          await storeRewrapped(tx, rewrapped, id, fresh.id, now());
          after = rows.at(-1)?.personId ?? null;
          return rows.length;
        });
        if (done === 0) break;
        report.rewrapped += done;
        report.batches++;
        await options.onBatch?.(report.rewrapped);
      }
    }
    try {
      const retired = await deleteWrappingKeysBefore(store.db, fresh.id);
      report.retired.push(...retired.map((row) => row.id));
      break;
    } catch (error) {
      // A server wrapped a new data key with an old master key meanwhile: rewrap it too.
      if (!isForeignKeyViolation(error)) throw error;
    }
  }
  // Every file older than the new key goes: also one a crashed rotation left behind unlisted.
  const retiredFiles = ring
    .all()
    .map((key) => key.id)
    .filter((id) => id < fresh.id);
  ring.retire(retiredFiles);
  report.retired = [...new Set([...report.retired, ...retiredFiles])].sort();
  return report;
}

export type KeyStoreStatus = {
  masterKeys: { id: string; inRing: boolean; listed: boolean; dataKeys: number }[];
  current: string | null;
  destroyed: number;
};

/** `rekisteri keys status`: the master keys, in the ring and in the key store, and what each wraps. */
export async function keyStoreStatus(store: KeyStore, ring: KeyRing): Promise<KeyStoreStatus> {
  ring.reload();
  const listed = await listWrappingKeys(store.db);
  const counts = await countPersonKeys(store.db);
  const ids = [
    ...new Set([...listed.map((row) => row.id), ...ring.all().map((key) => key.id)]),
  ].sort();
  const masterKeys = ids.map((id) => ({
    id,
    inRing: ring.get(id) !== undefined,
    listed: listed.some((row) => row.id === id),
    dataKeys: counts.find((row) => row.masterKeyId === id)?.keys ?? 0,
  }));
  return {
    masterKeys,
    current: masterKeys.filter((key) => key.inRing && key.listed).at(-1)?.id ?? null,
    destroyed: counts.find((row) => row.masterKeyId === null)?.keys ?? 0,
  };
}
