import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import {
  idParams,
  pageOf,
  standardErrors,
} from '../../../contract/customers/customer-data.schemas.ts';
import { emptyBody } from '../../../contract/staff/staff.schemas.ts';
import {
  identityVerification,
  requestAnswer,
  requestCreate,
  requestDecision,
  requestExtension,
  requestListQuery,
  requestNote,
  requestPatch,
  requestSummary,
  requestView,
} from '../../../contract/requests/requests.schemas.ts';
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
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['requests'];
    // Contractors hold neither permission, so no contract scope (decision 0009) is needed here.
    const read = { permission: 'requests.read' as const };
    const manage = { permission: 'requests.manage' as const };
    const viewResponse = { 200: requestView, ...standardErrors };

    app.post('/api/requests', {
      config: manage,
      schema: {
        tags,
        summary:
          "Record a data subject's request as received; dueOn is one calendar month later, moved past weekends and Finnish holidays",
        body: requestCreate,
        response: { 201: requestView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createRequest(customerContext(deps, request), request.body)),
    });

    app.get('/api/requests', {
      config: read,
      schema: {
        tags,
        summary: 'The dashboard: open requests by due date, the overdue first',
        querystring: requestListQuery,
        response: { 200: pageOf(requestSummary), ...standardErrors },
      },
      handler: (request) => listRequestPage(customerContext(deps, request), request.query),
    });

    app.get('/api/requests/:id', {
      config: read,
      schema: {
        tags,
        summary: 'A request with its identity check, extension, decision, notes and history',
        params: idParams,
        response: viewResponse,
      },
      handler: (request) => getRequest(customerContext(deps, request), request.params.id),
    });

    app.patch('/api/requests/:id', {
      config: manage,
      schema: {
        tags,
        summary: 'Assign the request to an officer, or leave it unassigned (null)',
        params: idParams,
        body: requestPatch,
        response: viewResponse,
      },
      handler: (request) =>
        assignRequest(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/requests/:id/identity', {
      config: manage,
      schema: {
        tags,
        summary:
          "Record how the requester's identity was verified (signed letter, strong identification, in person)",
        params: idParams,
        body: identityVerification,
        response: viewResponse,
      },
      handler: (request) =>
        verifyIdentity(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/requests/:id/start', {
      config: manage,
      schema: {
        tags,
        summary: 'Start working on a request whose identity is verified',
        params: idParams,
        body: emptyBody,
        response: viewResponse,
      },
      handler: (request) => startRequest(customerContext(deps, request), request.params.id),
    });

    app.post('/api/requests/:id/extension', {
      config: manage,
      schema: {
        tags,
        summary:
          'Extend the deadline by two months (once), with the reason and the day the requester was told (within the first month)',
        params: idParams,
        body: requestExtension,
        response: viewResponse,
      },
      handler: (request) =>
        extendRequest(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/requests/:id/decision', {
      config: manage,
      schema: {
        tags,
        summary: 'Decide: granted, partly granted or refused (the last two with reasons)',
        params: idParams,
        body: requestDecision,
        response: viewResponse,
      },
      handler: (request) =>
        decideRequest(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/requests/:id/answer', {
      config: manage,
      schema: {
        tags,
        summary: 'Record that the answer was sent to the requester',
        params: idParams,
        body: requestAnswer,
        response: viewResponse,
      },
      handler: (request) =>
        answerRequest(customerContext(deps, request), request.params.id, request.body.answeredOn),
    });

    app.post('/api/requests/:id/notes', {
      config: manage,
      schema: {
        tags,
        summary: 'Add an internal working note (never part of the answer)',
        params: idParams,
        body: requestNote,
        response: viewResponse,
      },
      handler: (request) =>
        addRequestNote(customerContext(deps, request), request.params.id, request.body.text),
    });

    app.get('/api/persons/:id/requests', {
      config: read,
      schema: {
        tags,
        summary:
          "A person's requests: open ones by due date, or (status answered or all) newest receipt first",
        params: idParams,
        querystring: requestListQuery,
        response: { 200: pageOf(requestSummary), ...standardErrors },
      },
      handler: (request) =>
        listRequestPage(customerContext(deps, request), request.query, request.params.id),
    });
  };
}
