import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import { workApi } from '../../../contract/work/work.endpoints.ts';

/** The lists a change of a request makes stale: the dashboard, a person's, the work list. */
export const REQUEST_LISTS = [requestsApi.list, requestsApi.personRequests, workApi.mine];
