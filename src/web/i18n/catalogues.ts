import type {
  Catalogue,
  FirstScreenCatalogue,
  FirstScreenKey,
  LoadedCatalogue,
  MessageKey,
} from './catalogue.ts';
import type { ErrorCode } from './error-codes.ts';
import { fiFirstScreen } from './first-screen-fi.ts';

export type {
  Catalogue,
  ErrorCode,
  FirstScreenCatalogue,
  FirstScreenKey,
  LoadedCatalogue,
  MessageKey,
};

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';

/** Each language named in itself, as a language menu shows them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};

/**
 * The first screen's part of the default language's catalogue, in the app's first chunk: the
 * shell, the sign-in page and the search page need nothing else.
 */
export const defaultFirstScreen: FirstScreenCatalogue = fiFirstScreen;

/**
 * A language's whole catalogue, a chunk of its own for each language: about 100 kB of text each,
 * needed by every page but the first screens, and a session uses one language.
 */
export function loadCatalogue(language: Language): Promise<Catalogue> {
  switch (language) {
    case 'fi':
      return import('./fi.ts').then((module) => module.fi);
    case 'sv':
      return import('./sv.ts').then((module) => module.sv);
    case 'en':
      return import('./en.ts').then((module) => module.en);
  }
}

/** A language's first-screen part: Finnish's is in the first chunk, the others are fetched. */
export function loadFirstScreenCatalogue(language: Language): Promise<FirstScreenCatalogue> {
  switch (language) {
    case 'fi':
      return Promise.resolve(fiFirstScreen);
    case 'sv':
      return import('./first-screen-sv.ts').then((module) => module.svFirstScreen);
    case 'en':
      return import('./first-screen-en.ts').then((module) => module.enFirstScreen);
  }
}

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export type Params = Record<string, string | number>;

const fill = (text: string, params: Params | undefined): string =>
  text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    params && name in params ? String(params[name]) : placeholder,
  );

/** The message for a key, with `{name}` placeholders filled from params. */
export function translate(catalogue: LoadedCatalogue, key: MessageKey, params?: Params): string {
  const message = (catalogue.messages as Partial<Record<MessageKey, string>>)[key];
  if (message === undefined) {
    // Only the first-screen part can lack a key, and test/web/bundle.test.ts keeps every key the
    // first screens use in it: a missing one is a bug to see, not a page to break.
    console.error(`The catalogue loaded has no text for ${key}`);
    return key;
  }
  return fill(message, params);
}

export const isErrorCode = (catalogue: LoadedCatalogue, code: string): code is ErrorCode =>
  Object.hasOwn(catalogue.errors, code);

/**
 * A field error in the reader's language by its code, its placeholders filled from `params`
 * (a range the schema states); the server's own message otherwise.
 */
export function errorText(
  catalogue: LoadedCatalogue,
  problem: { code?: string | undefined; message: string; params?: Params | undefined },
): string {
  const { code } = problem;
  const errors = catalogue.errors as Partial<Record<ErrorCode, string>>;
  const text = code !== undefined && isErrorCode(catalogue, code) ? errors[code] : undefined;
  return text ? fill(text, problem.params) : problem.message;
}
