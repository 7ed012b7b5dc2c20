import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Keys } from '../../lib/crypto.ts';
import { AppError } from '../../lib/errors.ts';
import {
  ACCESS_TOKEN_SECONDS,
  isMachineScope,
  type MachineScope,
} from '../../../contract/partner-api/partner-api.constants.ts';
import type { z } from 'zod';
import type { tokenRequest } from '../../../contract/partner-api/partner-api.schemas.ts';
import { signToken } from './client-secrets.ts';
import { credentialForSecret, invalidCredentials } from './machine-auth.ts';

/** HTTP Basic as RFC 6749 2.3.1 has it: both parts form-urlencoded. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header ?? '')?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    const part = (value: string) => decodeURIComponent(value.replaceAll('+', ' '));
    return { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
}

/**
 * The token endpoint of OAuth2 client credentials (RFC 6749 4.4): a client of kind
 * `oauth_client` gets a bearer token of ACCESS_TOKEN_SECONDS for the scopes it asked for (all of
 * its own when it named none). A refused client gets one 401 whatever the reason.
 */
export async function issueToken(
  deps: { database: Database; keys: Keys; clock: Clock },
  request: FastifyRequest,
  body: z.output<typeof tokenRequest>,
) {
  const basic = basicCredentials(request.headers.authorization);
  const inBody = body.client_id !== undefined || body.client_secret !== undefined;
  if (basic && inBody) {
    throw new AppError('validation', 'Authenticate the client one way only', {
      extra: { error: 'invalid_request' },
    });
  }
  const given = basic ?? { id: body.client_id ?? '', secret: body.client_secret ?? '' };
  const credential = await credentialForSecret(deps, given.secret, 'oauth_client');
  if (!credential || credential.client.id !== given.id.toLowerCase()) {
    throw invalidCredentials({ error: 'invalid_client' });
  }
  const asked = body.scope?.split(' ').filter((scope) => scope !== '');
  const own = credential.client.scopes;
  const refused = (asked ?? []).filter((scope) => !isMachineScope(scope) || !own.includes(scope));
  if (refused.length > 0) {
    throw new AppError('validation', 'The client may not have these scopes', {
      errors: [
        {
          field: 'scope',
          message: `Not the client's: ${refused.join(' ')}`,
          code: 'scope.notGranted',
        },
      ],
      extra: { error: 'invalid_scope' },
    });
  }
  const scopes = (asked as MachineScope[] | undefined) ?? own;
  const now = deps.clock.now();
  const exp = Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_SECONDS;
  return {
    access_token: signToken(deps.keys, {
      clientId: credential.client.id,
      secretId: credential.secretId,
      scopes: [...new Set(scopes)],
      exp,
    }),
    token_type: 'Bearer' as const,
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: [...new Set(scopes)].join(' '),
  };
}
