import type { FastifyInstance } from 'fastify';
import { attachmentsApi } from '../../../contract/attachments/attachments.endpoints.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../contract/attachments/attachments.schemas.ts';
import { ATTACHMENT_TYPES } from '../../db/schema/attachments.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
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
  return async (app: FastifyInstance) => {
    // Any body here is read as bytes, up to the limit; the service decides whether it may stay.
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
      (_request, body, done) => done(null, body),
    );
    routeExtras(app, attachmentsApi.upload, {
      consumes: ATTACHMENT_TYPES,
      options: {
        bodyLimit: MAX_ATTACHMENT_BYTES,
        // Refused before the body is read: a type not allowed, or a declared size over the limit.
        onRequest: async (request) => {
          const type = mediaType(request.headers['content-type']);
          if (!isAttachmentType(type)) throw typeNotAllowed(type);
          const length = Number(request.headers['content-length']);
          if (Number.isFinite(length) && length > MAX_ATTACHMENT_BYTES) throw tooLarge(length);
        },
      },
    });
    routeExtras(app, attachmentsApi.download, { produces: ATTACHMENT_TYPES });

    route(app, attachmentsApi.upload, (request) =>
      uploadAttachment(customerContext(deps, request), request.params.id, {
        fileName: request.query.name,
        contentType: mediaType(request.headers['content-type']),
        body: request.body,
      }),
    );
    route(app, attachmentsApi.list, (request) =>
      getAttachments(customerContext(deps, request), request.params.id),
    );
    route(app, attachmentsApi.download, async (request, reply) => {
      const file = await downloadAttachment(
        customerContext(deps, request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', contentDisposition(file.fileName))
        .send(file.body);
    });
  };
}
