import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { importRows, importRuns, persons } from '../../db/schema/index.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { ImportRowOutcome } from '../../../contract/move-in/move-in.constants.ts';
import type { ImportRowView, ImportRunView } from '../../../contract/move-in/move-in.schemas.ts';
import type { Actor } from '../auth/auth.service.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { getImportProfile } from './move-in-profiles.ts';
import { countOutcomes, runImport, startOrContinueRun, type ImportRun } from './move-in-run.ts';

/**
 * Who the CLI's import acts as: the register itself, with the register officer's role (who
 * decides what moves in): the access log's user is empty, its username `import`.
 */
export const IMPORT_ACTOR: Actor = {
  userId: null as unknown as string,
  username: 'import',
  role: 'register_officer',
  partnerId: null,
  commitmentSigned: true,
  passwordChangeRequired: false,
  totpEnrollmentRequired: false,
  totpEnabled: false,
  totpRequired: false,
} as Actor;

/** The run as the API shows it, with its counts. */
export function toRunView(run: ImportRun, counts: Record<ImportRowOutcome, number>): ImportRunView {
  return {
    id: run.id,
    number: run.number,
    profileName: run.profileName,
    target: run.target,
    fileName: run.fileName,
    fileBytes: run.fileBytes,
    dryRun: run.dryRun,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    rowsDone: run.rowsDone,
    bytesDone: run.bytesDone,
    batches: run.batches,
    error: run.error,
    counts,
  };
}

async function findRun(db: Db, id: string): Promise<ImportRun> {
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  if (!run) throw notFound('Import run');
  return run;
}

export async function getRunView(db: Db, id: string): Promise<ImportRunView> {
  const run = await findRun(db, id);
  return toRunView(run, (await countOutcomes(db, [run.id])).get(run.id)!);
}

export async function listRunViews(db: Db): Promise<ImportRunView[]> {
  const runs = await db.select().from(importRuns).orderBy(desc(importRuns.number)).limit(50);
  const counts = await countOutcomes(
    db,
    runs.map((r) => r.id),
  );
  return runs.map((run) => toRunView(run, counts.get(run.id)!));
}

const reportCursor = z.tuple([cursorKey.position]);
const REPORT_PAGE = 100;

type ReportQuery = {
  outcome?: ImportRowOutcome | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

/** A page of the report by row number, with the created persons' names; `outcome` filters. */
async function reportRows(
  db: Db,
  id: string,
  query: ReportQuery,
): Promise<{ items: ImportRowView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, reportCursor)[0] : 0;
  await findRun(db, id);
  const limit = query.limit ?? REPORT_PAGE;
  const rows = await db
    .select({
      row: importRows,
      firstName: persons.firstName,
      lastName: persons.lastName,
    })
    .from(importRows)
    .leftJoin(persons, eq(persons.id, importRows.personId))
    .where(
      and(
        eq(importRows.runId, id),
        gt(importRows.rowNumber, after),
        query.outcome ? eq(importRows.outcome, query.outcome) : undefined,
      ),
    )
    .orderBy(asc(importRows.rowNumber))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ row, firstName, lastName }): ImportRowView => ({
    rowNumber: row.rowNumber,
    outcome: row.outcome,
    personId: row.personId,
    person:
      row.personId && firstName !== null
        ? { id: row.personId, name: `${firstName} ${lastName ?? ''}`.trim() }
        : null,
    organizationId: row.organizationId,
    duplicateOfRow: row.duplicateOfRow,
    duplicateOfPerson: row.duplicateOfPerson,
    duplicateOfOrganization: row.duplicateOfOrganization,
    errors: row.errors,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor(reportCursor, [last.rowNumber]) : null,
  };
}

/**
 * A page of the report for the run's page: logged as a read of the persons it names (the
 * persons the run created, by name).
 */
export async function getReportPage(
  ctx: CustomerContext,
  id: string,
  query: ReportQuery,
): Promise<{ items: ImportRowView[]; nextCursor: string | null }> {
  const page = await reportRows(ctx.db, id, query);
  const named = [...new Set(page.items.flatMap((row) => (row.person ? [row.person.id] : [])))];
  if (named.length > 0) {
    const [run] = await ctx.db
      .select({ number: importRuns.number })
      .from(importRuns)
      .where(eq(importRuns.id, id));
    await logAccess(ctx, 'read', named, ['name', 'importReport'], {
      purpose: `Import report: moveIn ${run?.number ?? ''}`.trim(),
    });
  }
  return page;
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The whole report as CSV, a line per problem (a row without one: a line of its outcome). */
export async function reportCsv(
  db: Db,
  id: string,
  outcome: ImportRowOutcome | undefined,
): Promise<{ body: string; contentType: string; fileName: string }> {
  const run = await findRun(db, id);
  const lines = ['row;outcome;field;column;code;reason'];
  let cursor: string | undefined;
  do {
    const page = await reportRows(db, id, { outcome, cursor, limit: 500 });
    for (const row of page.items) {
      const problems = row.errors.length > 0 ? row.errors : [null];
      for (const problem of problems) {
        lines.push(
          [
            row.rowNumber,
            row.outcome,
            problem?.field ?? null,
            problem?.column ?? null,
            problem?.code ?? null,
            problem?.message ?? null,
          ]
            .map(csvCell)
            .join(';'),
        );
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return {
    body: `\uFEFF${lines.join('\r\n')}\r\n`,
    contentType: 'text/csv; charset=utf-8',
    fileName: `import-${run.number}-report.csv`,
  };
}

/** The runs this process is running in the background, by id (the web's uploads). */
const running = new Map<string, Promise<void>>();

export function backgroundImports(): Promise<void>[] {
  return [...running.values()];
}

/** Largest upload: an old register's export, far over any municipality's. */
export const MAX_IMPORT_BYTES = 2 * 1024 ** 3;

/**
 * Stores the uploaded file under DATA_DIR/imports, starts (or continues) its run and answers it;
 * the run goes on in the background.
 */
export async function startUploadedImport(
  ctx: CustomerContext,
  dataDir: string,
  args: { profileName: string; fileName: string; dryRun: boolean; body: Readable },
  onError: (error: unknown) => void,
): Promise<ImportRunView> {
  const profile = await getImportProfile(ctx.db, args.profileName);
  const dir = path.join(dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${crypto.randomUUID()}.upload`);
  let bytes = 0;
  await pipeline(
    args.body,
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > MAX_IMPORT_BYTES) callback(new AppError('validation', 'The file is too large'));
        else callback(null, chunk);
      },
    }),
    fs.createWriteStream(file, { mode: 0o600 }),
  );
  const options = { file: { path: file, name: args.fileName }, profile, dryRun: args.dryRun };
  const run = await startOrContinueRun(ctx, options);
  if (running.has(run.id)) throw new AppError('conflict', 'This file is being imported already');
  const done = runImport(ctx, options)
    .then(() => undefined, onError)
    .finally(() => {
      running.delete(run.id);
      fs.rmSync(file, { force: true });
    });
  running.set(run.id, done);
  return toRunView(run, (await countOutcomes(ctx.db, [run.id])).get(run.id)!);
}
