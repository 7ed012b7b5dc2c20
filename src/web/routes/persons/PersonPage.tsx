import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, RouterLink } from 'suomifi-ui-components';
import { api, type PersonView } from '../../api.ts';
import { AddressText } from '../../components/AddressText.tsx';
import { ArchiveAction } from '../../components/ArchiveAction.tsx';
import { DataList } from '../../components/DataList.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RecordDates } from '../../components/RecordDates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { BackToSearch } from '../search/last-search.tsx';
import { IdentityCode } from './IdentityCode.tsx';

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [person, replace] = useResource(`person:${id}`, (signal) => api.getPerson(id, signal));

  if (person.state === 'loading') return <Loading />;
  if (person.state === 'failed')
    return (
      <>
        <BackToSearch />
        <PageHeading title={t('person.pageTitle')} />
        <ProblemNotice error={person.error} />
      </>
    );
  return <PersonDetails person={person.data} onArchived={replace} />;
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
  const location = useLocation();
  const navigate = useNavigate();
  const name = `${person.firstName} ${person.lastName}`;
  const archived = person.archivedAt !== null;
  const hidden = person.addressProtected && !me.can('customers.readProtectedAddress');

  return (
    <article className="record">
      <BackToSearch />
      <div className="record__head">
        <div>
          <p className="record__kind">{t('kind.person')}</p>
          <PageHeading title={name} />
          <div className="badges">
            {person.addressProtected && (
              <span className="badge badge--warning">{t('protection.badge')}</span>
            )}
            {archived && <span className="badge">{t('common.archived')}</span>}
          </div>
        </div>
        <div className="record__actions">
          {!archived && me.can('customers.write') && (
            <Button onClick={() => void navigate(`/persons/${person.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
          {!archived && me.can('customers.archive') && (
            <ArchiveAction
              title={t('person.archiveTitle', { name })}
              explanation={t('person.archiveExplanation')}
              onConfirm={async () => {
                await api.archivePerson(person.id);
                onArchived(await api.getPerson(person.id));
              }}
            />
          )}
        </div>
      </div>

      <SavedNotice state={location.state as unknown} />
      {archived && (
        <InlineAlert className="notice" labelText={t('common.archived')}>
          {t('person.archivedExplanation', { date: formatDate(person.archivedAt ?? '') })}
        </InlineAlert>
      )}
      {person.addressProtected && (
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
      )}

      <div className="record__grid">
        <Section title={t('person.basicInformation')}>
          <DataList
            items={[
              { label: t('person.firstName'), value: person.firstName },
              { label: t('person.lastName'), value: person.lastName },
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
              { label: t('person.language'), value: t(`language.${person.language}`) },
            ]}
          />
        </Section>

        <Section title={t('person.contactInformation')}>
          <DataList
            items={[
              { label: t('common.email'), value: person.email },
              { label: t('common.phone'), value: person.phoneDisplay },
              {
                label: t('person.permanentAddress'),
                value:
                  hidden || person.permanentAddress ? (
                    <AddressText
                      address={person.permanentAddress}
                      protectedAddress={person.addressProtected}
                    />
                  ) : null,
              },
              {
                label: t('person.contactAddress'),
                value:
                  hidden || person.contactAddress ? (
                    <AddressText
                      address={person.contactAddress}
                      protectedAddress={person.addressProtected}
                    />
                  ) : null,
              },
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

        <Section title={t('billing.title')}>
          <DataList
            items={[
              {
                label: t('billing.billingAddress'),
                value:
                  person.billing?.billingAddress || (hidden && person.billing) ? (
                    <AddressText
                      address={person.billing?.billingAddress ?? null}
                      protectedAddress={person.addressProtected}
                    />
                  ) : null,
              },
              { label: t('billing.eInvoiceAddress'), value: person.billing?.eInvoiceAddress },
              {
                label: t('billing.eInvoiceIntermediator'),
                value: person.billing?.eInvoiceIntermediator,
              },
              { label: t('billing.ovt'), value: person.billing?.ovt },
            ]}
          />
        </Section>

        <Section title={t('common.notes')} className="record__wide">
          {person.notes ? (
            <p className="notes">{person.notes}</p>
          ) : (
            <p className="muted">{t('common.noNotes')}</p>
          )}
        </Section>
      </div>
      <RecordDates createdAt={person.createdAt} updatedAt={person.updatedAt} />
    </article>
  );
}
