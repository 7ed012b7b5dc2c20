import { useEffect, type ReactNode } from 'react';
import { Link, NavLink, useSearchParams } from 'react-router';
import { SkipLink } from 'suomifi-ui-components';
import { LanguageChoice } from '../../components/LanguageChoice.tsx';
import { isLanguage } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { PUBLIC_PATHS } from './public-paths.ts';
import './public.css';

/**
 * The frame of the pages outside the staff's app (the public pages and the resident's e-service):
 * the header with the language in the address (`?lang=sv`, so a link keeps it), and the footer's
 * links to the statements.
 */
export function PublicShell({
  brand,
  banner,
  staffLink = true,
  className,
  children,
}: {
  /** Where the brand leads, and the catalogue key of its name. */
  brand: { to: string; name: MessageKey };
  /** Shown above the header on every page (the resident's test-identification notice). */
  banner?: ReactNode;
  /** The footer's link to the staff's sign-in (not from the resident's e-service). */
  staffLink?: boolean;
  className?: string;
  children: ReactNode;
}) {
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
    <div className={className ? `public ${className}` : 'public'}>
      <SkipLink href="#main">{t('public.skipToContent')}</SkipLink>
      {banner}
      <header className="public__header">
        <div className="public__bar">
          <Link to={withLanguage(brand.to)} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">{t(brand.name)}</span>
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
            {staffLink && (
              <li>
                <Link to="/">{t('public.staffSignIn')}</Link>
              </li>
            )}
          </ul>
        </nav>
      </footer>
    </div>
  );
}
