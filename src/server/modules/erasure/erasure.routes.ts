import type { FastifyInstance } from 'fastify';
import { erasureApi } from '../../../contract/erasure/erasure.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { erasureLetter } from './erasure-letter.ts';
import { executeErasure, getErasure } from './erasure.service.ts';
import { getLegalHolds, placeLegalHold, releaseLegalHold } from './legal-holds.service.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

/**
 * Erasure on a data subject's request (decision 0019): the dry run, the erasure itself and the
 * answer letter; and legal holds, which stop an erasure. The register officer's work, under the
 * requests' permissions: contractors hold neither.
 */
export function erasureRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    routeExtras(app, erasureApi.letter, { produces: ['application/pdf'] });

    route(app, erasureApi.get, (request) =>
      getErasure(customerContext(deps, request), request.params.id),
    );
    route(app, erasureApi.execute, (request) =>
      executeErasure(customerContext(deps, request), request.params.id),
    );
    route(app, erasureApi.letter, async (request, reply) =>
      sendAttachment(reply, await erasureLetter(customerContext(deps, request), request.params.id)),
    );
    route(app, erasureApi.holds, async (request) => ({
      items: await getLegalHolds(customerContext(deps, request), request.params.id),
    }));
    route(app, erasureApi.placeHold, (request) =>
      placeLegalHold(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, erasureApi.releaseHold, (request) =>
      releaseLegalHold(customerContext(deps, request), request.params.id, request.params.holdId),
    );
  };
}
