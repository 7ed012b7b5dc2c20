import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { standardErrors } from '../customers/customer-data.schemas.ts';
import { accessLogPage, accessLogQuery } from './access-log.schemas.ts';
import { readAccessLog } from './access-log.service.ts';

export function accessLogRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    instance.withTypeProvider<ZodTypeProvider>().get('/api/access-log', {
      config: { permission: 'accessLog.read' },
      schema: {
        tags: ['access log'],
        summary:
          'Who read or changed whose personal data, newest first; filter by subject, user, action and time',
        querystring: accessLogQuery,
        response: { 200: accessLogPage, ...standardErrors },
      },
      handler: (request) => readAccessLog(customerContext(deps, request), request.query),
    });
  };
}
