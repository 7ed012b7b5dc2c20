import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, RouterLink } from 'suomifi-ui-components';
import { api, type OrganizationView } from '../../api.ts';
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

export function OrganizationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [organization, replace] = useResource(`organization:${id}`, (signal) =>
    api.getOrganization(id, signal),
  );
  if (organization.state === 'loading') return <Loading />;
  if (organization.state === 'failed')
    return (
      <>
        <BackToSearch />
        <PageHeading title={t('organization.pageTitle')} />
        <ProblemNotice error={organization.error} />
      </>
    );
  return <OrganizationDetails organization={organization.data} onArchived={replace} />;
}

function OrganizationDetails({
  organization,
  onArchived,
}: {
  organization: OrganizationView;
  onArchived: (organization: OrganizationView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const archived = organization.archivedAt !== null;

  return (
    <article className="record">
      <BackToSearch />
      <div className="record__head">
        <div>
          <p className="record__kind">{t('kind.organization')}</p>
          <PageHeading title={organization.name} />
          {archived && (
            <div className="badges">
              <span className="badge">{t('common.archived')}</span>
            </div>
          )}
        </div>
        <div className="record__actions">
          {!archived && me.can('customers.write') && (
            <Button onClick={() => void navigate(`/organizations/${organization.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
          {!archived && me.can('customers.archive') && (
            <ArchiveAction
              title={t('organization.archiveTitle', { name: organization.name })}
              explanation={t('organization.archiveExplanation')}
              onConfirm={async () => {
                await api.archiveOrganization(organization.id);
                onArchived(await api.getOrganization(organization.id));
              }}
            />
          )}
        </div>
      </div>

      <SavedNotice state={location.state as unknown} />
      {archived && (
        <InlineAlert className="notice" labelText={t('common.archived')}>
          {t('organization.archivedExplanation', {
            date: formatDate(organization.archivedAt ?? ''),
          })}
        </InlineAlert>
      )}

      <div className="record__grid">
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

        <Section title={t('billing.title')}>
          <DataList
            items={[
              {
                label: t('billing.billingAddress'),
                value: organization.billing?.billingAddress && (
                  <AddressText address={organization.billing.billingAddress} />
                ),
              },
              {
                label: t('billing.eInvoiceAddress'),
                value: organization.billing?.eInvoiceAddress,
              },
              {
                label: t('billing.eInvoiceIntermediator'),
                value: organization.billing?.eInvoiceIntermediator,
              },
              { label: t('billing.ovt'), value: organization.billing?.ovt },
            ]}
          />
        </Section>

        <Section title={t('common.notes')} className="record__wide">
          {organization.notes ? (
            <p className="notes">{organization.notes}</p>
          ) : (
            <p className="muted">{t('common.noNotes')}</p>
          )}
        </Section>
      </div>
      <RecordDates createdAt={organization.createdAt} updatedAt={organization.updatedAt} />
    </article>
  );
}
