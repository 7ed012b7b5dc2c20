import {
  DEFAULT_LANGUAGE,
  defaultFirstScreen,
  isLanguage,
  loadCatalogue,
  loadFirstScreenCatalogue,
  type Language,
  type LoadedCatalogue,
} from './catalogues.ts';

/**
 * The page's language and what it has of its catalogue, kept outside React so that a page's
 * loader (lazyPage) can ask for the whole catalogue before the page renders. The first screens
 * (the shell, sign-in, search) need only the first-screen part; the first other page asks for
 * the whole catalogue, and from then on a language chosen is loaded whole before it is shown.
 */
export type Shown = { language: Language; whole: boolean; catalogue: LoadedCatalogue };

const STORAGE_KEY = 'asiakasrekisteri.language';

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be switched off; the default language then applies.
  }
  return DEFAULT_LANGUAGE;
}

/** The language asked for last: a slower catalogue asked for earlier does not replace it. */
let wanted: Language = storedLanguage();
/** Set by the first page that needs more than the first screen's part, and kept. */
let wholeNeeded = false;
let shown: Shown | null =
  wanted === DEFAULT_LANGUAGE
    ? { language: wanted, whole: false, catalogue: defaultFirstScreen }
    : null;
const listeners = new Set<() => void>();

function show(next: Shown): void {
  shown = next;
  for (const listener of listeners) listener();
}

export function subscribeToCatalogue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** What the page shows now; null until the first catalogue of a stored language is in. */
export const shownCatalogue = (): Shown | null => shown;

/** Fetches what the language needs (the first-screen part, or the whole) and shows it. */
function showLanguage(language: Language): Promise<void> {
  wanted = language;
  const whole = wholeNeeded;
  if (shown?.language === language && (shown.whole || !whole)) return Promise.resolve();
  const loaded: Promise<LoadedCatalogue> = whole
    ? loadCatalogue(language)
    : loadFirstScreenCatalogue(language);
  return loaded.then((catalogue) => {
    const stale =
      wanted !== language ||
      (shown?.language === language && shown.whole) ||
      (wholeNeeded && !whole);
    if (!stale) show({ language, whole, catalogue });
  });
}

/** A page opened in a language other than Finnish: when its catalogue cannot be fetched, Finnish. */
export function showStoredLanguage(): void {
  showLanguage(wanted).catch(() => {
    if (!shown) show({ language: DEFAULT_LANGUAGE, whole: false, catalogue: defaultFirstScreen });
  });
}

/** The language chosen in the menu, remembered; the page keeps its language until it is in. */
export function chooseLanguage(language: Language): void {
  // When its catalogue cannot be fetched, the page stays as it is.
  showLanguage(language).catch(() => {});
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, still switched for this one.
  }
}

/**
 * Resolves once the page shows the whole catalogue of the language asked for: a page other than
 * the first screens waits for it with its own code (lazyPage). Rejects when it cannot be fetched.
 */
export async function needWholeCatalogue(): Promise<void> {
  wholeNeeded = true;
  // Another language chosen meanwhile is loaded whole too, and shown instead.
  while (!shown?.whole) await showLanguage(wanted);
}
