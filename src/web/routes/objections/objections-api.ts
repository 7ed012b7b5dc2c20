import type { z } from 'zod';
import { request } from '../../api.ts';
import type { ObjectionSource, ObjectionType } from '../../../contract/enums.ts';
import type {
  MailingListCreate,
  MailingListMade,
  MailingListUse,
  mailingListCreate,
} from '../../../contract/objections/mailing-list.schemas.ts';
import type {
  ObjectionList,
  ObjectionView,
  RequestObjectionsResult,
  objectionCreate,
  objectionWithdrawal,
  requestObjections,
} from '../../../contract/objections/objections.schemas.ts';

export type { MailingListCreate, MailingListMade, MailingListUse, ObjectionList, ObjectionView };
export type { ObjectionSource, ObjectionType, RequestObjectionsResult };
export type ObjectionInput = z.input<typeof objectionCreate>;
export type WithdrawalInput = z.input<typeof objectionWithdrawal>;
export type RequestObjectionsInput = z.input<typeof requestObjections>;
export type MailingListInput = z.input<typeof mailingListCreate>;

const id = (value: string) => encodeURIComponent(value);

/** Objections and prohibitions, and the mailing list that honours them (decision 0018). */
export const objectionsApi = {
  list: (personId: string, signal?: AbortSignal) =>
    request<ObjectionList>('GET', `/api/persons/${id(personId)}/objections`, undefined, {
      signal,
    }),
  add: (personId: string, input: ObjectionInput) =>
    request<ObjectionView>('POST', `/api/persons/${id(personId)}/objections`, input),
  withdraw: (personId: string, objectionId: string, input: WithdrawalInput) =>
    request<ObjectionView>(
      'POST',
      `/api/persons/${id(personId)}/objections/${id(objectionId)}/withdraw`,
      input,
    ),
  requestList: (requestId: string, signal?: AbortSignal) =>
    request<ObjectionList>('GET', `/api/requests/${id(requestId)}/objections`, undefined, {
      signal,
    }),
  recordForRequest: (requestId: string, input: RequestObjectionsInput) =>
    request<RequestObjectionsResult>('POST', `/api/requests/${id(requestId)}/objections`, input),
  mailingList: (input: MailingListInput) =>
    request<MailingListMade>('POST', '/api/exports/mailing-list', input),
};
