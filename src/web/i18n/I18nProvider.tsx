import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import {
  DEFAULT_LANGUAGE,
  defaultCatalogue,
  errorText,
  isLanguage,
  loadCatalogue,
  translate,
  type Catalogue,
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
  errorText: (problem: { code?: string | undefined; message: string; params?: Params }) => string;
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

type Shown = { language: Language; catalogue: Catalogue };

/**
 * The page's language and its catalogue. Finnish is in the first chunk; Swedish or English is
 * fetched when chosen (loadCatalogue), and the page keeps its language until the new catalogue
 * is in. A page opened in Swedish or English shows nothing until its catalogue is in; when it
 * cannot be fetched, the page opens in Finnish.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState<Shown | null>(() => {
    const stored = storedLanguage();
    return stored === DEFAULT_LANGUAGE ? { language: stored, catalogue: defaultCatalogue } : null;
  });
  // The language asked for last: a slower catalogue asked for earlier does not replace it.
  const wanted = useRef<Language>(shown?.language ?? storedLanguage());

  const show = useCallback((language: Language) => {
    wanted.current = language;
    loadCatalogue(language).then(
      (catalogue) => {
        if (wanted.current === language) setShown({ language, catalogue });
      },
      () => {
        // Its code could not be fetched: the page stays as it is (Finnish on the first load).
        setShown(
          (current) => current ?? { language: DEFAULT_LANGUAGE, catalogue: defaultCatalogue },
        );
      },
    );
  }, []);

  useEffect(() => {
    if (!shown) show(wanted.current);
  }, [shown, show]);

  useLayoutEffect(() => {
    if (shown) document.documentElement.lang = shown.language;
  }, [shown]);

  const setLanguage = useCallback(
    (next: Language) => {
      show(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not remembered across visits, still switched for this one.
      }
    },
    [show],
  );

  const value = useMemo<I18n | null>(() => {
    if (!shown) return null;
    const { language, catalogue } = shown;
    return {
      language,
      setLanguage,
      t: (key, params) => translate(catalogue, key, params),
      errorText: (problem) => errorText(catalogue, problem),
    };
  }, [shown, setLanguage]);

  return value && <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n is used outside I18nProvider');
  return i18n;
}
