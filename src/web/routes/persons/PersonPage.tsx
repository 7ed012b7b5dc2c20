import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { InlineAlert, RouterLink } from 'suomifi-ui-components';
import type { Address, PersonView } from '../../api.ts';
import { call } from '../../client.ts';
import { endpointKey, useCall } from '../../data.ts';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import type { PersonPage as PersonPageData } from '../../../contract/persons/person-page.schemas.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { DataList } from '../../components/DataList.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { BillingSection, NotesSection, RecordPage } from '../../components/RecordPage.tsx';
import { Section } from '../../components/Section.tsx';
import { Tabs, type Tab } from '../../components/Tabs.tsx';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { CustomerBilling } from '../billing/customer/CustomerBilling.tsx';
import { SocialServicesSection } from '../social-services/SocialServicesSection.tsx';
import { ContractNotice, partlyWithheld } from '../partners/ContractNotice.tsx';
import { PersonRequests } from '../requests/PersonRequests.tsx';
import { ObjectionsSection } from '../objections/ObjectionsSection.tsx';
import { ValueSources } from '../rectification/ValueSources.tsx';
import { BackToSearch } from '../search/last-search.tsx';
import { IdentityCode } from './IdentityCode.tsx';
import { PersonBadges, PersonSummary } from './PersonSummary.tsx';
import { ProcessingReport } from './ProcessingReport.tsx';
import { ProcessingTimeline } from './ProcessingTimeline.tsx';
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

const TAB_KEYS = [
  'details',
  'billing',
  'requests',
  'prohibitions',
  'processing',
  'social',
] as const;
type TabKey = (typeof TAB_KEYS)[number];
const isTabKey = (value: string | null): value is TabKey =>
  (TAB_KEYS as readonly (string | null)[]).includes(value);

/** The page's answer, and which answer it is: a section shows each new one. */
export type LoadedPage = PersonPageData & { version: number };

export function PersonPage() {
  const { id = '' } = useParams();
  // Another person's page starts afresh: nothing of the last one stays while it loads.
  return <PersonPageOf key={id} id={id} />;
}

/**
 * A person's page, read in one request (`GET /api/persons/:id/page`, one access-log entry):
 * the summary with its badges, then the parts in tabs. A change in a part reads the page again.
 */
function PersonPageOf({ id }: { id: string }) {
  const { t } = useI18n();
  const page = useCall(personsApi.page, { params: { id } });
  const client = useQueryClient();
  // Leaving the page forgets it: opened again (after an edit, too) it is read, and logged, anew.
  useEffect(() => () => client.removeQueries({ queryKey: endpointKey(personsApi.page) }), [client]);
  // A change in a part reads the page again; what is shown stays until the new answer comes.
  const reload = () => void page.refetch();
  if (page.data === undefined) {
    if (page.error === null) return <Loading />;
    return (
      <>
        <BackToSearch />
        <PageHeading title={t('person.pageTitle')} />
        <ProblemNotice error={page.error} />
      </>
    );
  }
  return (
    <PersonDetails
      page={{ ...page.data, version: page.dataUpdatedAt }}
      onChanged={reload}
      onArchive={async () => {
        await call(personsApi.archive, { params: { id } });
        reload();
      }}
    />
  );
}

function PersonDetails({
  page,
  onChanged,
  onArchive,
}: {
  page: LoadedPage;
  onChanged: () => void;
  onArchive: () => Promise<void>;
}) {
  const { t } = useI18n();
  const me = useMe();
  const { person } = page;
  const [params, setParams] = useSearchParams();
  const name = `${person.firstName} ${person.lastName}`;
  const protectedAddress = person.addressProtected === true;
  const hidden = protectedAddress && !me.can('customers.readProtectedAddress');

  const tabs: Tab<TabKey>[] = [
    { key: 'details', label: t('recordPage.tab.details') },
    ...(page.orders || page.invoices || page.disclosures
      ? [{ key: 'billing' as const, label: t('recordPage.tab.billing') }]
      : []),
    ...(me.can('requests.read')
      ? [{ key: 'requests' as const, label: t('recordPage.tab.requests') }]
      : []),
    ...(me.can('objections.read')
      ? [{ key: 'prohibitions' as const, label: t('recordPage.tab.prohibitions') }]
      : []),
    ...(me.can('accessLog.read')
      ? [{ key: 'processing' as const, label: t('recordPage.tab.processing') }]
      : []),
    ...(me.can('socialServices.clientData')
      ? [{ key: 'social' as const, label: t('recordPage.tab.social') }]
      : []),
  ];
  const asked = params.get('tab');
  const selected: TabKey =
    isTabKey(asked) && tabs.some((tab) => tab.key === asked) ? asked : 'details';
  const select = (tab: TabKey) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (tab === 'details') next.delete('tab');
        else next.set('tab', tab);
        return next;
      },
      { replace: true },
    );

  return (
    <RecordPage
      kind="person"
      record={person}
      title={name}
      badge={<PersonBadges page={page} />}
      summary={<PersonSummary person={person} />}
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
      onArchive={onArchive}
    >
      <Tabs label={t('recordPage.tabs')} tabs={tabs} selected={selected} onSelect={select}>
        {selected === 'details' && <PersonDetailsTab person={person} hidden={hidden} />}
        {selected === 'billing' && (
          <CustomerBilling
            key={person.id}
            customer={{ kind: 'person', id: person.id, archived: person.archivedAt !== null }}
            loaded={{
              version: page.version,
              orders: page.orders,
              invoices: page.invoices,
              disclosures: page.disclosures,
            }}
            onChanged={onChanged}
          />
        )}
        {selected === 'requests' && (
          <div className="record__grid">
            <PersonRequests
              key={person.id}
              personId={person.id}
              loaded={page.requests && { version: page.version, data: page.requests }}
            />
            <LegalHolds
              key={`holds-${person.id}`}
              personId={person.id}
              loaded={page.legalHolds && { version: page.version, data: page.legalHolds }}
              onChanged={onChanged}
            />
          </div>
        )}
        {selected === 'prohibitions' && (
          <ObjectionsSection
            key={person.id}
            personId={person.id}
            loaded={page.objections && { version: page.version, data: page.objections }}
            onChanged={onChanged}
          />
        )}
        {selected === 'processing' && (
          <>
            <ProcessingTimeline personId={person.id} />
            {me.can('accessLog.subjectReport') && (
              <Section title={t('person.processingTitle')} className="record__wide">
                <ProcessingReport person={person} />
              </Section>
            )}
          </>
        )}
        {selected === 'social' && (
          // Keyed by the person: the purpose stated for one person is not carried to the next.
          <SocialServicesSection key={person.id} person={person} />
        )}
      </Tabs>
    </RecordPage>
  );
}

/** The person's own data: names, identity code, contact, organisations, billing, notes. */
function PersonDetailsTab({ person, hidden }: { person: PersonView; hidden: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const protectedAddress = person.addressProtected === true;
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
    <div className="record__grid">
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

      <NotesSection notes={person.notes} />

      {me.can('customers.write') && <ValueSources key={person.id} personId={person.id} />}
    </div>
  );
}
