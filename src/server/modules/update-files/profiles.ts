import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { FIXED_WIDTH_ENCODINGS } from '../../lib/tabular/fixed-width.ts';

/**
 * Mapping profiles of update-service files (decision 0029): each a JSON file in `profiles/`,
 * checked against `updateFileProfile` when the module loads — a bad profile stops the start with
 * the file and the path named, never a half-read file later.
 */

/** What a row of an update file may carry, as the register names it. */
export const UPDATE_FILE_FIELDS = [
  'identityCode',
  'firstName',
  'lastName',
  'previousStreet',
  'previousPostalCode',
  'street',
  'postalCode',
  'postOffice',
  'country',
] as const;
export type UpdateFileField = (typeof UPDATE_FILE_FIELDS)[number];

const field = z.enum(UPDATE_FILE_FIELDS);
const MATCH_NEEDS = {
  identityCode: ['identityCode'],
  nameAndPreviousAddress: ['firstName', 'lastName', 'previousStreet', 'previousPostalCode'],
} as const satisfies Record<string, readonly UpdateFileField[]>;

export const updateFileProfile = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{1,50}$/),
    name: z.strictObject({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) }),
    encoding: z.enum(FIXED_WIDTH_ENCODINGS),
    format: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('fixed-width'),
        fields: z
          .array(
            z.strictObject({
              field,
              start: z.number().int().min(1),
              length: z.number().int().min(1),
            }),
          )
          .min(1),
      }),
      z.strictObject({
        kind: z.literal('csv'),
        delimiter: z.string().length(1),
        columns: z.array(z.strictObject({ field, column: z.string().min(1) })).min(1),
      }),
    ]),
    /** The address the file's new address replaces. */
    updates: z.enum(['permanentAddress', 'contactAddress']),
    /** How rows find their person, in order: by identity code, else by name and previous address. */
    match: z.array(z.enum(['identityCode', 'nameAndPreviousAddress'])).min(1),
  })
  .superRefine((profile, ctx) => {
    const declared =
      profile.format.kind === 'fixed-width'
        ? profile.format.fields.map((f) => f.field)
        : profile.format.columns.map((c) => c.field);
    const seen = new Set<string>();
    for (const name of declared) {
      if (seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['format'], message: `${name} is mapped twice` });
      }
      seen.add(name);
    }
    const needed = new Set<UpdateFileField>(['street', 'postalCode', 'postOffice']);
    for (const way of profile.match) for (const name of MATCH_NEEDS[way]) needed.add(name);
    for (const name of needed) {
      if (!seen.has(name)) {
        ctx.addIssue({ code: 'custom', path: ['format'], message: `${name} is not mapped` });
      }
    }
  });
export type UpdateFileProfile = z.infer<typeof updateFileProfile>;

/** Reads and checks the profiles of a directory (one JSON file each; the id is the file's name). */
export function loadProfiles(dir: URL): UpdateFileProfile[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  return files.map((name) => {
    const parsed = updateFileProfile.safeParse(
      JSON.parse(readFileSync(new URL(name, dir), 'utf8')),
    );
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      throw new Error(`Update-file profile ${name} is not valid: ${problems.join('; ')}`);
    }
    if (`${parsed.data.id}.json` !== name) {
      throw new Error(
        `Update-file profile ${name}: its id must be its file name (${parsed.data.id})`,
      );
    }
    return parsed.data;
  });
}

/** The profiles the register ships (`profiles/*.json`). */
export const PROFILES: readonly UpdateFileProfile[] = loadProfiles(
  new URL('./profiles/', import.meta.url),
);

export function findProfile(id: string): UpdateFileProfile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}
