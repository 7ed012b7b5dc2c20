import type { z } from 'zod';
import type { Permission } from '../contract/auth/permissions.ts';
import type {
  PersonSummary,
  PersonView,
  personCreate,
  personPatch,
} from '../contract/persons/persons.schemas.ts';

export type { Permission, PersonSummary, PersonView };
/** Request bodies are the schemas' input (before the server normalises them). */
export type PersonCreateInput = z.input<typeof personCreate>;
export type PersonPatchInput = z.input<typeof personPatch>;
export type Address = NonNullable<PersonView['permanentAddress']>;

import {
  ApiError,
  isAbort,
  sessionEnded,
  setUnauthorizedHandler,
  type FieldProblem,
  type Problem,
} from './client.ts';

export { ApiError, isAbort, setUnauthorizedHandler, type FieldProblem, type Problem };

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  { signal, signingIn = false }: { signal?: AbortSignal; signingIn?: boolean } = {},
): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json, application/problem+json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
    signal: signal ?? null,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : undefined;
  if (response.ok) return data as T;
  const problem: Problem =
    data && typeof data === 'object' && 'status' in data
      ? (data as Problem)
      : {
          type: 'about:blank',
          title: response.statusText,
          status: response.status,
          detail: response.statusText,
        };
  if (response.status === 401 && !signingIn) sessionEnded();
  throw new ApiError(problem);
}

/** A file the server sends as an attachment, fetched so that an error shows as an error. */
export async function requestFile(path: string): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(path, { credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    const data: unknown = text.startsWith('{') ? JSON.parse(text) : undefined;
    if (response.status === 401) sessionEnded();
    throw new ApiError(
      data && typeof data === 'object' && 'status' in data
        ? (data as Problem)
        : {
            type: 'about:blank',
            title: response.statusText,
            status: response.status,
            detail: response.statusText,
          },
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), fileName };
}

/** `?a=1&b=2` of the parameters that are set; empty when none is. */
export const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};
