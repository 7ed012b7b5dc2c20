import QRCode from 'qrcode';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Keys } from '../../lib/crypto.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { matchTotp, newTotpSecret, otpauthUri } from '../../lib/totp.ts';
import { findStaffUserById, insertCommitmentSignature } from '../staff/staff.queries.ts';
import type { StaffUserRow } from '../staff/staff.queries.ts';
import { totpRequiredFor, type Actor, type AuthPolicy } from './auth.service.ts';
import { clearSignInFailures, useTotpStep as markTotpStepUsed } from './auth.queries.ts';
import { deleteSessionsOf, findCurrentCommitment, updateStaffUser } from './account.queries.ts';
import { findSignatures } from '../staff/staff.queries.ts';
import type {
  commitmentSignature,
  commitmentSignBody,
  commitmentView,
  passwordChangeBody,
  totpConfirmBody,
  totpRemoveBody,
  totpSetupBody,
  totpSetupView,
} from '../../../contract/auth/account.schemas.ts';
import { hashPassword, passwordProblemOf, verifyPassword } from './passwords.ts';
import type { ThrottlePolicy } from './sign-in-throttle.ts';
import { throttledGuess } from './sign-in-gate.ts';
import { openTotpSecrets, sealTotpSecrets } from './totp-secret.ts';

/** The issuer an authenticator app shows next to the account name. */
export const TOTP_ISSUER = 'Asiakasrekisteri';

/** What the signed-in user's own account routes need. */
export type AccountContext = {
  db: Db;
  keys: Pick<Keys, 'encrypt' | 'decrypt'>;
  now: Date;
  actor: Actor;
  clientAddress: string;
  throttle: ThrottlePolicy;
  auth: AuthPolicy;
};

async function currentUser(ctx: AccountContext): Promise<StaffUserRow> {
  const user = await findStaffUserById(ctx.db, ctx.actor.userId);
  // The session was live a moment ago; an account removed meanwhile is signed out.
  if (!user) throw new AppError('unauthenticated', 'Sign in first');
  return user;
}

const wrongPassword = (field: string): FieldError => ({
  field,
  message: 'The password is wrong',
  code: 'password.wrong',
});

const wrongCode = (field = 'code'): FieldError => ({
  field,
  message: 'The code is wrong or already used',
  code: 'totp.wrong',
});

/**
 * Checks the secrets a signed-in user gives to confirm a change (password, authenticator code)
 * the way sign-in does (docs/decisions/0008): a locked account or address gets 429 without a
 * check, and a wrong answer counts as a failed sign-in of the account, so a stolen session cannot
 * be used to guess the password. Returns the field errors of the wrong answers; a right answer
 * clears the account's failures, as a sign-in does.
 */
async function checkSecrets(
  ctx: AccountContext,
  user: StaffUserRow,
  check: () => Promise<FieldError[]>,
): Promise<FieldError[]> {
  const accountKey = `user:${user.username}`;
  const { db, now, throttle } = ctx;
  const target = { accountKey, clientAddress: ctx.clientAddress, now, throttle };
  return throttledGuess(db, target, async ({ accountHadFailures, recordFailure }) => {
    const errors = await check();
    if (errors.length > 0) await recordFailure();
    else if (accountHadFailures) await clearSignInFailures(db, accountKey);
    return errors;
  });
}

/** The current code of the active authenticator app, used up so that it cannot be replayed. */
async function checkActiveCode(
  ctx: AccountContext,
  user: StaffUserRow,
  active: string,
  code: string,
): Promise<boolean> {
  const step = matchTotp(active, code, ctx.now, user.totpLastStep);
  return step !== null && (await markTotpStepUsed(ctx.db, user.id, step));
}

function refuseUntilPasswordChanged(actor: Actor): void {
  if (actor.passwordChangeRequired) {
    throw new AppError('forbidden', 'Change your password first', {
      extra: { reason: 'password_change_required' },
    });
  }
}

/** "JBSW Y3DP EHPK 3PXP": a secret in groups of four, as typed into an app by hand. */
export const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Starts setting up an authenticator app: a new secret, kept (encrypted) on the account as
 * pending until the first code from the app confirms it. Replacing an app already set up takes
 * the password and the old app's current code; the old app keeps working until the new one is
 * confirmed.
 */
export async function startTotpSetup(
  ctx: AccountContext,
  body: z.infer<typeof totpSetupBody>,
): Promise<z.infer<typeof totpSetupView>> {
  refuseUntilPasswordChanged(ctx.actor);
  const user = await currentUser(ctx);
  const { active } = openTotpSecrets(ctx.keys, user);
  if (active !== null) {
    const missing: FieldError[] = [];
    if (body.password === undefined) {
      missing.push({
        field: 'password',
        message: 'Give your password to replace the authenticator app',
        code: 'required',
      });
    }
    if (body.code === undefined) {
      missing.push({
        field: 'code',
        message: 'Give the current code of the authenticator app you are replacing',
        code: 'required',
      });
    }
    if (missing.length > 0) {
      throw new AppError('validation', 'Replacing the authenticator app needs both', {
        errors: missing,
      });
    }
    const { password = '', code = '' } = body;
    const errors = await checkSecrets(ctx, user, async () => [
      ...((await verifyPassword(user.passwordHash, password)) ? [] : [wrongPassword('password')]),
      ...((await checkActiveCode(ctx, user, active, code)) ? [] : [wrongCode()]),
    ]);
    if (errors.length > 0) {
      throw new AppError('validation', 'The password or the code is wrong', { errors });
    }
  }
  const secret = newTotpSecret();
  await updateStaffUser(ctx.db, user.id, {
    totpSecretEncrypted: sealTotpSecrets(ctx.keys, user.id, { active, pending: secret }),
  });
  const uri = otpauthUri({ issuer: TOTP_ISSUER, account: user.username, secret });
  return {
    uri,
    secret: groupSecret(secret),
    qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    replacing: active !== null,
  };
}

/**
 * Confirms the pending authenticator app with its first code: from now on sign-in asks for its
 * codes, and this code is used up.
 */
export async function confirmTotpSetup(
  ctx: AccountContext,
  body: z.infer<typeof totpConfirmBody>,
): Promise<void> {
  refuseUntilPasswordChanged(ctx.actor);
  const user = await currentUser(ctx);
  const { pending } = openTotpSecrets(ctx.keys, user);
  if (pending === null) {
    throw new AppError('conflict', 'No authenticator app is being set up: start again', {
      extra: { reason: 'totp_setup_not_started' },
    });
  }
  // The time steps of the old secret do not bind the new one: its first code is checked afresh.
  const step = matchTotp(pending, body.code, ctx.now, null);
  if (step === null) {
    throw new AppError('validation', 'The code does not match the new authenticator app', {
      errors: [wrongCode()],
    });
  }
  await updateStaffUser(ctx.db, user.id, {
    totpSecretEncrypted: sealTotpSecrets(ctx.keys, user.id, { active: pending, pending: null }),
    totpEnabledAt: ctx.now,
    totpLastStep: step,
  });
}

/**
 * Removes the authenticator app, with the password and its current code. Only where neither
 * the role nor the settings require one.
 */
export async function removeTotp(
  ctx: AccountContext,
  body: z.infer<typeof totpRemoveBody>,
): Promise<void> {
  refuseUntilPasswordChanged(ctx.actor);
  if (totpRequiredFor(ctx.actor.role, ctx.auth)) {
    throw new AppError(
      'forbidden',
      ctx.auth.totpRequiredForAll
        ? 'The settings (TOTP_REQUIRED_FOR_ALL) require an authenticator app of every account: it can be replaced, not removed'
        : `The role ${ctx.actor.role} requires an authenticator app: it can be replaced, not removed`,
      { extra: { reason: 'totp_required_for_role' } },
    );
  }
  const user = await currentUser(ctx);
  const { active } = openTotpSecrets(ctx.keys, user);
  if (active === null) {
    throw new AppError('conflict', 'No authenticator app is set up for the account');
  }
  const errors = await checkSecrets(ctx, user, async () => [
    ...((await verifyPassword(user.passwordHash, body.password))
      ? []
      : [wrongPassword('password')]),
    ...((await checkActiveCode(ctx, user, active, body.code)) ? [] : [wrongCode()]),
  ]);
  if (errors.length > 0) {
    throw new AppError('validation', 'The password or the code is wrong', { errors });
  }
  await updateStaffUser(ctx.db, user.id, {
    totpSecretEncrypted: null,
    totpEnabledAt: null,
    totpLastStep: null,
  });
}

/**
 * Changes the password: the current one confirms it (a wrong one counts as a failed sign-in),
 * the new one follows the password rules and differs from the current one. Ends the user's
 * other sessions and lifts an administrator's "change at next sign-in", in one transaction.
 */
export async function changePassword(
  ctx: AccountContext,
  body: z.infer<typeof passwordChangeBody>,
): Promise<void> {
  const user = await currentUser(ctx);
  const errors: FieldError[] = [];
  const problem = passwordProblemOf(body.newPassword, user.username);
  if (problem) errors.push({ field: 'newPassword', ...problem });
  else if (body.newPassword === body.currentPassword) {
    errors.push({
      field: 'newPassword',
      message: 'The new password must differ from the current one',
      code: 'password.unchanged',
    });
  }
  errors.unshift(
    ...(await checkSecrets(ctx, user, async () =>
      (await verifyPassword(user.passwordHash, body.currentPassword))
        ? []
        : [wrongPassword('currentPassword')],
    )),
  );
  if (errors.length > 0) {
    throw new AppError('validation', 'The password was not changed', { errors });
  }
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateStaffUser(tx, user.id, {
      passwordHash,
      mustChangePassword: false,
      passwordChangedAt: ctx.now,
    });
    await deleteSessionsOf(tx, user.id, ctx.actor.sessionTokenHash);
  });
}

/** Sign out everywhere: ends every session of the user, this one included. */
export async function signOutEverywhere(db: Db, actor: Actor): Promise<void> {
  await deleteSessionsOf(db, actor.userId);
}

type SignatureRow = Awaited<ReturnType<typeof findSignatures>>[number];

function signatureView(row: SignatureRow): z.infer<typeof commitmentSignature> {
  return {
    version: row.version,
    method: row.method === 'paper' ? 'paper' : 'app',
    signedAt: row.signedAt.toISOString(),
    paperSignedOn: row.paperSignedOn,
    paperKeptAt: row.paperKeptAt,
  };
}

/** The current commitment text and whether (and how) the user has signed it. */
export async function getCommitment(ctx: AccountContext): Promise<z.infer<typeof commitmentView>> {
  const current = await findCurrentCommitment(ctx.db);
  const signatures = await findSignatures(ctx.db, ctx.actor.userId);
  const signature = signatures.find((s) => s.version === current.version);
  const previous = signatures.find((s) => s.version < current.version);
  return {
    version: current.version,
    text: current.text,
    publishedAt: current.publishedAt.toISOString(),
    signed: signature !== undefined,
    signature: signature ? signatureView(signature) : null,
    previousSignature: !signature && previous ? signatureView(previous) : null,
  };
}

/**
 * Signs the current commitment in the app, confirmed with the password. The steps come in
 * order: a forced password change and a required authenticator app first. A version other than
 * the current one is refused (409): a new text was published after the user read theirs.
 */
export async function signCommitment(
  ctx: AccountContext,
  body: z.infer<typeof commitmentSignBody>,
): Promise<void> {
  refuseUntilPasswordChanged(ctx.actor);
  if (ctx.actor.totpEnrollmentRequired) {
    throw new AppError('forbidden', 'Set up the authenticator app (TOTP) first', {
      extra: { reason: 'totp_enrollment_required' },
    });
  }
  const user = await currentUser(ctx);
  await assertCurrentVersion(ctx.db, body.version);
  const errors = await checkSecrets(ctx, user, async () =>
    (await verifyPassword(user.passwordHash, body.password)) ? [] : [wrongPassword('password')],
  );
  if (errors.length > 0) {
    throw new AppError('validation', 'The commitment was not signed', { errors });
  }
  await ctx.db.transaction(async (tx) => {
    // Again, with the signature: a text published while the password was checked wins.
    await assertCurrentVersion(tx, body.version);
    // Signing a version already signed (on paper, or in another tab) keeps the first signature.
    await insertCommitmentSignature(tx, {
      userId: user.id,
      version: body.version,
      method: 'app',
      signedAt: ctx.now,
    });
  });
}

async function assertCurrentVersion(db: Db, version: number): Promise<void> {
  const current = await findCurrentCommitment(db);
  if (version !== current.version) {
    throw new AppError(
      'conflict',
      `Version ${version} is not the current commitment text: read version ${current.version} and sign it`,
      { extra: { reason: 'commitment_version_changed', currentVersion: current.version } },
    );
  }
}
