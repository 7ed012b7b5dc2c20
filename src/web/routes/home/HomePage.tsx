import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { Paragraph, RouterLink, SearchInput } from 'suomifi-ui-components';
import type { Answer } from '../../../contract/endpoint.ts';
import { workApi } from '../../../contract/work/work.endpoints.ts';
import { useCall } from '../../data.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { hasHomePage, homePath } from '../../home.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { formatEuros } from '../billing/customer/billing-format.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import './home.css';

type Work = Answer<typeof workApi.mine>;

/**
 * `/`: where a signed-in user lands — the work waiting for their role, the customers they handled
 * lately, and the customer search one field away. A role with none of these starts elsewhere.
 */
export function HomePage() {
  const me = useMe();
  if (!hasHomePage(me.can)) return <Navigate to={homePath(me.can)} replace />;
  return <WorkList />;
}

/** `/work`, the work list's former address. */
export function WorkPage() {
  return <Navigate to="/" replace />;
}

function WorkList() {
  const { t } = useI18n();
  const me = useMe();
  const work = useCall(workApi.mine, {});
  return (
    <div className="work">
      <PageHeading title={t('work.title')} />
      <Paragraph mb="m">{t('work.intro')}</Paragraph>
      {me.can('customers.read') && <SearchBox />}
      <Loaded query={work}>
        {(data) => (
          <div className="work__sections">
            {data.recent && <Recent recent={data.recent} />}
            {data.requests && <Requests requests={data.requests} />}
            {data.reviews && <Reviews reviews={data.reviews} />}
            {data.billing && <Billing billing={data.billing} />}
            {data.accounts && <Accounts accounts={data.accounts} />}
            {me.can('retention.read') && <Retention />}
          </div>
        )}
      </Loaded>
    </div>
  );
}

/** The customer search's field: what is typed opens the search with its results. */
function SearchBox() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  return (
    <form
      role="search"
      className="work__search"
      onSubmit={(event) => event.preventDefault()}
      aria-label={t('nav.search')}
    >
      <SearchInput
        labelText={t('search.label')}
        visualPlaceholder={t('search.placeholder')}
        clearButtonLabel={t('search.clear')}
        searchButtonLabel={t('common.search')}
        value={text}
        onChange={(value) => setText(value)}
        onSearch={(value) => {
          const q = value.trim();
          void navigate(q ? `/search?${new URLSearchParams({ q })}` : '/search');
        }}
        fullWidth
      />
    </form>
  );
}

function Recent({ recent }: { recent: NonNullable<Work['recent']> }) {
  const { t } = useI18n();
  return (
    <Section title={t('home.recent')}>
      {recent.length === 0 ? (
        <Paragraph>{t('home.recentNone')}</Paragraph>
      ) : (
        <ul className="work__list">
          {recent.map((person) => (
            <li key={person.id}>
              <RouterLink asComponent={Link} to={`/persons/${person.id}`}>
                {person.name}
              </RouterLink>{' '}
              <span className="muted">
                {t('home.recentAt', { date: formatDateTime(person.lastAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Requests({ requests }: { requests: NonNullable<Work['requests']> }) {
  const { t } = useI18n();
  return (
    <Section
      title={t('work.requests')}
      actions={
        <RouterLink asComponent={Link} to="/requests">
          {t('work.allRequests')}
        </RouterLink>
      }
    >
      <Paragraph>
        {requests.items.length === 0
          ? t('work.requestsNone')
          : t('work.requestsSummary', { overdue: requests.overdue, dueSoon: requests.dueSoon })}
      </Paragraph>
      {requests.items.length > 0 && (
        <ul className="work__list">
          {requests.items.map((request) => (
            <li key={request.id} className={request.overdue ? 'work__item--overdue' : undefined}>
              <RouterLink asComponent={Link} to={`/requests/${request.id}`}>
                {t('work.requestNumber', { number: request.number })}
              </RouterLink>{' '}
              {t(`requests.type.${request.type}`)} · {t(`requests.status.${request.status}`)} ·{' '}
              {request.overdue && <strong>{t('work.overdue')}: </strong>}
              {t('work.due', { date: formatDate(request.dueOn) })} ·{' '}
              {request.assignee ? staffName(request.assignee) : t('work.unassigned')}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Reviews({ reviews }: { reviews: NonNullable<Work['reviews']> }) {
  const { t } = useI18n();
  return (
    <Section
      title={t('work.reviews')}
      actions={
        reviews.waiting > 0 && (
          <RouterLink asComponent={Link} to="/social-services/break-glass">
            {t('work.toReviews')}
          </RouterLink>
        )
      }
    >
      <Paragraph>
        {reviews.waiting > 0 && reviews.oldestOpenedAt
          ? t('work.reviewsWaiting', {
              count: reviews.waiting,
              date: formatDate(reviews.oldestOpenedAt),
            })
          : t('work.reviewsNone')}
        {reviews.lastReview?.reviewedBy &&
          ` ${t('home.lastReview', {
            name: staffName(reviews.lastReview.reviewedBy),
            date: formatDate(reviews.lastReview.reviewedAt),
          })}`}
      </Paragraph>
      <Paragraph>
        {t('home.flaggedDisclosures', { count: reviews.flaggedDisclosures })}
        {reviews.flaggedDisclosures > 0 && (
          <>
            {' '}
            <RouterLink asComponent={Link} to="/disclosures?flagged=true">
              {t('home.toDisclosures')}
            </RouterLink>
          </>
        )}
      </Paragraph>
    </Section>
  );
}

/** Retention of customers: its page, which lists who is past the period, and its runs. */
function Retention() {
  const { t } = useI18n();
  return (
    <Section
      title={t('retention.nav')}
      actions={
        <RouterLink asComponent={Link} to="/retention">
          {t('work.toRetention')}
        </RouterLink>
      }
    >
      <Paragraph>{t('work.retention')}</Paragraph>
    </Section>
  );
}

function Billing({ billing }: { billing: NonNullable<Work['billing']> }) {
  const { t, language } = useI18n();
  return (
    <Section
      title={t('work.billing')}
      actions={
        <RouterLink asComponent={Link} to="/billing/invoice-run">
          {t('work.toInvoiceRun')}
        </RouterLink>
      }
    >
      <ul className="work__list">
        <li>
          {t('work.deliveredNotInvoiced', { count: billing.deliveredNotInvoiced })}
          {billing.oldestDeliveredOn &&
            ` (${t('work.oldestDelivered', { date: formatDate(billing.oldestDeliveredOn) })})`}
        </li>
        <li>
          {billing.overdueInvoices > 0 ? (
            <RouterLink asComponent={Link} to="/billing/invoices?status=overdue">
              {t('work.overdueInvoices', {
                count: billing.overdueInvoices,
                amount: formatEuros(billing.overdueCents, language),
              })}
            </RouterLink>
          ) : (
            t('work.overdueInvoices', {
              count: billing.overdueInvoices,
              amount: formatEuros(billing.overdueCents, language),
            })
          )}
        </li>
      </ul>
      <p className="work__links">
        <RouterLink asComponent={Link} to="/billing/orders">
          {t('home.toOrders')}
        </RouterLink>
        <RouterLink asComponent={Link} to="/billing/invoices">
          {t('home.toInvoices')}
        </RouterLink>
        <RouterLink asComponent={Link} to="/billing/runs">
          {t('home.toRuns')}
        </RouterLink>
      </p>
      <h3 className="work__subheading">{t('work.runs')}</h3>
      {billing.runs.length === 0 ? (
        <Paragraph>{t('work.runsNone')}</Paragraph>
      ) : (
        <ul className="work__list">
          {billing.runs.map((run) => (
            <li key={run.id}>
              {t('work.run', { date: formatDate(run.invoiceDate), count: run.invoiceCount })} ·{' '}
              <a href={`/api/invoice-runs/${encodeURIComponent(run.id)}/archive`} download>
                {t('work.runArchive', { date: formatDate(run.invoiceDate) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Accounts({ accounts }: { accounts: NonNullable<Work['accounts']> }) {
  const { t } = useI18n();
  const none = accounts.expiring.length === 0 && accounts.unsignedCommitment.length === 0;
  return (
    <Section title={t('work.accounts')}>
      {none && <Paragraph>{t('work.accountsNone')}</Paragraph>}
      {accounts.expiring.length > 0 && (
        <>
          <h3 className="work__subheading">{t('work.expiring')}</h3>
          <ul className="work__list">
            {accounts.expiring.map((account) => (
              <li key={account.id}>
                <RouterLink asComponent={Link} to={`/staff/${account.id}`}>
                  {staffName(account)}
                </RouterLink>{' '}
                {t('work.expiresOn', { date: formatDate(account.expiresOn) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {accounts.unsignedCommitment.length > 0 && (
        <>
          <h3 className="work__subheading">{t('work.unsigned')}</h3>
          <ul className="work__list">
            {accounts.unsignedCommitment.map((account) => (
              <li key={account.id}>
                <RouterLink asComponent={Link} to={`/staff/${account.id}`}>
                  {staffName(account)}
                </RouterLink>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
