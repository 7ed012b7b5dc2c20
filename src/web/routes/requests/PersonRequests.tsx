import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { usePages } from '../../data.ts';
import type { Answer } from '../../../contract/endpoint.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import { PAGE_SIZE, RequestTable } from './RequestTable.tsx';
import './requests.css';

/**
 * The person's data subject's requests, newest receipt first, and a new one for them. `loaded`:
 * the first page as the person's page read it (one access-log entry per page view), so opening
 * the tab reads nothing; "show more" reads the pages after it.
 */
export function PersonRequests({
  personId,
  loaded,
}: {
  personId: string;
  loaded?: { data: Answer<typeof requestsApi.personRequests>; version: number } | undefined;
}) {
  const { t } = useI18n();
  const me = useMe();
  const list = usePages(
    requestsApi.personRequests,
    { params: { id: personId }, query: { status: 'all', limit: PAGE_SIZE } },
    { first: loaded },
  );
  return (
    <Section
      title={t('requests.personTitle')}
      className="record__wide"
      actions={
        me.can('requests.manage') && (
          <RouterLink
            asComponent={Link}
            to={`/requests/new?${new URLSearchParams({ personId }).toString()}`}
          >
            {t('requests.registerForPerson')}
          </RouterLink>
        )
      }
    >
      <RequestTable
        list={list}
        caption={t('requests.personTitle')}
        empty={t('requests.personNone')}
        showPerson={false}
      />
    </Section>
  );
}
