import { z } from 'zod';
import { text, zId } from '../text.ts';
import { IDENTITY_CODE_PURPOSES } from '../persons/persons.constants.ts';
import {
  IMPORT_FIELDS,
  IMPORT_ROW_OUTCOMES,
  IMPORT_RUN_STATUSES,
  IMPORT_TARGETS,
} from './move-in.constants.ts';

const columnName = text({ max: 200 });
const oneCharacter = z.string().length(1, 'One character');

export const importFormat = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('csv'),
    delimiter: oneCharacter.refine(
      (c) => !['\r', '\n', '"'].includes(c),
      'Not a line break or a quote',
    ),
    quote: oneCharacter.optional(),
    encoding: z.enum(['utf-8', 'iso-8859-1', 'windows-1252']),
  }),
  z.strictObject({ kind: z.literal('xlsx'), sheet: text({ max: 31 }).optional() }),
]);

const personColumns = z.partialRecord(z.enum(IMPORT_FIELDS.person), columnName);
const organizationColumns = z.partialRecord(z.enum(IMPORT_FIELDS.organization), columnName);

/**
 * A profile: the file's format, the column each field is read from, and for persons the reason
 * an identity code is kept (the law asks for one: Data Protection Act 29 §).
 */
export const importProfileBody = z.discriminatedUnion('target', [
  z.strictObject({
    target: z.literal('person'),
    format: importFormat,
    columns: personColumns,
    identityCodePurpose: z.enum(IDENTITY_CODE_PURPOSES).optional(),
  }),
  z.strictObject({
    target: z.literal('organization'),
    format: importFormat,
    columns: organizationColumns,
  }),
]);
export type ImportProfileBody = z.infer<typeof importProfileBody>;

export const importProfileName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'Lower-case letters, digits, dot, dash, underscore');

export const importProfileParams = z.strictObject({ name: importProfileName });

export const importProfileView = z.object({
  id: zId,
  name: z.string(),
  body: importProfileBody,
  updatedAt: z.string(),
});
export const importProfileList = z.object({ items: z.array(importProfileView) });

export const importRunParams = z.strictObject({ id: zId });

export const importStartQuery = z.strictObject({
  profile: importProfileName,
  fileName: text({ max: 200, kind: 'name' }),
  dryRun: z.enum(['true', 'false']).optional(),
});

export const importCounts = z.object(
  Object.fromEntries(IMPORT_ROW_OUTCOMES.map((outcome) => [outcome, z.number().int()])) as {
    [K in (typeof IMPORT_ROW_OUTCOMES)[number]]: z.ZodNumber;
  },
);

export const importRunView = z.object({
  id: zId,
  number: z.number().int(),
  profileName: z.string(),
  target: z.enum(IMPORT_TARGETS),
  fileName: z.string(),
  fileBytes: z.number().int(),
  dryRun: z.boolean(),
  status: z.enum(IMPORT_RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsDone: z.number().int(),
  bytesDone: z.number().int(),
  batches: z.number().int(),
  error: z.string().nullable(),
  counts: importCounts,
});
export type ImportRunView = z.infer<typeof importRunView>;
export const importRunList = z.object({ items: z.array(importRunView) });

export const importReportQuery = z.strictObject({
  outcome: z.enum(IMPORT_ROW_OUTCOMES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const importRowView = z.object({
  rowNumber: z.number().int(),
  outcome: z.enum(IMPORT_ROW_OUTCOMES),
  personId: z.string().nullable(),
  /** The created person's name (logged as a read); null for other rows, or once erased. */
  person: z.object({ id: zId, name: z.string() }).nullable(),
  organizationId: z.string().nullable(),
  duplicateOfRow: z.number().int().nullable(),
  duplicateOfPerson: z.string().nullable(),
  duplicateOfOrganization: z.string().nullable(),
  errors: z.array(
    z.object({
      field: z.string(),
      column: z.string().nullable(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});
export type ImportRowView = z.infer<typeof importRowView>;
export const importReportPage = z.object({
  items: z.array(importRowView),
  nextCursor: z.string().nullable(),
});
