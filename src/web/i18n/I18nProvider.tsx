import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  catalogues,
  DEFAULT_LANGUAGE,
  errorText,
  isLanguage,
  translate,
  type Language,
  type MessageKey,
  type Params,
} from './catalogues.ts';

const STORAGE_KEY = 'asiakasrekisteri.language';

export type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** A field error by its code, in the chosen language; falls back to the server's message. */
  errorText: (problem: { code?: string | undefined; message: string }) => string;
};

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be switched off; the default language then applies.
  }
  return DEFAULT_LANGUAGE;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered across visits, still switched for this one.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const catalogue = catalogues[language];
    return {
      language,
      setLanguage,
      t: (key, params) => translate(catalogue, key, params),
      errorText: (problem) => errorText(catalogue, problem),
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n is used outside I18nProvider');
  return i18n;
}
