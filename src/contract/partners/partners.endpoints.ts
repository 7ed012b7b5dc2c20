import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  coverCustomerBody,
  coveredCustomer,
  partnerCreate,
  partnerCustomerParams,
  partnerDetail,
  partnerDetailQuery,
  partnerList,
  partnerPatch,
  partnerView,
} from './partners.schemas.ts';

const tags = ['partners'];
const access = { permission: 'partners.manage' } as const;

/** The partner registry and its contracts: which customers, which fields, until when. */
export const partnersApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/partners',
    access,
    tags,
    summary: 'The partner organisations and their contracts, by name',
    status: 200,
    response: partnerList,
    errors: [],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/partners',
    access,
    tags,
    summary: 'Register a partner organisation and its contract',
    body: partnerCreate,
    status: 201,
    response: partnerView,
    errors: ['conflict'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/partners/:id',
    access,
    tags,
    summary: 'A partner with the customers its contract covers (paged; the read is logged)',
    params: idParams,
    query: partnerDetailQuery,
    status: 200,
    response: partnerDetail,
    errors: ['not_found'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/partners/:id',
    access,
    tags,
    summary: "Change a partner or its contract's fields and end date (only the fields given)",
    params: idParams,
    body: partnerPatch,
    status: 200,
    response: partnerView,
    errors: ['not_found', 'conflict'],
  }),
  coverCustomer: endpoint({
    method: 'POST',
    path: '/api/partners/:id/customers',
    access,
    tags,
    summary: "Put a person or organisation under the partner's contract (logged)",
    params: idParams,
    body: coverCustomerBody,
    status: 201,
    response: coveredCustomer,
    errors: ['not_found', 'conflict'],
  }),
  uncoverCustomer: endpoint({
    method: 'DELETE',
    path: '/api/partners/:id/customers/:customerId',
    access,
    tags,
    summary: "Take a customer off the partner's contract (logged)",
    params: partnerCustomerParams,
    status: 204,
    response: z.null(),
    errors: ['not_found'],
  }),
};
