import type { FastifyInstance } from 'fastify';
import { objectionsApi } from '../../../contract/objections/objections.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { mailingListRoutes } from './mailing-list.routes.ts';
import {
  addObjection,
  getPersonObjections,
  getRequestObjections,
  recordRequestObjections,
  withdrawObjection,
} from './objections.service.ts';

/** Objections and prohibitions: on a person's page, and on an objection request (decision 0018). */
export function objectionsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    await app.register(mailingListRoutes(deps));

    route(app, objectionsApi.ofPerson, (request) =>
      getPersonObjections(customerContext(deps, request), request.params.id),
    );
    route(app, objectionsApi.add, (request) =>
      addObjection(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, objectionsApi.withdraw, (request) =>
      withdrawObjection(
        customerContext(deps, request),
        request.params.id,
        request.params.objectionId,
        request.body,
      ),
    );
    route(app, objectionsApi.recordForRequest, (request) =>
      recordRequestObjections(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, objectionsApi.ofRequest, (request) =>
      getRequestObjections(customerContext(deps, request), request.params.id),
    );
  };
}
