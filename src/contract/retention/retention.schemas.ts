import { z } from 'zod';
import { zId } from '../text.ts';
import { BLOCKER_CODES } from '../enums.ts';
import {
  CUSTOMER_RETENTION_YEARS,
  DECEASED_RETENTION_YEARS,
  RETENTION_BASES,
  RETENTION_OUTCOMES,
  RETENTION_TRIGGERS,
} from './retention.constants.ts';

const isoDate = z.iso.date();
const texts = z.object({ fi: z.string(), sv: z.string(), en: z.string() });

const years = (range: { min: number; max: number; default: number }) =>
  z.number().int().min(range.min).max(range.max).default(range.default);

/** The whole settings row: PUT replaces it. */
export const retentionSettingsInput = z.strictObject({
  /** Years after the customer's last relationship (order, invoice, request, notice, contact). */
  customerYears: years(CUSTOMER_RETENTION_YEARS),
  /** Years after a person's death. */
  deceasedYears: years(DECEASED_RETENTION_YEARS),
  /** The server erases the customers past retention by itself once a day. */
  dailyRun: z.boolean().default(false),
});
export type RetentionSettingsInput = z.output<typeof retentionSettingsInput>;

export const retentionSettingsView = z.object({
  customerYears: z.number().int(),
  deceasedYears: z.number().int(),
  dailyRun: z.boolean(),
  /** Null while the defaults hold (never saved). */
  updatedAt: z.string().nullable(),
  updatedBy: zId.nullable(),
});
export type RetentionSettingsView = z.infer<typeof retentionSettingsView>;

const blocker = z.object({
  code: z.enum(BLOCKER_CODES),
  blocks: z.enum(['everything', 'accounting', 'socialServices']),
  until: isoDate.nullable(),
  reasons: texts,
});

export const retentionDryRun = z.object({
  /** The day the periods are counted to (Helsinki). */
  today: isoDate,
  customerYears: z.number().int(),
  deceasedYears: z.number().int(),
  customers: z.array(
    z.object({
      personId: zId,
      name: z.string(),
      basis: z.enum(RETENTION_BASES),
      /** The day of the last relationship, or of death. */
      basisOn: isoDate,
      /** The last day the customer is kept. */
      dueOn: isoDate,
      /** full: everything would be erased; partial: a part kept by its own period; refused. */
      plan: z.enum(['full', 'partial', 'refused']),
      blockers: z.array(blocker),
    }),
  ),
  /** More customers are past retention than the list shows (the run takes them all). */
  truncated: z.boolean(),
});
export type RetentionDryRunView = z.infer<typeof retentionDryRun>;

const counts = z.object(
  Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, z.number().int()])) as {
    [K in (typeof RETENTION_OUTCOMES)[number]]: z.ZodNumber;
  },
);

export const retentionRun = z.object({
  id: zId,
  number: z.number().int(),
  trigger: z.enum(RETENTION_TRIGGERS),
  /** The staff account that started it; null for the daily run and the CLI. */
  startedBy: zId.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  today: isoDate,
  customerYears: z.number().int(),
  deceasedYears: z.number().int(),
  counts,
});
export type RetentionRunView = z.infer<typeof retentionRun>;

export const retentionRunList = z.object({ items: z.array(retentionRun) });

/** A run's report: each customer by their pseudonymous reference only, never by name. */
export const retentionRunReport = retentionRun.extend({
  outcomes: z.array(
    z.object({
      subjectRef: zId,
      basis: z.enum(RETENTION_BASES),
      basisOn: isoDate,
      dueOn: isoDate,
      outcome: z.enum(RETENTION_OUTCOMES),
      blockers: z.array(z.enum(BLOCKER_CODES)),
      erasureId: zId.nullable(),
    }),
  ),
});
export type RetentionRunReport = z.infer<typeof retentionRunReport>;

export const retentionRunParams = z.strictObject({ id: zId });
