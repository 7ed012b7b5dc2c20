import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import {
  attachmentFile,
  attachmentList,
  attachmentParams,
  attachmentUpload,
  attachmentUploadQuery,
  attachmentView,
} from './attachments.schemas.ts';

const tags = ['requests'];

/**
 * Attachments of a data subject's request. The upload's body is the file itself, not JSON: the
 * web's `call` sends a File or Blob body as it is, with its own media type.
 */
export const attachmentsApi = {
  upload: endpoint({
    method: 'POST',
    path: '/api/requests/:id/attachments',
    access: { permission: 'requests.manage' },
    tags,
    summary:
      'Attach a file to the request (the scanned letter): PDF, JPEG, PNG or TIFF, at most 10 MB',
    description:
      'The body is the file itself, with its media type as Content-Type; `name` is its file ' +
      "name. Stored encrypted under the person's data key: erasure destroys it. Errors: " +
      '415 `attachment.typeNotAllowed` / `attachment.contentMismatch`, 413 ' +
      '`attachment.tooLarge`, 400 `attachment.empty`, or a `text.*` code for the file name.',
    params: idParams,
    query: attachmentUploadQuery,
    body: attachmentUpload,
    status: 201,
    response: attachmentView,
    errors: ['not_found', 'conflict'],
  }),
  list: endpoint({
    method: 'GET',
    path: '/api/requests/:id/attachments',
    access: { permission: 'requests.read' },
    tags,
    summary: "The request's attachments: name, type, size, who added them and when",
    params: idParams,
    status: 200,
    response: attachmentList,
    errors: ['not_found'],
  }),
  download: endpoint({
    method: 'GET',
    path: '/api/requests/:id/attachments/:attachmentId',
    access: { permission: 'requests.read' },
    tags,
    summary: 'Download an attachment: its exact bytes',
    description:
      "409 `personKey.destroyed` once the person's data key has been destroyed (erasure).",
    params: attachmentParams,
    status: 200,
    response: attachmentFile,
    file: true,
    errors: ['not_found', 'conflict'],
  }),
};
