import { isUniqueViolation } from '../../db/errors.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess } from '../customers/context.ts';
import { accountView, type StaffContext } from './accounts.service.ts';
import {
  countActiveAccounts,
  findAccount,
  findCurrentCommitment,
  findSignatures,
  insertCommitmentVersion,
  insertPaperSignature,
  listCommitmentVersions,
} from './staff.queries.ts';
import type {
  CommitmentSettings,
  PaperCommitment,
  StaffView,
} from '../../../contract/staff/staff.schemas.ts';

/**
 * Records a signed paper commitment of the current version, by the administrator who has the
 * paper: its date (not in the future, nor before the version was published in the app) and
 * where it is kept. Personal data opens to the user at their next request.
 */
export async function recordPaperCommitment(
  ctx: StaffContext,
  userId: string,
  paper: PaperCommitment,
): Promise<StaffView> {
  const account = await findAccount(ctx.db, userId);
  if (!account) throw notFound('Account');
  const current = await findCurrentCommitment(ctx.db);
  const today = helsinkiDate(ctx.clock.now());
  if (paper.signedOn > today) {
    throw new AppError('validation', 'The commitment is not valid', {
      errors: [
        {
          field: 'signedOn',
          message: 'The date of signing cannot be in the future',
          code: 'date.future',
        },
      ],
    });
  }
  // A version published in the app has a day it came into use: a paper dated before that day is
  // a signature of an earlier text. (Version 1 comes with the installation, when papers signed
  // earlier are recorded.)
  const publishedOn = helsinkiDate(current.publishedAt);
  if (current.publishedBy !== null && paper.signedOn < publishedOn) {
    throw new AppError('validation', 'The commitment is not valid', {
      errors: [
        {
          field: 'signedOn',
          message: `Version ${current.version} of the text was published on ${publishedOn}: a paper signed before that is of an earlier text`,
          code: 'commitment.beforePublished',
        },
      ],
    });
  }
  const signatures = await findSignatures(ctx.db, userId);
  const existing = signatures.find((s) => s.version === current.version);
  if (existing) throw alreadySigned(account.username, current.version, existing);
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertPaperSignature(tx, {
      userId,
      version: current.version,
      method: 'paper',
      signedAt: ctx.clock.now(),
      paperSignedOn: paper.signedOn,
      paperKeptAt: paper.keptAt,
      recordedBy: ctx.actor.userId,
    });
    if (!inserted) {
      throw new AppError(
        'conflict',
        `"${account.username}" has already signed version ${current.version}`,
        { extra: { reason: 'already_signed' } },
      );
    }
    await logAccess({ ...ctx, db: tx }, 'update', [userId], ['commitment'], {
      changes: {
        commitment: {
          old: null,
          new: {
            version: current.version,
            method: 'paper',
            signedOn: paper.signedOn,
            keptAt: paper.keptAt,
          },
        },
      },
    });
  });
  return accountView(ctx, userId);
}

function alreadySigned(
  username: string,
  version: number,
  signature: { method: string; signedAt: Date; paperSignedOn: string | null },
): AppError {
  const on = signature.paperSignedOn ?? helsinkiDate(signature.signedAt);
  const how = signature.method === 'paper' ? 'on paper' : 'in the app';
  return new AppError(
    'conflict',
    `"${username}" has already signed version ${version} ${how} (${on})`,
    { extra: { reason: 'already_signed' } },
  );
}

export async function getCommitmentSettings(ctx: StaffContext): Promise<CommitmentSettings> {
  const today = helsinkiDate(ctx.clock.now());
  const [current, versions, activeUsers] = await Promise.all([
    findCurrentCommitment(ctx.db),
    listCommitmentVersions(ctx.db, today),
    countActiveAccounts(ctx.db, today),
  ]);
  return {
    currentVersion: current.version,
    text: current.text,
    activeUsers,
    activeUsersSigned: versions.find((v) => v.version === current.version)?.activeUsersSigned ?? 0,
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      publishedBy:
        v.publishedById && v.publishedByUsername
          ? {
              id: v.publishedById,
              username: v.publishedByUsername,
              fullName: v.publishedByFullName,
            }
          : null,
      activeUsersSigned: v.activeUsersSigned,
    })),
  };
}

/** Line ends as \n and no trailing spaces on a line: the same text pasted twice is the same. */
export function normalizeCommitmentText(text: string): string {
  return text
    .replaceAll(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * Publishes a new version of the commitment text: it is current at once, and everyone has to
 * sign it before personal data opens to them again.
 */
export async function publishCommitment(
  ctx: StaffContext,
  text: string,
): Promise<CommitmentSettings> {
  const normalized = normalizeCommitmentText(text);
  const current = await findCurrentCommitment(ctx.db);
  if (normalized === normalizeCommitmentText(current.text)) {
    throw new AppError(
      'conflict',
      `The text is the same as version ${current.version}: change the text to publish a new version`,
      { extra: { reason: 'same_text' } },
    );
  }
  await insertCommitmentVersion(ctx.db, {
    version: current.version + 1,
    text: normalized,
    publishedAt: ctx.clock.now(),
    publishedBy: ctx.actor.userId,
  }).catch((error: unknown) => {
    // Another administrator published the same number a moment earlier.
    if (isUniqueViolation(error)) {
      throw new AppError(
        'conflict',
        `Version ${current.version + 1} was published a moment ago: reload and check the text`,
        { extra: { reason: 'version_taken' } },
      );
    }
    throw error;
  });
  return getCommitmentSettings(ctx);
}
