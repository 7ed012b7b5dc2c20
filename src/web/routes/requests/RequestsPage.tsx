import { Link, useSearchParams } from 'react-router';
import { Checkbox, Paragraph, RouterLink } from 'suomifi-ui-components';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { usePages } from '../../data.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import {
  requestFiltersFrom,
  requestFiltersToParams,
  type RequestFilters,
  type RequestListStatus,
} from './requests.ts';
import { PAGE_SIZE, RequestTable } from './RequestTable.tsx';
import './requests.css';

/**
 * The register officer's dashboard of data subjects' requests: the open ones by due date (the
 * overdue first, marked in words), the answered ones, or all; each tab also only one's own.
 */
export function RequestsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = requestFiltersFrom(params);
  const show = (next: RequestFilters) => setParams(requestFiltersToParams(next), { replace: true });

  return (
    <div className="requests">
      <PageHeading title={t('requests.title')} />
      <Paragraph mb="m">{t('requests.intro')}</Paragraph>
      {me.can('requests.manage') && (
        <p className="requests__new">
          <RouterLink asComponent={Link} to="/requests/new">
            {t('requests.new')}
          </RouterLink>
        </p>
      )}
      <Checkbox
        className="requests__mine"
        checked={filters.mine}
        onClick={({ checkboxState }) => show({ ...filters, mine: checkboxState })}
      >
        {t('requests.assignedToMe')}
      </Checkbox>
      <Tabs<RequestListStatus>
        label={t('requests.tabs')}
        tabs={[
          { key: 'open', label: t('requests.tab.open') },
          { key: 'answered', label: t('requests.tab.answered') },
          { key: 'all', label: t('requests.tab.all') },
        ]}
        selected={filters.status}
        onSelect={(status) => show({ ...filters, status })}
      >
        <RequestList filters={filters} meId={me.id} />
      </Tabs>
    </div>
  );
}

function RequestList({ filters, meId }: { filters: RequestFilters; meId: string }) {
  const { t } = useI18n();
  const list = usePages(requestsApi.list, {
    query: {
      status: filters.status,
      limit: PAGE_SIZE,
      ...(filters.mine ? { assigneeId: meId } : {}),
    },
  });
  return (
    <RequestTable
      list={list}
      caption={t(filters.status === 'open' ? 'requests.captionOpen' : 'requests.captionReceived')}
      empty={t(filters.status === 'open' ? 'requests.noneOpen' : 'requests.none')}
    />
  );
}
