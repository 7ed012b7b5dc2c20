import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import { mailingListRoutes } from './mailing-list.routes.ts';
import {
  objectionCreate,
  objectionList,
  objectionParams,
  objectionView,
  objectionWithdrawal,
  requestObjections,
  requestObjectionsResult,
} from '../../../contract/objections/objections.schemas.ts';
import {
  addObjection,
  getPersonObjections,
  getRequestObjections,
  recordRequestObjections,
  withdrawObjection,
} from './objections.service.ts';

/** Objections and prohibitions: on a person's page, and on an objection request (decision 0018). */
export function objectionsRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['objections'];
    const read = { permission: 'objections.read' as const };
    const write = { permission: 'objections.write' as const };
    await instance.register(mailingListRoutes(deps));

    app.get('/api/persons/:id/objections', {
      config: read,
      schema: {
        tags,
        summary: "A person's objections and prohibitions, active and withdrawn, newest first",
        params: idParams,
        response: { 200: objectionList, ...standardErrors },
      },
      handler: (request) => getPersonObjections(customerContext(deps, request), request.params.id),
    });

    app.post('/api/persons/:id/objections', {
      config: write,
      schema: {
        tags,
        summary:
          'Record an objection (direct marketing, distance selling, research, lists, targeting) from customer service, email, the register officer or the population register',
        description:
          'One active objection per use: a second is 409 `objection.alreadyActive`. The date may ' +
          'not be in the future. An objection request records its objections through ' +
          'POST /api/requests/{id}/objections.',
        params: idParams,
        body: objectionCreate,
        response: { 201: objectionView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await addObjection(customerContext(deps, request), request.params.id, request.body),
          ),
    });

    app.post('/api/persons/:id/objections/:objectionId/withdraw', {
      config: write,
      schema: {
        tags,
        summary: 'Withdraw an objection: it is kept, with the date of the withdrawal',
        params: objectionParams,
        body: objectionWithdrawal,
        response: { 200: objectionView, ...standardErrors },
      },
      handler: (request) =>
        withdrawObjection(
          customerContext(deps, request),
          request.params.id,
          request.params.objectionId,
          request.body,
        ),
    });

    app.post('/api/requests/:id/objections', {
      config: { permission: 'requests.manage' as const },
      schema: {
        tags,
        summary:
          'Record the objections of an objection request, with the request as their source (identity verified, before the decision)',
        description:
          'Types the person already objects to are left as they are and listed in `alreadyActive`. ' +
          "The date defaults to the request's receipt.",
        params: idParams,
        body: requestObjections,
        response: { 201: requestObjectionsResult, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await recordRequestObjections(
              customerContext(deps, request),
              request.params.id,
              request.body,
            ),
          ),
    });

    app.get('/api/requests/:id/objections', {
      config: { permission: 'requests.read' as const },
      schema: {
        tags,
        summary: 'The objections recorded on a request',
        params: idParams,
        response: { 200: objectionList, ...standardErrors },
      },
      handler: (request) => getRequestObjections(customerContext(deps, request), request.params.id),
    });
  };
}
