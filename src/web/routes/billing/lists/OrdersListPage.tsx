import { useCall, usePages } from '../../../data.ts';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { ORDER_STATUSES } from '../../../../contract/enums.ts';
import { ordersApi } from '../../../../contract/orders/orders.endpoints.ts';
import { serviceCatalogueApi } from '../../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import { formatEuros, serviceName } from '../customer/billing-format.ts';
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
  serviceId: 'choice',
  from: 'date',
  to: 'date',
  customer: 'text',
} as const;

/** `/billing/orders`: every customer's orders, newest first, with filters; each row links to its customer. */
export function OrdersListPage() {
  const { t, language } = useI18n();
  const url = useUrlFilters(FILTERS, ordersApi.list.query);
  const { applied, form } = url;
  const services = useCall(serviceCatalogueApi.active, {});
  const results = usePages(ordersApi.list, {
    query: {
      ...applied,
      status: ORDER_STATUSES.find((status) => status === applied.status),
      limit: LIST_PAGE_SIZE,
    },
  });
  return (
    <ListPage
      title={t('billingLists.orders')}
      intro={t('billingLists.ordersIntro')}
      filters={{
        url,
        fields: (
          <>
            <CustomerFilter form={form} />
            <ChoiceFilter
              form={form}
              path="status"
              label={t('orders.status')}
              options={choicesOf(ORDER_STATUSES, (status) => t(`orders.status.${status}`))}
            />
            <ChoiceFilter
              form={form}
              path="serviceId"
              label={t('billingLists.service')}
              options={(services.data?.items ?? []).map((service) => ({
                value: service.id,
                label: serviceName(service, language),
              }))}
            />
            <DayRangeFilter
              form={form}
              from={{ path: 'from', label: t('billingLists.madeFrom') }}
              to={{ path: 'to', label: t('billingLists.madeTo') }}
            />
          </>
        ),
      }}
      results={results}
      caption={t('billingLists.ordersCaption')}
      none={t('billingLists.none')}
      columns={[
        { label: t('orders.number'), cell: (order) => order.number },
        {
          label: t('billingLists.customerColumn'),
          cell: (order) => <CustomerCell customer={order.customer} />,
        },
        { label: t('billingLists.made'), cell: (order) => formatDate(order.createdAt) },
        {
          label: t('orders.status'),
          cell: (order) => (
            <>
              {t(`orders.status.${order.status}`)}
              {order.deliveredOn && (
                <div className="muted">
                  {t('orders.deliveredOn', { date: formatDate(order.deliveredOn) })}
                </div>
              )}
              {order.invoiced && <div className="muted">{t('orders.invoiced')}</div>}
              {order.archivedAt && <div className="muted">{t('orders.archived')}</div>}
            </>
          ),
        },
        { label: t('orders.lines'), cell: (order) => order.lineCount },
        {
          label: t('orders.total'),
          amount: true,
          cell: (order) => formatEuros(order.totals.grossCents, language),
        },
      ]}
    />
  );
}
