import { Readable } from 'node:stream';
import { z } from 'zod';
import {
  IMPORT_KINDS,
  IMPORT_OUTCOMES,
  type ImportKind,
} from '../../../contract/imports/imports.constants.ts';
import type { ImportRowPage, ImportRunView } from '../../../contract/imports/imports.schemas.ts';
import type { UpdateFileReason } from '../../../contract/update-files/update-files.constants.ts';
import type { Db } from '../../db/client.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { csvCell } from '../access-log/subject-report.formats.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { IMPORT_KIND_READERS } from './import-kinds.ts';
import { IMPORT_CSV_TEXTS } from './imports.texts.ts';

/** The latest runs of every kind, newest first (no personal data: counts only, so not logged). */
export async function listImports(db: Db): Promise<{ items: ImportRunView[] }> {
  const all = await Promise.all(IMPORT_KINDS.map((kind) => IMPORT_KIND_READERS[kind].runs(db, 50)));
  return { items: all.flat().sort((a, b) => b.startedAt.localeCompare(a.startedAt)) };
}

async function runOf(db: Db, kind: ImportKind, id: string): Promise<ImportRunView> {
  const run = await IMPORT_KIND_READERS[kind].run(db, id);
  if (!run) throw notFound('Import run');
  return run;
}

function checkOutcome(kind: ImportKind, outcome: string | undefined): void {
  if (outcome === undefined || (IMPORT_OUTCOMES[kind] as readonly string[]).includes(outcome)) {
    return;
  }
  const message = `Not an outcome of this kind of run: one of ${IMPORT_OUTCOMES[kind].join(', ')}`;
  throw new AppError('validation', message, {
    errors: [{ field: 'outcome', message, code: 'imports.unknownOutcome' }],
  });
}

const rowCursor = z.tuple([cursorKey.position]);

/** A page of a run's report; logged as a read of the persons it names (names and outcomes). */
export async function importRows(
  ctx: CustomerContext,
  kind: ImportKind,
  id: string,
  query: { outcome?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<ImportRowPage> {
  checkOutcome(kind, query.outcome);
  const after = query.cursor ? decodeCursor(query.cursor, rowCursor)[0] : 0;
  const run = await runOf(ctx.db, kind, id);
  const reader = IMPORT_KIND_READERS[kind];
  const rows = await reader.rows(ctx.db, id, {
    outcome: query.outcome,
    after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  await logAccess(ctx, 'read', named(page), ['name', 'importReport'], {
    purpose: `Import report: ${kind} ${run.number}`,
  });
  const last = page.at(-1);
  return {
    run,
    total: await reader.count(ctx.db, id, query.outcome),
    items: page.map(({ key: _key, personId: _personId, ...row }) => row),
    nextCursor: rows.length > query.limit && last ? encodeCursor(rowCursor, [last.key]) : null,
  };
}

const named = (rows: { personId: string | null }[]) => [
  ...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : []))),
];

const CSV_PAGE = 1000;

/**
 * The report as CSV, streamed page by page: UTF-8 with a BOM, `;`, CRLF; each page's persons
 * are logged as read before the page is written.
 */
export async function importCsv(
  ctx: CustomerContext,
  kind: ImportKind,
  id: string,
  query: { outcome?: string | undefined; lang: 'fi' | 'sv' | 'en' },
): Promise<{ fileName: string; body: Readable }> {
  checkOutcome(kind, query.outcome);
  const run = await runOf(ctx.db, kind, id);
  const texts = IMPORT_CSV_TEXTS[query.lang];
  const reader = IMPORT_KIND_READERS[kind];
  const line = (cells: string[]) => `${cells.map(csvCell).join(';')}\r\n`;
  async function* generate(): AsyncGenerator<string> {
    yield `\uFEFF${line(texts.header)}`;
    let after = 0;
    for (;;) {
      const rows = await reader.rows(ctx.db, id, {
        outcome: query.outcome,
        after,
        limit: CSV_PAGE,
      });
      if (rows.length === 0) return;
      await logAccess(ctx, 'read', named(rows), ['name', 'importReport'], {
        purpose: `Import report: ${kind} ${run.number} (CSV)`,
      });
      yield rows
        .map((row) =>
          line([
            row.position,
            row.person?.name ?? '',
            row.person?.id ?? '',
            texts.outcomes[kind][row.outcome] ?? row.outcome,
            row.reason ? (texts.reasons[row.reason as UpdateFileReason] ?? row.reason) : '',
            [...row.fields, ...row.notes].join(', '),
          ]),
        )
        .join('');
      after = (rows.at(-1) as { key: number }).key;
    }
  }
  return {
    fileName: `${kind}-${run.number}${query.outcome ? `-${query.outcome}` : ''}.csv`,
    body: Readable.from(generate()),
  };
}
