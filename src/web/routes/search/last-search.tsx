import { BackLink } from '../../components/BackLink.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

let lastSearch = '';

/** Remembers the search page's query string, so a record page can lead back to the results. */
export function rememberSearch(search: string): void {
  lastSearch = search;
}

export function BackToSearch() {
  const { t } = useI18n();
  return (
    <BackLink to={`/search${lastSearch}`}>
      {lastSearch ? t('nav.backToResults') : t('nav.toSearch')}
    </BackLink>
  );
}
