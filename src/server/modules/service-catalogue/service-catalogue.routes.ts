import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  serviceInput,
  serviceList,
  servicePatch,
  serviceView,
} from '../../../contract/service-catalogue/service-catalogue.schemas.ts';
import { createService, listServices, updateService } from './service-catalogue.service.ts';

/** The services the municipality sells: kept by the administrator, chosen on orders. */
export function serviceCatalogueRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['services'];

    app.get('/api/services', {
      config: { permission: 'orders.read' },
      schema: {
        tags,
        summary: 'The active services, by code, for the order form',
        response: { 200: serviceList, ...standardErrors },
      },
      handler: (request) =>
        listServices(customerContext(deps, request), { includeInactive: false }),
    });

    app.get('/api/billing/services', {
      config: { permission: 'billing.settings' },
      schema: {
        tags,
        summary: 'The whole service catalogue, deactivated services included, for its keeper',
        response: { 200: serviceList, ...standardErrors },
      },
      handler: (request) => listServices(customerContext(deps, request), { includeInactive: true }),
    });

    app.post('/api/services', {
      config: { permission: 'billing.settings' },
      schema: {
        tags,
        summary: 'Add a service: names in fi/sv/en, unit, price in euros, VAT in percent',
        body: serviceInput,
        response: { 201: serviceView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createService(customerContext(deps, request), request.body)),
    });

    app.patch('/api/services/:id', {
      config: { permission: 'billing.settings' },
      schema: {
        tags,
        summary: 'Change a service or deactivate it (orders keep what they were made with)',
        params: idParams,
        body: servicePatch,
        response: { 200: serviceView, ...standardErrors },
      },
      handler: (request) =>
        updateService(customerContext(deps, request), request.params.id, request.body),
    });
  };
}
