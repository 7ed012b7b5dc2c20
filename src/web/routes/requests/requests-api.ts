import type { z } from 'zod';
import { query, request } from '../../api.ts';
import type {
  IdentityMethod,
  RequestChannel,
  RequestLanguage,
  RequestOutcome,
  RequestStatus,
  RequestType,
} from '../../../contract/enums.ts';
import type {
  RequestSummary,
  RequestView,
  identityVerification,
  requestCreate,
  requestDecision,
  requestExtension,
} from '../../../contract/requests/requests.schemas.ts';

export type { IdentityMethod, RequestChannel, RequestLanguage, RequestOutcome, RequestStatus };
export type { RequestSummary, RequestType, RequestView };
export type RequestCreateInput = z.input<typeof requestCreate>;
export type IdentityInput = z.input<typeof identityVerification>;
export type ExtensionInput = z.input<typeof requestExtension>;
export type DecisionInput = z.input<typeof requestDecision>;
/** Which requests a list shows: open ones by due date, or (answered, all) newest receipt first. */
export type RequestListStatus = 'open' | 'answered' | 'all';
export type RequestListQuery = {
  status: RequestListStatus;
  assigneeId?: string | undefined;
  limit?: number;
  cursor?: string | undefined;
};
export type RequestPage = { items: RequestSummary[]; nextCursor: string | null };

const id = (value: string) => encodeURIComponent(value);
const step = <T>(requestId: string, action: string, body: T) =>
  request<RequestView>('POST', `/api/requests/${id(requestId)}/${action}`, body);

/** Data subjects' requests: received → identity verified → in progress → decided → answered. */
export const requestsApi = {
  list: (params: RequestListQuery, signal?: AbortSignal) =>
    request<RequestPage>('GET', `/api/requests${query(params)}`, undefined, { signal }),
  personRequests: (personId: string, params: RequestListQuery, signal?: AbortSignal) =>
    request<RequestPage>(
      'GET',
      `/api/persons/${id(personId)}/requests${query(params)}`,
      undefined,
      {
        signal,
      },
    ),
  get: (requestId: string, signal?: AbortSignal) =>
    request<RequestView>('GET', `/api/requests/${id(requestId)}`, undefined, { signal }),
  create: (input: RequestCreateInput) => request<RequestView>('POST', '/api/requests', input),
  /** null leaves the request unassigned. */
  assign: (requestId: string, assigneeId: string | null) =>
    request<RequestView>('PATCH', `/api/requests/${id(requestId)}`, { assigneeId }),
  verifyIdentity: (requestId: string, input: IdentityInput) => step(requestId, 'identity', input),
  start: (requestId: string) => step(requestId, 'start', {}),
  extend: (requestId: string, input: ExtensionInput) => step(requestId, 'extension', input),
  decide: (requestId: string, input: DecisionInput) => step(requestId, 'decision', input),
  answer: (requestId: string, answeredOn: string) => step(requestId, 'answer', { answeredOn }),
  addNote: (requestId: string, text: string) => step(requestId, 'notes', { text }),
};
