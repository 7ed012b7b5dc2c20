import { Link } from 'react-router';
import { InlineAlert, RouterLink } from 'suomifi-ui-components';
import type { Address, PersonView } from '../../api.ts';
import { call } from '../../client.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { loadPerson } from './PersonFormPage.tsx';
import { AddressText } from '../../components/AddressText.tsx';
import { DataList } from '../../components/DataList.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { BillingSection, RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate } from '../../format.ts';
import { helsinkiToday, yearsBefore } from '../access-log/access-log.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { CustomerBilling } from '../billing/customer/CustomerBilling.tsx';
import { SocialServicesSection } from '../social-services/SocialServicesSection.tsx';
import { ContractNotice, partlyWithheld } from '../partners/ContractNotice.tsx';
import { PersonRequests } from '../requests/PersonRequests.tsx';
import { ObjectionsSection } from '../objections/ObjectionsSection.tsx';
import { ValueSources } from '../rectification/ValueSources.tsx';
import { IdentityCode } from './IdentityCode.tsx';
import { ProcessingReport } from './ProcessingReport.tsx';
import { LegalHolds } from './legal-holds/LegalHolds.tsx';

/** One field of each group a contract may leave out: any of them missing, the note is shown. */
const PERSON_GROUP_FIELDS = [
  'email',
  'permanentAddress',
  'billing',
  'personalIdentityCode',
  'organizations',
  'notes',
] as const;

export function PersonPage() {
  return (
    <RecordLoader kind="person" load={loadPerson} failedTitle="person.pageTitle" backToSearch>
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
  const protectedAddress = person.addressProtected === true;
  const hidden = protectedAddress && !me.can('customers.readProtectedAddress');
  /** An address, or "address protected" where the reader may not see it. */
  const address = (value: Address | null | undefined) =>
    hidden || value ? (
      <AddressText address={value ?? null} protectedAddress={protectedAddress} />
    ) : null;
  /** A field a contractor's contract does not open is left out of the view, and off the page. */
  const shown = (field: keyof PersonView) => person[field] !== undefined;
  const contactItems = [
    ...(shown('email') ? [{ label: t('common.email'), value: person.email }] : []),
    ...(shown('phoneDisplay') ? [{ label: t('common.phone'), value: person.phoneDisplay }] : []),
    ...(shown('permanentAddress')
      ? [{ label: t('person.permanentAddress'), value: address(person.permanentAddress) }]
      : []),
    ...(shown('contactAddress')
      ? [{ label: t('person.contactAddress'), value: address(person.contactAddress) }]
      : []),
  ];

  return (
    <RecordPage
      kind="person"
      record={person}
      title={name}
      badge={
        protectedAddress && <span className="badge badge--warning">{t('protection.badge')}</span>
      }
      notices={
        <>
          {partlyWithheld(person, PERSON_GROUP_FIELDS) && <ContractNotice />}
          {protectedAddress && (
            <InlineAlert status="warning" className="notice" labelText={t('protection.title')}>
              <p>
                {hidden ? t('protection.hiddenExplanation') : t('protection.visibleExplanation')}
              </p>
              <p>
                {person.addressProtection?.endsOn
                  ? t('protection.endsOn', { date: formatDate(person.addressProtection.endsOn) })
                  : t('protection.noEnd')}
                {person.addressProtection?.source &&
                  ` ${t('protection.sourceIs', { source: person.addressProtection.source })}`}
              </p>
            </InlineAlert>
          )}
        </>
      }
      onArchive={async () => {
        await call(personsApi.archive, { params: { id: person.id } });
        onArchived(await call(personsApi.get, { params: { id: person.id } }));
      }}
    >
      <Section title={t('person.basicInformation')}>
        <DataList
          items={[
            { label: t('person.firstName'), value: person.firstName },
            { label: t('person.lastName'), value: person.lastName },
            ...(shown('personalIdentityCode')
              ? [
                  {
                    label: t('person.identityCode'),
                    value: (
                      <IdentityCode
                        person={person}
                        canReveal={me.can('customers.revealIdentityCode')}
                      />
                    ),
                  },
                  {
                    label: t('person.identityCodePurpose'),
                    value: person.personalIdentityCodePurpose
                      ? t(`purpose.${person.personalIdentityCodePurpose}`)
                      : null,
                  },
                ]
              : []),
            ...(person.language
              ? [{ label: t('person.language'), value: t(`language.${person.language}`) }]
              : []),
          ]}
        />
      </Section>

      {contactItems.length > 0 && (
        <Section title={t('person.contactInformation')}>
          <DataList items={contactItems} />
        </Section>
      )}

      {person.organizations && (
        <Section title={t('person.organizations')}>
          {person.organizations.length === 0 ? (
            <p className="muted">{t('person.noOrganizations')}</p>
          ) : (
            <ul className="plain-list">
              {person.organizations.map((organization) => (
                <li key={organization.organizationId}>
                  <RouterLink
                    asComponent={Link}
                    to={`/organizations/${organization.organizationId}`}
                  >
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
      )}

      {person.billing !== undefined && (
        <BillingSection
          billing={person.billing}
          protectedAddress={protectedAddress}
          hidden={hidden}
        />
      )}

      <CustomerBilling
        key={person.id}
        customer={{ kind: 'person', id: person.id, archived: person.archivedAt !== null }}
      />

      {me.can('socialServices.clientData') && (
        // Keyed by the person: the purpose stated for one person is not carried to the next.
        <SocialServicesSection key={person.id} person={person} />
      )}

      {me.can('requests.read') && <PersonRequests key={person.id} personId={person.id} />}
      {me.can('requests.read') && <LegalHolds key={`holds-${person.id}`} personId={person.id} />}

      {me.can('objections.read') && <ObjectionsSection key={person.id} personId={person.id} />}

      {me.can('customers.write') && <ValueSources key={person.id} personId={person.id} />}

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
