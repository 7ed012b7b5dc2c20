import { z } from 'zod';
import { zCursor } from '../cursor.ts';
import { zId } from '../text.ts';
import { IMPORT_KINDS } from './imports.constants.ts';

/** One run of data coming in, whatever its kind. */
export const importRun = z.object({
  kind: z.enum(IMPORT_KINDS),
  id: zId,
  number: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['running', 'finished', 'failed']),
  /** The staff member's name; null when the CLI or the timer started it. */
  startedBy: z.string().nullable(),
  trigger: z.string(),
  /** A dry run changed nothing (update files); false for kinds without one. */
  dryRun: z.boolean(),
  /** Why the run stopped, when it failed. */
  error: z.string().nullable(),
  /** The rows by outcome. */
  counts: z.record(z.string(), z.number().int()),
  /** An update file's name, profile and sending partner; null for other kinds. */
  file: z
    .object({ name: z.string(), profile: z.string(), partnerId: zId, partnerName: z.string() })
    .nullable(),
});
export type ImportRunView = z.infer<typeof importRun>;

export const importRunList = z.object({ items: z.array(importRun) });

export const importRunParams = z.strictObject({ kind: z.enum(IMPORT_KINDS), id: zId });

export const importRowsQuery = z.strictObject({
  /** Only rows of this outcome (one of the kind's). */
  outcome: z.string().max(30).optional(),
  cursor: zCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const importCsvQuery = z.strictObject({
  outcome: z.string().max(30).optional(),
  /** The language of the header and the reasons (fi by default). */
  lang: z.enum(['fi', 'sv', 'en']).default('fi'),
});

export const importRowView = z.object({
  /** Where the row was: the file's line, or DVV's page and record. */
  position: z.string(),
  /** Null when no person matched, or the person was since erased. */
  person: z.object({ id: zId, name: z.string() }).nullable(),
  outcome: z.string(),
  /** The reason's code (update files) or null. */
  reason: z.string().nullable(),
  fields: z.array(z.string()),
  /** DVV's notes (codes). */
  notes: z.array(z.string()),
});
export type ImportRowView = z.infer<typeof importRowView>;

export const importRowPage = z.object({
  run: importRun,
  /** Rows of the outcome asked (all when none). */
  total: z.number().int(),
  items: z.array(importRowView),
  nextCursor: z.string().nullable(),
});
export type ImportRowPage = z.infer<typeof importRowPage>;

/** The CSV download. */
export const importCsvFile = z.string().meta({ format: 'binary', description: 'CSV' });
