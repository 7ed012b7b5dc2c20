import { request, requestFile } from '../../../api.ts';
import type {
  ErasureView,
  LegalHoldCreate,
  LegalHoldView,
} from '../../../../contract/erasure/erasure.schemas.ts';

export type { ErasureView, LegalHoldView };
export type ErasedCategory = ErasureView['erased'][number];
export type Blocker = ErasureView['blockers'][number];

const id = (value: string) => encodeURIComponent(value);
const erasurePath = (requestId: string) => `/api/requests/${id(requestId)}/erasure`;

/** Erasure on a request (decision 0019) and the legal holds that stop one. */
export const erasureApi = {
  /** The dry run, or the record once the erasure is done. */
  get: (requestId: string, signal?: AbortSignal) =>
    request<ErasureView>('GET', erasurePath(requestId), undefined, { signal }),
  execute: (requestId: string) => request<ErasureView>('POST', erasurePath(requestId), {}),
  letter: (requestId: string) => requestFile(`${erasurePath(requestId)}/letter`),
  holds: (personId: string, signal?: AbortSignal) =>
    request<{ items: LegalHoldView[] }>(
      'GET',
      `/api/persons/${id(personId)}/legal-holds`,
      undefined,
      { signal },
    ),
  placeHold: (personId: string, input: LegalHoldCreate) =>
    request<LegalHoldView>('POST', `/api/persons/${id(personId)}/legal-holds`, input),
  releaseHold: (personId: string, holdId: string) =>
    request<LegalHoldView>(
      'POST',
      `/api/persons/${id(personId)}/legal-holds/${id(holdId)}/release`,
      {},
    ),
};
