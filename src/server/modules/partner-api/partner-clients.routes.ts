import type { FastifyInstance } from 'fastify';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { partnerClientsApi } from '../../../contract/partner-api/partner-clients.endpoints.ts';
import {
  createClient,
  listClients,
  revokeClient,
  rotateClient,
} from './partner-clients.service.ts';

/** A partner's machine clients, kept by the administrator (decision 0028). */
export function partnerClientsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, partnerClientsApi.list, (request) =>
      listClients(customerContext(deps, request), request.params.id),
    );
    route(app, partnerClientsApi.create, (request) =>
      createClient(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, partnerClientsApi.rotate, (request) =>
      rotateClient(
        customerContext(deps, request),
        request.params.id,
        request.params.clientId,
        request.body,
      ),
    );
    route(app, partnerClientsApi.revoke, (request) =>
      revokeClient(customerContext(deps, request), request.params.id, request.params.clientId),
    );
  };
}
