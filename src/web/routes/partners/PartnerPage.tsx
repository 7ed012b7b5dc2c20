import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, RouterLink } from 'suomifi-ui-components';
import { partnersApi } from '../../../contract/partners/partners.endpoints.ts';
import type {
  CoveredCustomer,
  PartnerDetail,
} from '../../../contract/partners/partners.schemas.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import type { SearchItem } from '../../../contract/search/search.schemas.ts';
import { call } from '../../client.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DataList } from '../../components/DataList.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PickerSearch, usePickerSearch } from '../../components/PickerSearch.tsx';
import { queryKeyOf, useSend, type Pages } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ContractEnd, ContractFieldsText, CountryText } from './PartnersPage.tsx';
import { PartnerClients } from './PartnerClients.tsx';

const PAGE_SIZE = 50;

/** What a change to the covered customers makes stale: the partner, and the list's counts. */
const PARTNER_READS = [partnersApi.get, partnersApi.list];

/**
 * The partner with its covered customers a page at a time: the first page comes with the
 * partner, "show more" reads the next ones (the answer's `customers` is the paged list).
 */
function usePartner(id: string) {
  const input = { params: { id }, query: { limit: PAGE_SIZE } };
  return useInfiniteQuery({
    queryKey: queryKeyOf(partnersApi.get, input),
    queryFn: ({ signal, pageParam }) =>
      call(
        partnersApi.get,
        { ...input, query: { ...input.query, ...(pageParam ? { cursor: pageParam } : {}) } },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: PartnerDetail) => last.customers.nextCursor ?? undefined,
  });
}

/** One partner: its contract, and the customers the contract covers — added and removed here. */
export function PartnerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const partner = usePartner(id);
  const first = partner.data?.pages[0];

  if (!first && partner.isError) {
    return (
      <>
        <BackLink to="/partners">{t('partners.backToList')}</BackLink>
        <PageHeading title={t('partners.pageTitle')} />
        <ProblemNotice error={partner.error} />
      </>
    );
  }
  if (!first || !partner.data) return <Loading />;
  return (
    <PartnerDetails
      partner={first}
      customers={partner.data.pages.flatMap((page) => page.customers.items)}
      more={{
        hasMore: partner.hasNextPage,
        loadingMore: partner.isFetchingNextPage,
        moreError: partner.isFetchNextPageError ? partner.error : null,
      }}
      loadMore={() => void partner.fetchNextPage()}
    />
  );
}

function PartnerDetails({
  partner,
  customers: items,
  more,
  loadMore,
}: {
  partner: PartnerDetail;
  customers: CoveredCustomer[];
  more: Pick<Pages<unknown>, 'moreError' | 'hasMore' | 'loadingMore'>;
  loadMore: () => void;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [statusLine, setMessage] = useStatusMessage('partner-status');
  const uncover = useSend(partnersApi.uncoverCustomer, { invalidates: PARTNER_READS });
  const covered = new Set(items.map((customer) => customer.id));

  /** After a change: say what happened (the status takes the focus); the list is read anew. */
  const done = (text: string) => {
    uncover.reset();
    setMessage(text);
  };

  const remove = (customer: CoveredCustomer) =>
    uncover.mutate(
      { params: { id: partner.id, customerId: customer.id } },
      { onSuccess: () => done(t('partners.removed', { name: customer.name })) },
    );

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
          {uncover.error !== null && <ProblemNotice error={uncover.error} />}
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
          <LoadMore pages={more} onLoad={loadMore} label={t('partners.loadMore')} />
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
  const searched = usePickerSearch(searchApi.search, (q) => ({ query: { q, limit: 10 } }));
  const cover = useSend(partnersApi.coverCustomer, { invalidates: PARTNER_READS });
  const queryProblem = searched.queryProblem;

  const add = (item: SearchItem) =>
    cover.mutate(
      { params: { id: partnerId }, body: { customerId: idOf(item) } },
      { onSuccess: onAdded },
    );
  const items = searched.answer?.items ?? null;

  return (
    <div className="picker">
      <PickerSearch
        id="partner-customer-query"
        label={t('partners.findCustomer')}
        hint={t('partners.findCustomerHint')}
        searched={searched}
        error={queryProblem ? errorText(queryProblem) : null}
      />
      <div aria-live="polite">
        {cover.error !== null && <ProblemNotice error={cover.error} />}
        {searched.failure !== null && <ProblemNotice error={searched.failure} />}
        {items &&
          (items.length === 0 ? (
            <p className="muted">{t('search.noResultsShort')}</p>
          ) : (
            <ul className="picker__results">
              {items.map((item) => (
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
