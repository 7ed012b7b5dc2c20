import { Link } from 'react-router';
import { Button, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import { DateField, SelectField, TextField } from '../../../components/Fields.tsx';
import { LoadMore } from '../../../components/LoadMore.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { usePages } from '../../../data.ts';
import { useResource } from '../../../components/useResource.ts';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { call } from '../../../client.ts';
import { ORDER_STATUSES } from '../../../../contract/enums.ts';
import { ordersApi } from '../../../../contract/orders/orders.endpoints.ts';
import { serviceCatalogueApi } from '../../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import { formatEuros, serviceName } from '../customer/billing-format.ts';
import { CustomerTable } from '../customer/customer-list.tsx';
import { BillingListsNav } from './BillingListsNav.tsx';
import { CustomerCell, ListStatus } from './list-parts.tsx';
import { ALL, useUrlFilters } from './list-filters.ts';
import './lists.css';

const PAGE_SIZE = 50;

const FILTERS = {
  status: 'choice',
  serviceId: 'choice',
  from: 'date',
  to: 'date',
  customer: 'text',
} as const;

/** `/billing/orders`: every customer's orders, newest first, with filters; each row links to its customer. */
export function OrdersListPage() {
  const { t, language } = useI18n();
  const { applied, form, submit, filtered } = useUrlFilters(FILTERS);
  const [services] = useResource('order-services', (signal) =>
    call(serviceCatalogueApi.active, {}, { signal }),
  );
  const results = usePages(ordersApi.list, {
    query: {
      ...applied,
      status: ORDER_STATUSES.find((status) => status === applied.status),
      limit: PAGE_SIZE,
    },
  });
  return (
    <div className="billing-lists">
      <PageHeading title={t('billingLists.orders')} />
      <BillingListsNav />
      <Paragraph mb="m">{t('billingLists.ordersIntro')}</Paragraph>
      <form className="log-filters" onSubmit={submit} noValidate aria-labelledby="order-filters">
        <Heading variant="h2" id="order-filters" className="visually-hidden">
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
            label={t('orders.status')}
            options={[
              { value: ALL, label: t('billingLists.all') },
              ...ORDER_STATUSES.map((status) => ({
                value: status,
                label: t(`orders.status.${status}`),
              })),
            ]}
          />
          <SelectField
            form={form}
            path="serviceId"
            label={t('billingLists.service')}
            options={[
              { value: ALL, label: t('billingLists.all') },
              ...(services.state === 'ready' ? services.data.items : []).map((service) => ({
                value: service.id,
                label: serviceName(service, language),
              })),
            ]}
          />
          <DateField
            form={form}
            path="from"
            label={t('billingLists.madeFrom')}
            hint={t('billingLists.dateHint')}
          />
          <DateField
            form={form}
            path="to"
            label={t('billingLists.madeTo')}
            hint={t('billingLists.dateHint')}
          />
        </div>
        <div className="log-filters__actions">
          <Button type="submit">{t('billingLists.show')}</Button>
          {filtered && (
            <RouterLink asComponent={Link} to="/billing/orders">
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
            caption={t('billingLists.ordersCaption')}
            empty={t('billingLists.none')}
            columns={[
              { label: t('orders.number') },
              { label: t('billingLists.customerColumn') },
              { label: t('billingLists.made') },
              { label: t('orders.status') },
              { label: t('orders.lines') },
              { label: t('orders.total'), amount: true },
            ]}
            row={(order) => (
              <tr key={order.id}>
                <th scope="row">{order.number}</th>
                <td>
                  <CustomerCell customer={order.customer} />
                </td>
                <td>{formatDate(order.createdAt)}</td>
                <td>
                  {t(`orders.status.${order.status}`)}
                  {order.deliveredOn && (
                    <div className="muted">
                      {t('orders.deliveredOn', { date: formatDate(order.deliveredOn) })}
                    </div>
                  )}
                  {order.invoiced && <div className="muted">{t('orders.invoiced')}</div>}
                  {order.archivedAt && <div className="muted">{t('orders.archived')}</div>}
                </td>
                <td>{order.lineCount}</td>
                <td className="billing-table__amount">
                  {formatEuros(order.totals.grossCents, language)}
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
