import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { api, type OrganizationView } from '../../api.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { DataList } from '../../components/DataList.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { BillingSection, RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function OrganizationPage() {
  return (
    <RecordLoader
      kind="organization"
      load={api.getOrganization}
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
      onArchive={async () => {
        await api.archiveOrganization(organization.id);
        onArchived(await api.getOrganization(organization.id));
      }}
    >
      <Section title={t('organization.basicInformation')}>
        <DataList
          items={[
            { label: t('organization.name'), value: organization.name },
            { label: t('organization.businessId'), value: organization.businessId },
            { label: t('common.email'), value: organization.email },
            { label: t('common.phone'), value: organization.phoneDisplay },
          ]}
        />
      </Section>

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

      <BillingSection billing={organization.billing} />
    </RecordPage>
  );
}
