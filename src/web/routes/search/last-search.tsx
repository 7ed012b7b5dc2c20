import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { useI18n } from '../../i18n/I18nProvider.tsx';

let lastSearch = '';

/** Remembers the search page's query string, so a record page can lead back to the results. */
export function rememberSearch(search: string): void {
  lastSearch = search;
}

export function BackToSearch() {
  const { t } = useI18n();
  return (
    <nav className="back-link" aria-label={t('nav.breadcrumb')}>
      <RouterLink asComponent={Link} to={`/search${lastSearch}`}>
        <span aria-hidden="true">‹ </span>
        {lastSearch ? t('nav.backToResults') : t('nav.toSearch')}
      </RouterLink>
    </nav>
  );
}
