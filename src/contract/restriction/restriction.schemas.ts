import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { RESTRICTION_GROUNDS } from '../enums.ts';

const isoDate = date('business');

/** Placing a restriction on a restriction request (decision 0033). */
export const restrictionPlace = z
  .strictObject({
    /** Art. 18(1)'s grounds the request rests on: one or more. */
    grounds: z.array(z.enum(RESTRICTION_GROUNDS)).min(1).max(RESTRICTION_GROUNDS.length),
    /** The day the restriction begins: today or earlier, not before the request was received. */
    placedOn: isoDate,
    /**
     * Accuracy contested: the person's rectification request, whose correction is the one change
     * the restriction lets through.
     */
    rectificationRequestId: zId.nullable().optional(),
  })
  .superRefine((input, ctx) => {
    if (new Set(input.grounds).size !== input.grounds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['grounds'],
        message: 'Each ground may be given once',
        params: { code: 'restriction.duplicateGround' },
      });
    }
    if (input.rectificationRequestId && !input.grounds.includes('accuracy_contested')) {
      ctx.addIssue({
        code: 'custom',
        path: ['rectificationRequestId'],
        message: 'A rectification request is named only when the accuracy is contested',
        params: { code: 'restriction.rectificationWithoutGround' },
      });
    }
  });
export type RestrictionPlace = z.output<typeof restrictionPlace>;

/** Lifting a restriction: the day it ends (today or later: the person is told before) and why. */
export const restrictionLift = z.strictObject({
  liftedOn: isoDate,
  reason: text({ max: 2000, min: 3, multiline: true }),
});
export type RestrictionLift = z.output<typeof restrictionLift>;

const staffRef = z.object({ username: z.string(), fullName: z.string().nullable() }).nullable();

export const restrictionView = z.object({
  id: zId,
  personId: zId,
  request: z.object({ id: zId, number: z.number().int() }),
  grounds: z.array(z.enum(RESTRICTION_GROUNDS)),
  rectificationRequest: z.object({ id: zId, number: z.number().int() }).nullable(),
  placedOn: z.string(),
  placedBy: staffRef,
  /** The day it ends; null while it holds with no end set. */
  liftedOn: z.string().nullable(),
  liftedBy: staffRef,
  liftReason: z.string().nullable(),
  /** In force today (Helsinki): placed, and not lifted or lifted on a later day. */
  active: z.boolean(),
});
export type RestrictionView = z.infer<typeof restrictionView>;

/** The restriction of a request: null until one is placed. */
export const requestRestriction = z.object({ restriction: restrictionView.nullable() });
export type RequestRestriction = z.infer<typeof requestRestriction>;

/** The notice letter, a PDF. */
export const restrictionLetterFile = z
  .string()
  .meta({ format: 'binary', description: 'The PDF notice' });
