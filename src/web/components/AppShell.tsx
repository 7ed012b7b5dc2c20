import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { Button, InlineAlert, RouterLink, SkipLink } from 'suomifi-ui-components';
import type { Permission } from '../api.ts';
import { LanguageChoice } from './LanguageChoice.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { homePath } from '../home.ts';
import { menuItems } from '../route-access.ts';
import { useSession } from '../session.tsx';
import { ACCOUNT_PATH, COMMITMENT_PATH, pendingStep } from '../routes/account/pending-step.ts';

/** Header (product, navigation, user, sign-out, language), main landmark and footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const me = session.status === 'signedIn' ? session.me : null;
  const can = (permission: Permission) => me?.permissions.includes(permission) ?? false;
  const { pathname } = useLocation();
  // While a step after sign-in stands in for every page, the menu would lead nowhere else.
  const step = me ? pendingStep(me, pathname) : null;

  /** Only what the user may use: an auditor sees the access log and nothing of customers. */
  const navItems = menuItems(can);

  return (
    <div className="shell">
      <SkipLink href="#main">{t('shell.skipToContent')}</SkipLink>
      <header className="shell__header">
        <div className="shell__bar">
          <Link to={me ? homePath(can) : '/'} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="shell__tools">
            {me && (
              <p className="shell__user">
                <span className="shell__user-label">{t('shell.signedInAs')}</span>{' '}
                <strong>{me.fullName ?? me.username}</strong>
                <span className="shell__role"> · {t(`role.${me.role}`)}</span>
                {(step === null || step === 'commitment') && (
                  <>
                    {' · '}
                    <Link to={ACCOUNT_PATH} className="shell__account">
                      {t('account.nav')}
                    </Link>
                  </>
                )}
              </p>
            )}
            <LanguageChoice className="shell__language" />
            {me && (
              <Button
                variant="secondary"
                className="shell__sign-out"
                disabled={signingOut}
                onClick={() => {
                  setSigningOut(true);
                  void signOut().finally(() => setSigningOut(false));
                }}
              >
                {t('shell.signOut')}
              </Button>
            )}
          </div>
        </div>
        {me && navItems.length > 0 && step === null && (
          <nav className="shell__nav" aria-label={t('shell.mainNavigation')}>
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    end
                    className={({ isActive }) => `nav-link${isActive ? ' nav-link--active' : ''}`}
                  >
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="shell__main" tabIndex={-1}>
        {me && !me.commitmentSigned && step === null && pathname !== COMMITMENT_PATH && (
          <InlineAlert status="warning" className="notice">
            {t('shell.noCommitment')}{' '}
            <RouterLink asComponent={Link} to={COMMITMENT_PATH}>
              {t('account.commitment.read')}
            </RouterLink>
          </InlineAlert>
        )}
        {children}
      </main>
      <footer className="shell__footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
