import type { FastifyInstance } from 'fastify';
import { serviceCatalogueApi } from '../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { createService, listServices, updateService } from './service-catalogue.service.ts';

/** The services the municipality sells: kept by the administrator, chosen on orders. */
export function serviceCatalogueRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, serviceCatalogueApi.active, (request) =>
      listServices(customerContext(deps, request), { includeInactive: false }),
    );
    route(app, serviceCatalogueApi.all, (request) =>
      listServices(customerContext(deps, request), { includeInactive: true }),
    );
    route(app, serviceCatalogueApi.create, (request) =>
      createService(customerContext(deps, request), request.body),
    );
    route(app, serviceCatalogueApi.update, (request) =>
      updateService(customerContext(deps, request), request.params.id, request.body),
    );
  };
}
