import { Link, useSearchParams } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import type { OrganizationView } from '../../../contract/organizations/organizations.schemas.ts';
import { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import { call } from '../../client.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { DataList } from '../../components/DataList.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { BillingSection, NotesSection, RecordPage } from '../../components/RecordPage.tsx';
import { Tabs, type Tab } from '../../components/Tabs.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { CustomerBilling } from '../billing/customer/CustomerBilling.tsx';
import { ContractNotice, partlyWithheld } from '../partners/ContractNotice.tsx';

/** One field of each group a contract may leave out: any of them missing, the note is shown. */
const ORGANIZATION_GROUP_FIELDS = [
  'email',
  'postalAddress',
  'billing',
  'representatives',
  'notes',
] as const;

export function OrganizationPage() {
  return (
    <RecordLoader endpoint={organizationsApi.get} failedTitle="organization.pageTitle" backToSearch>
      {(organization, replace) => (
        <OrganizationDetails organization={organization} onArchived={replace} />
      )}
    </RecordLoader>
  );
}

type TabKey = 'details' | 'billing';

function OrganizationDetails({
  organization,
  onArchived,
}: {
  organization: OrganizationView;
  onArchived: (organization: OrganizationView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tabs: Tab<TabKey>[] = [
    { key: 'details', label: t('recordPage.tab.details') },
    ...(me.can('orders.read') || me.can('invoices.read') || me.can('disclosures.read')
      ? [{ key: 'billing' as const, label: t('recordPage.tab.billing') }]
      : []),
  ];
  const selected: TabKey =
    params.get('tab') === 'billing' && tabs.length > 1 ? 'billing' : 'details';
  const contact = [organization.businessId, organization.phoneDisplay, organization.email].filter(
    Boolean,
  );

  return (
    <RecordPage
      kind="organization"
      record={organization}
      title={organization.name}
      summary={
        <section className="record__summary" aria-label={t('recordPage.summary')}>
          <p className="record__summary-line">
            {contact.length > 0 ? contact.join(' · ') : t('recordPage.noContact')}
          </p>
        </section>
      }
      notices={partlyWithheld(organization, ORGANIZATION_GROUP_FIELDS) && <ContractNotice />}
      onArchive={async () => {
        await call(organizationsApi.archive, { params: { id: organization.id } });
        onArchived(await call(organizationsApi.get, { params: { id: organization.id } }));
      }}
    >
      <Tabs
        label={t('recordPage.tabs')}
        tabs={tabs}
        selected={selected}
        onSelect={(tab) => setParams(tab === 'details' ? {} : { tab }, { replace: true })}
      >
        {selected === 'details' ? (
          <OrganizationDetailsTab organization={organization} />
        ) : (
          <CustomerBilling
            key={organization.id}
            customer={{
              kind: 'organization',
              id: organization.id,
              archived: organization.archivedAt !== null,
            }}
          />
        )}
      </Tabs>
    </RecordPage>
  );
}

/** The organisation's own data: name, contact, addresses, representatives, billing, notes. */
function OrganizationDetailsTab({ organization }: { organization: OrganizationView }) {
  const { t } = useI18n();
  return (
    <div className="record__grid">
      <Section title={t('organization.basicInformation')}>
        <DataList
          items={[
            { label: t('organization.name'), value: organization.name },
            { label: t('organization.businessId'), value: organization.businessId },
            // A contractor's contract may leave the contact fields out: then so does the page.
            ...(organization.email !== undefined
              ? [
                  { label: t('common.email'), value: organization.email },
                  { label: t('common.phone'), value: organization.phoneDisplay },
                ]
              : []),
          ]}
        />
      </Section>

      {organization.postalAddress !== undefined && (
        <Section title={t('organization.addresses')}>
          <DataList
            items={[
              {
                label: t('organization.postalAddress'),
                value: organization.postalAddress && (
                  <AddressText address={organization.postalAddress} />
                ),
              },
              {
                label: t('organization.visitingAddress'),
                value: organization.visitingAddress && (
                  <AddressText address={organization.visitingAddress} />
                ),
              },
            ]}
          />
        </Section>
      )}

      {organization.representatives && (
        <Section title={t('organization.representatives')}>
          {organization.representatives.length === 0 ? (
            <p className="muted">{t('organization.noRepresentatives')}</p>
          ) : (
            <ul className="plain-list">
              {organization.representatives.map((representative) => (
                <li key={representative.personId}>
                  <RouterLink asComponent={Link} to={`/persons/${representative.personId}`}>
                    {representative.firstName} {representative.lastName}
                  </RouterLink>
                  {representative.title && <div>{representative.title}</div>}
                </li>
              ))}
            </ul>
          )}
          <p className="hint">{t('organization.representativesHint')}</p>
        </Section>
      )}

      {organization.billing !== undefined && <BillingSection billing={organization.billing} />}

      <NotesSection notes={organization.notes} />
    </div>
  );
}
