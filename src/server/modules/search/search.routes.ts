import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import { searchPage, searchQuery } from '../../../contract/search/search.schemas.ts';
import { searchCustomers } from './search.service.ts';

export function searchRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    instance.withTypeProvider<ZodTypeProvider>().get('/api/search', {
      config: { permission: 'customers.read' },
      schema: {
        tags: ['search'],
        summary:
          'Find persons and organisations by name (typo-tolerant), identity code, business ID, email or phone',
        querystring: searchQuery,
        response: { 200: searchPage, ...standardErrors },
      },
      handler: (request) => searchCustomers(customerContext(deps, request), request.query),
    });
  };
}
