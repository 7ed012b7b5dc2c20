import type { z } from 'zod';
import type { Permission } from './auth/permissions.ts';
import type { ErrorCode } from './errors.ts';
import type { MachineScope } from './partner-api/partner-api.constants.ts';

/**
 * One endpoint of the API, declared once for server and web (decision 0021): the server
 * registers its route from this (src/server/lib/route.ts), the OpenAPI document, the
 * authorisation matrix and the bad-input tests read the routes so made, and the web app calls it
 * through one typed client (src/web/api/client.ts).
 */
export type Endpoint = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify's form: `/api/persons/:id`. */
  readonly path: `/api/${string}`;
  /**
   * Deny by default: a permission, any signed-in staff member, anyone, or a partner's machine
   * client with a scope (the partners' interface, decision 0028: no staff session opens it), or
   * a resident signed in with strong identification, who reaches only themself (decision 0032:
   * no staff session opens it, and a resident's session opens nothing else).
   */
  readonly access:
    | { readonly permission: Permission }
    | { readonly resident: true }
    | { readonly signedIn: true }
    | { readonly public: true }
    | { readonly machine: MachineScope };
  readonly tags: readonly string[];
  readonly summary: string;
  readonly description?: string;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /**
   * The answer on success; `z.null()` with 204. 303 only where a browser is sent on (the
   * identity provider's return address, decision 0032).
   */
  readonly status: 200 | 201 | 202 | 204 | 303;
  readonly response: z.ZodType;
  /**
   * Besides JSON, the endpoint answers a file (PDF, CSV, ZIP) as an attachment when asked:
   * the web fetches it with `download`, not `call`.
   */
  readonly file?: boolean;
  /**
   * The error codes this endpoint answers beyond those every endpoint can (ALWAYS_POSSIBLE):
   * `not_found` for an id that is not there, `conflict` for a rule the data breaks.
   */
  readonly errors: readonly ErrorCode[];
};

/** What any endpoint may answer: bad input, no session, no right, too large, not JSON, no database. */
export const ALWAYS_POSSIBLE = [
  'validation',
  'unauthenticated',
  'forbidden',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'unavailable',
] as const satisfies readonly ErrorCode[];

/** Declares an endpoint, keeping its literal types for the server's handler and the web's client. */
export const endpoint = <const E extends Endpoint>(declared: E): E => declared;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the server's handler receives, already parsed and normalised by the schemas. */
export type ParsedInput<E extends Endpoint> = {
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
};

/** What the web sends: the schemas' input (before the server normalises it). */
export type CallInput<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: z.input<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodType
    ? Record<string, never> extends In<E['query']>
      ? { query?: In<E['query']> }
      : { query: In<E['query']> }
    : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : { body?: never });

/** The JSON the endpoint answers with on success. */
export type Answer<E extends Endpoint> = z.output<E['response']>;
/** The body an endpoint takes, as the web sends it. */
export type BodyOf<E extends Endpoint> = In<E['body']>;
/** The query parameters an endpoint takes, as the web sends them. */
export type QueryOf<E extends Endpoint> = In<E['query']>;
