import type { FastifyInstance } from 'fastify';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import {
  addRequestNote,
  answerRequest,
  assignRequest,
  createRequest,
  decideRequest,
  extendRequest,
  getRequest,
  listRequestPage,
  startRequest,
  verifyIdentity,
} from './requests.service.ts';

/** Data subjects' requests: received → identity verified → in progress → decided → answered. */
export function requestsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, requestsApi.create, (request) =>
      createRequest(customerContext(deps, request), request.body),
    );
    route(app, requestsApi.list, (request) =>
      listRequestPage(customerContext(deps, request), request.query),
    );
    route(app, requestsApi.get, (request) =>
      getRequest(customerContext(deps, request), request.params.id),
    );
    route(app, requestsApi.assign, (request) =>
      assignRequest(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, requestsApi.verifyIdentity, (request) =>
      verifyIdentity(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, requestsApi.start, (request) =>
      startRequest(customerContext(deps, request), request.params.id),
    );
    route(app, requestsApi.extend, (request) =>
      extendRequest(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, requestsApi.decide, (request) =>
      decideRequest(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, requestsApi.answer, (request) =>
      answerRequest(customerContext(deps, request), request.params.id, request.body.answeredOn),
    );
    route(app, requestsApi.addNote, (request) =>
      addRequestNote(customerContext(deps, request), request.params.id, request.body.text),
    );
    route(app, requestsApi.personRequests, (request) =>
      listRequestPage(customerContext(deps, request), request.query, request.params.id),
    );
  };
}
