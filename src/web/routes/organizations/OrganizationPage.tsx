import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import type { OrganizationView } from '../../../contract/organizations/organizations.schemas.ts';
import { organizationsApi } from '../../../contract/organizations/organizations.endpoints.ts';
import { call } from '../../client.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { DataList } from '../../components/DataList.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { BillingSection, RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { CustomerBilling } from '../billing/customer/CustomerBilling.tsx';
import { ContractNotice, partlyWithheld } from '../partners/ContractNotice.tsx';
import { loadOrganization } from './OrganizationFormPage.tsx';

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
    <RecordLoader
      kind="organization"
      load={loadOrganization}
      failedTitle="organization.pageTitle"
      backToSearch
    >
      {(organization, replace) => (
        <OrganizationDetails organization={organization} onArchived={replace} />
      )}
    </RecordLoader>
  );
}

function OrganizationDetails({
  organization,
  onArchived,
}: {
  organization: OrganizationView;
  onArchived: (organization: OrganizationView) => void;
}) {
  const { t } = useI18n();

  return (
    <RecordPage
      kind="organization"
      record={organization}
      title={organization.name}
      notices={partlyWithheld(organization, ORGANIZATION_GROUP_FIELDS) && <ContractNotice />}
      onArchive={async () => {
        await call(organizationsApi.archive, { params: { id: organization.id } });
        onArchived(await call(organizationsApi.get, { params: { id: organization.id } }));
      }}
    >
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

      <CustomerBilling
        key={organization.id}
        customer={{
          kind: 'organization',
          id: organization.id,
          archived: organization.archivedAt !== null,
        }}
      />
    </RecordPage>
  );
}
