import { addDays, helsinkiDate, helsinkiStartOfDay, yearsBefore } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type ActingContext, type CustomerContext } from '../customers/context.ts';
import { findPersonById } from '../persons/persons.queries.ts';
import { findStaffName, findSubjectEntries } from './access-log.queries.ts';
import type { SubjectReportQuery } from '../../../contract/access-log/access-log.schemas.ts';
import {
  actionInWords,
  fieldsInWords,
  purposeInWords,
  REPORT_LANGUAGES,
  REPORT_TEXTS,
  roleInWords,
  SUBJECT_REPORT_PURPOSE,
  type ReportLanguage,
} from './subject-report.texts.ts';

/** More entries than this in one period: ask for a shorter one rather than a book. */
export const MAX_REPORT_ENTRIES = 10_000;

/** The default period: the last two years, to today (Helsinki). */
export const DEFAULT_REPORT_YEARS = 2;

export type SubjectReportEntry = {
  occurredAt: string;
  action: string;
  actionText: string;
  /** "Full Name (username)", or the username where no name is recorded. */
  user: string;
  role: string;
  /** The partner organisation of a contractor, or the municipality's own staff. */
  organisation: string;
  /** The data processed, in words. */
  data: string[];
  purpose: string;
};

export type SubjectReport = {
  person: { id: string; name: string };
  language: ReportLanguage;
  /** The period's first and last day (YYYY-MM-DD, Helsinki), both included. */
  from: string;
  to: string;
  generatedAt: string;
  generatedBy: { username: string; name: string; role: string };
  entries: SubjectReportEntry[];
};

function who(username: string | null, fullName: string | null, unknown: string): string {
  if (username === null) return unknown;
  return fullName ? `${fullName} (${username})` : username;
}

/**
 * "Who has processed this person's data" for the data subject who asks (GDPR art. 15). The
 * subject is told, for each entry in the period: when, what was done, by whom (the user's name
 * and username, role, and a contractor's partner organisation), which data in words, and why.
 * Never the other subjects of an entry (a search lists many), the old and new values of a
 * change, client addresses or request ids. Making the report is itself processing of the
 * person's data and is logged as 'report'.
 */
export async function makeSubjectReport(
  ctx: CustomerContext,
  personId: string,
  query: SubjectReportQuery,
): Promise<SubjectReport> {
  const found = await subjectEntries(ctx, personId, query);
  const texts = REPORT_TEXTS[found.language];
  const generatedByName = await findStaffName(ctx.db, ctx.actor.userId);
  const report: SubjectReport = {
    ...found,
    generatedAt: ctx.clock.now().toISOString(),
    generatedBy: {
      username: ctx.actor.username,
      name: who(ctx.actor.username, generatedByName, texts.unknownUser),
      role: roleInWords(texts, ctx.actor.role),
    },
  };
  // Written before anything is returned: without the entry, no report.
  await logAccess(ctx, 'report', [personId], ['name', 'accessLog'], {
    purpose: SUBJECT_REPORT_PURPOSE,
  });
  return report;
}

/**
 * The report's entries for the period, in words, not logged: the caller logs the report (the
 * officer's report, the resident's own "who has processed my data" page).
 */
export async function subjectEntries(
  ctx: Pick<ActingContext, 'db' | 'clock'>,
  personId: string,
  query: SubjectReportQuery,
): Promise<Omit<SubjectReport, 'generatedAt' | 'generatedBy'>> {
  const now = ctx.clock.now();
  const today = helsinkiDate(now);
  const to = query.to ?? today;
  const from = query.from ?? yearsBefore(to, DEFAULT_REPORT_YEARS);
  if (from > to) {
    throw new AppError('validation', 'The period ends before it begins', {
      errors: [
        {
          field: 'querystring.to',
          message: 'The last day is before the first day',
          code: 'report.toBeforeFrom',
        },
      ],
    });
  }
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw notFound('Person');
  const language: ReportLanguage =
    query.lang ??
    ((REPORT_LANGUAGES as readonly string[]).includes(person.language)
      ? (person.language as ReportLanguage)
      : 'fi');
  const texts = REPORT_TEXTS[language];
  const rows = await findSubjectEntries(ctx.db, {
    subjectId: personId,
    from: helsinkiStartOfDay(from),
    to: helsinkiStartOfDay(addDays(to, 1)),
    limit: MAX_REPORT_ENTRIES + 1,
  });
  if (rows.length > MAX_REPORT_ENTRIES) {
    throw new AppError('validation', 'The period has too many entries for one report', {
      errors: [
        {
          field: 'querystring.from',
          message: `The period has more than ${MAX_REPORT_ENTRIES} entries: choose a shorter one`,
          code: 'report.tooManyEntries',
        },
      ],
    });
  }
  return {
    person: { id: person.id, name: `${person.firstName} ${person.lastName}` },
    language,
    from,
    to,
    entries: rows.map((row) => ({
      occurredAt: row.occurredAt.toISOString(),
      action: row.action,
      actionText:
        row.action === 'disclose' && row.recipient !== null
          ? texts.disclosedTo(row.recipient)
          : actionInWords(texts, row.action),
      user:
        row.role === 'resident'
          ? texts.roles.resident
          : who(row.username, row.fullName, texts.unknownUser),
      role: roleInWords(texts, row.role),
      organisation:
        row.partnerId !== null
          ? (row.partnerName ?? texts.unknownPartner)
          : row.username === null
            ? ''
            : texts.ownStaff,
      data: fieldsInWords(texts, row.fields),
      purpose: purposeInWords(texts, row.purpose),
    })),
  };
}
