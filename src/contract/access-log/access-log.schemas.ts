import { z } from 'zod';
import { date, dateTime, text, zId } from '../text.ts';
import { ACCESS_ACTIONS, ACCESS_FLAGS } from '../enums.ts';
import { REPORT_LANGUAGES } from '../enums.ts';
import { zCursor } from '../cursor.ts';

export const accessLogQuery = z.strictObject({
  subjectId: zId.optional(),
  userId: zId.optional(),
  action: z.enum(ACCESS_ACTIONS).optional(),
  /** Only entries with this flag, e.g. break-the-glass access. */
  flag: z.enum(ACCESS_FLAGS).optional(),
  /** From this instant (inclusive), ISO 8601 with a time zone. */
  from: dateTime('business').optional(),
  /** Until this instant (exclusive). */
  to: dateTime('business').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: zCursor.optional(),
});
export type AccessLogQuery = z.infer<typeof accessLogQuery>;

/**
 * A subject of an entry by name: a person with the masked identity code (as search shows it),
 * or a staff member (whose account data was processed); `unknown` for an id neither register
 * holds any longer.
 */
export const loggedSubject = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    id: z.string(),
    name: z.string(),
    identityCode: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('staff'),
    id: z.string(),
    name: z.string().nullable(),
    username: z.string(),
  }),
  z.object({ kind: z.literal('unknown'), id: z.string() }),
]);
export type LoggedSubject = z.infer<typeof loggedSubject>;

export const accessLogItem = z.object({
  position: z.number(),
  occurredAt: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  /** The user's full name as the staff register has it now; null if none was given. */
  userFullName: z.string().nullable(),
  role: z.string().nullable(),
  /** A contractor's partner organisation, and its name in the partner registry. */
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  action: z.string(),
  subjectIds: z.array(z.string()),
  /** Whose data, in words: each subject id as a person or staff member, in `subjectIds` order. */
  subjects: z.array(loggedSubject),
  fields: z.array(z.string()),
  changes: z.record(z.string(), z.unknown()).nullable(),
  purpose: z.string().nullable(),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
  flag: z.string().nullable(),
});

export const accessLogPage = z.object({
  items: z.array(accessLogItem),
  nextCursor: z.string().nullable(),
});

export const REPORT_FORMATS = ['json', 'csv', 'pdf'] as const;

export const subjectReportQuery = z.strictObject({
  /** The first day of the period (YYYY-MM-DD, Helsinki); by default two years before `to`. */
  from: date('business').optional(),
  /** The last day of the period, included; by default today. */
  to: date('business').optional(),
  /** The report's language; by default the person's own. */
  lang: z.enum(REPORT_LANGUAGES).optional(),
  format: z.enum(REPORT_FORMATS).default('json'),
});
export type SubjectReportQuery = z.infer<typeof subjectReportQuery>;

export const subjectReportView = z.object({
  person: z.object({ id: z.string(), name: z.string() }),
  language: z.enum(REPORT_LANGUAGES),
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  generatedBy: z.object({ username: z.string(), name: z.string(), role: z.string() }),
  entries: z.array(
    z.object({
      occurredAt: z.string(),
      action: z.string(),
      actionText: z.string(),
      user: z.string(),
      role: z.string(),
      organisation: z.string(),
      data: z.array(z.string()),
      purpose: z.string(),
    }),
  ),
});

/** The access log's user filter: staff members found by username or full name. */
export const logUsersQuery = z.strictObject({
  q: text({ max: 100 }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const logUsersView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      username: z.string(),
      fullName: z.string().nullable(),
      role: z.string(),
    }),
  ),
});

/** What the access log names as the role of a partner's machine client (decision 0028). */
export const MACHINE_CLIENT_ROLE = 'partner_client';
