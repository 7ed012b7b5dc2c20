import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams, listQuery, pageOf } from '../customers/customer-data.schemas.ts';
import {
  personCreate,
  personPatch,
  personSummary,
  personView,
  revealBody,
  revealView,
} from './persons.schemas.ts';
import { personPage } from './person-page.schemas.ts';

const tags = ['persons'];

export const personsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/persons',
    access: { permission: 'customers.read' },
    tags,
    summary: 'List persons by name, or search them with q',
    query: listQuery,
    status: 200,
    response: pageOf(personSummary),
    errors: [],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/persons',
    access: { permission: 'customers.write' },
    tags,
    summary: 'Register a person',
    body: personCreate,
    status: 201,
    response: personView,
    errors: ['conflict'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/persons/:id',
    access: { permission: 'customers.read' },
    tags,
    summary: "A person's page",
    params: idParams,
    status: 200,
    response: personView,
    errors: ['not_found'],
  }),
  page: endpoint({
    method: 'GET',
    path: '/api/persons/:id/page',
    access: { permission: 'customers.read' },
    tags,
    summary: "A person's page with every section the reader may read, as one access-log entry",
    params: idParams,
    status: 200,
    response: personPage,
    errors: ['not_found'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/persons/:id',
    access: { permission: 'customers.write' },
    tags,
    summary: 'Change a person (only the fields given; null removes a value)',
    params: idParams,
    body: personPatch,
    status: 200,
    response: personView,
    errors: ['not_found', 'conflict'],
  }),
  archive: endpoint({
    method: 'DELETE',
    path: '/api/persons/:id',
    access: { permission: 'customers.archive' },
    tags,
    summary: 'Archive a person (kept, read-only, out of searches; not destroyed)',
    description:
      "409 `restriction.inForce` while the processing of the person's data is restricted (decision 0033).",
    params: idParams,
    status: 204,
    response: z.null(),
    errors: ['not_found', 'conflict'],
  }),
  revealIdentityCode: endpoint({
    method: 'POST',
    path: '/api/persons/:id/reveal-identity-code',
    access: { permission: 'customers.revealIdentityCode' },
    tags,
    summary: 'Show the full identity code, stating why (the request is logged)',
    params: idParams,
    body: revealBody,
    status: 200,
    response: revealView,
    errors: ['not_found'],
  }),
};
