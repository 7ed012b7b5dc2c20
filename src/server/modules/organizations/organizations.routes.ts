import type { FastifyInstance } from 'fastify';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import {
  archiveOrganization,
  createOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service.ts';

export function organizationsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, organizationsApi.list, (request) =>
      listOrganizations(customerContext(deps, request), request.query),
    );
    route(app, organizationsApi.create, (request) =>
      createOrganization(customerContext(deps, request), request.body),
    );
    route(app, organizationsApi.get, (request) =>
      getOrganization(customerContext(deps, request), request.params.id),
    );
    route(app, organizationsApi.update, (request) =>
      updateOrganization(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, organizationsApi.archive, (request) =>
      archiveOrganization(customerContext(deps, request), request.params.id),
    );
  };
}
