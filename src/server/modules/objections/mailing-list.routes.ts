import type { FastifyInstance } from 'fastify';
import { mailingListApi } from '../../../contract/objections/objections.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { exportMailingList } from './mailing-list.service.ts';

/** The mailing list and address labels: a list published from the register (decision 0018). */
export function mailingListRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, mailingListApi.export, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return exportMailingList(customerContext(deps, request), request.body);
    });
  };
}
