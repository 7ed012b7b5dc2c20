import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { ImportKind } from '../../../contract/imports/imports.constants.ts';
import type { ImportRowView, ImportRunView } from '../../../contract/imports/imports.schemas.ts';
import type { Db } from '../../db/client.ts';
import {
  dvvSyncRecords,
  dvvSyncRuns,
  importRows,
  importRuns,
  partners,
  persons,
  staffUsers,
  updateFileRows,
  updateFileRuns,
} from '../../db/schema/index.ts';
import { countOutcomes as countMoveInOutcomes } from '../move-in/move-in-run.ts';
import { countOutcomes } from '../population-register/dvv-sync.ts';

/**
 * The kinds of runs the imports page lists (decision 0029). Each kind reads its own tables; the
 * page, the filter, the paging and the CSV are the same for all. A new kind (moving in) adds an
 * entry here and its outcomes in the contract's IMPORT_OUTCOMES.
 */
export type ImportRowRecord = ImportRowView & { key: number; personId: string | null };

export type ImportKindReader = {
  /** The latest runs, newest first. */
  runs(db: Db, limit: number): Promise<ImportRunView[]>;
  run(db: Db, id: string): Promise<ImportRunView | undefined>;
  count(db: Db, runId: string, outcome: string | undefined): Promise<number>;
  /** Rows by their key (ascending) after `after`, of the outcome when one is given. */
  rows(
    db: Db,
    runId: string,
    options: { outcome: string | undefined; after: number; limit: number },
  ): Promise<ImportRowRecord[]>;
};

async function staffNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: staffUsers.id, username: staffUsers.username, fullName: staffUsers.fullName })
    .from(staffUsers)
    .where(inArray(staffUsers.id, wanted));
  return new Map(rows.map((s) => [s.id, s.fullName ?? s.username]));
}

const personName = (first: string | null, last: string | null) =>
  `${first ?? ''} ${last ?? ''}`.trim();

const dvvSync: ImportKindReader = {
  async runs(db, limit) {
    const rows = await db.select().from(dvvSyncRuns).orderBy(desc(dvvSyncRuns.number)).limit(limit);
    return dvvViews(db, rows);
  },
  async run(db, id) {
    const rows = await db.select().from(dvvSyncRuns).where(eq(dvvSyncRuns.id, id));
    return (await dvvViews(db, rows))[0];
  },
  async count(db, runId, outcome) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(dvvSyncRecords)
      .where(
        and(
          eq(dvvSyncRecords.runId, runId),
          outcome ? eq(dvvSyncRecords.outcome, outcome as never) : undefined,
        ),
      );
    return Number(row?.n ?? 0);
  },
  async rows(db, runId, { outcome, after, limit }) {
    const rows = await db
      .select({
        key: dvvSyncRecords.id,
        page: dvvSyncRecords.page,
        seq: dvvSyncRecords.seq,
        personId: dvvSyncRecords.personId,
        firstName: persons.firstName,
        lastName: persons.lastName,
        outcome: dvvSyncRecords.outcome,
        fields: dvvSyncRecords.fields,
        notes: dvvSyncRecords.notes,
      })
      .from(dvvSyncRecords)
      .leftJoin(persons, eq(persons.id, dvvSyncRecords.personId))
      .where(
        and(
          eq(dvvSyncRecords.runId, runId),
          gt(dvvSyncRecords.id, after),
          outcome ? eq(dvvSyncRecords.outcome, outcome as never) : undefined,
        ),
      )
      .orderBy(asc(dvvSyncRecords.id))
      .limit(limit);
    return rows.map((r) => ({
      key: r.key,
      personId: r.personId,
      position: `${r.page}.${r.seq}`,
      person: r.personId ? { id: r.personId, name: personName(r.firstName, r.lastName) } : null,
      outcome: r.outcome,
      reason: null,
      fields: r.fields,
      notes: r.notes,
    }));
  },
};

async function dvvViews(db: Db, rows: (typeof dvvSyncRuns.$inferSelect)[]) {
  const counts = await countOutcomes(
    db,
    rows.map((r) => r.id),
  );
  const names = await staffNames(
    db,
    rows.map((r) => r.startedBy),
  );
  return rows.map((r): ImportRunView => ({
    kind: 'dvvSync',
    id: r.id,
    number: r.number,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    status: r.status,
    startedBy: r.startedBy ? (names.get(r.startedBy) ?? null) : null,
    trigger: r.trigger,
    dryRun: false,
    error: r.error,
    counts: counts.get(r.id) ?? {},
    file: null,
  }));
}

const updateFile: ImportKindReader = {
  async runs(db, limit) {
    const rows = await db
      .select()
      .from(updateFileRuns)
      .orderBy(desc(updateFileRuns.number))
      .limit(limit);
    return updateFileViews(db, rows);
  },
  async run(db, id) {
    const rows = await db.select().from(updateFileRuns).where(eq(updateFileRuns.id, id));
    return (await updateFileViews(db, rows))[0];
  },
  async count(db, runId, outcome) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(updateFileRows)
      .where(
        and(
          eq(updateFileRows.runId, runId),
          outcome ? eq(updateFileRows.outcome, outcome as never) : undefined,
        ),
      );
    return Number(row?.n ?? 0);
  },
  async rows(db, runId, { outcome, after, limit }) {
    const rows = await db
      .select({
        line: updateFileRows.line,
        personId: updateFileRows.personId,
        firstName: persons.firstName,
        lastName: persons.lastName,
        outcome: updateFileRows.outcome,
        reason: updateFileRows.reason,
        fields: updateFileRows.fields,
      })
      .from(updateFileRows)
      .leftJoin(persons, eq(persons.id, updateFileRows.personId))
      .where(
        and(
          eq(updateFileRows.runId, runId),
          gt(updateFileRows.line, after),
          outcome ? eq(updateFileRows.outcome, outcome as never) : undefined,
        ),
      )
      .orderBy(asc(updateFileRows.line))
      .limit(limit);
    return rows.map((r) => ({
      key: r.line,
      personId: r.personId,
      position: String(r.line),
      person: r.personId ? { id: r.personId, name: personName(r.firstName, r.lastName) } : null,
      outcome: r.outcome,
      reason: r.reason,
      fields: r.fields,
      notes: [],
    }));
  },
};

async function updateFileViews(
  db: Db,
  rows: (typeof updateFileRuns.$inferSelect)[],
): Promise<ImportRunView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const counted = await db
    .select({
      runId: updateFileRows.runId,
      outcome: updateFileRows.outcome,
      n: sql<number>`count(*)::int`,
    })
    .from(updateFileRows)
    .where(inArray(updateFileRows.runId, ids))
    .groupBy(updateFileRows.runId, updateFileRows.outcome);
  const partnerNames = new Map(
    (
      await db
        .select({ id: partners.id, name: partners.name })
        .from(partners)
        .where(inArray(partners.id, [...new Set(rows.map((r) => r.partnerId))]))
    ).map((p) => [p.id, p.name]),
  );
  const names = await staffNames(
    db,
    rows.map((r) => r.startedBy),
  );
  return rows.map((r) => {
    const counts: Record<string, number> = { applied: 0, unchanged: 0, noMatch: 0, refused: 0 };
    for (const c of counted) if (c.runId === r.id) counts[c.outcome] = Number(c.n);
    return {
      kind: 'updateFile',
      id: r.id,
      number: r.number,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      status: r.status,
      startedBy: r.startedBy ? (names.get(r.startedBy) ?? null) : null,
      trigger: r.trigger,
      dryRun: r.dryRun,
      error: r.error,
      counts,
      file: {
        name: r.fileName,
        profile: r.profile,
        partnerId: r.partnerId,
        partnerName: partnerNames.get(r.partnerId) ?? '',
      },
    };
  });
}

/**
 * Moving in from an old register (decision 0027): a row's key is its row number in the file; its
 * reason is the first problem's code and its fields the fields with a problem (never a value).
 */
const moveIn: ImportKindReader = {
  async runs(db, limit) {
    const rows = await db.select().from(importRuns).orderBy(desc(importRuns.number)).limit(limit);
    return moveInViews(db, rows);
  },
  async run(db, id) {
    const rows = await db.select().from(importRuns).where(eq(importRuns.id, id));
    return (await moveInViews(db, rows))[0];
  },
  async count(db, runId, outcome) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(importRows)
      .where(
        and(
          eq(importRows.runId, runId),
          outcome ? eq(importRows.outcome, outcome as never) : undefined,
        ),
      );
    return Number(row?.n ?? 0);
  },
  async rows(db, runId, { outcome, after, limit }) {
    const rows = await db
      .select({
        rowNumber: importRows.rowNumber,
        personId: importRows.personId,
        firstName: persons.firstName,
        lastName: persons.lastName,
        outcome: importRows.outcome,
        errors: importRows.errors,
      })
      .from(importRows)
      .leftJoin(persons, eq(persons.id, importRows.personId))
      .where(
        and(
          eq(importRows.runId, runId),
          gt(importRows.rowNumber, after),
          outcome ? eq(importRows.outcome, outcome as never) : undefined,
        ),
      )
      .orderBy(asc(importRows.rowNumber))
      .limit(limit);
    return rows.map((r) => ({
      key: r.rowNumber,
      personId: r.personId,
      position: String(r.rowNumber),
      person: r.personId ? { id: r.personId, name: personName(r.firstName, r.lastName) } : null,
      outcome: r.outcome,
      reason: r.errors[0]?.code ?? null,
      fields: [...new Set(r.errors.map((e) => e.field))],
      notes: [],
    }));
  },
};

async function moveInViews(
  db: Db,
  rows: (typeof importRuns.$inferSelect)[],
): Promise<ImportRunView[]> {
  const counts = await countMoveInOutcomes(
    db,
    rows.map((r) => r.id),
  );
  const names = await staffNames(
    db,
    rows.map((r) => r.startedBy),
  );
  return rows.map((r) => ({
    kind: 'moveIn',
    id: r.id,
    number: r.number,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    status: r.status,
    startedBy: r.startedBy ? (names.get(r.startedBy) ?? null) : null,
    trigger: r.startedBy ? 'web' : 'cli',
    dryRun: r.dryRun,
    error: r.error,
    counts: counts.get(r.id) ?? {},
    file: null,
  }));
}

export const IMPORT_KIND_READERS: Record<ImportKind, ImportKindReader> = {
  dvvSync,
  updateFile,
  moveIn,
};
