import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { findStaffUserByUsername } from '../staff/staff.queries.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import type { Role } from './permissions.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findLiveSession,
  insertSession,
  touchSession,
} from './auth.queries.ts';

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

/** Checks the password and opens a server-side session; returns the cookie token. */
export async function signIn(
  db: Db,
  options: { username: string; password: string; now: Date; policy: SessionPolicy },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const user = await findStaffUserByUsername(db, options.username.trim().toLowerCase());
  const passwordOk = await verifyPassword(
    user?.passwordHash ?? (await dummyHash()),
    options.password,
  );
  if (!user || !passwordOk || user.deactivatedAt !== null) {
    throw new AppError('unauthenticated', 'The username or password is wrong');
  }
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
