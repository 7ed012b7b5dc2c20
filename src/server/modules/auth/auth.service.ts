import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { Keys } from '../../lib/crypto.ts';
import { findStaffUserByUsername, type StaffUserRow } from '../staff/staff.queries.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import type { Role } from './permissions.ts';
import {
  clearSignInFailures,
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  findSignInFailures,
  insertSession,
  recordSignInFailure,
  touchSession,
} from './auth.queries.ts';
import {
  addressKey,
  lockedUntil,
  oneAtATime,
  throttleLookbackMs,
  TooManySignInAttempts,
  type ThrottlePolicy,
} from './sign-in-throttle.ts';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };

export type Actor = {
  userId: string;
  username: string;
  role: Role;
  commitmentSigned: boolean;
  sessionTokenHash: string;
};

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

const minutes = (n: number) => n * 60_000;

export type SignInOptions = {
  username: string;
  password: string;
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
  return oneAtATime(accountKey, async () => {
    const { now, throttle } = options;
    const ipKey = addressKey(options.clientAddress);
    const failures = await findSignInFailures(
      db,
      [accountKey, ipKey],
      new Date(now.getTime() - throttleLookbackMs(throttle)),
    );
    const failuresOf = (key: string) =>
      failures.filter((f) => f.key === key).map((f) => f.failedAt);
    const accountFailures = failuresOf(accountKey);
    const locks = [
      lockedUntil(accountFailures, throttle.maxFailures, throttle, now),
      lockedUntil(failuresOf(ipKey), throttle.maxFailuresPerAddress, throttle, now),
    ].filter((until) => until !== null);
    if (locks.length > 0) {
      const until = Math.max(...locks.map((d) => d.getTime()));
      throw new TooManySignInAttempts(Math.ceil((until - now.getTime()) / 1000));
    }
    const passwordOk = await verifyPassword(
      user?.passwordHash ?? (await dummyHash()),
      options.password,
    );
    if (!user || !passwordOk || user.deactivatedAt !== null) {
      await recordSignInFailure(
        db,
        [accountKey, ipKey],
        now,
        new Date(now.getTime() - throttleLookbackMs(throttle)),
      );
      throw new AppError('unauthenticated', 'The username or password is wrong');
    }
    if (accountFailures.length > 0) await clearSignInFailures(db, accountKey);
    return openSession(db, user, options);
  });
}

async function openSession(
  db: Db,
  user: StaffUserRow,
  options: { now: Date; policy: SessionPolicy },
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
  return {
    token,
    expiresAt,
    actor: {
      userId: user.id,
      username: user.username,
      role: user.role as Role,
      commitmentSigned: user.commitmentSignedOn !== null,
      sessionTokenHash: tokenHash,
    },
  };
}

/**
 * The actor behind a session cookie, or null. The idle deadline moves forward at most once a
 * minute, so a busy user does not cause a write per request.
 */
export async function resolveSession(
  db: Db,
  options: { token: string; now: Date; policy: SessionPolicy },
): Promise<Actor | null> {
  const tokenHash = hashToken(options.token);
  const row = await findLiveSession(db, tokenHash, options.now);
  const { now, policy } = options;
  if (!row || row.deactivatedAt !== null) return null;
  if (now.getTime() - row.createdAt.getTime() > policy.absoluteHours * 3_600_000) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > minutes(1)) {
    await touchSession(db, tokenHash, now, new Date(now.getTime() + minutes(policy.idleMinutes)));
  }
  return {
    userId: row.userId,
    username: row.username,
    role: row.role as Role,
    commitmentSigned: row.commitmentSignedOn !== null,
    sessionTokenHash: tokenHash,
  };
}

export async function signOut(db: Db, tokenHash: string): Promise<void> {
  await deleteSession(db, tokenHash);
}
