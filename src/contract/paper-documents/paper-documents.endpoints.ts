import { endpoint } from '../endpoint.ts';
import {
  paperDocumentCreate,
  paperDocumentDestruction,
  paperDocumentHandlers,
  paperDocumentList,
  paperDocumentParams,
  paperDocumentQuery,
  paperDocumentView,
} from './paper-documents.schemas.ts';

const tags = ['paper-documents'];
const read = { permission: 'paperDocuments.read' } as const;
const manage = { permission: 'paperDocuments.manage' } as const;

/** The register of paper documents kept about customers (issue #18 item 4, decision 0034). */
export const paperDocumentsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/paper-documents',
    access: read,
    tags,
    summary: "A person's or an organisation's paper documents, destroyed ones too",
    description: "Reading a person's is logged as a read of the person.",
    query: paperDocumentQuery,
    status: 200,
    response: paperDocumentList,
    errors: ['not_found'],
  }),
  handlers: endpoint({
    method: 'GET',
    path: '/api/paper-documents/handlers',
    access: read,
    tags,
    summary: 'The staff who may handle paper documents: active, the current commitment signed',
    status: 200,
    response: paperDocumentHandlers,
    errors: [],
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/paper-documents',
    access: manage,
    tags,
    summary: 'Record a paper document: what, whose, where, who may handle it, when destroyed',
    description:
      '400 `paperDocument.handlerWithoutCommitment` names a handler who is not an active ' +
      'account with the current confidentiality commitment signed.',
    body: paperDocumentCreate,
    status: 201,
    response: paperDocumentView,
    errors: ['validation', 'not_found'],
  }),
  destroy: endpoint({
    method: 'POST',
    path: '/api/paper-documents/:id/destruction',
    access: manage,
    tags,
    summary: 'Record that the document was destroyed: when, by whom (the user), how',
    description: '409 `paperDocument.alreadyDestroyed` when it was recorded before.',
    params: paperDocumentParams,
    body: paperDocumentDestruction,
    status: 200,
    response: paperDocumentView,
    errors: ['not_found', 'conflict'],
  }),
};
