import { Link as RouteLink } from 'react-router';
import { Link, RouterLink } from 'suomifi-ui-components';
import { usePages } from '../../../data.ts';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import { LIST_PAGE_SIZE, ListPage } from './ListPage.tsx';

/** `/billing/runs`: the invoice runs made, newest first, each with its invoices and its archive. */
export function InvoiceRunsPage() {
  const { t } = useI18n();
  const results = usePages(invoicesApi.runs, { query: { limit: LIST_PAGE_SIZE } });
  return (
    <ListPage
      title={t('billingLists.runs')}
      intro={t('billingLists.runsIntro')}
      results={results}
      caption={t('billingLists.runsCaption')}
      none={t('billingLists.runsNone')}
      columns={[
        { label: t('billingLists.invoiceDate'), cell: (run) => formatDate(run.invoiceDate) },
        {
          label: t('billingLists.startedAt'),
          cell: (run) => (
            <>
              {formatDateTime(run.startedAt)}
              {run.finishedAt === null && (
                <div className="muted">{t('billingLists.unfinished')}</div>
              )}
            </>
          ),
        },
        { label: t('billingLists.invoiceCount'), amount: true, cell: (run) => run.invoiceCount },
        {
          label: t('billingLists.invoices'),
          cell: (run) => (
            <RouterLink asComponent={RouteLink} to={`/billing/invoices?runId=${run.id}`}>
              {t('billingLists.showInvoices', { date: formatDate(run.invoiceDate) })}
            </RouterLink>
          ),
        },
        {
          label: t('billingLists.archive'),
          cell: (run) => (
            <Link href={run.archive} download>
              {t('billingLists.download', { date: formatDate(run.invoiceDate) })}
            </Link>
          ),
        },
      ]}
    />
  );
}
