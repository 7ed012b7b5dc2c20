import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { usePages } from '../../../data.ts';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import { INVOICE_VIEW_STATUSES } from '../../../../contract/invoices/invoices.schemas.ts';
import { formatEuros, INVOICE_STATUS_BADGE } from '../customer/billing-format.ts';
import {
  ChoiceFilter,
  choicesOf,
  CustomerCell,
  CustomerFilter,
  DayRangeFilter,
} from './list-parts.tsx';
import { useUrlFilters } from './list-filters.ts';
import { LIST_PAGE_SIZE, ListPage } from './ListPage.tsx';

const FILTERS = {
  status: 'choice',
  dueFrom: 'date',
  dueTo: 'date',
  customer: 'text',
  runId: 'choice',
} as const;

/**
 * `/billing/invoices`: every customer's invoices and credit notes, newest first, with filters
 * (`?runId=` the invoices of one run); each row links to its customer.
 */
export function InvoicesListPage() {
  const { t, language } = useI18n();
  const url = useUrlFilters(FILTERS, invoicesApi.list.query);
  const { applied, form } = url;
  const results = usePages(invoicesApi.list, {
    query: {
      ...applied,
      status: INVOICE_VIEW_STATUSES.find((status) => status === applied.status),
      limit: LIST_PAGE_SIZE,
    },
  });
  return (
    <ListPage
      title={t('billingLists.invoices')}
      intro={t('billingLists.invoicesIntro')}
      filters={{
        url,
        fields: (
          <>
            <CustomerFilter form={form} />
            <ChoiceFilter
              form={form}
              path="status"
              label={t('invoices.status')}
              options={choicesOf(INVOICE_VIEW_STATUSES, (status) => t(`invoices.status.${status}`))}
            />
            <DayRangeFilter
              form={form}
              from={{ path: 'dueFrom', label: t('billingLists.dueFrom') }}
              to={{ path: 'dueTo', label: t('billingLists.dueTo') }}
            />
          </>
        ),
        note: applied.runId && (
          <p>
            {t('billingLists.ofRun')}{' '}
            <RouterLink asComponent={Link} to="/billing/invoices">
              {t('billingLists.allInvoices')}
            </RouterLink>
          </p>
        ),
      }}
      results={results}
      caption={t('billingLists.invoicesCaption')}
      none={t('billingLists.none')}
      columns={[
        {
          label: t('invoices.number'),
          cell: (invoice) => (
            <>
              {invoice.number}
              {invoice.kind === 'credit_note' && (
                <div className="muted">{t('invoices.creditNote')}</div>
              )}
            </>
          ),
        },
        {
          label: t('billingLists.customerColumn'),
          cell: (invoice) => <CustomerCell customer={invoice.customer} />,
        },
        { label: t('invoices.invoiceDate'), cell: (invoice) => formatDate(invoice.invoiceDate) },
        { label: t('invoices.dueDate'), cell: (invoice) => formatDate(invoice.dueDate) },
        {
          label: t('invoices.reference'),
          className: 'billing-table__reference',
          cell: (invoice) => invoice.reference,
        },
        {
          label: t('invoices.total'),
          amount: true,
          cell: (invoice) => (
            <>
              {formatEuros(invoice.totalCents, language)}
              {invoice.openCents > 0 && invoice.openCents !== invoice.totalCents && (
                <div className="muted">
                  {t('invoices.openAmount', { amount: formatEuros(invoice.openCents, language) })}
                </div>
              )}
            </>
          ),
        },
        {
          label: t('invoices.status'),
          cell: (invoice) => (
            <span className={INVOICE_STATUS_BADGE[invoice.status]}>
              {t(`invoices.status.${invoice.status}`)}
            </span>
          ),
        },
      ]}
    />
  );
}
