import type { z } from 'zod';
import { request } from '../../api.ts';
import type {
  rectificationItemCreate,
  rectificationItemDecision,
  RectificationView,
} from '../../../contract/rectification/rectification.schemas.ts';

export type { RectificationView };
export type RectificationItem = RectificationView['items'][number];
export type RectificationLetter = RectificationView['letters'][number];
export type ItemCreateInput = z.input<typeof rectificationItemCreate>;
export type ItemDecisionInput = z.input<typeof rectificationItemDecision>;

const id = (value: string) => encodeURIComponent(value);
const base = (requestId: string) => `/api/requests/${id(requestId)}`;

/** A rectification request's fields, decisions, application, letters and certificate. */
export const rectificationApi = {
  get: (requestId: string, signal?: AbortSignal) =>
    request<RectificationView>('GET', `${base(requestId)}/rectification`, undefined, { signal }),
  addItem: (requestId: string, input: ItemCreateInput) =>
    request<RectificationView>('POST', `${base(requestId)}/rectification-items`, input),
  decide: (requestId: string, itemId: string, input: ItemDecisionInput) =>
    request<RectificationView>(
      'POST',
      `${base(requestId)}/rectification-items/${id(itemId)}/decision`,
      input,
    ),
  apply: (requestId: string) =>
    request<RectificationView>('POST', `${base(requestId)}/rectification/apply`, {}),
  letterPath: (requestId: string, party: string) =>
    `${base(requestId)}/rectification/letters/${id(party)}`,
  certificatePath: (requestId: string) => `${base(requestId)}/rectification/certificate`,
};
