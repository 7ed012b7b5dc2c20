import type { FastifyInstance } from 'fastify';
import { valueSourcesApi } from '../../../contract/persons/value-sources.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { getValueSources, listSourcePartners } from './value-sources.ts';

export function valueSourcesRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, valueSourcesApi.ofPerson, (request) =>
      getValueSources(customerContext(deps, request), request.params.id),
    );
    route(app, valueSourcesApi.sourcePartners, () => listSourcePartners(deps.database.db));
  };
}
