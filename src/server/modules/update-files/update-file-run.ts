import { and, desc, eq, ne } from 'drizzle-orm';
import type { UpdateFileTrigger } from '../../../contract/update-files/update-files.constants.ts';
import { partners, updateFileRows, updateFileRuns } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../auth/auth.service.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { updatePerson } from '../persons/persons.service.ts';
import type { UpdateFileProfile } from './profiles.ts';
import { decideRows, type RowDecision } from './update-file-match.ts';
import { readUpdateFile, UnreadableFile, type UpdateFileRow } from './update-file-rows.ts';

/**
 * One reading of an update-service file (decision 0029): a dry run reports what each row would
 * do; an apply does it. Rows go in batches, each batch in one transaction with its report rows,
 * its access-log entries and the run's progress, so an apply killed between two batches is
 * continued by the next apply of the same file (same bytes, profile and partner) where it stopped.
 */

export type UpdateFileRunRow = typeof updateFileRuns.$inferSelect;

export type UpdateFileContext = CustomerContext & {
  trigger: UpdateFileTrigger;
  /** The staff member who started it (the web), or null (the CLI). */
  startedBy: string | null;
  batchSize?: number;
  /** Called after each batch has committed (tests stop a run here). */
  afterBatch?: (batch: number) => void | Promise<void>;
};

export type UpdateFileInput = {
  profile: UpdateFileProfile;
  partnerId: string;
  fileName: string;
  /** SHA-256 of the file's bytes. */
  fileHash: Buffer;
  dryRun: boolean;
  /** The file's bytes from the start; called once per run. */
  open: () => AsyncIterable<Uint8Array>;
};

export const DEFAULT_BATCH_SIZE = 200;

/**
 * The register itself when the CLI reads a file: no user, the register officer's role (whose
 * work update files are), the username naming the command in the access log.
 */
export const UPDATE_FILE_ACTOR: Actor = {
  userId: null as unknown as string,
  username: 'update-file',
  role: 'register_officer',
  partnerId: null,
  commitmentSigned: true,
  passwordChangeRequired: false,
  totpEnrollmentRequired: false,
  totpEnabled: false,
  totpRequired: false,
} as Actor;

/** Another process is applying the same file's run: this one stops and leaves it to that one. */
export class ConcurrentUpdateFile extends Error {
  constructor() {
    super('Another process is applying this file: this one stopped and left the run to it');
    this.name = 'ConcurrentUpdateFile';
  }
}

const partnerError = (message: string, code: 'source.partnerUnknown' | 'source.partnerNotSource') =>
  new AppError('validation', message, { errors: [{ field: 'partnerId', message, code }] });

/** The company sending the file: a partner with the role `source` (decision 0017). */
export async function checkSourcePartner(ctx: CustomerContext, partnerId: string): Promise<string> {
  const [partner] = await ctx.db
    .select({ name: partners.name, roles: partners.roles })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!partner) throw partnerError('No such partner', 'source.partnerUnknown');
  if (!partner.roles.includes('source')) {
    throw partnerError(
      'The partner is not registered as a source of data',
      'source.partnerNotSource',
    );
  }
  return partner.name;
}

/** The apply of the same file left unfinished (killed, or stopped by an error), if any. */
async function unfinishedApply(
  ctx: CustomerContext,
  input: UpdateFileInput,
): Promise<UpdateFileRunRow | undefined> {
  const [run] = await ctx.db
    .select()
    .from(updateFileRuns)
    .where(
      and(
        eq(updateFileRuns.fileHash, input.fileHash),
        eq(updateFileRuns.profile, input.profile.id),
        eq(updateFileRuns.partnerId, input.partnerId),
        eq(updateFileRuns.dryRun, false),
        ne(updateFileRuns.status, 'finished'),
      ),
    )
    .orderBy(desc(updateFileRuns.number))
    .limit(1);
  return run;
}

export async function openUpdateFileRun(
  ctx: UpdateFileContext,
  input: UpdateFileInput,
): Promise<UpdateFileRunRow> {
  await checkSourcePartner(ctx, input.partnerId);
  const unfinished = input.dryRun ? undefined : await unfinishedApply(ctx, input);
  if (unfinished) {
    const [run] = await ctx.db
      .update(updateFileRuns)
      .set({ status: 'running', error: null, finishedAt: null })
      .where(and(eq(updateFileRuns.id, unfinished.id), ne(updateFileRuns.status, 'finished')))
      .returning();
    if (!run) throw new ConcurrentUpdateFile();
    return run;
  }
  const [run] = await ctx.db
    .insert(updateFileRuns)
    .values({
      partnerId: input.partnerId,
      profile: input.profile.id,
      fileName: input.fileName,
      fileHash: input.fileHash,
      dryRun: input.dryRun,
      trigger: ctx.trigger,
      startedBy: ctx.startedBy,
      startedAt: ctx.clock.now(),
      status: 'running',
    })
    .returning();
  if (!run) throw new Error('The update-file run was not stored');
  return run;
}

/** Reads the file to its end from where the run stopped; a failure marks the run failed. */
export async function continueUpdateFileRun(
  ctx: UpdateFileContext,
  input: UpdateFileInput,
  opened: UpdateFileRunRow,
): Promise<UpdateFileRunRow> {
  let run = opened;
  const size = ctx.batchSize ?? DEFAULT_BATCH_SIZE;
  try {
    let batch: UpdateFileRow[] = [];
    for await (const row of readUpdateFile(input.open(), input.profile)) {
      if (row.line <= run.linesDone) continue;
      batch.push(row);
      if (batch.length >= size) {
        run = await applyBatch(ctx, input, run, batch);
        batch = [];
        await ctx.afterBatch?.(run.batches);
      }
    }
    if (batch.length > 0) {
      run = await applyBatch(ctx, input, run, batch);
      await ctx.afterBatch?.(run.batches);
    }
    const [finished] = await ctx.db
      .update(updateFileRuns)
      .set({ status: 'finished', finishedAt: ctx.clock.now() })
      .where(and(eq(updateFileRuns.id, run.id), eq(updateFileRuns.batches, run.batches)))
      .returning();
    if (!finished) throw new ConcurrentUpdateFile();
    return finished;
  } catch (error) {
    if (error instanceof ConcurrentUpdateFile) throw error;
    const message =
      error instanceof UnreadableFile || error instanceof AppError
        ? error.message
        : 'The run stopped on an unexpected error (see the server log)';
    await ctx.db
      .update(updateFileRuns)
      .set({ status: 'failed', error: message, finishedAt: ctx.clock.now() })
      .where(and(eq(updateFileRuns.id, run.id), eq(updateFileRuns.status, 'running')))
      .catch(() => undefined);
    throw error;
  }
}

export async function runUpdateFile(
  ctx: UpdateFileContext,
  input: UpdateFileInput,
): Promise<UpdateFileRunRow> {
  const run = await openUpdateFileRun(ctx, input);
  return continueUpdateFileRun(ctx, input, run);
}

/** The address field an AppError of the person service refused: a protection begun meanwhile. */
function refusedFor(error: AppError): RowDecision['reason'] {
  return error.errors?.some((e) => e.code?.startsWith('address.')) ? 'addressProtected' : 'invalid';
}

async function applyBatch(
  ctx: UpdateFileContext,
  input: UpdateFileInput,
  run: UpdateFileRunRow,
  rows: UpdateFileRow[],
): Promise<UpdateFileRunRow> {
  const last = rows.at(-1) as UpdateFileRow;
  const reference = `${input.fileName} (update file ${run.number}, profile ${input.profile.id})`;
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    // First: a run another process has moved on is left to it, before anything is applied.
    const [progressed] = await tx
      .update(updateFileRuns)
      .set({ linesDone: last.line, batches: run.batches + 1 })
      .where(
        and(
          eq(updateFileRuns.id, run.id),
          eq(updateFileRuns.status, 'running'),
          eq(updateFileRuns.batches, run.batches),
          eq(updateFileRuns.linesDone, run.linesDone),
        ),
      )
      .returning();
    if (!progressed) throw new ConcurrentUpdateFile();
    const decisions = await decideRows(tx, ctx.keys, input.profile, rows, ctx.clock.now());
    const matched = [...new Set(decisions.flatMap((d) => (d.personId ? [d.personId] : [])))];
    await logAccess(txCtx, 'read', matched, ['name', input.profile.updates, 'addressProtection'], {
      purpose: `Update file ${run.number}${input.dryRun ? ' (dry run)' : ''}: matching rows of ${input.fileName}`,
    });
    for (const decision of decisions) {
      if (input.dryRun || decision.outcome !== 'applied' || !decision.personId) continue;
      try {
        await updatePerson(
          txCtx,
          decision.personId,
          { [input.profile.updates]: decision.address },
          { source: { kind: 'partner', partnerId: input.partnerId, reference } },
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        Object.assign(decision, { outcome: 'refused', reason: refusedFor(error), fields: [] });
      }
    }
    await tx.insert(updateFileRows).values(
      decisions.map((d) => ({
        runId: run.id,
        line: d.line,
        personId: d.personId,
        outcome: d.outcome,
        reason: d.reason,
        fields: d.fields,
      })),
    );
    return progressed;
  });
}
