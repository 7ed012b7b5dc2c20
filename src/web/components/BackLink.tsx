import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** "‹ Back to …" above a page's heading, as a breadcrumb landmark. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <nav className="back-link" aria-label={t('nav.breadcrumb')}>
      <RouterLink asComponent={Link} to={to}>
        <span aria-hidden="true">‹ </span>
        {children}
      </RouterLink>
    </nav>
  );
}
