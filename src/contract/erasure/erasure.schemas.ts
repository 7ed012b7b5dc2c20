import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { BLOCKER_CODES } from '../enums.ts';
import { ERASED_CATEGORIES } from '../enums.ts';

const isoDate = z.iso.date();
const texts = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const part = z.enum(['accounting', 'socialServices']);

export const blockerView = z.object({
  code: z.enum(BLOCKER_CODES),
  /** everything: the erasure is refused; a part: that part is kept, the rest erased. */
  blocks: z.enum(['everything', 'accounting', 'socialServices']),
  until: isoDate.nullable(),
  /** In the request's language. */
  reason: z.string(),
  reasons: texts,
});

export const erasureView = z.object({
  requestId: zId,
  language: z.enum(['fi', 'sv', 'en']),
  /** notErased: a dry run of what an erasure would do now; otherwise the erasure's record. */
  status: z.enum(['notErased', 'partial', 'complete']),
  /** For a dry run: refused (something blocks everything), partial or full. */
  plan: z.enum(['refused', 'partial', 'full']).nullable(),
  blockers: z.array(blockerView),
  /** What is (or would be) erased. */
  erased: z.array(z.enum(ERASED_CATEGORIES)),
  /** What is (or would be) kept, why and until when. */
  kept: z.array(
    z.object({
      part,
      rule: z.enum(BLOCKER_CODES),
      until: isoDate,
      /** What the part holds, and why it is kept: in the request's language. */
      description: z.string(),
      reason: z.string(),
    }),
  ),
  /** The day the register erases the next kept part by itself. */
  finishOn: isoDate.nullable(),
  erasedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  keyDestroyed: z.boolean(),
  /** The pseudonymous reference the access log keeps of the erased person. */
  subjectRef: zId.nullable(),
});
export type ErasureView = z.infer<typeof erasureView>;

export const legalHoldCreate = z
  .strictObject({
    reason: text({ max: 2000, min: 3, multiline: true }),
    fromOn: date('business'),
    /** The last day of the hold; leave it out for a hold until released. */
    untilOn: date('business').nullable().optional(),
  })
  .superRefine((hold, ctx) => {
    if (hold.untilOn && hold.untilOn < hold.fromOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['untilOn'],
        message: 'The hold cannot end before it begins',
        params: { code: 'legalHold.endsBeforeStart' },
      });
    }
  });
export type LegalHoldCreate = z.output<typeof legalHoldCreate>;

export const legalHoldView = z.object({
  id: zId,
  personId: zId,
  reason: z.string(),
  fromOn: isoDate,
  untilOn: isoDate.nullable(),
  releasedAt: z.string().nullable(),
  /** In force today. */
  active: z.boolean(),
  createdAt: z.string(),
});
export type LegalHoldView = z.infer<typeof legalHoldView>;

export const legalHoldParams = z.strictObject({ id: zId, holdId: zId });
