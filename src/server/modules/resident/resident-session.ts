import crypto from 'node:crypto';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { persons, residentSessions } from '../../db/schema/index.ts';
import type { Keys } from '../../lib/crypto.ts';
import { hashToken } from '../auth/auth.service.ts';

/** What the identification said of the resident: the only source of their name and code. */
export type Identity = { firstName: string; lastName: string; personalIdentityCode: string };

export type ResidentSessionPolicy = { idleMinutes: number; absoluteHours: number };

/** The signed-in resident: `personId` is the one person every resident route reaches. */
export type Resident = {
  /** Null until the identified resident registers. */
  personId: string | null;
  identity: Identity;
  sessionTokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
};

const IDENTITY_CONTEXT = (tokenHash: string) => `resident_session.identity:${tokenHash}`;
const ID_TOKEN_CONTEXT = (tokenHash: string) => `resident_session.id_token:${tokenHash}`;
const minutes = (n: number) => n * 60_000;

export async function openResidentSession(
  db: Db,
  keys: Keys,
  options: {
    identity: Identity;
    identityCodeIndex: Buffer;
    personId: string | null;
    idToken: string | null;
    now: Date;
    policy: ResidentSessionPolicy;
  },
): Promise<{ token: string }> {
  const { now, policy } = options;
  // Expired sessions go as new ones start, so the table stays small without a job.
  await db
    .delete(residentSessions)
    .where(
      or(
        lt(residentSessions.expiresAt, now),
        lt(residentSessions.createdAt, new Date(now.getTime() - policy.absoluteHours * 3_600_000)),
      ),
    );
  const token = crypto.randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await db.insert(residentSessions).values({
    tokenHash,
    personId: options.personId,
    identityCodeIndex: options.identityCodeIndex,
    identityEncrypted: keys.encrypt(JSON.stringify(options.identity), IDENTITY_CONTEXT(tokenHash)),
    idTokenEncrypted: options.idToken
      ? keys.encrypt(options.idToken, ID_TOKEN_CONTEXT(tokenHash))
      : null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + minutes(policy.idleMinutes)),
  });
  return { token };
}

/**
 * The resident behind a cookie, or null: a session past its idle or absolute time, or whose
 * person has since been archived, erased or recorded deceased, is ended here. The idle deadline
 * moves at most once a minute.
 */
export async function resolveResidentSession(
  db: Db,
  keys: Keys,
  options: { token: string; now: Date; policy: ResidentSessionPolicy },
): Promise<Resident | null> {
  const { now, policy } = options;
  const tokenHash = hashToken(options.token);
  const [row] = await db
    .select({
      personId: residentSessions.personId,
      identityEncrypted: residentSessions.identityEncrypted,
      createdAt: residentSessions.createdAt,
      lastSeenAt: residentSessions.lastSeenAt,
      expiresAt: residentSessions.expiresAt,
      archivedAt: persons.archivedAt,
      deceasedOn: persons.deceasedOn,
      identityCodeIndex: persons.identityCodeIndex,
    })
    .from(residentSessions)
    .leftJoin(persons, eq(persons.id, residentSessions.personId))
    .where(and(eq(residentSessions.tokenHash, tokenHash), gt(residentSessions.expiresAt, now)));
  if (!row) return null;
  const absoluteExpiresAt = new Date(row.createdAt.getTime() + policy.absoluteHours * 3_600_000);
  const personGone =
    row.personId !== null &&
    (row.archivedAt !== null || row.deceasedOn !== null || row.identityCodeIndex === null);
  if (now >= absoluteExpiresAt || personGone) {
    await endResidentSession(db, tokenHash);
    return null;
  }
  let expiresAt = row.expiresAt;
  if (now.getTime() - row.lastSeenAt.getTime() > minutes(1)) {
    expiresAt = new Date(now.getTime() + minutes(policy.idleMinutes));
    await db
      .update(residentSessions)
      .set({ lastSeenAt: now, expiresAt })
      .where(eq(residentSessions.tokenHash, tokenHash));
  }
  return {
    personId: row.personId,
    identity: JSON.parse(
      keys.decrypt(row.identityEncrypted, IDENTITY_CONTEXT(tokenHash)),
    ) as Identity,
    sessionTokenHash: tokenHash,
    createdAt: row.createdAt,
    expiresAt: expiresAt < absoluteExpiresAt ? expiresAt : absoluteExpiresAt,
    absoluteExpiresAt,
  };
}

/** The session now names the person the resident registered as. */
export async function attachPerson(db: Db, tokenHash: string, personId: string): Promise<void> {
  await db
    .update(residentSessions)
    .set({ personId })
    .where(eq(residentSessions.tokenHash, tokenHash));
}

/** Ends the session; returns its ID token for the identity provider's sign-out, if it had one. */
export async function endResidentSession(
  db: Db,
  tokenHash: string,
  keys?: Keys,
): Promise<string | null> {
  const [row] = await db
    .delete(residentSessions)
    .where(eq(residentSessions.tokenHash, tokenHash))
    .returning({ idTokenEncrypted: residentSessions.idTokenEncrypted });
  if (!row?.idTokenEncrypted || !keys) return null;
  return keys.decrypt(row.idTokenEncrypted, ID_TOKEN_CONTEXT(tokenHash));
}
