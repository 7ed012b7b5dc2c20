import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Keys } from '../../lib/crypto.ts';
import { findStaffUserByUsername, type StaffUserRow } from '../staff/staff.queries.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { matchTotp } from '../../lib/totp.ts';
import { activeTotpSecret } from './totp-secret.ts';
import { TOTP_REQUIRED_ROLES, type Role } from '../../../contract/auth/permissions.ts';
import {
  hasSignedCurrentCommitment,
  useTotpStep,
  clearSignInFailures,
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
} from './auth.queries.ts';
import type { ThrottlePolicy } from './sign-in-throttle.ts';
import { throttledGuess } from './sign-in-gate.ts';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export type Actor = {
  userId: string;
  username: string;
  /** How the app names the user to themselves and others; null for an account without one. */
  fullName: string | null;
  role: Role;
  /** A contractor's partner organisation; null for the municipality's own staff. */
  partnerId: string | null;
  /** Signed the current version of the confidentiality commitment. */
  commitmentSigned: boolean;
  /** An administrator reset the password: only a password change opens until it is done. */
  passwordChangeRequired: boolean;
  /** The role requires TOTP and none is set up: only setting it up opens until it is done. */
  totpEnrollmentRequired: boolean;
  /** An authenticator app is set up: sign-in asks for its code. */
  totpEnabled: boolean;
  /** The role (or the settings) require an authenticator app. */
  totpRequired: boolean;
  sessionTokenHash: string;
  /**
   * A partner's machine client calling the partners' interface (decision 0028): it reads as its
   * partner's contractor does, and the access log names it (the id as `userId`, its name).
   */
  client?: { id: string; name: string; scopes: readonly string[] };
};

/** The state of an account that decides what its session may do. */
type AccountState = {
  id: string;
  username: string;
  fullName: string | null;
  role: string;
  partnerId: string | null;
  commitmentSigned: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
};

export type AuthPolicy = { totpRequiredForAll: boolean };

export function totpRequiredFor(role: Role, policy: AuthPolicy): boolean {
  return policy.totpRequiredForAll || TOTP_REQUIRED_ROLES.includes(role);
}

function actorFor(account: AccountState, tokenHash: string, policy: AuthPolicy): Actor {
  const role = account.role as Role;
  return {
    userId: account.id,
    username: account.username,
    fullName: account.fullName,
    role,
    partnerId: account.partnerId,
    commitmentSigned: account.commitmentSigned,
    passwordChangeRequired: account.mustChangePassword,
    totpEnrollmentRequired: !account.totpEnabled && totpRequiredFor(role, policy),
    totpEnabled: account.totpEnabled,
    totpRequired: totpRequiredFor(role, policy),
    sessionTokenHash: tokenHash,
  };
}

/** Why an account whose password was right still may not sign in, or null. */
export function accountClosedReason(
  account: { deactivatedAt: Date | null; expiresOn: string | null },
  now: Date,
): string | null {
  if (account.deactivatedAt !== null) return 'The account has been deactivated';
  if (account.expiresOn !== null && helsinkiDate(now) > account.expiresOn) {
    return `The account expired on ${account.expiresOn}`;
  }
  return null;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

const minutes = (n: number) => n * 60_000;

export type SignInOptions = {
  username: string;
  password: string;
  /** The TOTP code, for an account that has one set up. */
  code?: string | undefined;
  auth: AuthPolicy;
  /** Decrypts the TOTP secret. */
  totpKeys: Pick<Keys, 'decrypt'>;
  clientAddress: string;
  now: Date;
  policy: SessionPolicy;
  throttle: ThrottlePolicy;
  /** Hashes a name that has no account, so that a password typed as a name is never stored. */
  keys: Pick<Keys, 'blindIndex'>;
};

/**
 * Checks the password and opens a server-side session; returns the cookie token. Failures are
 * counted per account and per client address, and a locked account or address gets 429 whatever
 * the password, known name or not (docs/decisions/0008). A sign-in with no recent failures
 * writes nothing but its session.
 */
export async function signIn(
  db: Db,
  options: SignInOptions,
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const username = options.username.trim().toLowerCase();
  const user = await findStaffUserByUsername(db, username);
  const accountKey = user
    ? `user:${user.username}`
    : `unknown:${options.keys.blindIndex(username, 'sign-in-unknown-user').toString('base64url')}`;
  const { now, throttle } = options;
  const target = { accountKey, clientAddress: options.clientAddress, now, throttle };
  return throttledGuess(db, target, async ({ accountHadFailures, recordFailure }) => {
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await dummyHash()),
      options.password,
    );
    const fail = async (error: AppError): Promise<never> => {
      await recordFailure();
      throw error;
    };
    if (!user || !passwordOk) {
      return fail(new AppError('unauthenticated', 'The username or password is wrong'));
    }
    // The password was right, so saying why the account is closed tells a stranger nothing.
    const closed = accountClosedReason(user, now);
    if (closed) {
      return fail(new AppError('unauthenticated', closed, { extra: { reason: 'account_closed' } }));
    }
    const secret = activeTotpSecret(options.totpKeys, user);
    if (secret !== null) {
      if (options.code === undefined || options.code.trim() === '') {
        // Not a failure: the sign-in page now asks for the code.
        throw new AppError('unauthenticated', 'Enter the code from your authenticator app', {
          extra: { reason: 'totp_required' },
        });
      }
      const step = matchTotp(secret, options.code, now, user.totpLastStep);
      if (step === null || !(await useTotpStep(db, user.id, step))) {
        return fail(
          new AppError('unauthenticated', 'The code is wrong or already used', {
            extra: { reason: 'totp_wrong' },
          }),
        );
      }
    }
    if (accountHadFailures) await clearSignInFailures(db, accountKey);
    return openSession(db, user, options);
  });
}

export { totpContext } from './totp-secret.ts';

async function openSession(
  db: Db,
  user: StaffUserRow,
  options: { now: Date; policy: SessionPolicy; auth: AuthPolicy },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const { now, policy } = options;
  await deleteExpiredSessions(db, now, new Date(now.getTime() - policy.absoluteHours * 3_600_000));
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresAt = new Date(now.getTime() + minutes(policy.idleMinutes));
  await insertSession(db, {
    tokenHash,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  const account = {
    ...user,
    commitmentSigned: await hasSignedCurrentCommitment(db, user.id),
    totpEnabled: user.totpEnabledAt !== null,
  };
  return { token, expiresAt, actor: actorFor(account, tokenHash, options.auth) };
}

/**
 * The actor behind a session cookie, or null. The idle deadline moves forward at most once a
 * minute, so a busy user does not cause a write per request.
 */
export async function resolveSession(
  db: Db,
  options: { token: string; now: Date; policy: SessionPolicy; auth: AuthPolicy },
): Promise<Actor | null> {
  const tokenHash = hashToken(options.token);
  const row = await findLiveSession(db, tokenHash, options.now);
  const { now, policy } = options;
  if (!row || accountClosedReason(row, now) !== null) return null;
  if (now.getTime() - row.createdAt.getTime() > policy.absoluteHours * 3_600_000) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > minutes(1)) {
    await touchSession(db, tokenHash, now, new Date(now.getTime() + minutes(policy.idleMinutes)));
  }
  return actorFor({ ...row, id: row.userId }, tokenHash, options.auth);
}

export async function signOut(db: Db, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}
