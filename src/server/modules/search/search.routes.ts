import type { FastifyInstance } from 'fastify';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { searchCustomers } from './search.service.ts';

export function searchRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, searchApi.search, (request) =>
      searchCustomers(customerContext(deps, request), request.query),
    );
  };
}
