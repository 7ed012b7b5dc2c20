import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import type { ReportFile } from '../access-log/subject-report.formats.ts';
import { emptyBody } from '../../../contract/staff/staff.schemas.ts';
import { rectificationLetterPdf, refusalCertificatePdf } from './rectification-letters.ts';
import {
  itemParams,
  letterParams,
  rectificationItemCreate,
  rectificationItemDecision,
  rectificationView,
} from '../../../contract/rectification/rectification.schemas.ts';
import {
  addRectificationItem,
  applyRectification,
  decideRectificationItem,
  getRectification,
} from './rectification.service.ts';

/** Rectification of a data subject's request: fields, per-field decisions, letters, certificate. */
export function rectificationRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['requests'];
    // Contractors hold neither permission, so no contract scope (decision 0009) is needed here.
    const read = { permission: 'requests.read' as const };
    const manage = { permission: 'requests.manage' as const };
    const viewResponse = { 200: rectificationView, ...standardErrors };
    const pdfResponse = {
      200: z.string().meta({ format: 'binary', description: 'The PDF document' }),
      ...standardErrors,
    };
    const pdf = (file: ReportFile) => ({
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
      body: file.body,
    });

    app.get('/api/requests/:id/rectification', {
      config: read,
      schema: {
        tags,
        summary:
          'The fields a rectification request names, their decisions, the sources and recipients captured when applied, and the letters',
        params: idParams,
        response: viewResponse,
      },
      handler: (request) => getRectification(customerContext(deps, request), request.params.id),
    });

    app.post('/api/requests/:id/rectification-items', {
      config: manage,
      schema: {
        tags,
        summary:
          'Name a field to correct, with the proposed value (checked as the person API checks it; kept encrypted) and the grounds',
        params: idParams,
        body: rectificationItemCreate,
        response: { 201: rectificationView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await addRectificationItem(
              customerContext(deps, request),
              request.params.id,
              request.body,
            ),
          ),
    });

    app.post('/api/requests/:id/rectification-items/:itemId/decision', {
      config: manage,
      schema: {
        tags,
        summary: 'Grant one field, or refuse it with the reason (final once applied)',
        params: itemParams,
        body: rectificationItemDecision,
        response: viewResponse,
      },
      handler: (request) =>
        decideRectificationItem(
          customerContext(deps, request),
          request.params.id,
          request.params.itemId,
          request.body,
        ),
    });

    app.post('/api/requests/:id/rectification/apply', {
      config: manage,
      schema: {
        tags,
        summary:
          "Apply the granted fields with the request as their source, capturing each old value's sources and recipients",
        params: idParams,
        body: emptyBody,
        response: viewResponse,
      },
      handler: (request) => applyRectification(customerContext(deps, request), request.params.id),
    });

    app.get('/api/requests/:id/rectification/letters/:party', {
      config: read,
      schema: {
        tags,
        summary:
          'The notification letter (GDPR Art. 19) to a source or recipient: population_register, update_service or a partner id',
        params: letterParams,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
      handler: async (request, reply) => {
        const file = pdf(
          await rectificationLetterPdf(
            customerContext(deps, request),
            request.params.id,
            request.params.party,
          ),
        );
        return reply
          .type(file.type)
          .header('cache-control', 'no-store')
          .header('content-disposition', file.disposition)
          .send(file.body as never);
      },
    });

    app.get('/api/requests/:id/rectification/certificate', {
      config: read,
      schema: {
        tags,
        summary:
          "The certificate of the refused fields in the requester's language, with the right to go to the Data Protection Ombudsman",
        params: idParams,
        produces: ['application/pdf'],
        response: pdfResponse,
      },
      handler: async (request, reply) => {
        const file = pdf(
          await refusalCertificatePdf(customerContext(deps, request), request.params.id),
        );
        return reply
          .type(file.type)
          .header('cache-control', 'no-store')
          .header('content-disposition', file.disposition)
          .send(file.body as never);
      },
    });
  };
}
