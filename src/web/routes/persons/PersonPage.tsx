import { Link } from 'react-router';
import { InlineAlert, RouterLink } from 'suomifi-ui-components';
import { api, type Address, type PersonView } from '../../api.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { DataList } from '../../components/DataList.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { BillingSection, RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { helsinkiToday, yearsBefore } from '../access-log/access-log.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { IdentityCode } from './IdentityCode.tsx';
import { ProcessingReport } from './ProcessingReport.tsx';

export function PersonPage() {
  return (
    <RecordLoader kind="person" load={api.getPerson} failedTitle="person.pageTitle" backToSearch>
      {(person, replace) => <PersonDetails person={person} onArchived={replace} />}
    </RecordLoader>
  );
}

function PersonDetails({
  person,
  onArchived,
}: {
  person: PersonView;
  onArchived: (person: PersonView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const name = `${person.firstName} ${person.lastName}`;
  const hidden = person.addressProtected && !me.can('customers.readProtectedAddress');
  /** An address, or "address protected" where the reader may not see it. */
  const address = (value: Address | null) =>
    hidden || value ? (
      <AddressText address={value} protectedAddress={person.addressProtected} />
    ) : null;

  return (
    <RecordPage
      kind="person"
      record={person}
      title={name}
      badge={
        person.addressProtected && (
          <span className="badge badge--warning">{t('protection.badge')}</span>
        )
      }
      notices={
        person.addressProtected && (
          <InlineAlert status="warning" className="notice" labelText={t('protection.title')}>
            <p>{hidden ? t('protection.hiddenExplanation') : t('protection.visibleExplanation')}</p>
            <p>
              {person.addressProtection?.endsOn
                ? t('protection.endsOn', { date: formatDate(person.addressProtection.endsOn) })
                : t('protection.noEnd')}
              {person.addressProtection?.source &&
                ` ${t('protection.sourceIs', { source: person.addressProtection.source })}`}
            </p>
          </InlineAlert>
        )
      }
      onArchive={async () => {
        await api.archivePerson(person.id);
        onArchived(await api.getPerson(person.id));
      }}
    >
      <Section title={t('person.basicInformation')}>
        <DataList
          items={[
            { label: t('person.firstName'), value: person.firstName },
            { label: t('person.lastName'), value: person.lastName },
            {
              label: t('person.identityCode'),
              value: (
                <IdentityCode person={person} canReveal={me.can('customers.revealIdentityCode')} />
              ),
            },
            {
              label: t('person.identityCodePurpose'),
              value: person.personalIdentityCodePurpose
                ? t(`purpose.${person.personalIdentityCodePurpose}`)
                : null,
            },
            { label: t('person.language'), value: t(`language.${person.language}`) },
          ]}
        />
      </Section>

      <Section title={t('person.contactInformation')}>
        <DataList
          items={[
            { label: t('common.email'), value: person.email },
            { label: t('common.phone'), value: person.phoneDisplay },
            { label: t('person.permanentAddress'), value: address(person.permanentAddress) },
            { label: t('person.contactAddress'), value: address(person.contactAddress) },
          ]}
        />
      </Section>

      <Section title={t('person.organizations')}>
        {person.organizations.length === 0 ? (
          <p className="muted">{t('person.noOrganizations')}</p>
        ) : (
          <ul className="plain-list">
            {person.organizations.map((organization) => (
              <li key={organization.organizationId}>
                <RouterLink asComponent={Link} to={`/organizations/${organization.organizationId}`}>
                  {organization.name}
                </RouterLink>
                {organization.businessId && (
                  <span className="muted"> · {organization.businessId}</span>
                )}
                {organization.title && <div>{organization.title}</div>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <BillingSection
        billing={person.billing}
        protectedAddress={person.addressProtected}
        hidden={hidden}
      />

      {me.can('accessLog.read') && (
        <Section title={t('person.processingTitle')}>
          <p>{t('person.processingText')}</p>
          <RouterLink
            asComponent={Link}
            to={`/access-log?${new URLSearchParams({
              subjectId: person.id,
              from: yearsBefore(helsinkiToday(), 2),
            }).toString()}`}
          >
            {t('person.processingLink')}
          </RouterLink>
          {me.can('accessLog.subjectReport') && <ProcessingReport person={person} />}
        </Section>
      )}
    </RecordPage>
  );
}
