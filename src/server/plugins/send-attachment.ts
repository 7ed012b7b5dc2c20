import type { FastifyReply } from 'fastify';

/** A file the register hands out: its bytes, type and the name it is saved under. */
export type AttachmentFile = { body: Buffer | string; contentType: string; fileName: string };

/**
 * Answers a file as a download that no cache keeps. Every route that lets a file out of the
 * register calls this, so the usage rule's callers test (test/api/objections-callers.test.ts)
 * finds each of them by the call.
 */
export function sendAttachment(reply: FastifyReply, file: AttachmentFile) {
  return reply
    .type(file.contentType)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}
