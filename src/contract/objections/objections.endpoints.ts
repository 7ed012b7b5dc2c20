import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import { mailingListCreate, mailingListMade } from './mailing-list.schemas.ts';
import {
  objectionCreate,
  objectionList,
  objectionParams,
  objectionView,
  objectionWithdrawal,
  requestObjections,
  requestObjectionsResult,
} from './objections.schemas.ts';

const tags = ['objections'];
const read = { permission: 'objections.read' } as const;
const write = { permission: 'objections.write' } as const;

/** Objections and prohibitions: on a person's page, and on an objection request (decision 0018). */
export const objectionsApi = {
  ofPerson: endpoint({
    method: 'GET',
    path: '/api/persons/:id/objections',
    access: read,
    tags,
    summary: "A person's objections and prohibitions, active and withdrawn, newest first",
    params: idParams,
    status: 200,
    response: objectionList,
    errors: ['not_found'],
  }),
  add: endpoint({
    method: 'POST',
    path: '/api/persons/:id/objections',
    access: write,
    tags,
    summary:
      'Record an objection (direct marketing, distance selling, research, lists, targeting) from customer service, email, the register officer or the population register',
    description:
      'One active objection per use: a second is 409 `objection.alreadyActive`. The date may ' +
      'not be in the future. An objection request records its objections through ' +
      'POST /api/requests/{id}/objections.',
    params: idParams,
    body: objectionCreate,
    status: 201,
    response: objectionView,
    errors: ['not_found', 'conflict'],
  }),
  withdraw: endpoint({
    method: 'POST',
    path: '/api/persons/:id/objections/:objectionId/withdraw',
    access: write,
    tags,
    summary: 'Withdraw an objection: it is kept, with the date of the withdrawal',
    params: objectionParams,
    body: objectionWithdrawal,
    status: 200,
    response: objectionView,
    errors: ['not_found', 'conflict'],
  }),
  recordForRequest: endpoint({
    method: 'POST',
    path: '/api/requests/:id/objections',
    access: { permission: 'requests.manage' },
    tags,
    summary:
      'Record the objections of an objection request, with the request as their source (identity verified, before the decision)',
    description:
      'Types the person already objects to are left as they are and listed in `alreadyActive`. ' +
      "The date defaults to the request's receipt.",
    params: idParams,
    body: requestObjections,
    status: 201,
    response: requestObjectionsResult,
    errors: ['not_found', 'conflict'],
  }),
  ofRequest: endpoint({
    method: 'GET',
    path: '/api/requests/:id/objections',
    access: { permission: 'requests.read' },
    tags,
    summary: 'The objections recorded on a request',
    params: idParams,
    status: 200,
    response: objectionList,
    errors: ['not_found'],
  }),
};

/** The mailing list and address labels: a list published from the register (decision 0018). */
export const mailingListApi = {
  export: endpoint({
    method: 'POST',
    path: '/api/exports/mailing-list',
    access: { permission: 'exports.mailingList' },
    tags: ['objections'],
    summary:
      'A mailing list (CSV) or address labels (PDF) of a selection, without the persons who objected, whose address is protected or whose record is archived',
    description:
      'The usage rule is asked about publication in lists and the stated use (direct mail, ' +
      'distance selling, market research). The answer counts those left out by reason, never ' +
      'who, and carries the file in base64. Each person in it is logged as `export`.',
    body: mailingListCreate,
    status: 201,
    response: mailingListMade,
    errors: ['conflict'],
  }),
};
