import { z } from 'zod';
import { text, zId } from '../text.ts';
import { SOURCED_PERSON_FIELDS, VALUE_SOURCE_KINDS } from '../persons/value-sources.constants.ts';

export const RECTIFICATION_DECISIONS = ['granted', 'refused'] as const;

/**
 * A field the person asks to have corrected: the value they propose (checked with the rules of
 * the person API for that field; null removes the value) and their grounds.
 */
export const rectificationItemCreate = z.strictObject({
  field: z.enum(SOURCED_PERSON_FIELDS),
  value: z.unknown(),
  grounds: text({ max: 5000, multiline: true }),
});
export type RectificationItemCreate = z.output<typeof rectificationItemCreate>;

/** The officer's decision on one field: granted, or refused with the reason. */
export const rectificationItemDecision = z
  .strictObject({
    decision: z.enum(RECTIFICATION_DECISIONS),
    reason: text({ max: 5000, multiline: true }).nullable().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'refused' && !body.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'A refusal gives its reason: the certificate tells it to the requester',
        params: { code: 'rectification.reasonRequired' },
      });
    }
    if (body.decision === 'granted' && body.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Only a refusal has a reason',
        params: { code: 'rectification.reasonOnlyForRefusal' },
      });
    }
  });
export type RectificationItemDecision = z.output<typeof rectificationItemDecision>;

export const itemParams = z.strictObject({ id: zId, itemId: zId });

/** Who gets a notification letter: DVV, the update service, or a partner by its id. */
export const letterParams = z.strictObject({
  id: zId,
  party: z.union([z.enum(['population_register', 'update_service']), zId]),
});

const capturedSource = z.object({
  kind: z.enum(VALUE_SOURCE_KINDS),
  partnerId: zId.nullable(),
  partnerName: z.string().nullable(),
  reference: z.string().nullable(),
  recordedAt: z.string(),
});

const capturedRecipient = z.object({
  partnerId: zId,
  partnerName: z.string(),
  disclosures: z.array(
    z.object({
      id: zId,
      disclosedAt: z.string(),
      legalBasis: z.string(),
      collection: z.boolean(),
    }),
  ),
});

export const rectificationItemView = z.object({
  id: zId,
  field: z.enum(SOURCED_PERSON_FIELDS),
  /** The proposed value as a line of text (an identity code masked); null removes the value. */
  proposedValue: z.string().nullable(),
  grounds: z.string(),
  decision: z.enum(RECTIFICATION_DECISIONS).nullable(),
  refusalReason: z.string().nullable(),
  decidedOn: z.string().nullable(),
  appliedAt: z.string().nullable(),
  /** Once applied: every source the old value came from, and every recipient it went to. */
  sources: z.array(capturedSource).nullable(),
  recipients: z.array(capturedRecipient).nullable(),
});

export const rectificationLetterView = z.object({
  /** `population_register`, `update_service` or the partner's id. */
  party: z.string(),
  name: z.string(),
  asSource: z.array(z.enum(SOURCED_PERSON_FIELDS)),
  asRecipient: z.array(z.enum(SOURCED_PERSON_FIELDS)),
  language: z.enum(['fi-sv', 'en']),
});

export const rectificationView = z.object({
  requestId: zId,
  requestNumber: z.number().int(),
  items: z.array(rectificationItemView),
  /** What the request's decision must be for the per-field decisions; null while any is open. */
  outcome: z.enum(['granted', 'partly_granted', 'refused']).nullable(),
  applied: z.boolean(),
  letters: z.array(rectificationLetterView),
  /** A refusal certificate exists for the refused fields. */
  certificate: z.boolean(),
});
export type RectificationView = z.infer<typeof rectificationView>;
export type RectificationLetter = z.infer<typeof rectificationLetterView>;
