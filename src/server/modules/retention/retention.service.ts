import type { Db } from '../../db/client.ts';
import type { PersonKeys } from '../../keystore/person-keys.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { helsinkiDate, yearsAfter, yearsBefore } from '../../../contract/dates.ts';
import type { AccessLog } from '../access-log/access-log.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { findBlockers, planErasure } from '../erasure/blockers.ts';
import { destroyKeyIfDue, erasePlanned } from '../erasure/erasure.service.ts';
import { findErasure, loadErasureFacts, lockPerson } from '../erasure/erasure.queries.ts';
import { findBillingSettings } from '../billing-settings/billing-settings.queries.ts';
import {
  CUSTOMER_RETENTION_YEARS,
  DECEASED_RETENTION_YEARS,
  RETENTION_OUTCOMES,
  type RetentionBasis,
  type RetentionOutcome,
  type RetentionTrigger,
} from '../../../contract/retention/retention.constants.ts';
import type {
  RetentionDryRunView,
  RetentionRunReport,
  RetentionRunView,
  RetentionSettingsInput,
  RetentionSettingsView,
} from '../../../contract/retention/retention.schemas.ts';
import {
  findPersonsPastRetention,
  findRetentionSettings,
  findRun,
  finishRun,
  insertOutcome,
  insertRun,
  lastRelationshipDays,
  latestRun,
  listRuns,
  personNames,
  runOutcomes,
  upsertRetentionSettings,
} from './retention.queries.ts';

/*
 * Retention of customers (requirements §10 "Retention", decision 0034): a customer with no
 * relationship left for the settings' years, or dead for the deceased years, is erased through
 * the same erasure as on a request — its blockers honoured, each outcome recorded by the run
 * (without names) and in the access log.
 */

const FIELDS = ['retention'];
const DRY_RUN_LIMIT = 500;
const BATCH = 200;

export type RetentionPeriods = { customerYears: number; deceasedYears: number; dailyRun: boolean };

/** The settings, or their defaults before the administrator first saves them. */
export async function loadRetentionSettings(db: Db): Promise<RetentionSettingsView> {
  const row = await findRetentionSettings(db);
  if (!row) {
    return {
      customerYears: CUSTOMER_RETENTION_YEARS.default,
      deceasedYears: DECEASED_RETENTION_YEARS.default,
      dailyRun: false,
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    customerYears: row.customerYears,
    deceasedYears: row.deceasedYears,
    dailyRun: row.dailyRun,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/**
 * Every retention period the register keeps, in years: what the access package and the public
 * privacy statement tell people, read from the same settings the erasure and the runs use.
 */
export async function loadRetentionYears(db: Db) {
  const billing = await findBillingSettings(db);
  const retention = await loadRetentionSettings(db);
  return {
    accounting: billing?.accountingRetentionYears ?? 6,
    socialRecords: billing?.socialRecordsRetentionYears ?? 12,
    customer: retention.customerYears,
    deceased: retention.deceasedYears,
  };
}

/**
 * Replaces the settings. They describe the register, not a person: no access-log entry; the row
 * keeps who changed it last and when.
 */
export async function saveRetentionSettings(
  ctx: CustomerContext,
  input: RetentionSettingsInput,
): Promise<RetentionSettingsView> {
  await upsertRetentionSettings(ctx.db, {
    ...input,
    updatedAt: ctx.clock.now(),
    updatedBy: ctx.actor.userId,
  });
  return loadRetentionSettings(ctx.db);
}

type Candidate = { personId: string; basis: RetentionBasis; basisOn: string; dueOn: string };

/** A batch of the customers past retention on `today`, in id order after `after`. */
async function candidates(
  db: Db,
  today: string,
  periods: Pick<RetentionPeriods, 'customerYears' | 'deceasedYears'>,
  options: { after: string | null; limit: number },
): Promise<Candidate[]> {
  const rows = await findPersonsPastRetention(db, {
    customerCutoff: yearsBefore(today, periods.customerYears),
    deceasedCutoff: yearsBefore(today, periods.deceasedYears),
    after: options.after,
    limit: options.limit,
  });
  const last = await lastRelationshipDays(
    db,
    rows.filter((r) => r.deceasedOn === null).map((r) => r.id),
  );
  return rows.map((row) => {
    if (row.deceasedOn !== null) {
      return {
        personId: row.id,
        basis: 'deceased',
        basisOn: row.deceasedOn,
        dueOn: yearsAfter(row.deceasedOn, periods.deceasedYears),
      };
    }
    const basisOn = last.get(row.id) ?? today;
    return {
      personId: row.id,
      basis: 'lastRelationship',
      basisOn,
      dueOn: yearsAfter(basisOn, periods.customerYears),
    };
  });
}

type PlannedCandidate = Candidate & {
  plan: 'full' | 'partial' | 'refused';
  blockers: RetentionDryRunView['customers'][number]['blockers'];
};

/** The customers past retention on `today` (at most `limit`), each with the erasure's plan. */
async function planRetention(
  db: Db,
  today: string,
  settings: RetentionPeriods,
  limit: number,
): Promise<{ planned: PlannedCandidate[]; truncated: boolean }> {
  const found = await candidates(db, today, settings, { after: null, limit: limit + 1 });
  const planned: PlannedCandidate[] = [];
  for (const candidate of found.slice(0, limit)) {
    const facts = await loadErasureFacts(db, candidate.personId, { today, requestId: null });
    const plan = planErasure(findBlockers(facts));
    planned.push({
      ...candidate,
      plan: plan.outcome,
      blockers: plan.blockers.map((b) => ({
        code: b.code,
        blocks: b.blocks,
        until: b.until,
        reasons: b.reasons,
      })),
    });
  }
  return { planned, truncated: found.length > limit };
}

/**
 * The dry run: who is past retention today, what erasing each would do and what blocks it.
 * Changes nothing; the officer sees names (to act on a blocker), so each listed person's read is
 * logged.
 */
export async function retentionDryRun(ctx: CustomerContext): Promise<RetentionDryRunView> {
  const today = helsinkiDate(ctx.clock.now());
  const settings = await loadRetentionSettings(ctx.db);
  const { planned, truncated } = await planRetention(ctx.db, today, settings, DRY_RUN_LIMIT);
  const ids = planned.map((c) => c.personId);
  const names = await personNames(ctx.db, ids);
  await logAccess(ctx, 'read', ids, FIELDS, {
    purpose: 'Retention dry run: the customers past their retention period',
  });
  return {
    today,
    customerYears: settings.customerYears,
    deceasedYears: settings.deceasedYears,
    customers: planned.map((c) => ({ ...c, name: names.get(c.personId) ?? '' })),
    truncated,
  };
}

/**
 * The command line's dry run: the same list by the persons' ids, without names, every customer
 * past retention (no limit). Logged as a read of each, by the register itself.
 */
export async function retentionDryRunByRef(
  deps: RetentionDeps,
  starter: RetentionStarter,
): Promise<Omit<RetentionDryRunView, 'customers'> & { customers: PlannedCandidate[] }> {
  const today = helsinkiDate(deps.clock.now());
  const settings = await loadRetentionSettings(deps.db);
  const { planned } = await planRetention(deps.db, today, settings, Number.MAX_SAFE_INTEGER - 1);
  if (planned.length > 0) {
    await deps.accessLog.record(deps.db, {
      userId: starter.userId,
      username: starter.username,
      role: starter.role,
      action: 'read',
      subjectIds: planned.map((c) => c.personId),
      fields: FIELDS,
      purpose: 'Retention dry run: the customers past their retention period',
      clientAddress: starter.clientAddress ?? null,
      requestId: starter.requestId ?? null,
    });
  }
  return {
    today,
    customerYears: settings.customerYears,
    deceasedYears: settings.deceasedYears,
    customers: planned,
    truncated: false,
  };
}

export type RetentionDeps = { db: Db; personKeys: PersonKeys; clock: Clock; accessLog: AccessLog };

/** Who starts the run: a staff member (the web app), or the register itself (schedule, CLI). */
export type RetentionStarter = {
  trigger: RetentionTrigger;
  userId: string | null;
  username: string | null;
  role: string | null;
  clientAddress?: string | null;
  requestId?: string | null;
};

const running = new WeakMap<Db, Promise<unknown>>();

function alreadyRunning(): AppError {
  const message = 'A retention run is already under way';
  return new AppError('conflict', message, {
    errors: [{ field: 'run', message, code: 'retention.alreadyRunning' }],
  });
}

/**
 * Erases every customer past retention today through the erasure (erasePlanned), each in a
 * transaction of its own with their outcome and access-log entry; a customer a blocker keeps
 * is recorded as blocked with the blockers' codes, and stays. One run at a time per database
 * handle; on PostgreSQL two processes may overlap, and the person's row lock with the check for
 * an earlier erasure keeps each customer erased once.
 */
export async function runRetention(
  deps: RetentionDeps,
  starter: RetentionStarter,
): Promise<RetentionRunView> {
  if (running.get(deps.db)) throw alreadyRunning();
  const work = runRetentionNow(deps, starter);
  running.set(deps.db, work);
  try {
    return await work;
  } finally {
    running.delete(deps.db);
  }
}

async function runRetentionNow(
  deps: RetentionDeps,
  starter: RetentionStarter,
): Promise<RetentionRunView> {
  const startedAt = deps.clock.now();
  const today = helsinkiDate(startedAt);
  const settings = await loadRetentionSettings(deps.db);
  const run = await insertRun(deps.db, {
    trigger: starter.trigger,
    startedBy: starter.userId,
    startedAt,
    today,
    customerYears: settings.customerYears,
    deceasedYears: settings.deceasedYears,
  });
  const actor = {
    userId: starter.userId,
    username: starter.username,
    role: starter.role,
    clientAddress: starter.clientAddress ?? null,
    requestId: starter.requestId ?? null,
  };
  let after: string | null = null;
  for (;;) {
    const batch = await candidates(deps.db, today, settings, { after, limit: BATCH });
    if (batch.length === 0) break;
    for (const candidate of batch) {
      const done = await deps.db.transaction(async (tx) => {
        if (!(await lockPerson(tx, candidate.personId))) return null;
        if (await findErasure(tx, candidate.personId)) return null;
        const facts = await loadErasureFacts(tx, candidate.personId, { today, requestId: null });
        const blockers = findBlockers(facts);
        const plan = planErasure(blockers);
        const codes = blockers.map((b) => b.code);
        const base = {
          runId: run.id,
          subjectRef: candidate.personId,
          basis: candidate.basis,
          basisOn: candidate.basisOn,
          dueOn: candidate.dueOn,
          blockers: codes,
        };
        const runRef = { id: run.id, number: run.number };
        if (plan.outcome === 'refused') {
          await insertOutcome(tx, { ...base, outcome: 'blocked' });
          await deps.accessLog.record(tx, {
            ...actor,
            action: 'read',
            subjectIds: [candidate.personId],
            fields: FIELDS,
            changes: { retentionRun: { ...runRef, outcome: 'blocked', blockers: codes } },
            purpose: `Retention run ${run.number}: past the retention period, the erasure is blocked`,
          });
          return null;
        }
        const record = await erasePlanned(tx, {
          personId: candidate.personId,
          requestId: null,
          plan,
          now: startedAt,
          erasedBy: starter.userId,
        });
        const outcome: RetentionOutcome = record.status === 'complete' ? 'erased' : 'partlyErased';
        await insertOutcome(tx, { ...base, outcome, erasureId: record.id });
        await deps.accessLog.record(tx, {
          ...actor,
          action: 'update',
          subjectIds: [candidate.personId],
          fields: ['erasure', ...FIELDS],
          changes: {
            retentionRun: { ...runRef, outcome },
            erasure: { id: record.id, status: record.status, finishOn: record.finishOn },
          },
          purpose: `Retention run ${run.number}: the retention period ended, the register erased the customer`,
        });
        return record;
      });
      if (done) await destroyKeyIfDue(deps.db, deps.personKeys, deps.clock, done);
    }
    after = batch[batch.length - 1]?.personId ?? null;
  }
  await finishRun(deps.db, run.id, deps.clock.now());
  const [listed] = (await listRuns(deps.db, 1)).filter((r) => r.run.id === run.id);
  return runView(listed?.run ?? run, listed?.counts ?? {});
}

function runView(
  run: Awaited<ReturnType<typeof insertRun>>,
  counts: Record<string, number>,
): RetentionRunView {
  return {
    id: run.id,
    number: run.number,
    trigger: run.trigger,
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    today: run.today,
    customerYears: run.customerYears,
    deceasedYears: run.deceasedYears,
    counts: Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, counts[o] ?? 0])) as Record<
      RetentionOutcome,
      number
    >,
  };
}

export async function listRetentionRuns(db: Db): Promise<{ items: RetentionRunView[] }> {
  return { items: (await listRuns(db, 50)).map(({ run, counts }) => runView(run, counts)) };
}

/** A run's report. It names customers only by reference: reading it reads no one's data. */
export async function getRetentionRun(db: Db, id: string): Promise<RetentionRunReport> {
  const run = await findRun(db, id);
  if (!run) throw notFound('Retention run');
  const outcomes = await runOutcomes(db, run.id);
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o.outcome] = (counts[o.outcome] ?? 0) + 1;
  return {
    ...runView(run, counts),
    outcomes: outcomes.map((o) => ({
      subjectRef: o.subjectRef,
      basis: o.basis,
      basisOn: o.basisOn,
      dueOn: o.dueOn,
      outcome: o.outcome,
      blockers: o.blockers as RetentionRunReport['outcomes'][number]['blockers'],
      erasureId: o.erasureId,
    })),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const RETENTION_TICK_MS = 60 * 60 * 1000;

/**
 * The daily run: every hour the server looks whether the administrator has turned the daily run
 * on and whether a scheduled run started in the last day; if not, it runs one. The first look
 * is an hour after the start.
 */
export function startDailyRetention(
  deps: RetentionDeps,
  onError: (error: unknown) => void,
  { intervalMs = RETENTION_TICK_MS }: { intervalMs?: number } = {},
): () => Promise<void> {
  let ticking: Promise<void> | null = null;
  const tick = () => {
    if (ticking) return;
    ticking = (async () => {
      const settings = await loadRetentionSettings(deps.db);
      if (!settings.dailyRun || running.get(deps.db)) return;
      const latest = await latestRun(deps.db, 'schedule');
      const due =
        !latest || deps.clock.now().getTime() - latest.startedAt.getTime() >= DAY_MS - intervalMs;
      if (!due) return;
      await runRetention(deps, { trigger: 'schedule', userId: null, username: null, role: null });
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
  };
}
