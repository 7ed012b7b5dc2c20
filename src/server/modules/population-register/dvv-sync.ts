import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { helsinkiDate } from '../../../contract/dates.ts';
import type {
  DvvSyncTrigger,
  DvvRecordOutcome,
} from '../../../contract/population-register/population-register.constants.ts';
import type { DvvConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { dvvSyncPosition, dvvSyncRecords, dvvSyncRuns, persons } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import { identityCodeContext } from '../persons/persons.service.ts';
import { applyChange, recordFingerprint, type Applied } from './dvv-apply.ts';
import type { DvvClient } from './dvv-client.ts';
import { DvvError } from './dvv-client.ts';
import { readRecord, RecordUnparsable } from './dvv-records.ts';

/**
 * One sync with DVV's change interface (decision 0026). The persons with an identity code are
 * followed in batches by id; each batch is asked for the changes from the run's start position
 * until DVV says it is up to date. Each page of changes is applied in one transaction together
 * with the run's progress, so a run killed between two pages resumes exactly where it stopped;
 * the stored position moves only when the run has gone through every batch.
 */

export type SyncContext = CustomerContext & {
  client: DvvClient;
  config: DvvConfig;
  trigger: DvvSyncTrigger;
  /** The staff member who started it (the web), or null (the CLI, the timer). */
  startedBy: string | null;
  batchSize?: number;
  /** Called after each page has committed (tests stop a run here). */
  afterPage?: (page: number) => void | Promise<void>;
};

export type RunRow = typeof dvvSyncRuns.$inferSelect;

/** Another process continued the same run: this one stops and leaves it to that one. */
export class ConcurrentSync extends Error {
  constructor() {
    super('Another sync with DVV is running: this one stopped and left the run to it');
    this.name = 'ConcurrentSync';
  }
}

export const DEFAULT_BATCH_SIZE = 500;

export function notConfigured(): AppError {
  const message =
    "DVV's change interface is not configured: set DVV_CHANGES_URL, DVV_CHANGES_USERNAME, DVV_CHANGES_PASSWORD and DVV_XROAD_CLIENT";
  return new AppError('conflict', message, {
    errors: [{ field: 'dvv', message, code: 'dvv.notConfigured' }],
  });
}

export function alreadyRunning(runId: string): AppError {
  const message = 'A sync with DVV is already running';
  return new AppError('conflict', message, {
    errors: [{ field: 'dvv', message, code: 'dvv.alreadyRunning' }],
    extra: { runId },
  });
}

export async function storedPosition(db: Db): Promise<number | null> {
  const [row] = await db.select().from(dvvSyncPosition).where(eq(dvvSyncPosition.id, 1));
  return row?.position ?? null;
}

/** The run to continue: the newest one not finished (running when killed, or failed). */
async function unfinishedRun(db: Db): Promise<RunRow | undefined> {
  const [latest] = await db.select().from(dvvSyncRuns).orderBy(desc(dvvSyncRuns.number)).limit(1);
  return latest && latest.status !== 'finished' ? latest : undefined;
}

/**
 * Opens the run this sync works on: the unfinished one, taken over; else a new one from the
 * stored position, or from DVV_SYNC_FROM's (else today's) position at DVV.
 */
export async function openRun(ctx: SyncContext): Promise<RunRow> {
  const unfinished = await unfinishedRun(ctx.db);
  if (unfinished) {
    const [run] = await ctx.db
      .update(dvvSyncRuns)
      .set({ status: 'running', error: null, finishedAt: null })
      .where(and(eq(dvvSyncRuns.id, unfinished.id), ne(dvvSyncRuns.status, 'finished')))
      .returning();
    if (!run) throw new ConcurrentSync();
    return run;
  }
  const start =
    (await storedPosition(ctx.db)) ??
    (await ctx.client.positionOn(ctx.config.syncFrom ?? helsinkiDate(ctx.clock.now())));
  try {
    const [run] = await ctx.db
      .insert(dvvSyncRuns)
      .values({
        trigger: ctx.trigger,
        startedBy: ctx.startedBy,
        startedAt: ctx.clock.now(),
        status: 'running',
        startPosition: start,
        reachedPosition: start,
      })
      .returning();
    if (!run) throw new Error('The sync run was not stored');
    return run;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConcurrentSync();
    throw error;
  }
}

/** Runs (or continues) a sync to its end; a failure marks the run failed, to be continued. */
export async function runSync(ctx: SyncContext): Promise<RunRow> {
  const run = await openRun(ctx);
  return continueRun(ctx, run);
}

export async function continueRun(ctx: SyncContext, opened: RunRow): Promise<RunRow> {
  let run = opened;
  try {
    for (;;) {
      if (!run.batchPersonIds) {
        const next = await nextBatch(ctx.db, run.personCursor, ctx.batchSize ?? DEFAULT_BATCH_SIZE);
        if (next.length === 0) return await finishRun(ctx, run);
        run = await advance(ctx.db, run, { batchPersonIds: next });
      }
      run = await syncPage(ctx, run);
      await ctx.afterPage?.(run.pages);
    }
  } catch (error) {
    if (error instanceof ConcurrentSync) throw error;
    const message =
      error instanceof DvvError || error instanceof AppError
        ? error.message
        : 'The sync stopped on an unexpected error (see the server log)';
    await ctx.db
      .update(dvvSyncRuns)
      .set({ status: 'failed', error: message, finishedAt: ctx.clock.now() })
      .where(and(eq(dvvSyncRuns.id, run.id), eq(dvvSyncRuns.status, 'running')))
      .catch(() => undefined);
    throw error;
  }
}

/**
 * Persons followed: an identity code, not archived; by id after `cursor`. Codes with an
 * individual number of 900–999 are followed too: DVV's test persons have them.
 */
async function nextBatch(db: Db, cursor: string | null, size: number): Promise<string[]> {
  const rows = await db
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        isNotNull(persons.identityCodeEncrypted),
        isNull(persons.archivedAt),
        cursor ? gt(persons.id, cursor) : undefined,
      ),
    )
    .orderBy(asc(persons.id))
    .limit(size);
  return rows.map((row) => row.id);
}

/** The identity codes of a batch's persons as they are now (one key-store round trip). */
async function codesOf(ctx: SyncContext, ids: readonly string[]): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: persons.id, code: persons.identityCodeEncrypted })
    .from(persons)
    .where(inArray(persons.id, [...ids]));
  const coded = rows.flatMap((row) =>
    row.code
      ? [{ personId: row.id, ciphertext: row.code, context: identityCodeContext(row.id) }]
      : [],
  );
  const codes = await ctx.personKeys.decryptMany(coded);
  return codes.filter((code): code is string => code !== null);
}

/** Moves the run's progress in `db` (a transaction), if nobody else has moved it since. */
async function advance(db: Db, run: RunRow, set: Partial<RunRow>): Promise<RunRow> {
  const [updated] = await db
    .update(dvvSyncRuns)
    .set(set)
    .where(
      and(
        eq(dvvSyncRuns.id, run.id),
        eq(dvvSyncRuns.status, 'running'),
        eq(dvvSyncRuns.pages, run.pages),
        run.personCursor === null
          ? isNull(dvvSyncRuns.personCursor)
          : eq(dvvSyncRuns.personCursor, run.personCursor),
      ),
    )
    .returning();
  if (!updated) throw new ConcurrentSync();
  return updated;
}

/** Asks DVV for one page of the batch's changes and applies it with the run's progress. */
async function syncPage(ctx: SyncContext, run: RunRow): Promise<RunRow> {
  const batch = run.batchPersonIds ?? [];
  const from = run.batchPosition ?? run.startPosition;
  const codes = await codesOf(ctx, batch);
  const page =
    codes.length > 0
      ? await ctx.client.changes(from, codes)
      : { position: from, records: [], upToDate: true };
  if (!page.upToDate && page.position <= from && page.records.length === 0) {
    throw new DvvError(
      `DVV's change interface did not move past position ${from} and was not up to date`,
    );
  }
  const pageNumber = run.pages + 1;
  const today = helsinkiDate(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // First: a run another process has moved on is left to it, before anything is applied.
    const progressed = await advance(tx, run, {
      pages: pageNumber,
      reachedPosition: Math.max(run.reachedPosition, page.position),
      ...(page.upToDate
        ? {
            personCursor: batch.at(-1) ?? run.personCursor,
            batchPersonIds: null,
            batchPosition: null,
            persons: run.persons + batch.length,
          }
        : { batchPosition: page.position }),
    });
    const report: (typeof dvvSyncRecords.$inferInsert)[] = [];
    let seq = 0;
    for (const raw of page.records) {
      seq++;
      const outcome = await applyRecord(txCtx, run, raw, today);
      report.push({
        runId: run.id,
        page: pageNumber,
        seq,
        personId: outcome.personId,
        changedAt: outcome.changedAt ? new Date(outcome.changedAt) : null,
        outcome: outcome.outcome,
        kinds: outcome.kinds,
        fields: outcome.fields,
        notes: outcome.notes,
        fingerprint: outcome.fingerprint,
      });
    }
    for (let i = 0; i < report.length; i += 1000) {
      await tx.insert(dvvSyncRecords).values(report.slice(i, i + 1000));
    }
    return progressed;
  });
}

type RecordOutcome = Omit<Applied, 'outcome'> & {
  outcome: DvvRecordOutcome;
  changedAt: string | null;
  kinds: string[];
  fingerprint: Buffer | null;
};

/** One record, in a savepoint of its own: a refused record rolls back alone and is reported. */
async function applyRecord(
  ctx: SyncContext,
  run: RunRow,
  raw: unknown,
  today: string,
): Promise<RecordOutcome> {
  let change;
  try {
    change = readRecord(raw, today);
  } catch (error) {
    if (!(error instanceof RecordUnparsable)) throw error;
    return {
      outcome: 'unparsable',
      personId: null,
      changedAt: null,
      kinds: kindsOf(raw),
      fields: [],
      notes: [`unparsable:${error.message}`],
      fingerprint: null,
    };
  }
  const fingerprint = recordFingerprint(ctx.keys, raw);
  const base = { changedAt: change.changedAt, kinds: change.kinds, fingerprint };
  try {
    const applied = await ctx.db.transaction((tx) =>
      applyChange({ ...ctx, db: tx }, change, {
        runId: run.id,
        runNumber: run.number,
        fingerprint,
        today,
      }),
    );
    return { ...base, ...applied };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const codes = error.errors?.map((e) => e.code ?? e.field) ?? [error.code];
    return {
      ...base,
      outcome: 'failed',
      personId: null,
      fields: [],
      notes: [...change.notes, ...codes.map((code) => `error:${code}`)],
    };
  }
}

/** The kinds of an unparsable record, where they can be read (never a value). */
function kindsOf(raw: unknown): string[] {
  const groups = (raw as { tietoryhmat?: unknown } | null)?.tietoryhmat;
  if (!Array.isArray(groups)) return [];
  const kinds = groups.flatMap((g) => {
    const kind = (g as { tietoryhma?: unknown } | null)?.tietoryhma;
    return typeof kind === 'string' && /^[A-Z_]{1,100}$/.test(kind) ? [kind] : [];
  });
  return [...new Set(kinds)];
}

/** The run went through every batch: the stored position moves to where DVV answered last. */
async function finishRun(ctx: SyncContext, run: RunRow): Promise<RunRow> {
  return ctx.db.transaction(async (tx) => {
    const finished = await advance(tx, run, { status: 'finished', finishedAt: ctx.clock.now() });
    await tx
      .insert(dvvSyncPosition)
      .values({
        id: 1,
        position: finished.reachedPosition,
        updatedAt: ctx.clock.now(),
        runId: run.id,
      })
      .onConflictDoUpdate({
        target: dvvSyncPosition.id,
        set: { position: finished.reachedPosition, updatedAt: ctx.clock.now(), runId: run.id },
      });
    return finished;
  });
}

/** The outcomes of a run's records, counted. */
export async function countOutcomes(
  db: Db,
  runIds: string[],
): Promise<Map<string, Record<DvvRecordOutcome, number>>> {
  const counts = new Map<string, Record<DvvRecordOutcome, number>>();
  if (runIds.length === 0) return counts;
  const rows = await db
    .select({
      runId: dvvSyncRecords.runId,
      outcome: dvvSyncRecords.outcome,
      n: sql<number>`count(*)::int`,
    })
    .from(dvvSyncRecords)
    .where(inArray(dvvSyncRecords.runId, runIds))
    .groupBy(dvvSyncRecords.runId, dvvSyncRecords.outcome);
  for (const id of runIds) {
    counts.set(id, { applied: 0, unchanged: 0, skipped: 0, noPerson: 0, unparsable: 0, failed: 0 });
  }
  for (const row of rows) {
    const entry = counts.get(row.runId);
    if (entry) entry[row.outcome] = Number(row.n);
  }
  return counts;
}
