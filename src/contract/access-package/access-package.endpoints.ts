import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  accessPackageQuery,
  accessPackageView,
  handOverInput,
  handOverView,
} from './access-package.schemas.ts';

const tags = ['requests'];

/** The answer to an access request (decision 0016): made on demand, and its hand-over. */
export const accessPackageApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/requests/:id/access-package',
    access: { permission: 'requests.read' },
    tags,
    summary: 'The answer to an access request: every datum held about the person, by category',
    description:
      'Made from the data as it is, not stored. `format=json` (stable English keys, ISO dates, ' +
      "cents) or `format=pdf` in the request's language with the confidentiality marking, both as " +
      'attachments. 409 `accessPackage.notAccessRequest` for another type of request. Logged as a ' +
      'read of all the data it holds.',
    params: idParams,
    query: accessPackageQuery,
    status: 200,
    response: accessPackageView,
    file: true,
    errors: ['not_found', 'conflict'],
  }),
  handOver: endpoint({
    method: 'POST',
    path: '/api/requests/:id/access-package/hand-over',
    access: { permission: 'requests.manage' },
    tags,
    summary:
      'Record that the answer was handed over (day, channel): a disclosure to the data subject themself',
    description:
      'For a decided (granted or partly granted) access request, before it is marked answered. ' +
      'Writes the disclosure record, its `disclose` access-log entry and the request event in one ' +
      'transaction.',
    params: idParams,
    body: handOverInput,
    status: 201,
    response: handOverView,
    errors: ['not_found', 'conflict'],
  }),
};
