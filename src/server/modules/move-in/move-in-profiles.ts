import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { importProfiles } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import {
  importProfileBody,
  type ImportProfileBody,
} from '../../../contract/move-in/move-in.schemas.ts';
import type { ImportProfile } from './move-in-run.ts';

export type ImportProfileRow = typeof importProfiles.$inferSelect;

/** Saves a profile under its name, replacing one of the same name. */
export async function saveImportProfile(
  db: Db,
  args: { name: string; body: ImportProfileBody; by: string | null; now: Date },
): Promise<ImportProfileRow> {
  const body = importProfileBody.parse(args.body);
  const [saved] = await db
    .insert(importProfiles)
    .values({ name: args.name, target: body.target, body, updatedAt: args.now, updatedBy: args.by })
    .onConflictDoUpdate({
      target: importProfiles.name,
      set: { target: body.target, body, updatedAt: args.now, updatedBy: args.by },
    })
    .returning();
  return saved!;
}

export async function listImportProfiles(db: Db): Promise<ImportProfileRow[]> {
  return db.select().from(importProfiles).orderBy(asc(importProfiles.name));
}

export async function getImportProfile(db: Db, name: string): Promise<ImportProfile> {
  const [row] = await db.select().from(importProfiles).where(eq(importProfiles.name, name));
  if (!row) throw notFound(`Import profile "${name}"`);
  return { id: row.id, name: row.name, body: row.body };
}

/** A profile's JSON (a file given to the CLI) checked with the contract's rules. */
export function parseProfileJson(text: string): ImportProfileBody {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('validation', 'The profile is not JSON');
  }
  const parsed = importProfileBody.safeParse(json);
  if (!parsed.success) {
    throw new AppError('validation', 'The profile is not valid', {
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'profile',
        message: issue.message,
        code: 'invalid_type' as const,
      })),
    });
  }
  return parsed.data;
}
