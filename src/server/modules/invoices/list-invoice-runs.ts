import { desc, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { InvoiceRunSummary } from '../../../contract/invoices/invoices.schemas.ts';
import { invoiceRuns } from '../../db/schema/index.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import type { CustomerContext } from '../customers/context.ts';

/** (startedAt, id) of the last run of the previous page. */
const RUNS_CURSOR = z.tuple([cursorKey.instant, cursorKey.id]);

/** The archive of a run: made again from its invoices whenever it is downloaded. */
export const runArchivePath = (id: string) => `/api/invoice-runs/${id}/archive`;

/**
 * Past invoice runs, newest first: dates and counts, no personal data, so nothing to log (the
 * archive's download logs its printing).
 */
export async function listInvoiceRuns(
  ctx: CustomerContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<{ items: InvoiceRunSummary[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, RUNS_CURSOR) : null;
  const rows = await ctx.db
    .select()
    .from(invoiceRuns)
    .where(
      after
        ? sql`(${invoiceRuns.startedAt}, ${invoiceRuns.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
        : undefined,
    )
    .orderBy(desc(invoiceRuns.startedAt), desc(invoiceRuns.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((run) => ({
      id: run.id,
      invoiceDate: run.invoiceDate,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
      invoiceCount: run.invoiceCount,
      archive: runArchivePath(run.id),
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(RUNS_CURSOR, [last.startedAt.toISOString(), last.id])
        : null,
  };
}
