import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_TYPES } from '../../db/schema/attachments.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
import {
  attachmentList,
  attachmentParams,
  attachmentUploadQuery,
  attachmentView,
  MAX_ATTACHMENT_BYTES,
} from '../../../contract/attachments/attachments.schemas.ts';
import {
  downloadAttachment,
  getAttachments,
  isAttachmentType,
  mediaType,
  tooLarge,
  typeNotAllowed,
  uploadAttachment,
} from './attachments.service.ts';

/** `attachment; filename="…"` with an ASCII fallback and the exact name in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii || 'attachment'}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Attachments of a data subject's request: the file is the request's body as it is (its own
 * media type, the name in the query), so no multipart parser is needed. Its own plugin, so the
 * raw-body parser applies to these routes only.
 */
export function attachmentsRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    // Any body here is read as bytes, up to the limit; the service decides whether it may stay.
    instance.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['requests'];

    app.post('/api/requests/:id/attachments', {
      config: { permission: 'requests.manage' as const },
      bodyLimit: MAX_ATTACHMENT_BYTES,
      // Refused before the body is read: a type not allowed, or a declared size over the limit.
      onRequest: async (request) => {
        const type = mediaType(request.headers['content-type']);
        if (!isAttachmentType(type)) throw typeNotAllowed(type);
        const length = Number(request.headers['content-length']);
        if (Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES) throw tooLarge(length);
      },
      schema: {
        tags,
        summary:
          'Attach a file to the request (the scanned letter): PDF, JPEG, PNG or TIFF, at most 10 MB',
        description:
          'The body is the file itself, with its media type as Content-Type; `name` is its file ' +
          "name. Stored encrypted under the person's data key: erasure destroys it. Errors: " +
          '415 `attachment.typeNotAllowed` / `attachment.contentMismatch`, 413 ' +
          '`attachment.tooLarge`, 400 `attachment.empty`, or a `text.*` code for the file name.',
        params: idParams,
        querystring: attachmentUploadQuery,
        consumes: [...ATTACHMENT_TYPES],
        body: z.any().meta({ format: 'binary', description: 'The file' }),
        response: { 201: attachmentView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(
          await uploadAttachment(customerContext(deps, request), request.params.id, {
            fileName: request.query.name,
            contentType: mediaType(request.headers['content-type']),
            body: request.body,
          }),
        ),
    });

    app.get('/api/requests/:id/attachments', {
      config: { permission: 'requests.read' as const },
      schema: {
        tags,
        summary: "The request's attachments: name, type, size, who added them and when",
        params: idParams,
        response: { 200: attachmentList, ...standardErrors },
      },
      handler: (request) => getAttachments(customerContext(deps, request), request.params.id),
    });

    app.get('/api/requests/:id/attachments/:attachmentId', {
      config: { permission: 'requests.read' as const },
      schema: {
        tags,
        summary: 'Download an attachment: its exact bytes',
        description:
          "409 `personKey.destroyed` once the person's data key has been destroyed (erasure).",
        params: attachmentParams,
        produces: [...ATTACHMENT_TYPES],
        response: {
          200: z.string().meta({ format: 'binary', description: 'The file' }),
          ...standardErrors,
        },
      },
      handler: async (request, reply) => {
        const file = await downloadAttachment(
          customerContext(deps, request),
          request.params.id,
          request.params.attachmentId,
        );
        return reply
          .type(file.contentType)
          .header('cache-control', 'no-store')
          .header('content-disposition', contentDisposition(file.fileName))
          .send(file.body as never);
      },
    });
  };
}
