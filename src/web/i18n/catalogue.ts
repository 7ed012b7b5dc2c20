import type { ErrorCode } from './error-codes.ts';
import type { fiMessages } from './fi.ts';

/** Finnish is the default and the source of the keys: every catalogue has exactly these. */
export type MessageKey = keyof typeof fiMessages;

export type Catalogue = {
  messages: Record<MessageKey, string>;
  /** Field errors by their stable code (identifier parsers, server rules, zod, the web app). */
  errors: Record<ErrorCode, string>;
};
