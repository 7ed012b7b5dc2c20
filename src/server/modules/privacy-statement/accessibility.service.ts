import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { accessibilityFeedback, staffUsers } from '../../db/schema/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import type { StatementLanguage } from '../../../contract/privacy-statement/privacy-statement.schemas.ts';
import type {
  AccessibilityFeedbackView,
  AccessibilityStatement,
} from '../../../contract/privacy-statement/accessibility.schemas.ts';
import type {
  accessibilityFeedbackInput,
  feedbackListQuery,
} from '../../../contract/privacy-statement/accessibility.schemas.ts';
import { ACCESSIBILITY_TEXTS } from './accessibility.texts.ts';
import { formatDay, loadSettings, ownParagraphs, paragraph } from './privacy-statement.service.ts';

/** How much feedback one address may send in an hour: enough for a person, not for a script. */
export const FEEDBACK_PER_ADDRESS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/** The accessibility statement in one language, from the controller's settings. */
export async function accessibilityStatementIn(
  db: Db,
  language: StatementLanguage,
): Promise<AccessibilityStatement> {
  const settings = await loadSettings(db);
  const t = ACCESSIBILITY_TEXTS[language];
  const { accessibility, controller } = settings;
  const service = settings.registerName[language];
  const known = ownParagraphs(accessibility.knownIssues, language);
  const sections = {
    scope: [paragraph(t.scope(controller.name, service))],
    compliance: [paragraph(t.compliance[accessibility.compliance])],
    knownIssues: known.length > 0 ? known : [paragraph(t.noKnownIssues)],
    assessment: [paragraph(t.assessment(formatDay(accessibility.assessedOn, language)))],
    feedback: [paragraph(t.feedback(controller.email))],
    enforcement: [
      paragraph(t.enforcement),
      { kind: 'contact' as const, lines: t.authority.split(' · ') },
    ],
  };
  return {
    language,
    title: t.title,
    serviceName: service,
    controllerName: controller.name,
    compliance: accessibility.compliance,
    assessedOn: accessibility.assessedOn,
    sections: (Object.keys(sections) as (keyof typeof sections)[]).map((key) => ({
      key,
      title: t.sections[key],
      blocks: sections[key],
    })),
  };
}

export class TooMuchFeedback extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(
      'too_many_requests',
      'This address has sent a lot of feedback within the hour. Try again later, or send email.',
      { extra: { retryAfterSeconds } },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * Stores feedback from anyone. One address may send FEEDBACK_PER_ADDRESS_PER_HOUR an hour: the
 * address is kept only as a keyed hash, for that count.
 */
export async function sendAccessibilityFeedback(
  deps: { db: Db; clock: Clock; keys: Keys },
  clientAddress: string,
  input: z.output<typeof accessibilityFeedbackInput>,
): Promise<{ receivedAt: string }> {
  const now = deps.clock.now();
  const clientKey = deps.keys.blindIndex(clientAddress, 'accessibility-feedback.address');
  const [recent] = await deps.db
    .select({ sent: count(), oldest: sql<string>`min(${accessibilityFeedback.receivedAt})` })
    .from(accessibilityFeedback)
    .where(
      and(
        eq(accessibilityFeedback.clientKey, clientKey),
        gt(accessibilityFeedback.receivedAt, new Date(now.getTime() - HOUR_MS)),
      ),
    );
  if (recent && recent.sent >= FEEDBACK_PER_ADDRESS_PER_HOUR) {
    const freeAt = new Date(recent.oldest).getTime() + HOUR_MS;
    throw new TooMuchFeedback(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
  }
  await deps.db.insert(accessibilityFeedback).values({ ...input, receivedAt: now, clientKey });
  return { receivedAt: now.toISOString() };
}

/** (receivedAt, id) of the last feedback of the previous page. */
const FEEDBACK_CURSOR = z.tuple([cursorKey.instant, cursorKey.id]);

const feedbackColumns = {
  id: accessibilityFeedback.id,
  receivedAt: accessibilityFeedback.receivedAt,
  message: accessibilityFeedback.message,
  email: accessibilityFeedback.email,
  name: accessibilityFeedback.name,
  page: accessibilityFeedback.page,
  language: accessibilityFeedback.language,
  handledAt: accessibilityFeedback.handledAt,
  handlerUsername: staffUsers.username,
  handlerFullName: staffUsers.fullName,
};

type FeedbackRow = {
  id: string;
  receivedAt: Date;
  message: string;
  email: string | null;
  name: string | null;
  page: string | null;
  language: StatementLanguage;
  handledAt: Date | null;
  handlerUsername: string | null;
  handlerFullName: string | null;
};

const toView = (row: FeedbackRow): AccessibilityFeedbackView => ({
  id: row.id,
  receivedAt: row.receivedAt.toISOString(),
  message: row.message,
  email: row.email,
  name: row.name,
  page: row.page,
  language: row.language,
  handledAt: row.handledAt?.toISOString() ?? null,
  handledBy:
    row.handlerUsername === null
      ? null
      : staffName({ username: row.handlerUsername, fullName: row.handlerFullName }),
});

/** The feedback, newest first; `open` counts what is not yet handled. */
export async function listAccessibilityFeedback(
  ctx: CustomerContext,
  query: z.output<typeof feedbackListQuery>,
) {
  const after = query.cursor ? decodeCursor(query.cursor, FEEDBACK_CURSOR) : null;
  const rows = await ctx.db
    .select(feedbackColumns)
    .from(accessibilityFeedback)
    .leftJoin(staffUsers, eq(staffUsers.id, accessibilityFeedback.handledBy))
    .where(
      and(
        query.show === 'open' ? isNull(accessibilityFeedback.handledAt) : undefined,
        after
          ? sql`(${accessibilityFeedback.receivedAt}, ${accessibilityFeedback.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(accessibilityFeedback.receivedAt), desc(accessibilityFeedback.id))
    .limit(query.limit + 1);
  const [open] = await ctx.db
    .select({ open: count() })
    .from(accessibilityFeedback)
    .where(isNull(accessibilityFeedback.handledAt));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(FEEDBACK_CURSOR, [last.receivedAt.toISOString(), last.id])
        : null,
    open: open?.open ?? 0,
  };
}

/** Marks feedback handled by the caller; handling it again keeps the first handling. */
export async function markFeedbackHandled(
  ctx: CustomerContext,
  id: string,
): Promise<AccessibilityFeedbackView> {
  await ctx.db
    .update(accessibilityFeedback)
    .set({ handledAt: ctx.clock.now(), handledBy: ctx.actor.userId })
    .where(and(eq(accessibilityFeedback.id, id), isNull(accessibilityFeedback.handledAt)));
  const [row] = await ctx.db
    .select(feedbackColumns)
    .from(accessibilityFeedback)
    .leftJoin(staffUsers, eq(staffUsers.id, accessibilityFeedback.handledBy))
    .where(eq(accessibilityFeedback.id, id));
  if (!row) throw notFound('Feedback');
  return toView(row);
}
