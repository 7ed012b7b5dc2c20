import { endpoint } from '../endpoint.ts';
import { idParams, listQuery, pageOf } from '../customers/customer-data.schemas.ts';
import { personSummary, personView } from '../persons/persons.schemas.ts';
import { organizationView } from '../organizations/organizations.schemas.ts';
import { noticeBody, tokenRequest, tokenResponse } from './partner-api.schemas.ts';

const tags = ['partner-api'];

/**
 * The partners' interface (decision 0028): called by a partner's machine client with its API key
 * (`X-API-Key`) or an OAuth2 bearer token, never with a staff session. A customer outside the
 * partner's contract answers 404, as one that does not exist.
 */
export const partnerApi = {
  token: endpoint({
    method: 'POST',
    path: '/api/partner-api/oauth/token',
    access: { public: true },
    tags,
    summary: 'OAuth2 client credentials (RFC 6749 4.4): a short-lived bearer token',
    description:
      'Form (`application/x-www-form-urlencoded`) or JSON; the client authenticates with HTTP Basic or `client_id` and `client_secret`. A refused client gets 401 with `error: invalid_client`, whatever the reason.',
    body: tokenRequest,
    status: 200,
    response: tokenResponse,
    errors: [],
  }),
  persons: endpoint({
    method: 'GET',
    path: '/api/partner-api/persons',
    access: { machine: 'customers.read' },
    tags,
    summary: "The persons the partner's contract covers, by name, with the contract's fields",
    query: listQuery,
    status: 200,
    response: pageOf(personSummary),
    errors: [],
  }),
  person: endpoint({
    method: 'GET',
    path: '/api/partner-api/persons/:id',
    access: { machine: 'customers.read' },
    tags,
    summary: "A person the partner's contract covers, with the contract's fields only",
    params: idParams,
    status: 200,
    response: personView,
    errors: ['not_found'],
  }),
  organization: endpoint({
    method: 'GET',
    path: '/api/partner-api/organizations/:id',
    access: { machine: 'customers.read' },
    tags,
    summary: "An organisation the partner's contract covers, with the contract's fields only",
    params: idParams,
    status: 200,
    response: organizationView,
    errors: ['not_found'],
  }),
  personNotice: endpoint({
    method: 'POST',
    path: '/api/partner-api/persons/:id/notices',
    access: { machine: 'notices.write' },
    tags,
    summary: "Notice of a person's changed data, with the partner as its source",
    description:
      "Only fields of the contract's groups; recorded as a change with the partner as the value source, in the access log with the client.",
    params: idParams,
    body: noticeBody,
    status: 200,
    response: personView,
    errors: ['not_found', 'conflict'],
  }),
};
