/**
 * Errors as the log may show them: what kind of error, where, and which constraint, table or
 * column, never the values. A DrizzleQueryError's message carries the SQL and its parameters,
 * PostgreSQL's `detail` echoes the row ("Key (email)=(x@y) already exists"), and its messages
 * quote the value they refused ('invalid input syntax for type uuid: "…"'): any of them can be
 * a person's name or identity code, and no log line may hold one.
 */
export type RedactedError = {
  type: string;
  message: string;
  /** The frames, under the redacted message; empty when there are none. */
  stack: string;
  /** SQLSTATE, or Node's / Fastify's error code. */
  code?: string;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  dataType?: string;
  routine?: string;
  statusCode?: number;
  syscall?: string;
  cause?: RedactedError;
  errors?: RedactedError[];
};

/** Fields of driver errors that name things, not values, and are kept as they are. */
const NAMING_FIELDS = [
  'severity',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'routine',
  'syscall',
] as const;

const SAFE_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_DEPTH = 5;

/**
 * A message with every quoted part, and drizzle's SQL and parameter list, left out. PostgreSQL's
 * style quotes every value it names (and names its identifiers apart, in the fields kept).
 */
export function redactMessage(message: string): string {
  const failedQuery = /^Failed query:/.exec(message);
  if (failedQuery) return 'Failed query (its text and parameters are not logged)';
  return message
    .split('\n', 1)[0]!
    .replace(/"[^"]*"|'[^']*'|`[^`]*`|«[^»]*»/g, '"…"')
    .slice(0, 300);
}

/** The stack's frames only: its first lines repeat the message. */
function frames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const lines = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function redact(value: unknown, depth: number): RedactedError {
  if (!(value instanceof Error) && (value === null || typeof value !== 'object')) {
    // A thrown string or number may be anything: only its kind is kept.
    return { type: typeof value, message: '(a thrown value, not logged)', stack: '' };
  }
  const error = value as Record<string, unknown> & { constructor?: { name?: unknown } };
  const constructorName = typeof error.constructor?.name === 'string' ? error.constructor.name : '';
  const name = typeof error.name === 'string' ? error.name : 'Object';
  const redacted: RedactedError = {
    type: constructorName && constructorName !== 'Object' ? constructorName : name,
    message: typeof error.message === 'string' ? redactMessage(error.message) : '',
    stack: '',
  };
  const stack = frames(error.stack);
  if (stack) redacted.stack = `${redacted.type}: ${redacted.message}\n${stack}`;
  if (typeof error.code === 'string' && SAFE_CODE.test(error.code)) redacted.code = error.code;
  for (const field of NAMING_FIELDS) {
    const named = error[field];
    if (typeof named === 'string' && SAFE_CODE.test(named)) redacted[field] = named;
  }
  if (typeof error.statusCode === 'number') redacted.statusCode = error.statusCode;
  if (depth < MAX_DEPTH) {
    if (error.cause !== undefined) redacted.cause = redact(error.cause, depth + 1);
    if (Array.isArray(error.errors) && value instanceof AggregateError) {
      redacted.errors = error.errors.slice(0, 5).map((inner) => redact(inner, depth + 1));
    }
  }
  return redacted;
}

/** The log's serializer for `err` (and `error`): every error any log line carries. */
export function redactError(error: unknown): RedactedError {
  return redact(error, 0);
}
