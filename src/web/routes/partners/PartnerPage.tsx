import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, RouterLink } from 'suomifi-ui-components';
import { partnersApi } from '../../../contract/partners/partners.endpoints.ts';
import type {
  CoveredCustomer,
  PartnerDetail,
} from '../../../contract/partners/partners.schemas.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import type { SearchItem } from '../../../contract/search/search.schemas.ts';
import { ApiError } from '../../api.ts';
import { call } from '../../client.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DataList } from '../../components/DataList.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { useResource } from '../../components/useResource.ts';
import { PickerSearch } from '../../components/PickerSearch.tsx';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ContractEnd, ContractFieldsText, CountryText } from './PartnersPage.tsx';
import { PartnerClients } from './PartnerClients.tsx';

const PAGE_SIZE = 50;

type Page = { items: CoveredCustomer[]; nextCursor: string | null };

/** One partner: its contract, and the customers the contract covers — added and removed here. */
export function PartnerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [partner, , reload] = useResource(`partner:${id}`, (signal) =>
    call(partnersApi.get, { params: { id }, query: { limit: PAGE_SIZE } }, { signal }),
  );
  // While a change reloads the partner, the page stays as it was (and keeps its status message).
  const [last, setLast] = useState<PartnerDetail | null>(null);
  if (partner.state === 'ready' && partner.data !== last) setLast(partner.data);
  const data = partner.state === 'ready' ? partner.data : last?.id === id ? last : null;

  if (partner.state === 'failed') {
    return (
      <>
        <BackLink to="/partners">{t('partners.backToList')}</BackLink>
        <PageHeading title={t('partners.pageTitle')} />
        <ProblemNotice error={partner.error} />
      </>
    );
  }
  if (!data) return <Loading />;
  return <PartnerDetails partner={data} reload={reload} />;
}

function PartnerDetails({ partner, reload }: { partner: PartnerDetail; reload: () => void }) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  /** Pages after the first, loaded with "show more"; a reload starts again from the first. */
  const [more, setMore] = useState<Page | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [statusLine, setMessage] = useStatusMessage('partner-status');
  const [failure, setFailure] = useState<unknown>(null);

  const [shown, setShown] = useState(partner);
  if (shown !== partner) {
    setShown(partner);
    setMore(null);
  }

  const items = [...partner.customers.items, ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : partner.customers.nextCursor;
  const covered = new Set(items.map((customer) => customer.id));

  const loadMore = () => {
    if (!nextCursor) return;
    setMoreError(null);
    call(partnersApi.get, {
      params: { id: partner.id },
      query: { limit: PAGE_SIZE, cursor: nextCursor },
    }).then(
      (page) =>
        setMore({
          items: [...(more?.items ?? []), ...page.customers.items],
          nextCursor: page.customers.nextCursor,
        }),
      (error: unknown) => setMoreError(error),
    );
  };

  /** After a change: say what happened (the status takes the focus) and show the list anew. */
  const done = (text: string) => {
    setFailure(null);
    setMessage(text);
    reload();
  };

  const remove = (customer: CoveredCustomer) => {
    call(partnersApi.uncoverCustomer, {
      params: { id: partner.id, customerId: customer.id },
    }).then(
      () => done(t('partners.removed', { name: customer.name })),
      (error: unknown) => setFailure(error),
    );
  };

  return (
    <article className="record">
      <BackLink to="/partners">{t('partners.backToList')}</BackLink>
      <div className="record__head">
        <div>
          <p className="record__kind">{t('partners.kind')}</p>
          <PageHeading title={partner.name} />
        </div>
        <div className="record__actions">
          <Button onClick={() => void navigate(`/partners/${partner.id}/edit`)}>
            {t('common.edit')}
          </Button>
        </div>
      </div>
      <SavedNotice state={location.state as unknown} />
      {!partner.inEea && (
        <InlineAlert status="warning" className="notice" labelText={t('partners.outsideEea')}>
          {t('partners.outsideEeaExplanation')}
        </InlineAlert>
      )}
      {!partner.contractInForce && (
        <InlineAlert className="notice" labelText={t('partners.ended')}>
          {t('partners.endedExplanation')}
        </InlineAlert>
      )}

      <div className="record__grid">
        <Section title={t('partners.contractTitle')} className="record__wide">
          <DataList
            items={[
              { label: t('partners.businessId'), value: partner.businessId },
              { label: t('partners.country'), value: <CountryText partner={partner} /> },
              {
                label: t('partners.roles'),
                value: partner.roles.map((role) => t(`partners.role.${role}`)).join(', '),
              },
              {
                label: t('partners.processingAgreementOn'),
                value: partner.processingAgreementOn && formatDate(partner.processingAgreementOn),
              },
              ...(partner.inEea
                ? []
                : [
                    {
                      label: t('partners.transferSafeguard'),
                      value:
                        partner.transferSafeguard &&
                        t(`partners.safeguard.${partner.transferSafeguard}`),
                    },
                    {
                      label: t('partners.transferNecessity'),
                      value: partner.transferNecessity,
                    },
                  ]),
              {
                label: t('partners.contractFields'),
                value: <ContractFieldsText partner={partner} />,
              },
              { label: t('partners.contractEndsOn'), value: <ContractEnd partner={partner} /> },
              { label: t('partners.accountCount'), value: String(partner.accountCount) },
            ]}
          />
        </Section>

        <Section title={t('partners.coveredTitle')} className="record__wide">
          {statusLine}
          {failure !== null && <ProblemNotice error={failure} />}
          <p>
            {partner.customerCount === 0
              ? t('partners.coveredNone')
              : t('partners.coveredCount', { count: partner.customerCount })}
          </p>
          {items.length > 0 && (
            <ul className="plain-list">
              {items.map((customer) => (
                <li key={customer.id} className="covered">
                  <span>
                    <RouterLink
                      asComponent={Link}
                      to={`/${customer.kind === 'person' ? 'persons' : 'organizations'}/${customer.id}`}
                    >
                      {customer.name}
                    </RouterLink>{' '}
                    <span className={`badge badge--${customer.kind}`}>
                      {t(`kind.${customer.kind}`)}
                    </span>
                    {customer.archived && (
                      <>
                        {' '}
                        <span className="badge">{t('common.archived')}</span>
                      </>
                    )}
                  </span>
                  <Button
                    variant="secondaryNoBorder"
                    aria-label={t('partners.removeNamed', { name: customer.name })}
                    onClick={() => remove(customer)}
                  >
                    {t('partners.remove')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {moreError !== null && <ProblemNotice error={moreError} />}
          {nextCursor && (
            <Button variant="secondary" onClick={loadMore}>
              {t('partners.loadMore')}
            </Button>
          )}
          <CustomerAdder
            partnerId={partner.id}
            covered={covered}
            onAdded={(customer) => done(t('partners.added', { name: customer.name }))}
          />
        </Section>
        <PartnerClients partnerId={partner.id} />
      </div>
    </article>
  );
}

type Found =
  { state: 'idle' } | { state: 'found'; items: SearchItem[] } | { state: 'failed'; error: unknown };

const nameOf = (item: SearchItem) =>
  item.kind === 'person'
    ? `${item.person.lastName}, ${item.person.firstName}`
    : item.organization.name;

const idOf = (item: SearchItem) => (item.kind === 'person' ? item.person.id : item.organization.id);

/** Finds a person or organisation with the register's own search and puts them on the contract. */
function CustomerAdder({
  partnerId,
  covered,
  onAdded,
}: {
  partnerId: string;
  covered: ReadonlySet<string>;
  onAdded: (customer: CoveredCustomer) => void;
}) {
  const { t, errorText } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const [queryError, setQueryError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [addFailure, setAddFailure] = useState<unknown>(null);

  const search = () => {
    const q = query.trim();
    if (q === '') return;
    setBusy(true);
    setQueryError(null);
    call(searchApi.search, { query: { q, limit: 10 } }).then(
      (page) => {
        setBusy(false);
        setFound({ state: 'found', items: page.items });
      },
      (error: unknown) => {
        setBusy(false);
        const field = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
        if (field?.field === 'q') {
          setQueryError(errorText(field));
          setFound({ state: 'idle' });
        } else {
          setFound({ state: 'failed', error });
        }
      },
    );
  };

  const add = (item: SearchItem) => {
    setAddFailure(null);
    call(partnersApi.coverCustomer, {
      params: { id: partnerId },
      body: { customerId: idOf(item) },
    }).then(onAdded, (error: unknown) => setAddFailure(error));
  };

  return (
    <div className="picker">
      <PickerSearch
        id="partner-customer-query"
        label={t('partners.findCustomer')}
        hint={t('partners.findCustomerHint')}
        query={query}
        onQuery={setQuery}
        error={queryError}
        onSearch={search}
        busy={busy}
      />
      <div aria-live="polite">
        {addFailure !== null && <ProblemNotice error={addFailure} />}
        {found.state === 'failed' && <ProblemNotice error={found.error} />}
        {found.state === 'found' &&
          (found.items.length === 0 ? (
            <p className="muted">{t('search.noResultsShort')}</p>
          ) : (
            <ul className="picker__results">
              {found.items.map((item) => (
                <li key={`${item.kind}:${idOf(item)}`}>
                  <span>
                    <strong>{nameOf(item)}</strong>{' '}
                    <span className={`badge badge--${item.kind}`}>{t(`kind.${item.kind}`)}</span>
                    <span className="muted">
                      {' '}
                      {item.kind === 'person'
                        ? item.person.personalIdentityCode
                        : item.organization.businessId}
                    </span>
                  </span>
                  {covered.has(idOf(item)) ? (
                    <span className="muted">{t('partners.alreadyCovered')}</span>
                  ) : (
                    <Button
                      variant="secondaryNoBorder"
                      aria-label={t('partners.addNamed', { name: nameOf(item) })}
                      onClick={() => add(item)}
                    >
                      {t('partners.add')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}
