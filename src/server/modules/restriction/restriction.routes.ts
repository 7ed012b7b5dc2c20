import type { FastifyInstance } from 'fastify';
import { restrictionApi } from '../../../contract/restriction/restriction.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';
import { restrictionLetter } from './restriction-letter.ts';
import { getRequestRestriction, liftRestriction, placeRestriction } from './restriction.service.ts';

/** Restriction of processing on a restriction request (decision 0033): the officer's work. */
export function restrictionRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    routeExtras(app, restrictionApi.letter, { produces: ['application/pdf'] });

    route(app, restrictionApi.get, (request) =>
      getRequestRestriction(customerContext(deps, request), request.params.id),
    );
    route(app, restrictionApi.place, (request) =>
      placeRestriction(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, restrictionApi.lift, (request) =>
      liftRestriction(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, restrictionApi.letter, async (request, reply) =>
      sendAttachment(
        reply,
        await restrictionLetter(customerContext(deps, request), request.params.id),
      ),
    );
  };
}
