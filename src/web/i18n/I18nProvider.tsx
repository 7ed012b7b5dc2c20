import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useSyncExternalStore,
} from 'react';
import type { ReactNode } from 'react';
import { errorText, translate, type Language, type MessageKey, type Params } from './catalogues.ts';
import {
  chooseLanguage,
  showStoredLanguage,
  shownCatalogue,
  subscribeToCatalogue,
} from './shown-catalogue.ts';

export type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** A field error by its code, in the chosen language; falls back to the server's message. */
  errorText: (problem: { code?: string | undefined; message: string; params?: Params }) => string;
};

const I18nContext = createContext<I18n | null>(null);

/**
 * The page's language and its catalogue (shown-catalogue.ts). Finnish's first-screen part is in
 * the first chunk; the rest, and Swedish or English, are fetched when needed, and the page keeps
 * its language until the new catalogue is in. A page opened in Swedish or English shows nothing
 * until its catalogue is in; when it cannot be fetched, the page opens in Finnish.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const shown = useSyncExternalStore(subscribeToCatalogue, shownCatalogue);

  useEffect(() => {
    if (!shownCatalogue()) showStoredLanguage();
  }, []);

  useLayoutEffect(() => {
    if (shown) document.documentElement.lang = shown.language;
  }, [shown]);

  const value = useMemo<I18n | null>(() => {
    if (!shown) return null;
    const { language, catalogue } = shown;
    return {
      language,
      setLanguage: chooseLanguage,
      t: (key, params) => translate(catalogue, key, params),
      errorText: (problem) => errorText(catalogue, problem),
    };
  }, [shown]);

  return value && <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n is used outside I18nProvider');
  return i18n;
}
