import { z } from 'zod';
import { text, zId } from '../text.ts';

/** The largest update file the web takes; the CLI streams a file of any size. */
export const MAX_UPDATE_FILE_BYTES = 20 * 1024 * 1024;

export const updateFileProfileView = z.object({
  id: z.string(),
  name: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
  format: z.enum(['fixed-width', 'csv']),
  encoding: z.string(),
  updates: z.enum(['permanentAddress', 'contactAddress']),
});
export const updateFileProfileList = z.object({ items: z.array(updateFileProfileView) });
export type UpdateFileProfileView = z.infer<typeof updateFileProfileView>;

/** The upload's query: the profile, the sending company, the file's name, and dry run or apply. */
export const updateFileRunQuery = z.strictObject({
  profile: z.string().regex(/^[a-z0-9-]{1,50}$/, 'Give the id of a profile'),
  partnerId: zId,
  name: text({ max: 255, kind: 'fileName' }),
  dryRun: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .default(true),
});

/** The upload's body: the file's bytes as they are. */
export const updateFileUpload = z.any().meta({ format: 'binary', description: 'The file' });
