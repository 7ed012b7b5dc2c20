import type { Answer, CallInput, Endpoint } from '../contract/endpoint.ts';

/**
 * The one way the web app speaks to the server: `call(endpoint, input)` with an endpoint of
 * src/contract, typed by its schemas (decision 0021). Errors arrive as ApiError with the server's
 * RFC 9457 problem document.
 */

/** One offending field of an RFC 9457 problem document. */
export type FieldProblem = {
  field: string;
  message: string;
  code?: string;
  /** The web's own: what its message names, e.g. the range the schema allows. */
  params?: Record<string, string | number>;
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldProblem[];
  /** A 409 on a duplicate identity code or business ID names the record that has it. */
  existingId?: string;
  /** Why a sign-in or a request was refused (e.g. totp_required, password_change_required). */
  reason?: string;
};

/** A non-2xx answer; `problem` is the server's problem document (or one made up for it). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

/** A 409 for a setting not saved yet (e.g. `billing.settingsMissing`): the form starts empty. */
export const isConflictWithCode = (error: unknown, code: string): boolean =>
  error instanceof ApiError &&
  error.status === 409 &&
  (error.problem.errors ?? []).some((problem) => problem.code === code);

let onUnauthorized: () => void = () => {};

/** Called when a request that needed a session got 401: the session has ended. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** A request that needed a session got 401. */
export const sessionEnded = (): void => onUnauthorized();

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

export type CallOptions = {
  signal?: AbortSignal | undefined;
  /** A 401 here is a wrong password or code, not an ended session. */
  signingIn?: boolean;
};

/** `/api/persons/:id` with its parameters filled in, and the query string of the values set. */
export function urlOf(declared: Endpoint, input: { params?: unknown; query?: unknown }): string {
  const params = (input.params ?? {}) as Record<string, string | number>;
  const path = declared.path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${declared.path} needs ${name}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((input.query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of [value].flat() as (string | number | boolean)[]) {
      search.append(key, String(one));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  return data && typeof data === 'object' && 'status' in data
    ? (data as Problem)
    : {
        type: 'about:blank',
        title: response.statusText,
        status: response.status,
        detail: response.statusText,
      };
}

/** The request's body and its type: JSON, or a file (an attachment) as it is, with its own type. */
function bodyOf(body: unknown): { body: BodyInit | null; type?: string } {
  if (body === undefined) return { body: null };
  if (body instanceof Blob) return { body, type: body.type || 'application/octet-stream' };
  return { body: JSON.stringify(body), type: 'application/json' };
}

/** Calls an endpoint of the contract: its answer, typed by its response schema. */
export async function call<E extends Endpoint>(
  declared: E,
  input: CallInput<E>,
  options: CallOptions = {},
): Promise<Answer<E>> {
  const sent = bodyOf((input as { body?: unknown }).body);
  const response = await fetch(urlOf(declared, input), {
    method: declared.method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      ...(sent.type ? { 'content-type': sent.type } : {}),
    },
    body: sent.body,
    signal: options.signal ?? null,
  });
  if (response.ok) {
    if (response.status === 204) return null as Answer<E>;
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as Answer<E>;
  }
  const problem = await problemOf(response);
  if (response.status === 401 && !options.signingIn) onUnauthorized();
  throw new ApiError(problem);
}

/** A file an endpoint sends as an attachment, fetched so that an error shows as an error. */
export async function download<E extends Endpoint & { file: true }>(
  declared: E,
  input: CallInput<E>,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(urlOf(declared, input), { credentials: 'same-origin' });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) onUnauthorized();
    throw new ApiError(problem);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), fileName };
}
