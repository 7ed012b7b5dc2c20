import { z } from 'zod';
import { text, zId } from '../text.ts';
import {
  GIVEN_SOURCE_KINDS,
  SOURCED_PERSON_FIELDS,
  VALUE_SOURCE_KINDS,
} from './value-sources.constants.ts';

/**
 * Where the values of a registration or a change came from. Without it the source is `staff`:
 * the signed-in user entered them.
 */
export const valueSourceInput = z
  .strictObject({
    kind: z.enum(GIVEN_SOURCE_KINDS),
    partnerId: zId.nullable().optional(),
    reference: text({ max: 200 }).nullable().optional(),
  })
  .superRefine((source, ctx) => {
    if (source.kind === 'partner' && !source.partnerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'Name the partner the values came from',
        params: { code: 'source.partnerRequired' },
      });
    }
    if (source.kind !== 'partner' && source.partnerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['partnerId'],
        message: 'A partner is named only for the source kind partner',
        params: { code: 'source.partnerNotExpected' },
      });
    }
  });
export type ValueSourceInput = z.output<typeof valueSourceInput>;

export const valueSourceView = z.object({
  field: z.enum(SOURCED_PERSON_FIELDS),
  kind: z.enum(VALUE_SOURCE_KINDS),
  partnerId: zId.nullable(),
  partnerName: z.string().nullable(),
  requestId: zId.nullable(),
  /** The request's number, for a rectification. */
  requestNumber: z.number().int().nullable(),
  reference: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: zId.nullable(),
  recordedByName: z.string().nullable(),
  current: z.boolean(),
});

export const valueSourceList = z.object({ items: z.array(valueSourceView) });

export const sourcePartnerList = z.object({
  items: z.array(z.object({ id: zId, name: z.string(), businessId: z.string() })),
});
