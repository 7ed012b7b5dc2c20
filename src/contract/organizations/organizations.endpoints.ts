import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams, listQuery, pageOf } from '../customers/customer-data.schemas.ts';
import {
  organizationCreate,
  organizationPatch,
  organizationSummary,
  organizationView,
} from './organizations.schemas.ts';

const tags = ['organizations'];

export const organizationsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/organizations',
    access: { permission: 'customers.read' },
    tags,
    summary: 'List organisations by name, or search them with q',
    query: listQuery,
    status: 200,
    response: pageOf(organizationSummary),
    errors: [],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/organizations',
    access: { permission: 'customers.write' },
    tags,
    summary: 'Register an organisation',
    body: organizationCreate,
    status: 201,
    response: organizationView,
    errors: ['conflict'],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/organizations/:id',
    access: { permission: 'customers.read' },
    tags,
    summary: "An organisation's page with the persons who represent it",
    params: idParams,
    status: 200,
    response: organizationView,
    errors: ['not_found'],
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/organizations/:id',
    access: { permission: 'customers.write' },
    tags,
    summary: 'Change an organisation (only the fields given; null removes a value)',
    params: idParams,
    body: organizationPatch,
    status: 200,
    response: organizationView,
    errors: ['not_found', 'conflict'],
  }),
  archive: endpoint({
    method: 'DELETE',
    path: '/api/organizations/:id',
    access: { permission: 'customers.archive' },
    tags,
    summary: 'Archive an organisation (kept, out of searches; not destroyed)',
    params: idParams,
    status: 204,
    response: z.null(),
    errors: ['not_found'],
  }),
};
