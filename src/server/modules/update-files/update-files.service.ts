import { createHash } from 'node:crypto';
import type { ImportRunView } from '../../../contract/imports/imports.schemas.ts';
import type { UpdateFileProfileView } from '../../../contract/update-files/update-files.schemas.ts';
import { AppError } from '../../lib/errors.ts';
import type { CustomerContext } from '../customers/context.ts';
import { IMPORT_KIND_READERS } from '../imports/import-kinds.ts';
import { findProfile, PROFILES, type UpdateFileProfile } from './profiles.ts';
import { ConcurrentUpdateFile, runUpdateFile } from './update-file-run.ts';
import { UnreadableFile } from './update-file-rows.ts';

export function listProfiles(): { items: UpdateFileProfileView[] } {
  return {
    items: PROFILES.map((p) => ({
      id: p.id,
      name: p.name,
      format: p.format.kind,
      encoding: p.encoding,
      updates: p.updates,
    })),
  };
}

export function profileOrError(id: string): UpdateFileProfile {
  const profile = findProfile(id);
  if (profile) return profile;
  const message = `No such profile: one of ${PROFILES.map((p) => p.id).join(', ')}`;
  throw new AppError('validation', message, {
    errors: [{ field: 'profile', message, code: 'updateFile.unknownProfile' }],
  });
}

export const fileHash = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** A file sent through the web: read to its end in the request, answered with its run. */
export async function runUploadedFile(
  ctx: CustomerContext,
  options: { profile: string; partnerId: string; name: string; dryRun: boolean; body: unknown },
): Promise<ImportRunView> {
  const profile = profileOrError(options.profile);
  const bytes = Buffer.isBuffer(options.body) ? options.body : Buffer.alloc(0);
  if (bytes.length === 0) {
    const message = 'The file is empty';
    throw new AppError('validation', message, {
      errors: [{ field: 'body', message, code: 'updateFile.empty' }],
    });
  }
  try {
    const run = await runUpdateFile(
      { ...ctx, trigger: 'web', startedBy: ctx.actor.userId },
      {
        profile,
        partnerId: options.partnerId,
        fileName: options.name,
        fileHash: fileHash(bytes),
        dryRun: options.dryRun,
        open: async function* () {
          yield bytes;
        },
      },
    );
    return (await IMPORT_KIND_READERS.updateFile.run(ctx.db, run.id)) as ImportRunView;
  } catch (error) {
    if (error instanceof UnreadableFile) {
      throw new AppError('validation', error.message, {
        errors: [{ field: 'body', message: error.message, code: 'updateFile.unreadable' }],
      });
    }
    if (error instanceof ConcurrentUpdateFile) {
      throw new AppError('conflict', error.message, {
        errors: [{ field: 'body', message: error.message, code: 'updateFile.concurrent' }],
      });
    }
    throw error;
  }
}
