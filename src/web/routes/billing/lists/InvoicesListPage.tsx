import { Link } from 'react-router';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { DateField, SelectField, TextField } from '../../../components/Fields.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { usePages } from '../../../data.ts';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import { INVOICE_VIEW_STATUSES } from '../../../../contract/invoices/invoices.schemas.ts';
import { formatEuros, INVOICE_STATUS_BADGE } from '../customer/billing-format.ts';
import { CustomerTable } from '../customer/customer-list.tsx';
import { BillingListsNav } from './BillingListsNav.tsx';
import { CustomerCell, ListStatus } from './list-parts.tsx';
import { ALL, useUrlFilters } from './list-filters.ts';
import './lists.css';

const PAGE_SIZE = 50;

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
  const { applied, form, submit, filtered } = useUrlFilters(FILTERS);
  const results = usePages(invoicesApi.list, {
    query: {
      ...applied,
      status: INVOICE_VIEW_STATUSES.find((status) => status === applied.status),
      limit: PAGE_SIZE,
    },
  });
  return (
    <div className="billing-lists">
      <PageHeading title={t('billingLists.invoices')} />
      <BillingListsNav />
      <Paragraph mb="m">{t('billingLists.invoicesIntro')}</Paragraph>
      <form className="log-filters" onSubmit={submit} noValidate aria-labelledby="invoice-filters">
        <Heading variant="h2" id="invoice-filters" className="visually-hidden">
          {t('billingLists.filters')}
        </Heading>
        <div className="billing-lists__filters">
          <TextField
            form={form}
            path="customer"
            label={t('billingLists.customer')}
            hint={t('billingLists.customerHint')}
            maxLength={100}
          />
          <SelectField
            form={form}
            path="status"
            label={t('invoices.status')}
            options={[
              { value: ALL, label: t('billingLists.all') },
              ...INVOICE_VIEW_STATUSES.map((status) => ({
                value: status,
                label: t(`invoices.status.${status}`),
              })),
            ]}
          />
          <DateField
            form={form}
            path="dueFrom"
            label={t('billingLists.dueFrom')}
            hint={t('billingLists.dateHint')}
          />
          <DateField
            form={form}
            path="dueTo"
            label={t('billingLists.dueTo')}
            hint={t('billingLists.dateHint')}
          />
        </div>
        {applied.runId && (
          <p>
            {t('billingLists.ofRun')}{' '}
            <RouterLink asComponent={Link} to="/billing/invoices">
              {t('billingLists.allInvoices')}
            </RouterLink>
          </p>
        )}
        <div className="log-filters__actions">
          <Button type="submit">{t('billingLists.show')}</Button>
          {filtered && (
            <RouterLink asComponent={Link} to="/billing/invoices">
              {t('billingLists.clear')}
            </RouterLink>
          )}
        </div>
      </form>
      <ListStatus results={results} />
      {results.status === 'ready' && results.items.length > 0 && (
        <>
          <CustomerTable
            list={{ data: results, error: null }}
            items={results.items}
            caption={t('billingLists.invoicesCaption')}
            empty={t('billingLists.none')}
            columns={[
              { label: t('invoices.number') },
              { label: t('billingLists.customerColumn') },
              { label: t('invoices.invoiceDate') },
              { label: t('invoices.dueDate') },
              { label: t('invoices.reference') },
              { label: t('invoices.total'), amount: true },
              { label: t('invoices.status') },
            ]}
            row={(invoice) => (
              <tr key={invoice.id}>
                <th scope="row">
                  {invoice.number}
                  {invoice.kind === 'credit_note' && (
                    <div className="muted">{t('invoices.creditNote')}</div>
                  )}
                </th>
                <td>
                  <CustomerCell customer={invoice.customer} />
                </td>
                <td>{formatDate(invoice.invoiceDate)}</td>
                <td>{formatDate(invoice.dueDate)}</td>
                <td className="billing-table__reference">{invoice.reference}</td>
                <td className="billing-table__amount">
                  {formatEuros(invoice.totalCents, language)}
                  {invoice.openCents > 0 && invoice.openCents !== invoice.totalCents && (
                    <div className="muted">
                      {t('invoices.openAmount', {
                        amount: formatEuros(invoice.openCents, language),
                      })}
                    </div>
                  )}
                </td>
                <td>
                  <span className={INVOICE_STATUS_BADGE[invoice.status]}>
                    {t(`invoices.status.${invoice.status}`)}
                  </span>
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
