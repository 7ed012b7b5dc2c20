import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import {
  idParams,
  listQuery,
  pageOf,
  standardErrors,
} from '../../../contract/customers/customer-data.schemas.ts';
import {
  organizationCreate,
  organizationPatch,
  organizationSummary,
  organizationView,
} from '../../../contract/organizations/organizations.schemas.ts';
import {
  archiveOrganization,
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service.ts';

export function organizationsRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['organizations'];

    app.get('/api/organizations', {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: 'List organisations by name, or search them with q',
        querystring: listQuery,
        response: { 200: pageOf(organizationSummary), ...standardErrors },
      },
      handler: (request) => listOrganizations(customerContext(deps, request), request.query),
    });

    app.post('/api/organizations', {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Register an organisation',
        body: organizationCreate,
        response: { 201: organizationView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await createOrganization(customerContext(deps, request), request.body)),
    });

    app.get('/api/organizations/:id', {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: "An organisation's page with the persons who represent it",
        params: idParams,
        response: { 200: organizationView, ...standardErrors },
      },
      handler: (request) => getOrganization(customerContext(deps, request), request.params.id),
    });

    app.patch('/api/organizations/:id', {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Change an organisation (only the fields given; null removes a value)',
        params: idParams,
        body: organizationPatch,
        response: { 200: organizationView, ...standardErrors },
      },
      handler: (request) =>
        updateOrganization(customerContext(deps, request), request.params.id, request.body),
    });

    app.delete('/api/organizations/:id', {
      config: { permission: 'customers.archive' },
      schema: {
        tags,
        summary: 'Archive an organisation (kept, out of searches; not destroyed)',
        params: idParams,
        response: { 204: z.null(), ...standardErrors },
      },
      handler: async (request, reply) => {
        await archiveOrganization(customerContext(deps, request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
}
