/** One error type for the whole server; its code decides the HTTP status (see STATUS_BY_CODE). */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'internal'
  /** A database cannot be reached just now; the client should try again later. */
  | 'unavailable';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
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
};

/** `code` is stable for clients to translate; `message` is for people reading English. */
export type FieldError = { field: string; message: string; code?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  /** Extra members of the problem document, e.g. a pointer to an existing record. */
  readonly extra: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: FieldError[]; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.errors = options.errors;
    this.extra = options.extra;
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found`);
