import type { Db } from '../../db/client.ts';
import type { KeptPart } from '../../db/schema/index.ts';
import { refuseUnlessAllowed } from '../requests/request-actions.ts';
import { personErasures } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import type { PersonKeys } from '../../keystore/person-keys.ts';
import type { Clock } from '../../lib/clock.ts';
import { addDays, helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { AccessLog } from '../access-log/access-log.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import {
  findRequest,
  insertRequestEvent,
  updateRequestRow,
  type StoredRequest,
} from '../requests/requests.queries.ts';
import {
  findBlockers,
  planErasure,
  type Blocker,
  type ErasurePlan,
  type Language,
} from './blockers.ts';
import {
  countUnsealedLogEntries,
  deletePersonRow,
  eraseAccountingPart,
  eraseCustomerPart,
  eraseSocialServicesPart,
  findDueErasures,
  findErasureOfRequest,
  findKeysToDestroy,
  insertErasure,
  loadErasureFacts,
  lockPerson,
  reducePersonRow,
  updateErasure,
} from './erasure.queries.ts';
import type { ErasureView } from '../../../contract/erasure/erasure.schemas.ts';
import {
  ERASED_CATEGORIES,
  PART_CATEGORIES,
  PART_TEXTS,
  decisionReasons,
  type ErasedCategory,
} from './erasure.texts.ts';

/*
 * Erasure of a person on their request (privacy statement: "destroyed on request unless
 * legislation, open invoices or collection prevent it"). The blocker rules decide; without a
 * blocker everything is erased and the person's data key destroyed; when only retention periods
 * keep parts, the rest is erased now and the register erases the kept parts itself when their
 * periods end (finishDueErasures). The record of it names the person only by their former id.
 */

const FIELDS = ['erasure'];

type StoredErasure = typeof personErasures.$inferSelect;

function erasedCategories(kept: readonly Pick<KeptPart, 'part'>[]): ErasedCategory[] {
  const keptCategories = new Set<string>(kept.flatMap((k) => PART_CATEGORIES[k.part]));
  return ERASED_CATEGORIES.filter((c) => !keptCategories.has(c));
}

const blockerView = (language: Language) => (blocker: Blocker) => ({
  code: blocker.code,
  blocks: blocker.blocks,
  until: blocker.until,
  reason: blocker.reasons[language],
  reasons: blocker.reasons,
});

async function requireErasureRequest(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredRequest> {
  const request = await findRequest(db, id, options);
  if (!request) throw notFound('Request');
  if (request.type !== 'erasure') {
    const message = `This is ${request.type === 'access' ? 'an' : 'a'} ${request.type} request, not an erasure request`;
    throw new AppError('conflict', message, {
      errors: [{ field: 'type', message, code: 'erasure.notErasureRequest' }],
    });
  }
  return request;
}

const keptView = (k: KeptPart, language: Language) => ({
  part: k.part,
  rule: k.rule as ErasureView['kept'][number]['rule'],
  until: k.until,
  description: PART_TEXTS[k.part][language],
  reason: k.reasons[language],
});

function recordView(request: StoredRequest, record: StoredErasure): ErasureView {
  const language = request.language;
  return {
    requestId: request.id,
    language,
    status: record.status,
    plan: null,
    blockers: [],
    erased: record.erased as ErasedCategory[],
    kept: record.kept.map((k) => keptView(k, language)),
    finishOn: record.finishOn,
    erasedAt: record.erasedAt.toISOString(),
    completedAt: record.completedAt?.toISOString() ?? null,
    keyDestroyed: record.keyDestroyedAt !== null,
    subjectRef: record.subjectRef,
  };
}

/**
 * The erasure of the request: its record once done, else a dry run — the blockers with their
 * reasons, what would be erased and what would stay until when. Changes nothing.
 */
export async function getErasure(ctx: CustomerContext, requestId: string): Promise<ErasureView> {
  const request = await requireErasureRequest(ctx.db, requestId);
  const record = await findErasureOfRequest(ctx.db, request.id);
  if (record) {
    await logAccess(ctx, 'read', [record.subjectRef], FIELDS);
    return recordView(request, record);
  }
  const today = helsinkiDate(ctx.clock.now());
  const facts = await loadErasureFacts(ctx.db, request.personId, {
    today,
    requestId: request.id,
  });
  const plan = planErasure(findBlockers(facts));
  const kept = plan.outcome === 'partial' ? plan.kept : [];
  await logAccess(ctx, 'read', [request.personId], FIELDS);
  return {
    requestId: request.id,
    language: request.language,
    status: 'notErased',
    plan: plan.outcome,
    blockers: plan.blockers.map(blockerView(request.language)),
    erased: plan.outcome === 'refused' ? [] : erasedCategories(kept),
    kept: kept.map((k) => keptView(k, request.language)),
    finishOn: plan.outcome === 'partial' ? plan.finishOn : null,
    erasedAt: null,
    completedAt: null,
    keyDestroyed: false,
    subjectRef: null,
  };
}

function blockedError(blockers: Blocker[], language: Language): AppError {
  const message = `The erasure is refused: ${blockers
    .filter((b) => b.blocks === 'everything')
    .map((b) => b.reasons.en)
    .join(' ')}`;
  return new AppError('conflict', message, {
    errors: blockers
      .filter((b) => b.blocks === 'everything')
      .map((b) => ({ field: 'person', message: b.reasons.en, code: b.code })),
    extra: { blockers: blockers.map(blockerView(language)) },
  });
}

/**
 * Erases the request's person: refused (409 `erasure.blocked`, every reason in fi, sv and en)
 * while anything blocks everything; else everything no retention period keeps, in one
 * transaction with the erasure record, the request's decision and the access-log entry. The data
 * key is destroyed after the commit, unless kept social-services records are still under it.
 */
export async function executeErasure(
  ctx: CustomerContext,
  requestId: string,
): Promise<ErasureView> {
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const { request, record } = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const request = await requireErasureRequest(tx, requestId, { forUpdate: true });
    if (await findErasureOfRequest(tx, request.id)) {
      const message = 'The person has already been erased on this request';
      throw new AppError('conflict', message, {
        errors: [{ field: 'status', message, code: 'erasure.alreadyErased' }],
      });
    }
    refuseUnlessAllowed(request, 'erase');
    const personId = request.personId;
    if (!(await lockPerson(tx, personId))) {
      const message = 'The person of this request is no longer in the register';
      throw new AppError('conflict', message, {
        errors: [{ field: 'personId', message, code: 'erasure.personMissing' }],
      });
    }
    const facts = await loadErasureFacts(tx, personId, { today, requestId: request.id });
    const blockers = findBlockers(facts);
    const plan = planErasure(blockers);
    if (plan.outcome === 'refused') throw blockedError(blockers, request.language);
    const record = await erasePlanned(tx, {
      personId,
      requestId: request.id,
      plan,
      now,
      erasedBy: ctx.actor.userId,
    });
    const kept = record.kept;
    const outcome = kept.length > 0 ? 'partly_granted' : 'granted';
    const reasons = decisionReasons(
      request.language,
      kept.map((k) => ({ part: k.part, until: k.until, reason: k.reasons })),
    );
    const updated = await updateRequestRow(tx, request.id, {
      status: 'decided',
      outcome,
      decisionReasons: reasons,
      decidedOn: today,
      updatedAt: now,
    });
    const erasure = { id: record.id, status: record.status, kept, finishOn: record.finishOn };
    await insertRequestEvent(tx, {
      requestId: request.id,
      occurredAt: now,
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      action: 'erase',
      changes: { status: { old: request.status, new: 'decided' }, outcome, erasure },
    });
    await logAccess(txCtx, 'update', [personId], FIELDS, {
      changes: { request: { id: request.id, number: request.number, action: 'erase' }, erasure },
    });
    return { request: updated, record };
  });
  const finished = await destroyKeyIfDue(ctx.db, ctx.personKeys, ctx.clock, record);
  return recordView(request, finished);
}

/**
 * Erases a person by a plan that is not refused (the caller has locked the person's row and made
 * the plan from the facts read in the same transaction): everything no retention period keeps,
 * the person row deleted or reduced, and the erasure record. Shared by the erasure on request and
 * the retention run (decision 0034); the caller writes the access-log entry and, after the commit,
 * destroys the key (destroyKeyIfDue).
 */
export async function erasePlanned(
  tx: Db,
  options: {
    personId: string;
    requestId: string | null;
    plan: Exclude<ErasurePlan, { outcome: 'refused' }>;
    now: Date;
    erasedBy: string | null;
  },
): Promise<StoredErasure> {
  const { personId, plan, now } = options;
  const kept = plan.outcome === 'partial' ? plan.kept : [];
  const keeps = (part: KeptPart['part']) => kept.some((k) => k.part === part);
  const unsealed = await countUnsealedLogEntries(tx, personId);

  await eraseCustomerPart(tx, personId, options.requestId, now);
  if (!keeps('socialServices')) await eraseSocialServicesPart(tx, personId);
  await eraseAccountingPart(tx, personId, { keep: keeps('accounting') });
  if (kept.length > 0) {
    await reducePersonRow(tx, personId, { keepIdentity: keeps('socialServices'), now });
  } else {
    await deletePersonRow(tx, personId);
  }
  return insertErasure(tx, {
    subjectRef: personId,
    requestId: options.requestId,
    status: kept.length > 0 ? 'partial' : 'complete',
    erasedAt: now,
    erasedBy: options.erasedBy,
    erased: erasedCategories(kept),
    kept,
    finishOn: plan.outcome === 'partial' ? plan.finishOn : null,
    completedAt: kept.length > 0 ? null : now,
    unsealedLogEntries: unsealed,
  });
}

export async function destroyKeyIfDue(
  db: Db,
  personKeys: PersonKeys,
  clock: Clock,
  record: StoredErasure,
): Promise<StoredErasure> {
  if (record.keyDestroyedAt || record.kept.some((k) => k.part === 'socialServices')) return record;
  await personKeys.destroy(record.subjectRef);
  return updateErasure(db, record.id, { keyDestroyedAt: clock.now() });
}

export type FinisherDeps = { db: Db; personKeys: PersonKeys; clock: Clock; accessLog: AccessLog };

/**
 * Erases the kept parts whose retention period has ended, completes erasures with nothing left
 * kept, and destroys the keys no kept record needs any more. Run by the server every hour (and
 * by tests with their clock); each erasure in a transaction of its own, locked so that two
 * servers never finish the same one.
 */
export async function finishDueErasures(deps: FinisherDeps): Promise<{ finished: number }> {
  const now = deps.clock.now();
  const today = helsinkiDate(now);
  let finished = 0;
  for (;;) {
    const done = await deps.db.transaction(async (tx) => {
      const [record] = await findDueErasures(tx, today, 1);
      if (!record) return null;
      const personId = record.subjectRef;
      const due = record.kept.filter((k) => k.until < today);
      const remaining = record.kept.filter((k) => k.until >= today);
      if (due.some((k) => k.part === 'accounting')) {
        await eraseAccountingPart(tx, personId, { keep: false });
      }
      if (due.some((k) => k.part === 'socialServices')) {
        await eraseSocialServicesPart(tx, personId);
      }
      if (remaining.length === 0) {
        await deletePersonRow(tx, personId);
      } else if (!remaining.some((k) => k.part === 'socialServices')) {
        await reducePersonRow(tx, personId, { keepIdentity: false, now });
      }
      const nextDay = remaining.map((k) => k.until).sort()[0];
      const updated = await updateErasure(tx, record.id, {
        status: remaining.length === 0 ? 'complete' : 'partial',
        kept: remaining,
        erased: erasedCategories(remaining),
        finishOn: nextDay ? addDays(nextDay, 1) : null,
        completedAt: remaining.length === 0 ? now : null,
      });
      await deps.accessLog.record(tx, {
        userId: null,
        username: null,
        role: null,
        action: 'update',
        subjectIds: [personId],
        fields: FIELDS,
        changes: {
          erasure: { id: record.id, status: updated.status, finishedParts: due.map((k) => k.part) },
        },
        purpose: 'The retention period of the kept data ended: the register erased them',
      });
      return updated;
    });
    if (!done) break;
    finished++;
  }
  for (const pending of await findKeysToDestroy(deps.db)) {
    const [record] = await deps.db
      .select()
      .from(personErasures)
      .where(eq(personErasures.id, pending.id));
    if (record) await destroyKeyIfDue(deps.db, deps.personKeys, deps.clock, record);
  }
  return { finished };
}

const FINISHER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Finishes due erasures at start and every hour after, off the request path, one run at a time
 * (like the access-log sealer). Returns the function that stops it and waits for a run under way.
 */
export function startErasureFinisher(
  deps: FinisherDeps,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = finishDueErasures(deps)
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, FINISHER_INTERVAL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
