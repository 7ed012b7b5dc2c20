import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import { emptyBody } from '../staff/staff.schemas.ts';
import {
  erasureLetterFile,
  erasureView,
  legalHoldCreate,
  legalHoldList,
  legalHoldParams,
  legalHoldView,
} from './erasure.schemas.ts';

const tags = ['erasure'];
const read = { permission: 'requests.read' } as const;
const manage = { permission: 'requests.manage' } as const;

/**
 * Erasure on a data subject's request (decision 0019): the dry run, the erasure itself and the
 * answer letter; and legal holds, which stop an erasure. The register officer's work, under the
 * requests' permissions: contractors hold neither.
 */
export const erasureApi = {
  get: endpoint({
    method: 'GET',
    path: '/api/requests/:id/erasure',
    access: read,
    tags,
    summary:
      'The dry run of an erasure request (blockers with reasons in fi, sv and en, what would be erased and kept until when), or its record once carried out',
    params: idParams,
    status: 200,
    response: erasureView,
    errors: ['not_found', 'conflict'],
  }),
  execute: endpoint({
    method: 'POST',
    path: '/api/requests/:id/erasure',
    access: manage,
    tags,
    summary:
      "Erase the request's person: refused with 409 erasure.blocked (every reason in fi, sv and en) while anything blocks everything; else everything no retention period keeps",
    description:
      'The request must be in progress. It is decided (granted, or partly granted with what stays until when) in the same transaction; the kept parts are erased by the register itself when their periods end.',
    params: idParams,
    body: emptyBody,
    status: 201,
    response: erasureView,
    errors: ['not_found', 'conflict'],
  }),
  letter: endpoint({
    method: 'GET',
    path: '/api/requests/:id/erasure/letter',
    access: read,
    tags,
    summary:
      "The answer letter as a PDF in the requester's language: what was erased, what stays, why and until when, or why the erasure cannot be done now",
    params: idParams,
    status: 200,
    response: erasureLetterFile,
    file: true,
    errors: ['not_found', 'conflict'],
  }),
  holds: endpoint({
    method: 'GET',
    path: '/api/persons/:id/legal-holds',
    access: read,
    tags,
    summary: "The person's legal holds, those in force and those ended or released",
    params: idParams,
    status: 200,
    response: legalHoldList,
    errors: ['not_found'],
  }),
  placeHold: endpoint({
    method: 'POST',
    path: '/api/persons/:id/legal-holds',
    access: manage,
    tags,
    summary: "Place a legal hold: while in force it blocks the person's erasure",
    params: idParams,
    body: legalHoldCreate,
    status: 201,
    response: legalHoldView,
    errors: ['not_found'],
  }),
  releaseHold: endpoint({
    method: 'POST',
    path: '/api/persons/:id/legal-holds/:holdId/release',
    access: manage,
    tags,
    summary: 'Release a legal hold: from now on it blocks nothing',
    params: legalHoldParams,
    body: emptyBody,
    status: 200,
    response: legalHoldView,
    errors: ['not_found', 'conflict'],
  }),
};
