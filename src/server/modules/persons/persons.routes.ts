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
  personCreate,
  personPatch,
  personSummary,
  personView,
  revealBody,
  revealView,
} from '../../../contract/persons/persons.schemas.ts';
import {
  archivePerson,
  createPerson,
  getPerson,
  listPersons,
  revealIdentityCode,
  updatePerson,
} from './persons.service.ts';

export function personsRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['persons'];

    app.get('/api/persons', {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: 'List persons by name, or search them with q',
        querystring: listQuery,
        response: { 200: pageOf(personSummary), ...standardErrors },
      },
      handler: (request) => listPersons(customerContext(deps, request), request.query),
    });

    app.post('/api/persons', {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Register a person',
        body: personCreate,
        response: { 201: personView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createPerson(customerContext(deps, request), request.body)),
    });

    app.get('/api/persons/:id', {
      config: { permission: 'customers.read' },
      schema: {
        tags,
        summary: "A person's page",
        params: idParams,
        response: { 200: personView, ...standardErrors },
      },
      handler: (request) => getPerson(customerContext(deps, request), request.params.id),
    });

    app.patch('/api/persons/:id', {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'Change a person (only the fields given; null removes a value)',
        params: idParams,
        body: personPatch,
        response: { 200: personView, ...standardErrors },
      },
      handler: (request) =>
        updatePerson(customerContext(deps, request), request.params.id, request.body),
    });

    app.delete('/api/persons/:id', {
      config: { permission: 'customers.archive' },
      schema: {
        tags,
        summary: 'Archive a person (kept, read-only, out of searches; not destroyed)',
        params: idParams,
        response: { 204: z.null(), ...standardErrors },
      },
      handler: async (request, reply) => {
        await archivePerson(customerContext(deps, request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/persons/:id/reveal-identity-code', {
      config: { permission: 'customers.revealIdentityCode' },
      schema: {
        tags,
        summary: 'Show the full identity code, stating why (the request is logged)',
        params: idParams,
        body: revealBody,
        response: { 200: revealView, ...standardErrors },
      },
      handler: (request) =>
        revealIdentityCode(customerContext(deps, request), request.params.id, request.body.purpose),
    });
  };
}
