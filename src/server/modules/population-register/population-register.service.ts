import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  DvvSyncReport,
  DvvSyncRunList,
  DvvSyncRunView,
} from '../../../contract/population-register/population-register.schemas.ts';
import type { DvvSyncTrigger } from '../../../contract/population-register/population-register.constants.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { dvvSyncRecords, dvvSyncRuns, persons, staffUsers } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../auth/auth.service.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { dvvClient, DvvError, type DvvClient } from './dvv-client.ts';
import {
  alreadyRunning,
  ConcurrentSync,
  continueRun,
  countOutcomes,
  notConfigured,
  openRun,
  storedPosition,
  type RunRow,
  type SyncContext,
} from './dvv-sync.ts';

/** At most this many records of a report in one answer; `recordCount` says how many in all. */
export const REPORT_LIMIT = 5000;

/**
 * The register itself, when the CLI or the server's timer runs a sync: no user, and the role
 * that records the population register's word (decision 0006), so DVV's address protection and
 * a protected person's address go through the same rule as the officer's.
 */
export const SYNC_ACTOR: Actor = {
  userId: null as unknown as string,
  username: 'dvv-sync',
  role: 'register_officer',
  partnerId: null,
  commitmentSigned: true,
  passwordChangeRequired: false,
  totpEnrollmentRequired: false,
  totpEnabled: false,
  totpRequired: false,
} as Actor;

type SyncOptions = {
  trigger: DvvSyncTrigger;
  startedBy?: string | null;
  client?: DvvClient;
  batchSize?: number;
  afterPage?: SyncContext['afterPage'];
};

export function syncContext(
  ctx: CustomerContext,
  config: Config,
  options: SyncOptions,
): SyncContext {
  if (!config.dvv) throw notConfigured();
  return {
    ...ctx,
    config: config.dvv,
    client: options.client ?? dvvClient(config.dvv),
    trigger: options.trigger,
    startedBy: options.startedBy ?? null,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    ...(options.afterPage ? { afterPage: options.afterPage } : {}),
  };
}

/** One sync at a time per process: the web app and the timer share this. */
const running = new WeakMap<Db, { runId: string; done: Promise<unknown> }>();

export function runningSync(db: Db): { runId: string; done: Promise<unknown> } | undefined {
  return running.get(db);
}

/**
 * Starts a sync in the background and answers its run at once. A failure to open the run (DVV
 * does not answer its position) is 409 `dvv.failed`; the run's own failures are in the run.
 */
export async function startSync(
  sync: SyncContext,
  onError: (error: unknown) => void,
): Promise<DvvSyncRunView> {
  const current = running.get(sync.db);
  if (current) throw alreadyRunning(current.runId);
  let run: RunRow;
  try {
    run = await openRun(sync);
  } catch (error) {
    if (error instanceof ConcurrentSync) {
      const [other] = await sync.db
        .select({ id: dvvSyncRuns.id })
        .from(dvvSyncRuns)
        .where(eq(dvvSyncRuns.status, 'running'));
      throw alreadyRunning(other?.id ?? '');
    }
    if (error instanceof DvvError) {
      throw new AppError('conflict', error.message, {
        errors: [{ field: 'dvv', message: error.message, code: 'dvv.failed' }],
      });
    }
    throw error;
  }
  const done = continueRun(sync, run)
    .catch(onError)
    .finally(() => running.delete(sync.db));
  running.set(sync.db, { runId: run.id, done });
  return (await runViews(sync.db, [run]))[0] as DvvSyncRunView;
}

async function runViews(db: Db, rows: RunRow[]): Promise<DvvSyncRunView[]> {
  const counts = await countOutcomes(
    db,
    rows.map((r) => r.id),
  );
  const starters = rows.flatMap((r) => (r.startedBy ? [r.startedBy] : []));
  const names = new Map(
    starters.length === 0
      ? []
      : (
          await db
            .select({
              id: staffUsers.id,
              username: staffUsers.username,
              fullName: staffUsers.fullName,
            })
            .from(staffUsers)
            .where(inArray(staffUsers.id, starters))
        ).map((s) => [s.id, s.fullName ?? s.username]),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    trigger: r.trigger,
    startedBy: r.startedBy ? (names.get(r.startedBy) ?? null) : null,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    status: r.status,
    startPosition: r.startPosition,
    reachedPosition: r.reachedPosition,
    pages: r.pages,
    persons: r.persons,
    error: r.error,
    counts: counts.get(r.id) ?? {
      applied: 0,
      unchanged: 0,
      skipped: 0,
      noPerson: 0,
      unparsable: 0,
      failed: 0,
    },
  }));
}

/** The latest runs (no personal data: counts only, so not logged). */
export async function listSyncRuns(db: Db, config: Config): Promise<DvvSyncRunList> {
  const rows = await db.select().from(dvvSyncRuns).orderBy(desc(dvvSyncRuns.number)).limit(50);
  return {
    configured: config.dvv !== null,
    position: await storedPosition(db),
    items: await runViews(db, rows),
  };
}

/** A run with its report; logged as a read of the persons it names (their names and outcomes). */
export async function getSyncReport(ctx: CustomerContext, id: string): Promise<DvvSyncReport> {
  const [run] = await ctx.db.select().from(dvvSyncRuns).where(eq(dvvSyncRuns.id, id));
  if (!run) throw notFound('Sync run');
  const [{ n } = { n: 0 }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(dvvSyncRecords)
    .where(eq(dvvSyncRecords.runId, id));
  const rows = await ctx.db
    .select({
      page: dvvSyncRecords.page,
      seq: dvvSyncRecords.seq,
      personId: dvvSyncRecords.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      changedAt: dvvSyncRecords.changedAt,
      outcome: dvvSyncRecords.outcome,
      kinds: dvvSyncRecords.kinds,
      fields: dvvSyncRecords.fields,
      notes: dvvSyncRecords.notes,
    })
    .from(dvvSyncRecords)
    .leftJoin(persons, eq(persons.id, dvvSyncRecords.personId))
    .where(eq(dvvSyncRecords.runId, id))
    .orderBy(asc(dvvSyncRecords.id))
    .limit(REPORT_LIMIT);
  const named = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))];
  await logAccess(ctx, 'read', named, ['name', 'populationRegisterSync'], {
    purpose: `DVV sync ${run.number}: report`,
  });
  return {
    run: (await runViews(ctx.db, [run]))[0] as DvvSyncRunView,
    recordCount: Number(n),
    records: rows.map((r) => ({
      page: r.page,
      seq: r.seq,
      person: r.personId
        ? { id: r.personId, name: `${r.firstName ?? ''} ${r.lastName ?? ''}`.trim() }
        : null,
      changedAt: r.changedAt?.toISOString() ?? null,
      outcome: r.outcome,
      kinds: r.kinds,
      fields: r.fields,
      notes: r.notes,
    })),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const TIMER_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The daily sync: every ten minutes the server looks whether a run started in the last 24 hours
 * and whether one is unfinished; if none started, or one is left unfinished and nobody runs it,
 * it starts (or continues) one. Off when DVV is not configured. The first look is ten minutes
 * after the start, not at it.
 */
export function startDailySync(
  makeContext: () => SyncContext,
  onError: (error: unknown) => void,
  { intervalMs = TIMER_INTERVAL_MS }: { intervalMs?: number } = {},
): () => Promise<void> {
  let ticking: Promise<void> | null = null;
  const tick = () => {
    if (ticking) return;
    ticking = (async () => {
      const sync = makeContext();
      if (running.get(sync.db)) return;
      const [latest] = await sync.db
        .select()
        .from(dvvSyncRuns)
        .orderBy(desc(dvvSyncRuns.number))
        .limit(1);
      const due =
        !latest ||
        latest.status !== 'finished' ||
        sync.clock.now().getTime() - latest.startedAt.getTime() >= DAY_MS - TIMER_INTERVAL_MS;
      if (!due) return;
      await startSync(sync, onError);
    })()
      .catch(onError)
      .finally(() => {
        ticking = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await ticking;
    const sync = running.get(makeContext().db);
    await sync?.done;
  };
}
