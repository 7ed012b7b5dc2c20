import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import { sourcePartnerList, valueSourceList } from './value-sources.schemas.ts';

const tags = ['persons'];

/** Where a person's values came from (requirements §4), and the partners to name as a source. */
export const valueSourcesApi = {
  ofPerson: endpoint({
    method: 'GET',
    path: '/api/persons/:id/value-sources',
    access: { permission: 'customers.write' },
    tags,
    summary: "Where each of a person's values came from, and when (current and superseded)",
    params: idParams,
    status: 200,
    response: valueSourceList,
    errors: ['not_found'],
  }),
  sourcePartners: endpoint({
    method: 'GET',
    path: '/api/value-source-partners',
    access: { permission: 'customers.write' },
    tags,
    summary: 'The partners registered as a source of data, to name as the source of values',
    status: 200,
    response: sourcePartnerList,
    errors: [],
  }),
};
