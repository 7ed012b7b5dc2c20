import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import { emptyBody } from '../staff/staff.schemas.ts';
import {
  itemParams,
  letterParams,
  rectificationItemCreate,
  rectificationItemDecision,
  rectificationPdf,
  rectificationView,
} from './rectification.schemas.ts';

const tags = ['requests'];
// Contractors hold neither permission, so no contract scope (decision 0009) is needed here.
const read = { permission: 'requests.read' } as const;
const manage = { permission: 'requests.manage' } as const;

/** Rectification of a data subject's request: fields, per-field decisions, letters, certificate. */
export const rectificationApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/requests/:id/rectification',
    access: read,
    tags,
    summary:
      'The fields a rectification request names, their decisions, the sources and recipients captured when applied, and the letters',
    params: idParams,
    status: 200,
    response: rectificationView,
    errors: ['not_found', 'conflict'],
  }),
  addItem: endpoint({
    method: 'POST',
    path: '/api/requests/:id/rectification-items',
    access: manage,
    tags,
    summary:
      'Name a field to correct, with the proposed value (checked as the person API checks it; kept encrypted) and the grounds',
    params: idParams,
    body: rectificationItemCreate,
    status: 201,
    response: rectificationView,
    errors: ['not_found', 'conflict'],
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/requests/:id/rectification-items/:itemId/decision',
    access: manage,
    tags,
    summary: 'Grant one field, or refuse it with the reason (final once applied)',
    params: itemParams,
    body: rectificationItemDecision,
    status: 200,
    response: rectificationView,
    errors: ['not_found', 'conflict'],
  }),
  apply: endpoint({
    method: 'POST',
    path: '/api/requests/:id/rectification/apply',
    access: manage,
    tags,
    summary:
      "Apply the granted fields with the request as their source, capturing each old value's sources and recipients",
    params: idParams,
    body: emptyBody,
    status: 200,
    response: rectificationView,
    errors: ['not_found', 'conflict'],
  }),
  letter: endpoint({
    method: 'GET',
    path: '/api/requests/:id/rectification/letters/:party',
    access: read,
    tags,
    summary:
      'The notification letter (GDPR Art. 19) to a source or recipient: population_register, update_service or a partner id',
    params: letterParams,
    status: 200,
    response: rectificationPdf,
    file: true,
    errors: ['not_found', 'conflict'],
  }),
  certificate: endpoint({
    method: 'GET',
    path: '/api/requests/:id/rectification/certificate',
    access: read,
    tags,
    summary:
      "The certificate of the refused fields in the requester's language, with the right to go to the Data Protection Ombudsman",
    params: idParams,
    status: 200,
    response: rectificationPdf,
    file: true,
    errors: ['not_found', 'conflict'],
  }),
};
