import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { PARTNER_ROLES } from '../../../contract/auth/permissions.ts';
import {
  API_KEY_HEADER,
  type MachineClientKind,
} from '../../../contract/partner-api/partner-api.constants.ts';
import type { Actor } from '../auth/auth.service.ts';
import { readToken, secretMatches, secretPrefix } from './client-secrets.ts';
import { findCredential, type Credential } from './partner-clients.queries.ts';

/** Where the partners' interface lives: no staff session opens it, nor the staff-network rule. */
export const PARTNER_API_PREFIX = '/api/partner-api/';

/**
 * One answer for every refused credential — unknown, wrong, expired, revoked, rotated out, or
 * its partner's contract ended — so a caller learns nothing of which.
 */
export const invalidCredentials = (extra?: Record<string, unknown>) =>
  new AppError('unauthenticated', 'The client credentials are not valid', extra ? { extra } : {});

/** Whether the credential may be used at `now`: client, secret and contract all in force. */
export function credentialInForce(credential: Credential, now: Date): boolean {
  const { client } = credential;
  if (client.revokedAt !== null) return false;
  if (client.expiresAt !== null && client.expiresAt <= now) return false;
  if (credential.validUntil !== null && credential.validUntil <= now) return false;
  return credential.contractEndsOn === null || credential.contractEndsOn >= helsinkiDate(now);
}

/** A secret as given, checked against its stored hash and the client's kind; null when refused. */
export async function credentialForSecret(
  deps: { database: Database; keys: Keys; clock: Clock },
  secret: string,
  kind: MachineClientKind,
): Promise<Credential | null> {
  const prefix = secretPrefix(secret);
  if (!prefix) return null;
  const credential = await findCredential(deps.database.db, { prefix });
  if (!credential || credential.client.kind !== kind) return null;
  if (!secretMatches(deps.keys, secret, credential.secretHash)) return null;
  return credentialInForce(credential, deps.clock.now()) ? credential : null;
}

/**
 * The machine client behind a call: an API key in `X-API-Key`, or a bearer token from the token
 * endpoint. It acts as its partner's contractor does, so the contract's scope (decision 0009)
 * decides what it reads; the scopes it may use are its own, or the token's.
 */
export async function authenticateMachine(
  deps: { database: Database; keys: Keys; clock: Clock },
  request: FastifyRequest,
): Promise<Actor> {
  const apiKey = request.headers[API_KEY_HEADER];
  const authorization = request.headers.authorization;
  const bearer = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  let credential: Credential | null = null;
  let scopes: readonly string[] = [];
  if (typeof apiKey === 'string' && authorization === undefined) {
    credential = await credentialForSecret(deps, apiKey, 'api_key');
    scopes = credential?.client.scopes ?? [];
  } else if (bearer && apiKey === undefined) {
    const claims = readToken(deps.keys, bearer);
    const now = deps.clock.now();
    if (claims && claims.exp * 1000 > now.getTime()) {
      const found = await findCredential(deps.database.db, { secretId: claims.secretId });
      if (found && found.client.id === claims.clientId && credentialInForce(found, now)) {
        credential = found;
        scopes = claims.scopes.filter((scope) => found.client.scopes.includes(scope));
      }
    }
  }
  if (!credential) throw invalidCredentials();
  const { client } = credential;
  return {
    userId: client.id,
    username: client.name,
    fullName: `${client.name} (${credential.partnerName})`,
    // The partner's reader: readerScope gives it the contract, as to the partner's contractors.
    role: PARTNER_ROLES[0] ?? 'contractor',
    partnerId: client.partnerId,
    commitmentSigned: true,
    passwordChangeRequired: false,
    totpEnrollmentRequired: false,
    totpEnabled: false,
    totpRequired: false,
    sessionTokenHash: '',
    client: { id: client.id, name: client.name, scopes },
  };
}
