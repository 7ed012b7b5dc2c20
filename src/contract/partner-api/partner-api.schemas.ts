import { z } from 'zod';
import { text } from '../text.ts';
import { zEmail, zPhone } from '../../finnish/index.ts';
import { addressInput } from '../customers/customer-data.schemas.ts';
import { LANGUAGES } from '../persons/persons.constants.ts';
import { ACCESS_TOKEN_SECONDS, MACHINE_SCOPES } from './partner-api.constants.ts';

/**
 * The token request of OAuth2 client credentials (RFC 6749 4.4.2), as a form or as JSON. The
 * client authenticates with HTTP Basic or with `client_id` and `client_secret` here (2.3.1).
 */
export const tokenRequest = z.strictObject({
  grant_type: z.literal('client_credentials'),
  /** Space-separated; none: every scope the client has. */
  scope: z.string().max(200).optional(),
  client_id: z.string().max(100).optional(),
  client_secret: z.string().max(200).optional(),
});

/** RFC 6749 5.1. */
export const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.literal(ACCESS_TOKEN_SECONDS),
  scope: z.string(),
});

export const machineScopes = z.enum(MACHINE_SCOPES);

const name = text({ max: 100, kind: 'name' });

/**
 * A partner's notice of a customer's changed data, as a source (decision 0017): the fields it
 * gives, each only from the groups of the partner's contract. `reference` names the partner's
 * own record of it.
 */
export const noticeBody = z.strictObject({
  firstName: name.optional(),
  lastName: name.optional(),
  email: zEmail.nullable().optional(),
  phone: zPhone.nullable().optional(),
  permanentAddress: addressInput.nullable().optional(),
  contactAddress: addressInput.nullable().optional(),
  language: z.enum(LANGUAGES).optional(),
  reference: text({ max: 200 }).optional(),
});
export type NoticeBody = z.output<typeof noticeBody>;
