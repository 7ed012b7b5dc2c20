import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  sourcePartnerList,
  valueSourceList,
} from '../../../contract/persons/value-sources.schemas.ts';
import { getValueSources, listSourcePartners } from './value-sources.ts';

export function valueSourcesRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['persons'];

    app.get('/api/persons/:id/value-sources', {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: "Where each of a person's values came from, and when (current and superseded)",
        params: idParams,
        response: { 200: valueSourceList, ...standardErrors },
      },
      handler: (request) => getValueSources(customerContext(deps, request), request.params.id),
    });

    app.get('/api/value-source-partners', {
      config: { permission: 'customers.write' },
      schema: {
        tags,
        summary: 'The partners registered as a source of data, to name as the source of values',
        response: { 200: sourcePartnerList, ...standardErrors },
      },
      handler: () => listSourcePartners(deps.database.db),
    });
  };
}
