import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { usePages } from '../../data.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import { PAGE_SIZE, RequestTable } from './RequestTable.tsx';
import './requests.css';

/** The person's data subject's requests, newest receipt first, and a new one for them. */
export function PersonRequests({ personId }: { personId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const list = usePages(requestsApi.personRequests, {
    params: { id: personId },
    query: { status: 'all', limit: PAGE_SIZE },
  });
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
