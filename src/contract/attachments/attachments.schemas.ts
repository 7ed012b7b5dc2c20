import { z } from 'zod';
import { text, zId } from '../text.ts';
import { ATTACHMENT_TYPES } from '../enums.ts';

/** The largest attachment: a scanned letter of some pages fits many times over. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** A file name as the officer's computer gave it: no path, no control or bidi characters. */
export const attachmentUploadQuery = z.strictObject({
  name: text({ max: 255, kind: 'fileName' }),
});

export const attachmentParams = z.strictObject({ id: zId, attachmentId: zId });

export const attachmentView = z.object({
  id: zId,
  /** null when the person's data key has been destroyed (erasure). */
  fileName: z.string().nullable(),
  contentType: z.enum(ATTACHMENT_TYPES),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AttachmentView = z.infer<typeof attachmentView>;

export const attachmentList = z.object({ items: z.array(attachmentView) });
export type AttachmentList = z.infer<typeof attachmentList>;
