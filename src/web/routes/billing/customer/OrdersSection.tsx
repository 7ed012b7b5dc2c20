import { useId, useState } from 'react';
import { Button } from 'suomifi-ui-components';
import { DateField, SelectField, TextField } from '../../../components/Fields.tsx';
import { FormErrorSummary } from '../../../components/FormErrors.tsx';
import { Loaded } from '../../../components/Loaded.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { BehindButton } from '../../../components/BehindButton.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import { useCall } from '../../../data.ts';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { ActionDialog } from './ActionDialog.tsx';
import type { Answer } from '../../../../contract/endpoint.ts';
import { ordersApi } from '../../../../contract/orders/orders.endpoints.ts';
import type { OrderSummary } from '../../../../contract/orders/orders.schemas.ts';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import { serviceCatalogueApi } from '../../../../contract/service-catalogue/service-catalogue.endpoints.ts';
import {
  checkDates,
  dateValue,
  decimalValue,
  formatEuros,
  formatQuantity,
  serviceName,
} from './billing-format.ts';
import {
  CustomerTable,
  BILLING_READS,
  useCustomerCall,
  useActionStatus,
  type BillingCustomer,
  type CustomerSectionProps,
} from './customer-list.tsx';

/** The customer's orders with their lines, what may be done with each, and a new order. */
export function OrdersSection({
  customer,
  onChanged,
  loaded,
}: CustomerSectionProps<Answer<typeof ordersApi.ofPerson>>) {
  const { t, language } = useI18n();
  const me = useMe();
  const [status, done] = useActionStatus(onChanged);
  const orders = useCustomerCall(
    customer.kind === 'person' ? ordersApi.ofPerson : ordersApi.ofOrganization,
    { params: { id: customer.id }, query: { limit: 50 } },
    loaded,
  );

  return (
    <Section title={t('orders.title')} className="record__wide">
      {status}
      <CustomerTable
        list={orders}
        items={orders.data?.items ?? null}
        caption={t('orders.title')}
        empty={t('orders.none')}
        columns={[
          { label: t('orders.number') },
          { label: t('orders.status') },
          { label: t('orders.lines') },
          { label: t('orders.total'), amount: true },
          { label: t('orders.actions') },
        ]}
        row={(order) => (
          <tr key={order.id}>
            <th scope="row">{order.number}</th>
            <td>
              <OrderStatus order={order} />
            </td>
            <td>
              <OrderLines order={order} />
            </td>
            <td className="billing-table__amount">
              {formatEuros(order.totals.grossCents, language)}
            </td>
            <td>
              <OrderActions order={order} onDone={done} />
            </td>
          </tr>
        )}
      />
      {me.can('orders.write') && !customer.archived && (
        <NewOrder customer={customer} onCreated={done} />
      )}
    </Section>
  );
}

function OrderStatus({ order }: { order: OrderSummary }) {
  const { t } = useI18n();
  return (
    <>
      <span className="badge">{t(`orders.status.${order.status}`)}</span>
      {order.deliveredOn && (
        <div>{t('orders.deliveredOn', { date: formatDate(order.deliveredOn) })}</div>
      )}
      {order.invoiced && <div>{t('orders.invoiced')}</div>}
      {order.archivedAt && <div className="muted">{t('orders.archived')}</div>}
    </>
  );
}

/**
 * The order's lines, opened on request: each order read is logged with its customer, so the list
 * reads only what the page shows.
 */
function OrderLines({ order }: { order: OrderSummary }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState(false);
  const detail = useCall(ordersApi.get, { params: { id: order.id } }, { enabled: open });
  const listId = useId();
  return (
    <>
      <Button
        variant="secondaryNoBorder"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        onClick={() => setOpen((current) => !current)}
      >
        {open
          ? t('orders.hideLines', { count: order.lineCount })
          : t('orders.showLines', { count: order.lineCount })}
      </Button>
      {open && (
        <Loaded query={detail}>
          {({ lines }) => (
            <ul className="log-table__list" id={listId}>
              {lines.map((line) => (
                <li key={line.id}>
                  {line.description}:{' '}
                  {t('orders.lineQuantity', {
                    quantity: formatQuantity(line.quantity, language),
                    unit: line.unit,
                    price: formatEuros(line.unitPriceCents, language),
                  })}
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      )}
    </>
  );
}

/** What the order's status allows the reader to do with it. */
function OrderActions({
  order,
  onDone,
}: {
  order: OrderSummary;
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  if (order.archivedAt) return null;
  const write = me.can('orders.write');
  const number = { number: order.number };
  const simple = (action: 'confirm' | 'cancel' | 'archive') => (
    <ActionDialog
      label={t(`orders.${action}`)}
      accessibleLabel={t(`orders.${action}Order`, number)}
      title={t(`orders.${action}Title`, number)}
      explanation={t(`orders.${action}Explanation`)}
      confirmText={t(`orders.${action}`)}
      endpoint={ordersApi[action]}
      input={() => ({ params: { id: order.id }, body: {} })}
      onDone={() => onDone(t(`orders.${action}Done`, number))}
    />
  );
  const finished = (order.status === 'delivered' && order.invoiced) || order.status === 'cancelled';
  return (
    <div className="billing-actions">
      {write && order.status === 'draft' && simple('confirm')}
      {write && order.status === 'confirmed' && (
        <ActionDialog
          label={t('orders.deliver')}
          accessibleLabel={t('orders.deliverOrder', number)}
          title={t('orders.deliverTitle', number)}
          explanation={t('orders.deliverExplanation')}
          confirmText={t('orders.deliver')}
          fields={{ initial: { deliveredOn: formatDate(helsinkiToday()) } }}
          check={(values) => checkDates(values, ['deliveredOn'])}
          endpoint={ordersApi.deliver}
          input={(values) => ({
            params: { id: order.id },
            body: { deliveredOn: dateValue(values, 'deliveredOn') ?? '' },
          })}
          onDone={() => onDone(t('orders.deliverDone', number))}
        >
          {(form) => (
            <DateField form={form} path="deliveredOn" label={t('orders.deliveredOnLabel')} />
          )}
        </ActionDialog>
      )}
      {write && (order.status === 'draft' || order.status === 'confirmed') && simple('cancel')}
      {me.can('invoices.write') && order.status === 'delivered' && !order.invoiced && (
        <ActionDialog
          label={t('orders.invoice')}
          accessibleLabel={t('orders.invoiceOrder', number)}
          title={t('orders.invoiceTitle', number)}
          explanation={t('orders.invoiceExplanation')}
          confirmText={t('orders.invoice')}
          secondary={false}
          fields={{ initial: { invoiceDate: '', dueDate: '' } }}
          check={(values) => checkDates(values, ['invoiceDate', 'dueDate'])}
          endpoint={invoicesApi.create}
          input={(values) => {
            const invoiceDate = dateValue(values, 'invoiceDate');
            const dueDate = dateValue(values, 'dueDate');
            return {
              body: {
                orderId: order.id,
                ...(invoiceDate ? { invoiceDate } : {}),
                ...(dueDate ? { dueDate } : {}),
              },
            };
          }}
          onDone={(invoice) =>
            onDone(t('orders.invoiceDone', { ...number, invoice: invoice.number }))
          }
        >
          {(form) => (
            <div className="field-grid">
              <DateField
                form={form}
                path="invoiceDate"
                label={t('orders.invoiceDate')}
                hint={t('orders.invoiceDateHint')}
              />
              <DateField
                form={form}
                path="dueDate"
                label={t('orders.dueDate')}
                hint={t('orders.dueDateHint')}
              />
            </div>
          )}
        </ActionDialog>
      )}
      {write && finished && simple('archive')}
    </div>
  );
}

/** A draft order: one or more services of the catalogue, each with its quantity. */
function NewOrder({
  customer,
  onCreated,
}: {
  customer: BillingCustomer;
  onCreated: (message: string) => void;
}) {
  const { t } = useI18n();
  return (
    <BehindButton label={t('orders.new')}>
      {(close) => (
        <OrderForm
          customer={customer}
          onCancel={() => close()}
          onCreated={(message) => {
            // The status line says what happened, and takes the focus.
            close(false);
            onCreated(message);
          }}
        />
      )}
    </BehindButton>
  );
}

const linePath = (row: number, field: 'serviceId' | 'quantity') => `lines.${row}.${field}`;

const INITIAL_LINES = { [linePath(0, 'quantity')]: '1' };

function OrderForm({
  customer,
  onCreated,
  onCancel,
}: {
  customer: BillingCustomer;
  onCreated: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const titleId = useId();
  const services = useCall(serviceCatalogueApi.active, {});
  /** The form's rows by a number of their own, so that removing one keeps the others' values. */
  const [rows, setRows] = useState<number[]>([0]);
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: ordersApi.create,
    initial: INITIAL_LINES,
    // The lines are a list the schema cannot name by path: each row's service and quantity.
    check: (values) =>
      rows.flatMap((row) =>
        (['serviceId', 'quantity'] as const)
          .map((field) => linePath(row, field))
          .filter((path) => (values[path] ?? '').trim() === '')
          .map((path) => ({ field: path, code: 'required', message: '' })),
      ),
    input: (values) => ({
      body: {
        [customer.kind === 'person' ? 'personId' : 'organizationId']: customer.id,
        lines: rows.map((row) => ({
          serviceId: values[linePath(row, 'serviceId')] ?? '',
          quantity: decimalValue(values[linePath(row, 'quantity')] ?? ''),
        })),
      },
    }),
    invalidates: BILLING_READS,
    // The server names a line by its place; the form, by its row.
    serverFields: (field) =>
      field.replace(
        /^lines\.(\d+)\./,
        (_, index: string) => `lines.${rows[Number(index)] ?? index}.`,
      ),
    checkOnBlur: false,
    changed: rows.length > 1,
    onSaved: (order) => onCreated(t('orders.created', { number: order.number })),
  });
  const options =
    services.data?.items.map((service) => ({
      value: service.id,
      label: `${serviceName(service, language)} (${formatEuros(service.unitPriceCents, language)} / ${service.unit})`,
    })) ?? [];
  const labelFor = (path: string) => {
    const [, index, field] = path.split('.');
    const line = rows.indexOf(Number(index)) + 1;
    return field === 'quantity'
      ? t('orders.lineQuantityLabel', { line })
      : t('orders.lineServiceLabel', { line });
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="billing-form">
      <h3 id={titleId} className="billing-form__title">
        {t('orders.newTitle')}
      </h3>
      <FormErrorSummary errors={form.errors} attempt={attempt} labelFor={labelFor} />
      <Loaded query={services}>
        {({ items }) => items.length === 0 && <p className="muted">{t('orders.noServices')}</p>}
      </Loaded>
      {options.length > 0 && (
        <>
          {rows.map((row, index) => (
            <div className="billing-form__line" key={row}>
              <SelectField
                form={form}
                path={linePath(row, 'serviceId')}
                label={t('orders.lineServiceLabel', { line: index + 1 })}
                placeholder={t('form.choose')}
                options={options}
              />
              <TextField
                form={form}
                path={linePath(row, 'quantity')}
                label={t('orders.lineQuantityLabel', { line: index + 1 })}
                inputMode="text"
                maxLength={14}
              />
              {rows.length > 1 && (
                <Button
                  variant="secondaryNoBorder"
                  onClick={() => setRows((current) => current.filter((r) => r !== row))}
                >
                  {t('orders.removeLine', { line: index + 1 })}
                </Button>
              )}
            </div>
          ))}
          <Button
            variant="secondaryNoBorder"
            onClick={() => {
              const next = Math.max(...rows) + 1;
              form.set(linePath(next, 'quantity'), '1');
              setRows((current) => [...current, next]);
            }}
          >
            {t('orders.addLine')}
          </Button>
        </>
      )}
      {failure !== null && <ProblemNotice error={failure} />}
      <div className="form-actions">
        {options.length > 0 && (
          <Button type="submit" disabled={busy}>
            {t('orders.create')}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
