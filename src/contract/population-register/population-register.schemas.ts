import { z } from 'zod';
import { zId } from '../text.ts';
import {
  DVV_RECORD_OUTCOMES,
  DVV_SYNC_STATUSES,
  DVV_SYNC_TRIGGERS,
} from './population-register.constants.ts';

export const dvvSyncParams = z.strictObject({ id: zId });

export const dvvSyncCounts = z.object(
  Object.fromEntries(DVV_RECORD_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as {
    [K in (typeof DVV_RECORD_OUTCOMES)[number]]: z.ZodNumber;
  },
);

export const dvvSyncRun = z.object({
  id: zId,
  number: z.number().int(),
  trigger: z.enum(DVV_SYNC_TRIGGERS),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(DVV_SYNC_STATUSES),
  startPosition: z.number().int(),
  reachedPosition: z.number().int(),
  pages: z.number().int(),
  persons: z.number().int(),
  error: z.string().nullable(),
  counts: dvvSyncCounts,
});
export type DvvSyncRunView = z.infer<typeof dvvSyncRun>;

export const dvvSyncRunList = z.object({
  /** Whether DVV_CHANGES_URL and the rest are set: else a run cannot start. */
  configured: z.boolean(),
  /** The position the next run starts from; null before the first. */
  position: z.number().int().nullable(),
  items: z.array(dvvSyncRun),
});
export type DvvSyncRunList = z.infer<typeof dvvSyncRunList>;

export const dvvSyncRecord = z.object({
  page: z.number().int(),
  seq: z.number().int(),
  /** Null when no person was found, or the person was since erased. */
  person: z.object({ id: zId, name: z.string() }).nullable(),
  changedAt: z.string().nullable(),
  outcome: z.enum(DVV_RECORD_OUTCOMES),
  kinds: z.array(z.string()),
  fields: z.array(z.string()),
  notes: z.array(z.string()),
});
export type DvvSyncRecordView = z.infer<typeof dvvSyncRecord>;

/** A run with its report, at most REPORT_LIMIT records (`recordCount` says how many in all). */
export const dvvSyncReport = z.object({
  run: dvvSyncRun,
  recordCount: z.number().int(),
  records: z.array(dvvSyncRecord),
});
export type DvvSyncReport = z.infer<typeof dvvSyncReport>;
