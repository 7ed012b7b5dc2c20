import type { ErrorCode, FieldError } from '../../contract/errors.ts';

export { STATUS_BY_CODE, type ErrorCode, type FieldError } from '../../contract/errors.ts';

/** One error type for the whole server; its code (src/contract/errors.ts) decides the HTTP status. */
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
