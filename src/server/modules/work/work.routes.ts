import type { FastifyInstance } from 'fastify';
import { workApi } from '../../../contract/work/work.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { myWork } from './work.service.ts';

export function workRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, workApi.mine, (request) => myWork(customerContext(deps, request)));
  };
}
