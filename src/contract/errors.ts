import type { FieldErrorCode } from './field-errors.ts';

/**
 * The error codes of the API, one list for server and web: a problem document's `code` decides
 * its HTTP status, and the web app translates each. The server's `AppError` accepts only these.
 */
export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  /** A database cannot be reached just now; the client should try again later. */
  'unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const STATUS_BY_CODE = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** `code` is stable for clients to translate; `message` is for people reading English. */
export type FieldError = { field: string; message: string; code?: FieldErrorCode };
