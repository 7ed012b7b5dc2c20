import { z } from 'zod';
import { dateTime, text, zId } from '../text.ts';
import { MACHINE_CLIENT_KINDS, MACHINE_SCOPES } from './partner-api.constants.ts';

const scopes = z
  .array(z.enum(MACHINE_SCOPES))
  .min(1)
  .max(MACHINE_SCOPES.length)
  .transform((given) => MACHINE_SCOPES.filter((scope) => given.includes(scope)));

export const clientParams = z.strictObject({ id: zId, clientId: zId });

export const clientCreate = z.strictObject({
  name: text({ max: 100, kind: 'name' }),
  /** An API key in a header, or OAuth2 client credentials for the token endpoint. */
  kind: z.enum(MACHINE_CLIENT_KINDS),
  scopes,
  /** After this moment the client's secrets are refused; none: until revoked. */
  expiresAt: dateTime('business').nullable().optional(),
});

export const clientRotate = z.strictObject({
  /** The old secret is accepted until then (not later than 30 days ahead); none: from now on it is not. */
  previousValidUntil: dateTime('business').optional(),
});

export const clientView = z.object({
  id: zId,
  partnerId: zId,
  name: z.string(),
  kind: z.enum(MACHINE_CLIENT_KINDS),
  scopes: z.array(z.enum(MACHINE_SCOPES)),
  /** active, expired or revoked, now. */
  status: z.enum(['active', 'expired', 'revoked']),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The secrets accepted now or until a given time: their prefix only, never the secret. */
  secrets: z.array(
    z.object({ prefix: z.string(), createdAt: z.string(), validUntil: z.string().nullable() }),
  ),
});
export type ClientView = z.infer<typeof clientView>;

export const clientList = z.object({ items: z.array(clientView) });

/** The answer to creating a client or rotating its secret: the only time the secret is shown. */
export const clientSecretIssued = z.object({
  client: clientView,
  /** OAuth2's client_id (the client's id); an API key needs none. */
  clientId: z.string(),
  /** The API key, or the OAuth2 client_secret. Stored only as a keyed hash. */
  secret: z.string(),
});
