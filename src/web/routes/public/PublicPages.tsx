import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, Route, Routes, useSearchParams } from 'react-router';
import { SkipLink } from 'suomifi-ui-components';
import { LanguageChoice } from '../../components/LanguageChoice.tsx';
import { isLanguage } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AccessibilityPage } from './AccessibilityPage.tsx';
import { CookiesPage } from './CookiesPage.tsx';
import { PrivacyStatementPage } from './PrivacyStatementPage.tsx';
import { PUBLIC_PATHS } from './public-paths.ts';
import './public.css';

/**
 * The pages anyone may read without signing in (issue #17): the privacy statement, the
 * accessibility statement with its feedback form and the cookie notice, in Finnish, Swedish or English, made for a phone first. The language is in the address
 * (`?lang=sv`) so a link keeps it.
 */
export function PublicPages() {
  return (
    <PublicShell>
      <Routes>
        <Route path="privacy-statement" element={<PrivacyStatementPage />} />
        <Route path="accessibility" element={<AccessibilityPage />} />
        <Route path="cookies" element={<CookiesPage />} />
        <Route path="*" element={<PrivacyStatementPage />} />
      </Routes>
    </PublicShell>
  );
}

function PublicShell({ children }: { children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('lang');
  useEffect(() => {
    if (isLanguage(asked) && asked !== language) setLanguage(asked);
  }, [asked, language, setLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const withLanguage = (path: string) => `${path}?lang=${language}`;

  return (
    <div className="public">
      <SkipLink href="#main">{t('public.skipToContent')}</SkipLink>
      <header className="public__header">
        <div className="public__bar">
          <Link to={withLanguage(PUBLIC_PATHS.privacyStatement)} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">{t('public.municipalityServices')}</span>
            </span>
          </Link>
          <LanguageChoice
            className="public__language"
            onChosen={(chosen) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  next.set('lang', chosen);
                  return next;
                },
                { replace: true },
              )
            }
          />
        </div>
      </header>
      <main id="main" className="public__main" tabIndex={-1}>
        {children}
      </main>
      <footer className="public__footer">
        <nav aria-label={t('public.footerNav')}>
          <ul>
            <li>
              <NavLink to={withLanguage(PUBLIC_PATHS.privacyStatement)}>
                {t('public.privacyStatement')}
              </NavLink>
            </li>
            <li>
              <NavLink to={withLanguage(PUBLIC_PATHS.accessibility)}>
                {t('public.accessibility')}
              </NavLink>
            </li>
            <li>
              <NavLink to={withLanguage(PUBLIC_PATHS.cookies)}>{t('public.cookies')}</NavLink>
            </li>
            <li>
              <Link to="/">{t('public.staffSignIn')}</Link>
            </li>
          </ul>
        </nav>
      </footer>
    </div>
  );
}
