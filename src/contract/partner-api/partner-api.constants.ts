// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/**
 * What a partner's machine client may do (decision 0028): read the customers its partner's
 * contract covers (only the contract's field groups), and send notices of a customer's changes
 * as a source of data.
 */
export const MACHINE_SCOPES = ['customers.read', 'notices.write'] as const;
export type MachineScope = (typeof MACHINE_SCOPES)[number];

/** How a client proves itself: an API key in a header, or OAuth2 client credentials. */
export const MACHINE_CLIENT_KINDS = ['api_key', 'oauth_client'] as const;
export type MachineClientKind = (typeof MACHINE_CLIENT_KINDS)[number];

/** The header an API key travels in. */
export const API_KEY_HEADER = 'x-api-key';

/** An access token from the token endpoint lives this long (seconds). */
export const ACCESS_TOKEN_SECONDS = 600 as const;

export const isMachineScope = (value: string): value is MachineScope =>
  (MACHINE_SCOPES as readonly string[]).includes(value);
