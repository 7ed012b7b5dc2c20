import type { FastifyInstance } from 'fastify';
import { paperDocumentsApi } from '../../../contract/paper-documents/paper-documents.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import {
  createPaperDocument,
  destroyPaperDocument,
  listHandlers,
  listPaperDocuments,
} from './paper-documents.service.ts';

/** The register of paper documents kept about customers (decision 0034). */
export function paperDocumentsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, paperDocumentsApi.list, (request) =>
      listPaperDocuments(customerContext(deps, request), request.query),
    );
    route(app, paperDocumentsApi.handlers, (request) =>
      listHandlers(customerContext(deps, request)),
    );
    route(app, paperDocumentsApi.create, (request) =>
      createPaperDocument(customerContext(deps, request), request.body),
    );
    route(app, paperDocumentsApi.destroy, (request) =>
      destroyPaperDocument(customerContext(deps, request), request.params.id, request.body),
    );
  };
}
