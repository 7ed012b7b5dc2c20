import crypto from 'node:crypto';
import { ATTACHMENT_TYPES, type AttachmentType } from '../../db/schema/attachments.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { findRequest, insertRequestEvent } from '../requests/requests.queries.ts';
import { findAttachment, insertAttachment, listAttachments } from './attachments.queries.ts';
import {
  MAX_ATTACHMENT_BYTES,
  type AttachmentList,
  type AttachmentView,
} from '../../../contract/attachments/attachments.schemas.ts';

/*
 * A request's attachments (the scanned letter) are the person's data: the bytes and the file name
 * are encrypted under the person's data key (decision 0011), so that erasure, which destroys the
 * key, destroys them too. Every upload, list and download is logged for the person.
 */

const FIELDS = ['requestAttachment'];

const contentContext = (id: string) => `request_attachment.content:${id}`;
const nameContext = (id: string) => `request_attachment.file_name:${id}`;

/** How each allowed type begins: a file that claims a type must be one. */
const MAGIC: Record<AttachmentType, readonly (readonly number[])[]> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/tiff': [
    [0x49, 0x49, 0x2a, 0x00],
    [0x4d, 0x4d, 0x00, 0x2a],
  ],
};

export const isAttachmentType = (value: string): value is AttachmentType =>
  (ATTACHMENT_TYPES as readonly string[]).includes(value);

/** The media type of a Content-Type header, without its parameters, in lower case. */
export const mediaType = (header: string | undefined): string =>
  (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

export function typeNotAllowed(type: string): AppError {
  const message = `${type || 'A file without a type'} is not allowed: attach a PDF, JPEG, PNG or TIFF file`;
  return new AppError('unsupported_media_type', message, {
    errors: [{ field: 'content-type', message, code: 'attachment.typeNotAllowed' }],
  });
}

export function tooLarge(size: number | null): AppError {
  const message = `The file is ${size === null ? 'too large' : `${size} bytes`}: at most ${MAX_ATTACHMENT_BYTES} bytes (10 MB)`;
  return new AppError('payload_too_large', message, {
    errors: [{ field: 'body', message, code: 'attachment.tooLarge' }],
  });
}

/** Checks the file before anything is stored: not empty, not too large, what it claims to be. */
function checkFile(type: string, body: unknown): { type: AttachmentType; bytes: Buffer } {
  if (!isAttachmentType(type)) throw typeNotAllowed(type);
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (bytes.length === 0) {
    const message = 'The file is empty';
    throw new AppError('validation', message, {
      errors: [{ field: 'body', message, code: 'attachment.empty' }],
    });
  }
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(bytes.length);
  const matches = MAGIC[type].some((magic) => magic.every((byte, i) => bytes[i] === byte));
  if (!matches) {
    const message = `The file is not a ${type} file`;
    throw new AppError('unsupported_media_type', message, {
      errors: [{ field: 'content-type', message, code: 'attachment.contentMismatch' }],
    });
  }
  return { type, bytes };
}

async function requireRequest(ctx: CustomerContext, requestId: string) {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw notFound('Request');
  return request;
}

/** Stores an attachment of a request, encrypted under its person's data key. */
export async function uploadAttachment(
  ctx: CustomerContext,
  requestId: string,
  input: { fileName: string; contentType: string; body: unknown },
): Promise<AttachmentView> {
  const file = checkFile(input.contentType, input.body);
  const request = await requireRequest(ctx, requestId);
  const id = crypto.randomUUID();
  // Encrypted before the transaction: the key store is another database (decision 0011).
  const contentEncrypted = await ctx.personKeys.encryptBytes(
    request.personId,
    file.bytes,
    contentContext(id),
  );
  const fileNameEncrypted = await ctx.personKeys.encrypt(
    request.personId,
    input.fileName,
    nameContext(id),
  );
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const current = await findRequest(tx, requestId, { forUpdate: true });
    if (!current) throw notFound('Request');
    const stored = await insertAttachment(tx, {
      id,
      requestId,
      fileNameEncrypted,
      contentType: file.type,
      sizeBytes: file.bytes.length,
      contentEncrypted,
      createdAt: now,
      createdBy: ctx.actor.userId,
      createdByUsername: ctx.actor.username,
    });
    const described = { id, contentType: file.type, sizeBytes: file.bytes.length };
    await insertRequestEvent(tx, {
      requestId,
      occurredAt: now,
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      action: 'attachment',
      changes: { attachment: { old: null, new: described } },
    });
    // The file name is the person's data, encrypted: the log names the attachment by its id.
    await logAccess({ ...ctx, db: tx }, 'create', [current.personId], FIELDS, {
      changes: {
        request: { id: current.id, number: current.number, action: 'attachment' },
        attachment: { old: null, new: described },
      },
    });
    return stored;
  });
  return {
    id: row.id,
    fileName: input.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByUsername,
  };
}

/** What a person's requests carry, by request (names decrypted in one round trip); not logged. */
export async function attachmentsOfRequests(
  ctx: Pick<CustomerContext, 'db' | 'personKeys'>,
  personId: string,
  requestIds: readonly string[],
): Promise<Map<string, Omit<AttachmentList['items'][number], 'id' | 'createdBy'>[]>> {
  const rows = await listAttachments(ctx.db, requestIds);
  const names = await ctx.personKeys.decryptMany(
    rows.map((row) => ({
      personId,
      ciphertext: row.fileNameEncrypted,
      context: nameContext(row.id),
    })),
  );
  const byRequest = new Map<string, Omit<AttachmentList['items'][number], 'id' | 'createdBy'>[]>();
  rows.forEach((row, index) => {
    const list = byRequest.get(row.requestId) ?? [];
    list.push({
      fileName: names[index] ?? null,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      createdAt: row.createdAt.toISOString(),
    });
    byRequest.set(row.requestId, list);
  });
  return byRequest;
}

/** The request's attachments (names decrypted in one key-store round trip); logged. */
export async function getAttachments(
  ctx: CustomerContext,
  requestId: string,
): Promise<AttachmentList> {
  const request = await requireRequest(ctx, requestId);
  const rows = await listAttachments(ctx.db, requestId);
  const names = await ctx.personKeys.decryptMany(
    rows.map((row) => ({
      personId: request.personId,
      ciphertext: row.fileNameEncrypted,
      context: nameContext(row.id),
    })),
  );
  await logAccess(ctx, 'read', [request.personId], FIELDS);
  return {
    items: rows.map((row, index) => ({
      id: row.id,
      fileName: names[index] ?? null,
      contentType: row.contentType,
      sizeBytes: row.sizeBytes,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdByUsername,
    })),
  };
}

/**
 * The attachment's exact bytes. When the person's key has been destroyed, decryption throws
 * PersonKeyDestroyedError, which answers 409 `personKey.destroyed`.
 */
export async function downloadAttachment(
  ctx: CustomerContext,
  requestId: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: AttachmentType; body: Buffer }> {
  const request = await requireRequest(ctx, requestId);
  const row = await findAttachment(ctx.db, requestId, attachmentId);
  if (!row) throw notFound('Attachment');
  const body = await ctx.personKeys.decryptBytes(
    request.personId,
    row.contentEncrypted,
    contentContext(row.id),
  );
  const fileName = await ctx.personKeys.decrypt(
    request.personId,
    row.fileNameEncrypted,
    nameContext(row.id),
  );
  await logAccess(ctx, 'read', [request.personId], FIELDS, {
    changes: { attachment: { id: row.id, download: true } },
  });
  return { fileName, contentType: row.contentType, body };
}
