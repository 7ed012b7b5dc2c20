import { z } from 'zod';

/**
 * Longer than any cursor the server makes: the longest key is two names of up to 200 UTF-16
 * units (four UTF-8 bytes per emoji) and an id, about 1,100 characters once in base64. The
 * server parses a cursor back by the list's own exact schema (src/server/lib/cursor.ts).
 */
export const MAX_CURSOR_LENGTH = 2048;

/** The `cursor` query parameter of every list: its length is all a schema can check here. */
export const zCursor = z.string().max(MAX_CURSOR_LENGTH);
