import type { z } from 'zod';
import type { meView } from '../contract/auth/auth.schemas.ts';
import type { commitmentView, totpSetupView } from '../contract/auth/account.schemas.ts';
import type { Permission } from '../contract/auth/permissions.ts';
import type {
  OrganizationSummary,
  OrganizationView,
  organizationCreate,
  organizationPatch,
} from '../contract/organizations/organizations.schemas.ts';
import type {
  PersonSummary,
  PersonView,
  personCreate,
  personPatch,
} from '../contract/persons/persons.schemas.ts';
import type { SearchItem, searchPage } from '../contract/search/search.schemas.ts';
import type { accessLogItem, accessLogPage } from '../contract/access-log/access-log.schemas.ts';
import type {
  CoveredCustomer,
  PartnerDetail,
  PartnerView,
  partnerCreate,
  partnerPatch,
} from '../contract/partners/partners.schemas.ts';

export type { OrganizationSummary, OrganizationView, Permission, PersonSummary, PersonView };
export type { SearchItem };
export type Me = z.infer<typeof meView>;
export type TotpSetup = z.infer<typeof totpSetupView>;
export type CommitmentView = z.infer<typeof commitmentView>;
/** Request bodies are the schemas' input (before the server normalises them). */
export type PersonCreateInput = z.input<typeof personCreate>;
export type PersonPatchInput = z.input<typeof personPatch>;
export type OrganizationCreateInput = z.input<typeof organizationCreate>;
export type OrganizationPatchInput = z.input<typeof organizationPatch>;
export type SearchPage = z.infer<typeof searchPage>;
export type SearchKind = 'all' | 'person' | 'organization';
export type Address = NonNullable<PersonView['permanentAddress']>;
export type AccessLogEntry = z.infer<typeof accessLogItem>;
export type { CoveredCustomer, PartnerDetail, PartnerView };
export type PartnerCreateInput = z.input<typeof partnerCreate>;
export type PartnerPatchInput = z.input<typeof partnerPatch>;
export type AccessLogPage = z.infer<typeof accessLogPage>;
/** `from` and `to` are ISO 8601 instants with an offset; `to` is exclusive. */
export type AccessLogQuery = {
  subjectId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  /** Only entries flagged for review, e.g. `breakGlass`. */
  flag?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number;
  cursor?: string | undefined;
};

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

const id = (value: string) => encodeURIComponent(value);

export const api = {
  me: (signal?: AbortSignal) =>
    request<Me>('GET', '/api/auth/me', undefined, { signingIn: true, signal }),
  signIn: (username: string, password: string, code?: string) =>
    request<Me>(
      'POST',
      '/api/auth/login',
      { username, password, ...(code ? { code } : {}) },
      { signingIn: true },
    ),
  signOut: () => request<void>('POST', '/api/auth/logout'),
  signOutEverywhere: () => request<void>('POST', '/api/auth/logout-everywhere'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/auth/password', { currentPassword, newPassword }),
  /** Replacing an app already set up takes the password and its current code. */
  startTotpSetup: (replace?: { password: string; code: string }) =>
    request<TotpSetup>('POST', '/api/auth/totp/setup', replace ?? {}),
  confirmTotp: (code: string) => request<void>('POST', '/api/auth/totp/confirm', { code }),
  removeTotp: (password: string, code: string) =>
    request<void>('POST', '/api/auth/totp/remove', { password, code }),
  commitment: (signal?: AbortSignal) =>
    request<CommitmentView>('GET', '/api/auth/commitment', undefined, { signal }),
  signCommitment: (version: number, password: string) =>
    request<void>('POST', '/api/auth/commitment/sign', { version, password }),

  search: (
    params: { q: string; kind?: SearchKind; limit?: number; cursor?: string | undefined },
    signal?: AbortSignal,
  ) => request<SearchPage>('GET', `/api/search${query(params)}`, undefined, { signal }),

  accessLog: (params: AccessLogQuery, signal?: AbortSignal) =>
    request<AccessLogPage>('GET', `/api/access-log${query(params)}`, undefined, { signal }),
  /** The data subject's report as a PDF or CSV file; dates YYYY-MM-DD, both days included. */
  subjectReportFile: (
    personId: string,
    params: { from: string; to: string; lang: string; format: 'pdf' | 'csv' },
  ) => requestFile(`/api/access-log/subjects/${id(personId)}/report${query(params)}`),

  getOrganization: (organizationId: string, signal?: AbortSignal) =>
    request<OrganizationView>('GET', `/api/organizations/${id(organizationId)}`, undefined, {
      signal,
    }),
  createOrganization: (input: OrganizationCreateInput) =>
    request<OrganizationView>('POST', '/api/organizations', input),
  updateOrganization: (organizationId: string, patch: OrganizationPatchInput) =>
    request<OrganizationView>('PATCH', `/api/organizations/${id(organizationId)}`, patch),
  archiveOrganization: (organizationId: string) =>
    request<void>('DELETE', `/api/organizations/${id(organizationId)}`),

  partners: (signal?: AbortSignal) =>
    request<{ items: PartnerView[] }>('GET', '/api/partners', undefined, { signal }),
  getPartner: (
    partnerId: string,
    params: { limit?: number; cursor?: string | undefined } = {},
    signal?: AbortSignal,
  ) =>
    request<PartnerDetail>('GET', `/api/partners/${id(partnerId)}${query(params)}`, undefined, {
      signal,
    }),
  createPartner: (input: PartnerCreateInput) =>
    request<PartnerView>('POST', '/api/partners', input),
  updatePartner: (partnerId: string, patch: PartnerPatchInput) =>
    request<PartnerView>('PATCH', `/api/partners/${id(partnerId)}`, patch),
  coverCustomer: (partnerId: string, customerId: string) =>
    request<CoveredCustomer>('POST', `/api/partners/${id(partnerId)}/customers`, { customerId }),
  uncoverCustomer: (partnerId: string, customerId: string) =>
    request<void>('DELETE', `/api/partners/${id(partnerId)}/customers/${id(customerId)}`),
};
