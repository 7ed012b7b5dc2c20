import crypto from 'node:crypto';
import type { Keys } from '../../lib/crypto.ts';
import type { MachineScope } from '../../../contract/partner-api/partner-api.constants.ts';

/**
 * A client's secret is `rkp_<prefix>_<32 random bytes>`: the prefix finds its row, the rest is
 * 256 bits no one guesses. It is stored as HMAC-SHA-256 under a key derived from the master key,
 * not argon2: a slow hash only helps against guessing a low-entropy password, and here it would
 * cost every API call its CPU time (decision 0028).
 */
const SECRET = /^rkp_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export type IssuedSecret = { secret: string; prefix: string; hash: Buffer };

export function newSecret(keys: Keys): IssuedSecret {
  const prefix = crypto.randomBytes(6).toString('hex');
  const secret = `rkp_${prefix}_${crypto.randomBytes(32).toString('base64url')}`;
  return { secret, prefix, hash: secretHash(keys, secret) };
}

export const secretHash = (keys: Keys, secret: string): Buffer =>
  keys.blindIndex(secret, 'partner-client-secret');

/** The prefix of a well-formed secret; null for anything else. */
export function secretPrefix(secret: string): string | null {
  return SECRET.exec(secret)?.[1] ?? null;
}

export function secretMatches(keys: Keys, secret: string, stored: Buffer): boolean {
  const given = secretHash(keys, secret);
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}

/**
 * An OAuth2 access token: what it grants (client, the secret it was issued against, scopes,
 * expiry) and a MAC over that, so it needs no table; every call still reads the client, so a
 * revoked client, an ended secret or contract stops its tokens at once.
 */
export type TokenClaims = {
  clientId: string;
  secretId: string;
  scopes: MachineScope[];
  exp: number;
};

const tokenMac = (keys: Keys, payload: string) =>
  keys.blindIndex(payload, 'partner-access-token').toString('base64url');

export function signToken(keys: Keys, claims: TokenClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ c: claims.clientId, k: claims.secretId, s: claims.scopes, e: claims.exp }),
  ).toString('base64url');
  return `rkt_${payload}.${tokenMac(keys, payload)}`;
}

/** The claims of a token this register signed; null for any other string. */
export function readToken(keys: Keys, token: string): TokenClaims | null {
  const match = /^rkt_([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const expected = Buffer.from(tokenMac(keys, match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const claims = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')) as {
    c: string;
    k: string;
    s: MachineScope[];
    e: number;
  };
  return { clientId: claims.c, secretId: claims.k, scopes: claims.s, exp: claims.e };
}
