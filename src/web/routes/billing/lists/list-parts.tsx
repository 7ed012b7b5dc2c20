import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { Loading, ProblemNotice } from '../../../components/Notices.tsx';
import type { Pages } from '../../../data.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

/** The customer of a row, linked to their page. */
export function CustomerCell({
  customer,
}: {
  customer: { kind: 'person' | 'organization'; id: string; name: string };
}) {
  const { t } = useI18n();
  return (
    <>
      <RouterLink
        asComponent={Link}
        to={`/${customer.kind === 'person' ? 'persons' : 'organizations'}/${customer.id}`}
      >
        {customer.name}
      </RouterLink>
      {customer.kind === 'organization' && (
        <div className="muted">{t('billingLists.organization')}</div>
      )}
    </>
  );
}

/** Loading, a failure, or how many rows the list has (announced each time it changes). */
export function ListStatus<T>({ results }: { results: Pages<T> }) {
  const { t } = useI18n();
  return (
    <div className="search-results">
      {results.status === 'loading' && <Loading />}
      {results.status === 'failed' && <ProblemNotice error={results.error} />}
      <p className="search-results__status" role="status">
        {results.status === 'ready' &&
          (results.items.length === 0
            ? t('billingLists.none')
            : `${t(
                results.items.length === 1 ? 'billingLists.countOne' : 'billingLists.countMany',
                { count: results.items.length },
              )}${results.hasMore ? ` ${t('billingLists.moreAvailable')}` : ''}`)}
      </p>
    </div>
  );
}
