import { Link as RouteLink } from 'react-router';
import { Link, Paragraph, RouterLink } from 'suomifi-ui-components';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { usePages } from '../../../data.ts';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import { CustomerTable } from '../customer/customer-list.tsx';
import { BillingListsNav } from './BillingListsNav.tsx';
import { ListStatus } from './list-parts.tsx';
import './lists.css';

const PAGE_SIZE = 50;

/** `/billing/runs`: the invoice runs made, newest first, each with its invoices and its archive. */
export function InvoiceRunsPage() {
  const { t } = useI18n();
  const results = usePages(invoicesApi.runs, { query: { limit: PAGE_SIZE } });
  return (
    <div className="billing-lists">
      <PageHeading title={t('billingLists.runs')} />
      <BillingListsNav />
      <Paragraph mb="m">{t('billingLists.runsIntro')}</Paragraph>
      {results.status === 'ready' && results.items.length === 0 ? (
        <Paragraph>{t('billingLists.runsNone')}</Paragraph>
      ) : (
        <ListStatus results={results} />
      )}
      {results.status === 'ready' && results.items.length > 0 && (
        <>
          <CustomerTable
            list={{ data: results, error: null }}
            items={results.items}
            caption={t('billingLists.runsCaption')}
            empty={t('billingLists.runsNone')}
            columns={[
              { label: t('billingLists.invoiceDate') },
              { label: t('billingLists.startedAt') },
              { label: t('billingLists.invoiceCount'), amount: true },
              { label: t('billingLists.invoices') },
              { label: t('billingLists.archive') },
            ]}
            row={(run) => (
              <tr key={run.id}>
                <th scope="row">{formatDate(run.invoiceDate)}</th>
                <td>
                  {formatDateTime(run.startedAt)}
                  {run.finishedAt === null && (
                    <div className="muted">{t('billingLists.unfinished')}</div>
                  )}
                </td>
                <td className="billing-table__amount">{run.invoiceCount}</td>
                <td>
                  <RouterLink asComponent={RouteLink} to={`/billing/invoices?runId=${run.id}`}>
                    {t('billingLists.showInvoices', { date: formatDate(run.invoiceDate) })}
                  </RouterLink>
                </td>
                <td>
                  <Link href={run.archive} download>
                    {t('billingLists.download', { date: formatDate(run.invoiceDate) })}
                  </Link>
                </td>
              </tr>
            )}
          />
          <LoadMore
            pages={results}
            onLoad={() => results.loadMore()}
            label={t('billingLists.loadMore')}
          />
        </>
      )}
    </div>
  );
}
