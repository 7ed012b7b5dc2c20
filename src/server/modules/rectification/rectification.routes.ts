import type { FastifyInstance } from 'fastify';
import { rectificationApi } from '../../../contract/rectification/rectification.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';
import { rectificationLetterPdf, refusalCertificatePdf } from './rectification-letters.ts';
import {
  addRectificationItem,
  applyRectification,
  decideRectificationItem,
  getRectification,
} from './rectification.service.ts';

/** Rectification of a data subject's request: fields, per-field decisions, letters, certificate. */
export function rectificationRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    const pdf = { produces: ['application/pdf'] };
    routeExtras(app, rectificationApi.letter, pdf);
    routeExtras(app, rectificationApi.certificate, pdf);
    route(app, rectificationApi.get, (request) =>
      getRectification(customerContext(deps, request), request.params.id),
    );
    route(app, rectificationApi.addItem, (request) =>
      addRectificationItem(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, rectificationApi.decide, (request) =>
      decideRectificationItem(
        customerContext(deps, request),
        request.params.id,
        request.params.itemId,
        request.body,
      ),
    );
    route(app, rectificationApi.apply, (request) =>
      applyRectification(customerContext(deps, request), request.params.id),
    );
    route(app, rectificationApi.letter, async (request, reply) =>
      sendAttachment(
        reply,
        await rectificationLetterPdf(
          customerContext(deps, request),
          request.params.id,
          request.params.party,
        ),
      ),
    );
    route(app, rectificationApi.certificate, async (request, reply) =>
      sendAttachment(
        reply,
        await refusalCertificatePdf(customerContext(deps, request), request.params.id),
      ),
    );
  };
}
