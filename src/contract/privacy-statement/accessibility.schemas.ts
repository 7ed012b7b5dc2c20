import { z } from 'zod';
import { text, zId } from '../text.ts';
import { zEmail } from '../../finnish/index.ts';
import { zCursor } from '../cursor.ts';
import {
  COMPLIANCE_LEVELS,
  STATEMENT_LANGUAGES,
  statementBlock,
} from './privacy-statement.schemas.ts';

/** The accessibility statement's sections (Act 306/2019, the model statement's order). */
export const ACCESSIBILITY_SECTIONS = [
  'scope',
  'compliance',
  'knownIssues',
  'assessment',
  'feedback',
  'enforcement',
] as const;

export const accessibilityStatement = z.object({
  language: z.enum(STATEMENT_LANGUAGES),
  title: z.string(),
  serviceName: z.string(),
  controllerName: z.string(),
  compliance: z.enum(COMPLIANCE_LEVELS),
  assessedOn: z.string(),
  sections: z.array(
    z.object({
      key: z.enum(ACCESSIBILITY_SECTIONS),
      title: z.string(),
      blocks: z.array(statementBlock),
    }),
  ),
});
export type AccessibilityStatement = z.infer<typeof accessibilityStatement>;

/** Feedback on accessibility from anyone: only the message is required. */
export const accessibilityFeedbackInput = z.strictObject({
  message: text({ max: 4000, multiline: true }),
  /** To answer the sender; without it the feedback is anonymous. */
  email: zEmail.nullable().default(null),
  name: text({ max: 200, kind: 'name' }).nullable().default(null),
  /** The page the feedback is about (a path of the service). */
  page: text({ max: 500 }).nullable().default(null),
  language: z.enum(STATEMENT_LANGUAGES).default('fi'),
});

export const accessibilityFeedbackReceipt = z.object({ receivedAt: z.string() });

export const accessibilityFeedbackView = z.object({
  id: zId,
  receivedAt: z.string(),
  message: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  page: z.string().nullable(),
  language: z.enum(STATEMENT_LANGUAGES),
  handledAt: z.string().nullable(),
  /** The staff member who marked it handled, by full name. */
  handledBy: z.string().nullable(),
});
export type AccessibilityFeedbackView = z.infer<typeof accessibilityFeedbackView>;

export const FEEDBACK_FILTERS = ['open', 'all'] as const;

export const feedbackListQuery = z.strictObject({
  show: z.enum(FEEDBACK_FILTERS).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: zCursor.optional(),
});

export const feedbackPage = z.object({
  items: z.array(accessibilityFeedbackView),
  nextCursor: z.string().nullable(),
  /** Feedback not yet handled, whatever the filter. */
  open: z.number().int(),
});

export const feedbackParams = z.strictObject({ id: zId });

/** The one change feedback takes: it has been handled. */
export const feedbackPatch = z.strictObject({ handled: z.literal(true) });
