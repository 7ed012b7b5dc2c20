import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { OBJECTION_SOURCES, OBJECTION_TYPES } from '../enums.ts';

/** The population register's prohibitions can be older than the register: a day of life. */
const isoDate = date('life');
const note = text({ max: 2000, multiline: true });

/** Staff record an objection: the person's own (customer service, email, the officer) or DVV's. */
export const objectionCreate = z.strictObject({
  type: z.enum(OBJECTION_TYPES),
  /** The day the person objected, or the population register recorded the prohibition. */
  objectedOn: isoDate,
  /**
   * `request` is recorded through the request: POST /api/requests/{id}/objections; `e_service`
   * only by the person themself in the e-service.
   */
  source: z.enum(OBJECTION_SOURCES).exclude(['request', 'e_service']),
  note: note.optional(),
});
export type ObjectionCreate = z.output<typeof objectionCreate>;

export const objectionWithdrawal = z.strictObject({
  withdrawnOn: isoDate,
  note: note.optional(),
});
export type ObjectionWithdrawal = z.output<typeof objectionWithdrawal>;

export const objectionParams = z.strictObject({ id: zId, objectionId: zId });

/** The objections an objection request asks for, recorded with the request as their source. */
export const requestObjections = z.strictObject({
  types: z
    .array(z.enum(OBJECTION_TYPES))
    .min(1)
    .max(OBJECTION_TYPES.length)
    .transform((types) => [...new Set(types)]),
  /** Defaults to the day the request was received. */
  objectedOn: isoDate.optional(),
  note: note.optional(),
});
export type RequestObjections = z.output<typeof requestObjections>;

const staffName = z.string().nullable();

export const objectionView = z.object({
  id: zId,
  personId: zId,
  type: z.enum(OBJECTION_TYPES),
  objectedOn: z.string(),
  source: z.enum(OBJECTION_SOURCES),
  /** The request it was recorded on (source `request`). */
  request: z.object({ id: zId, number: z.number().int() }).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: staffName,
  /** Not withdrawn: the usage rule applies it. */
  active: z.boolean(),
  withdrawal: z
    .object({
      withdrawnOn: z.string(),
      withdrawnAt: z.string(),
      withdrawnBy: staffName,
      note: z.string().nullable(),
    })
    .nullable(),
});
export type ObjectionView = z.infer<typeof objectionView>;

export const objectionList = z.object({ items: z.array(objectionView) });
export type ObjectionList = z.infer<typeof objectionList>;

export const requestObjectionsResult = z.object({
  /** The objections recorded now. */
  recorded: z.array(objectionView),
  /** Types the person already had an active objection to: left as they were. */
  alreadyActive: z.array(z.enum(OBJECTION_TYPES)),
});
export type RequestObjectionsResult = z.infer<typeof requestObjectionsResult>;
