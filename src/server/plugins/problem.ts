import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/availability.ts';
import { PersonKeyDestroyedError } from '../keystore/person-keys.ts';
import { AppError, STATUS_BY_CODE, type FieldError } from '../lib/errors.ts';
import type { FieldErrorCode } from '../../contract/field-errors.ts';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const UNAVAILABLE_DETAIL =
  'The register cannot reach its database just now. Try again in a moment.';

type ValidationIssue = {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
};

/** A zod issue as `{field, message, code}`; `code` is stable for the web app to translate. */
function fieldErrors(issues: ValidationIssue[], context: string): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const prefix = context === 'body' ? '' : `${context}.`;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      return (issue.params.keys as string[]).map((key) => ({
        field: prefix + (base ? `${base}.${key}` : key),
        message: `Unknown field "${key}"`,
        code: 'unknownField',
      }));
    }
    const params = issue.params.params as { code?: unknown } | undefined;
    // The rule codes zod schemas carry are checked against the list by field-errors.test.ts.
    const code = (typeof params?.code === 'string' ? params.code : issue.keyword) as FieldErrorCode;
    return [{ field: prefix + base || context, message: issue.message ?? 'Invalid value', code }];
  });
}

/** Every error leaves as RFC 9457 application/problem+json; a 5xx never shows internals. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status: number;
    let detail: string;
    let errors: FieldError[] | undefined;
    let extra: Record<string, unknown> | undefined;
    if (error instanceof AppError) {
      status = STATUS_BY_CODE[error.code];
      detail = error.message;
      errors = error.errors;
      extra = error.extra;
    } else if (isDatabaseUnavailable(error)) {
      // Not a fault of the request, and not one to log per request: the database's own watcher
      // logs the outage once (db/availability.ts).
      status = 503;
      detail = UNAVAILABLE_DETAIL;
    } else if (error instanceof PersonKeyDestroyedError) {
      // An erased person's encrypted data: gone for good, which is the point, not a server fault.
      status = 409;
      detail =
        "The person's data key has been destroyed: their encrypted data cannot be read or written";
      errors = [
        {
          field: 'personId',
          message: 'The data key has been destroyed',
          code: 'personKey.destroyed',
        },
      ];
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      detail = 'The request is not valid';
      errors = fieldErrors(error.validation, error.validationContext ?? 'body');
    } else if (
      error.statusCode !== undefined &&
      error.statusCode >= 400 &&
      error.statusCode < 500
    ) {
      status = error.statusCode;
      detail = error.message;
    } else {
      status = 500;
      detail = 'Something went wrong on the server. The error has been logged.';
    }
    if (status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    else if (status >= 500) request.log.error({ err: error }, 'server error');
    void reply
      .status(status)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: TITLES[status] ?? 'Error',
        status,
        detail,
        instance: request.url.split('?')[0],
        ...(errors ? { errors } : {}),
        ...extra,
      });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: `No route ${request.method} ${request.url.split('?')[0]}`,
      });
  });
}
