import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  clientCreate,
  clientList,
  clientParams,
  clientRotate,
  clientSecretIssued,
  clientView,
} from './partner-clients.schemas.ts';

const tags = ['partners'];
const access = { permission: 'partners.manage' } as const;

/** A partner's machine clients, kept by the administrator (decision 0028). */
export const partnerClientsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/partners/:id/clients',
    access,
    tags,
    summary: "The partner's machine clients (API keys and OAuth2 clients), newest first",
    params: idParams,
    status: 200,
    response: clientList,
    errors: ['not_found'],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/partners/:id/clients',
    access,
    tags,
    summary: 'Create a machine client; the answer shows its secret, once',
    params: idParams,
    body: clientCreate,
    status: 201,
    response: clientSecretIssued,
    errors: ['not_found', 'conflict'],
  }),
  rotate: endpoint({
    method: 'POST',
    path: '/api/partners/:id/clients/:clientId/rotate',
    access,
    tags,
    summary:
      'A new secret for the client (shown once); the old one is accepted until the time given',
    params: clientParams,
    body: clientRotate,
    status: 201,
    response: clientSecretIssued,
    errors: ['not_found', 'conflict'],
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/partners/:id/clients/:clientId',
    access,
    tags,
    summary: 'Revoke the client: none of its secrets or tokens is accepted from now on',
    params: clientParams,
    status: 200,
    response: clientView,
    errors: ['not_found'],
  }),
};
