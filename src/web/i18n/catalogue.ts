import type { ErrorCode } from './error-codes.ts';
import type { fiMessages } from './fi.ts';
import type { fiFirstScreen } from './first-screen-fi.ts';

/** Finnish is the default and the source of the keys: every catalogue has exactly these. */
export type MessageKey = keyof typeof fiMessages;

export type Catalogue = {
  messages: Record<MessageKey, string>;
  /** Field errors by their stable code (identifier parsers, server rules, zod, the web app). */
  errors: Record<ErrorCode, string>;
};

/** The keys of the first screen's part of each catalogue (the shell, sign-in and search). */
export type FirstScreenKey = keyof typeof fiFirstScreen.messages;

/** The first screen's part of a catalogue, in the first chunk for Finnish (decision 0004). */
export type FirstScreenCatalogue = {
  messages: Record<FirstScreenKey, string>;
  errors: Record<keyof typeof fiFirstScreen.errors, string>;
};

/** What the page has of a catalogue: its first screen's part, or all of it. */
export type LoadedCatalogue = Catalogue | FirstScreenCatalogue;
