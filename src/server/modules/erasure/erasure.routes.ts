import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import { emptyBody } from '../../../contract/staff/staff.schemas.ts';
import { erasureLetter } from './erasure-letter.ts';
import {
  erasureView,
  legalHoldCreate,
  legalHoldParams,
  legalHoldView,
} from '../../../contract/erasure/erasure.schemas.ts';
import { executeErasure, getErasure } from './erasure.service.ts';
import { getLegalHolds, placeLegalHold, releaseLegalHold } from './legal-holds.service.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

/**
 * Erasure on a data subject's request (decision 0019): the dry run, the erasure itself and the
 * answer letter; and legal holds, which stop an erasure. The register officer's work, under the
 * requests' permissions: contractors hold neither.
 */
export function erasureRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['erasure'];
    const read = { permission: 'requests.read' as const };
    const manage = { permission: 'requests.manage' as const };

    app.get('/api/requests/:id/erasure', {
      config: read,
      schema: {
        tags,
        summary:
          'The dry run of an erasure request (blockers with reasons in fi, sv and en, what would be erased and kept until when), or its record once carried out',
        params: idParams,
        response: { 200: erasureView, ...standardErrors },
      },
      handler: (request) => getErasure(customerContext(deps, request), request.params.id),
    });

    app.post('/api/requests/:id/erasure', {
      config: manage,
      schema: {
        tags,
        summary:
          "Erase the request's person: refused with 409 erasure.blocked (every reason in fi, sv and en) while anything blocks everything; else everything no retention period keeps",
        description:
          'The request must be in progress. It is decided (granted, or partly granted with what stays until when) in the same transaction; the kept parts are erased by the register itself when their periods end.',
        params: idParams,
        body: emptyBody,
        response: { 201: erasureView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await executeErasure(customerContext(deps, request), request.params.id)),
    });

    app.get('/api/requests/:id/erasure/letter', {
      config: read,
      schema: {
        tags,
        summary:
          "The answer letter as a PDF in the requester's language: what was erased, what stays, why and until when, or why the erasure cannot be done now",
        params: idParams,
        produces: ['application/pdf'],
        response: {
          200: z.string().meta({ format: 'binary', description: 'The PDF letter' }),
          ...standardErrors,
        },
      },
      handler: async (request, reply) =>
        sendAttachment(
          reply,
          await erasureLetter(customerContext(deps, request), request.params.id),
        ),
    });

    app.get('/api/persons/:id/legal-holds', {
      config: read,
      schema: {
        tags,
        summary: "The person's legal holds, those in force and those ended or released",
        params: idParams,
        response: { 200: z.object({ items: z.array(legalHoldView) }), ...standardErrors },
      },
      handler: async (request) => ({
        items: await getLegalHolds(customerContext(deps, request), request.params.id),
      }),
    });

    app.post('/api/persons/:id/legal-holds', {
      config: manage,
      schema: {
        tags,
        summary: "Place a legal hold: while in force it blocks the person's erasure",
        params: idParams,
        body: legalHoldCreate,
        response: { 201: legalHoldView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await placeLegalHold(customerContext(deps, request), request.params.id, request.body),
          ),
    });

    app.post('/api/persons/:id/legal-holds/:holdId/release', {
      config: manage,
      schema: {
        tags,
        summary: 'Release a legal hold: from now on it blocks nothing',
        params: legalHoldParams,
        body: emptyBody,
        response: { 200: legalHoldView, ...standardErrors },
      },
      handler: (request) =>
        releaseLegalHold(customerContext(deps, request), request.params.id, request.params.holdId),
    });
  };
}
