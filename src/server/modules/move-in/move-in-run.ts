import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  importRows,
  importRuns,
  organizations,
  persons,
  type ImportRowError,
  type SourcedPersonField,
} from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import { openTable, TabularFileError, type TabularRow } from '../../lib/tabular/tabular.ts';
import { parseIdentityCode } from '../../../finnish/index.ts';
import type { ImportProfileBody } from '../../../contract/move-in/move-in.schemas.ts';
import type { ImportRowOutcome } from '../../../contract/move-in/move-in.constants.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { identityCodeContext, identityCodeIndex } from '../persons/persons.service.ts';
import { checkRow, missingColumns, type CheckedRow } from './move-in-rows.ts';
import {
  insertImportSources,
  insertPersons,
  insertReportRows,
  type NewPerson,
} from './move-in-inserts.ts';

export type ImportRun = typeof importRuns.$inferSelect;

export type ImportFile = { path: string; name: string };
export type ImportProfile = { id: string | null; name: string; body: ImportProfileBody };

export type ImportOptions = {
  file: ImportFile;
  profile: ImportProfile;
  dryRun: boolean;
  batchSize?: number;
  /** After each committed batch: the run as it stands (progress bars). */
  afterBatch?: (run: ImportRun) => void;
};

export const DEFAULT_BATCH_SIZE = 500;

/** The file's SHA-256 and size: a run is continued, and a rerun recognised, by the file's content. */
export async function fingerprintFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  await pipeline(fs.createReadStream(path), async function* (chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    yield* [];
  });
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Finds the run to continue (the newest unfinished one of the same file, dry or not as asked)
 * or starts one. At most one runs per file at a time (a partial unique index).
 */
export async function startOrContinueRun(
  ctx: CustomerContext,
  options: ImportOptions,
): Promise<ImportRun> {
  const { sha256, bytes } = await fingerprintFile(options.file.path);
  const [unfinished] = await ctx.db
    .select()
    .from(importRuns)
    .where(
      and(
        eq(importRuns.fileSha256, sha256),
        eq(importRuns.dryRun, options.dryRun),
        inArray(importRuns.status, ['running', 'failed']),
      ),
    )
    .orderBy(desc(importRuns.number))
    .limit(1);
  if (unfinished) {
    const [resumed] = await ctx.db
      .update(importRuns)
      .set({ status: 'running', error: null })
      .where(eq(importRuns.id, unfinished.id))
      .returning();
    return resumed!;
  }
  const [run] = await ctx.db
    .insert(importRuns)
    .values({
      profileId: options.profile.id,
      profileName: options.profile.name,
      profile: options.profile.body,
      target: options.profile.body.target,
      fileName: options.file.name,
      fileSha256: sha256,
      fileBytes: bytes,
      dryRun: options.dryRun,
      status: 'running',
      startedBy: ctx.actor.userId ?? null,
      startedAt: ctx.clock.now(),
    })
    .returning();
  return run!;
}

/**
 * Runs an import to its end: reads the file as a stream, checks each row, finds duplicates, and
 * writes each batch — the customers it creates, their value sources (the import), the access-log
 * entry, the report rows and the run's progress — in one transaction. A run killed at any moment
 * is continued by the next call for the same file from its last committed batch.
 */
export async function runImport(ctx: CustomerContext, options: ImportOptions): Promise<ImportRun> {
  let run = await startOrContinueRun(ctx, options);
  try {
    run = await continueRun(ctx, run, options);
  } catch (error) {
    const message =
      error instanceof AppError || error instanceof TabularFileError
        ? error.message
        : 'the import stopped on an unexpected error';
    await ctx.db
      .update(importRuns)
      .set({ status: 'failed', error: message, finishedAt: ctx.clock.now() })
      .where(eq(importRuns.id, run.id));
    throw error;
  }
  return run;
}

async function continueRun(
  ctx: CustomerContext,
  start: ImportRun,
  options: ImportOptions,
): Promise<ImportRun> {
  const profile = start.profile;
  const input = fs.createReadStream(options.file.path);
  const table = await openTable(input, profile.format);
  const missing = missingColumns(profile, table.columns);
  if (missing.length > 0) {
    throw new AppError(
      'validation',
      `The file has no column ${missing.map((c) => `"${c}"`).join(', ')}`,
      {
        errors: missing.map((column) => ({
          field: 'profile.columns',
          message: `The file has no column "${column}"`,
          code: 'required' as const,
        })),
      },
    );
  }
  const earlierRuns = start.dryRun ? [] : await earlierAppliedRuns(ctx.db, start);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let run = start;
  let batch: TabularRow[] = [];
  const flush = async () => {
    run = await applyBatch(ctx, run, batch, earlierRuns, input.bytesRead);
    batch = [];
    options.afterBatch?.(run);
  };
  for await (const row of table.rows) {
    if (row.rowNumber <= run.rowsDone) continue;
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  const [finished] = await ctx.db
    .update(importRuns)
    .set({ status: 'finished', finishedAt: ctx.clock.now(), bytesDone: run.fileBytes })
    .where(eq(importRuns.id, run.id))
    .returning();
  return finished!;
}

/** The applied runs of the same file that finished before: what they created is not made again. */
async function earlierAppliedRuns(db: Db, run: ImportRun): Promise<string[]> {
  const rows = await db
    .select({ id: importRuns.id })
    .from(importRuns)
    .where(
      and(
        eq(importRuns.fileSha256, run.fileSha256),
        eq(importRuns.dryRun, false),
        sql`${importRuns.id} <> ${run.id}`,
      ),
    );
  return rows.map((r) => r.id);
}

type Planned = {
  checked: CheckedRow;
  outcome: ImportRowOutcome;
  errors: ImportRowError[];
  identityIndex: Buffer | null;
  businessIdIndex: Buffer | null;
  emailIndex: Buffer | null;
  duplicateOfRow: number | null;
  duplicateOfPerson: string | null;
  duplicateOfOrganization: string | null;
  createdId: string | null;
};

const duplicateError = (field: string, column: string | null, code: string, message: string) => ({
  field,
  column,
  code,
  message,
});

async function applyBatch(
  ctx: CustomerContext,
  run: ImportRun,
  rows: TabularRow[],
  earlierRuns: string[],
  bytesRead: number,
): Promise<ImportRun> {
  const profile = run.profile;
  const columns = profile.columns as Partial<Record<string, string>>;
  const planned: Planned[] = rows.map((row) => {
    const checked = checkRow(profile, row);
    const email = checked.input?.email ?? null;
    const code = checked.target === 'person' ? (checked.input.personalIdentityCode ?? null) : null;
    const businessId =
      checked.target === 'organization' ? (checked.input.businessId ?? null) : null;
    return {
      checked,
      outcome: checked.errors.length > 0 ? 'invalid' : run.dryRun ? 'wouldCreate' : 'created',
      errors: [...checked.errors],
      identityIndex: code ? identityCodeIndex(ctx.keys, code) : null,
      businessIdIndex: businessId ? ctx.keys.blindIndex(businessId, 'import.business_id') : null,
      emailIndex: email ? ctx.keys.blindIndex(email.toLowerCase(), 'import.email') : null,
      duplicateOfRow: null,
      duplicateOfPerson: null,
      duplicateOfOrganization: null,
      createdId: null,
    };
  });
  const last = rows.at(-1)!.rowNumber;
  return ctx.db.transaction(async (tx) => {
    // The progress first, compare-and-set: a second process on the same run stops here.
    const [moved] = await tx
      .update(importRuns)
      .set({
        rowsDone: last,
        batches: run.batches + 1,
        bytesDone: Math.min(bytesRead, run.fileBytes),
      })
      .where(and(eq(importRuns.id, run.id), eq(importRuns.rowsDone, run.rowsDone)))
      .returning();
    if (!moved) {
      throw new AppError('conflict', 'Another process is running this import');
    }
    await markAlreadyImported(tx, planned, earlierRuns);
    await markDuplicates(tx, run, planned, columns);
    if (!run.dryRun) await create(ctx, tx, run, planned);
    await insertReportRows(
      tx,
      run.id,
      planned.map((p) => ({
        rowNumber: p.checked.rowNumber,
        outcome: p.outcome,
        personId: p.checked.target === 'person' ? p.createdId : null,
        organizationId: p.checked.target === 'organization' ? p.createdId : null,
        errors: p.errors,
        duplicateOfRow: p.duplicateOfRow,
        duplicateOfPerson: p.duplicateOfPerson,
        duplicateOfOrganization: p.duplicateOfOrganization,
        identityIndex: p.identityIndex,
        businessIdIndex: p.businessIdIndex,
        emailIndex: p.emailIndex,
      })),
    );
    return moved;
  });
}

const pending = (p: Planned) => p.outcome === 'created' || p.outcome === 'wouldCreate';

async function markAlreadyImported(tx: Db, planned: Planned[], earlierRuns: string[]) {
  if (earlierRuns.length === 0) return;
  const done = await tx
    .select({
      rowNumber: importRows.rowNumber,
      personId: importRows.personId,
      organizationId: importRows.organizationId,
    })
    .from(importRows)
    .where(
      and(
        inArray(importRows.runId, earlierRuns),
        eq(importRows.outcome, 'created'),
        inArray(
          importRows.rowNumber,
          planned.map((p) => p.checked.rowNumber),
        ),
      ),
    );
  const byRow = new Map(done.map((d) => [d.rowNumber, d]));
  for (const p of planned) {
    const earlier = byRow.get(p.checked.rowNumber);
    if (!earlier || !pending(p)) continue;
    p.outcome = 'alreadyImported';
    p.duplicateOfPerson = earlier.personId;
    p.duplicateOfOrganization = earlier.organizationId;
  }
}

/**
 * Duplicates: the identity code or business ID of a customer in the register or of an earlier row
 * of the file refuses the row; the same e-mail, or a similar name at a similar address (pg_trgm),
 * is a note on it.
 */
async function markDuplicates(
  tx: Db,
  run: ImportRun,
  planned: Planned[],
  columns: Partial<Record<string, string>>,
) {
  const candidates = planned.filter(pending);
  const identity = candidates.filter((p) => p.identityIndex);
  if (identity.length > 0) {
    const indexes = identity.map((p) => p.identityIndex!);
    const inRegister = await tx
      .select({ id: persons.id, index: persons.identityCodeIndex })
      .from(persons)
      .where(inArray(persons.identityCodeIndex, indexes));
    const inFile = await tx
      .select({ row: importRows.rowNumber, index: importRows.identityIndex })
      .from(importRows)
      .where(and(eq(importRows.runId, run.id), inArray(importRows.identityIndex, indexes)));
    const register = new Map(inRegister.map((r) => [r.index!.toString('hex'), r.id]));
    const file = new Map(inFile.map((r) => [r.index!.toString('hex'), r.row]));
    for (const p of identity) {
      const key = p.identityIndex!.toString('hex');
      const person = register.get(key);
      const row = file.get(key);
      if (person !== undefined || row !== undefined) {
        p.outcome = 'duplicate';
        p.duplicateOfPerson = person ?? null;
        p.duplicateOfRow = person === undefined ? (row ?? null) : null;
        p.errors.push(
          duplicateError(
            'personalIdentityCode',
            columns.personalIdentityCode ?? null,
            'duplicate.identityCode',
            person
              ? 'A person with this identity code is already registered'
              : 'An earlier row has this identity code',
          ),
        );
      } else {
        file.set(key, p.checked.rowNumber);
      }
    }
  }
  const business = candidates.filter((p) => p.businessIdIndex && pending(p));
  if (business.length > 0) {
    const ids = business.map((p) => (p.checked.input as { businessId: string }).businessId);
    const inRegister = await tx
      .select({ id: organizations.id, businessId: organizations.businessId })
      .from(organizations)
      .where(inArray(organizations.businessId, ids));
    const inFile = await tx
      .select({ row: importRows.rowNumber, index: importRows.businessIdIndex })
      .from(importRows)
      .where(
        and(
          eq(importRows.runId, run.id),
          inArray(
            importRows.businessIdIndex,
            business.map((p) => p.businessIdIndex!),
          ),
        ),
      );
    const register = new Map(inRegister.map((r) => [r.businessId, r.id]));
    const file = new Map(inFile.map((r) => [r.index!.toString('hex'), r.row]));
    for (const p of business) {
      const key = p.businessIdIndex!.toString('hex');
      const organization = register.get((p.checked.input as { businessId: string }).businessId);
      const row = file.get(key);
      if (organization !== undefined || row !== undefined) {
        p.outcome = 'duplicate';
        p.duplicateOfOrganization = organization ?? null;
        p.duplicateOfRow = organization === undefined ? (row ?? null) : null;
        p.errors.push(
          duplicateError(
            'businessId',
            columns.businessId ?? null,
            'duplicate.businessId',
            organization
              ? 'An organisation with this business ID is already registered'
              : 'An earlier row has this business ID',
          ),
        );
      } else {
        file.set(key, p.checked.rowNumber);
      }
    }
  }
  await notePossibleDuplicates(tx, run, planned.filter(pending), columns);
}

async function notePossibleDuplicates(
  tx: Db,
  run: ImportRun,
  planned: Planned[],
  columns: Partial<Record<string, string>>,
) {
  const withEmail = planned.filter((p) => p.emailIndex);
  if (withEmail.length > 0) {
    const emails = withEmail.map((p) => p.checked.input!.email!.toLowerCase());
    const table = run.target === 'person' ? persons : organizations;
    const inRegister = await tx
      .select({ email: sql<string>`lower(${table.email})` })
      .from(table)
      .where(inArray(sql`lower(${table.email})`, emails));
    const inFile = await tx
      .select({ index: importRows.emailIndex })
      .from(importRows)
      .where(
        and(
          eq(importRows.runId, run.id),
          inArray(
            importRows.emailIndex,
            withEmail.map((p) => p.emailIndex!),
          ),
        ),
      );
    const seen = new Set([
      ...inRegister.map((r) => r.email),
      ...inFile.map((r) => r.index!.toString('hex')),
    ]);
    for (const p of withEmail) {
      const email = p.checked.input!.email!.toLowerCase();
      const key = p.emailIndex!.toString('hex');
      if (seen.has(email) || seen.has(key)) {
        p.errors.push(
          duplicateError(
            'email',
            columns.email ?? null,
            'possibleDuplicate.email',
            'Another customer has this e-mail address',
          ),
        );
      }
      seen.add(key);
    }
  }
  if (run.target !== 'person') return;
  const named = planned.filter(
    (p) =>
      p.checked.target === 'person' && p.checked.input.permanentAddress && !p.duplicateOfPerson,
  );
  if (named.length === 0) return;
  const people = named.map(
    (p) =>
      p.checked.input as NonNullable<Planned['checked']['input']> & {
        firstName: string;
        lastName: string;
        permanentAddress: { street: string; postalCode: string };
      },
  );
  const similar = await tx.execute<{ ord: string }>(sql`
    select i.ord from unnest(
      ${sql.raw('array[')}${sql.join(
        people.map((p) => sql`${foldForSearch(`${p.firstName} ${p.lastName}`)}`),
        sql`, `,
      )}${sql.raw(']::text[]')},
      ${sql.raw('array[')}${sql.join(
        people.map((p) => sql`${p.permanentAddress.postalCode}`),
        sql`, `,
      )}${sql.raw(']::text[]')},
      ${sql.raw('array[')}${sql.join(
        people.map((p) => sql`${p.permanentAddress.street.toLowerCase()}`),
        sql`, `,
      )}${sql.raw(']::text[]')}
    ) with ordinality as i(name, postal_code, street, ord)
    where exists (
      select 1 from person p
      where p.search_text % i.name
        and p.permanent_address->>'postalCode' = i.postal_code
        and similarity(lower(p.permanent_address->>'street'), i.street) > 0.6
    )`);
  for (const { ord } of rowsOf<{ ord: string }>(similar)) {
    const p = named[Number(ord) - 1]!;
    p.errors.push(
      duplicateError(
        'lastName',
        columns.lastName ?? null,
        'possibleDuplicate.nameAddress',
        'A customer with a similar name lives at a similar address',
      ),
    );
  }
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

const IMPORT_SOURCE_FIELDS: Record<string, SourcedPersonField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  personalIdentityCode: 'personalIdentityCode',
  email: 'email',
  phone: 'phone',
  permanentAddress: 'permanentAddress',
  language: 'language',
};

/** Creates the batch's customers with the import as the source of every value, and logs them. */
async function create(ctx: CustomerContext, tx: Db, run: ImportRun, planned: Planned[]) {
  const now = ctx.clock.now();
  const reference = `import run ${run.number}: ${run.fileName}, row `;
  const people = planned.filter((p) => p.outcome === 'created' && p.checked.target === 'person');
  const orgs = planned.filter(
    (p) => p.outcome === 'created' && p.checked.target === 'organization',
  );
  if (people.length > 0) {
    const inputs = people.map((p) => {
      const input = (p.checked as Extract<CheckedRow, { target: 'person' }>).input;
      p.createdId = crypto.randomUUID();
      return { id: p.createdId, input, code: input.personalIdentityCode ?? null };
    });
    // The batch's data keys in one insert (the persons are new: nothing to look up), not a
    // key-store round trip a person.
    const withCode = inputs.filter((i) => i.code !== null);
    const sealed = await ctx.personKeys.encryptMany(
      withCode.map((i) => ({
        personId: i.id,
        plaintext: i.code!,
        context: identityCodeContext(i.id),
      })),
      { newPersons: true },
    );
    const encrypted = new Map(withCode.map((i, n) => [i.id, sealed[n]!]));
    const values = inputs.map(({ id, input, code }, n): NewPerson => ({
      id,
      firstName: input.firstName,
      lastName: input.lastName,
      identityCodeEncrypted: encrypted.get(id) ?? null,
      identityCodeIndex: people[n]!.identityIndex,
      identityCodeTemporary: code ? isTemporary(code) : null,
      identityCodePurpose: code ? (input.personalIdentityCodePurpose ?? null) : null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      permanentAddress: input.permanentAddress ?? null,
      language: input.language ?? 'fi',
      searchText: foldForSearch(`${input.firstName} ${input.lastName}`),
    }));
    await insertPersons(tx, values, now);
    const sources = people.flatMap((p) => {
      const input = p.checked.input as Record<string, unknown>;
      return Object.entries(IMPORT_SOURCE_FIELDS)
        .filter(([key]) => input[key] !== undefined && input[key] !== null)
        .map(([, field]) => ({
          personId: p.createdId!,
          field,
          reference: `${reference}${p.checked.rowNumber}`,
        }));
    });
    await insertImportSources(tx, sources, now, ctx.actor.userId ?? null);
    const fields = [...new Set(sources.map((s) => s.field))];
    await logAccess(
      { ...ctx, db: tx },
      'create',
      people.map((p) => p.createdId!),
      fields,
      {
        changes: {
          source: { kind: 'import', reference: `import run ${run.number}: ${run.fileName}` },
        },
      },
    );
  }
  if (orgs.length > 0) {
    await tx.insert(organizations).values(
      orgs.map((p) => {
        const input = (p.checked as Extract<CheckedRow, { target: 'organization' }>).input;
        const id = crypto.randomUUID();
        p.createdId = id;
        return {
          id,
          name: input.name,
          businessId: input.businessId ?? null,
          postalAddress: input.postalAddress ?? null,
          email: input.email ?? null,
          phone: input.phone ?? null,
          searchText: foldForSearch(input.name),
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
    await logAccess(
      { ...ctx, db: tx },
      'create',
      orgs.map((p) => p.createdId!),
      ['name', 'businessId', 'email', 'phone', 'postalAddress'],
      {
        changes: {
          source: { kind: 'import', reference: `import run ${run.number}: ${run.fileName}` },
        },
      },
    );
  }
}

function isTemporary(code: string): boolean {
  const parsed = parseIdentityCode(code);
  return parsed.ok && parsed.value.temporary;
}

/** The number of report rows of each outcome, per run. */
export async function countOutcomes(
  db: Db,
  runIds: string[],
): Promise<Map<string, Record<ImportRowOutcome, number>>> {
  const counts = new Map<string, Record<ImportRowOutcome, number>>();
  if (runIds.length === 0) return counts;
  const rows = await db
    .select({ runId: importRows.runId, outcome: importRows.outcome, n: sql<number>`count(*)::int` })
    .from(importRows)
    .where(inArray(importRows.runId, runIds))
    .groupBy(importRows.runId, importRows.outcome);
  for (const id of runIds) {
    counts.set(id, { created: 0, wouldCreate: 0, invalid: 0, duplicate: 0, alreadyImported: 0 });
  }
  for (const row of rows) counts.get(row.runId)![row.outcome] = Number(row.n);
  return counts;
}
