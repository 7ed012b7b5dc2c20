import type { Catalogue, MessageKey } from './catalogue.ts';
import type { ErrorCode } from './error-codes.ts';
import { fi } from './fi.ts';

export type { Catalogue, ErrorCode, MessageKey };

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';

/** Each language named in itself, as a language menu shows them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};

/** The default language's catalogue, in the app's first chunk: the first screen needs it. */
export const defaultCatalogue: Catalogue = fi;

/**
 * A language's catalogue. Swedish and English are chunks of their own, fetched when chosen:
 * each is about as large as the first screen's own code, and most sessions use one language.
 */
export function loadCatalogue(language: Language): Promise<Catalogue> {
  switch (language) {
    case 'fi':
      return Promise.resolve(fi);
    case 'sv':
      return import('./sv.ts').then((module) => module.sv);
    case 'en':
      return import('./en.ts').then((module) => module.en);
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
export function translate(catalogue: Catalogue, key: MessageKey, params?: Params): string {
  return fill(catalogue.messages[key], params);
}

export const isErrorCode = (catalogue: Catalogue, code: string): code is ErrorCode =>
  Object.hasOwn(catalogue.errors, code);

/**
 * A field error in the reader's language by its code, its placeholders filled from `params`
 * (a range the schema states); the server's own message otherwise.
 */
export function errorText(
  catalogue: Catalogue,
  problem: { code?: string | undefined; message: string; params?: Params | undefined },
): string {
  const { code } = problem;
  return code !== undefined && isErrorCode(catalogue, code)
    ? fill(catalogue.errors[code], problem.params)
    : problem.message;
}
