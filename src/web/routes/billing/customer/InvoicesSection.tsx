import { useState } from 'react';
import { Button, InlineAlert, Link } from 'suomifi-ui-components';
import { DateField, SelectField, TextAreaField, TextField } from '../../../components/Fields.tsx';
import { saveBase64File } from '../../../components/download.ts';
import { Loaded } from '../../../components/Loaded.tsx';
import { Section } from '../../../components/Section.tsx';
import { useCall } from '../../../data.ts';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { helsinkiToday } from '../../access-log/access-log.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { urlOf } from '../../../client.ts';
import type { Answer } from '../../../../contract/endpoint.ts';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { DisclosureMade } from '../../../../contract/disclosures/disclosures.schemas.ts';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import type { InvoiceSummary } from '../../../../contract/invoices/invoices.schemas.ts';
import {
  checkDates,
  dateValue,
  decimalValue,
  formatEuros,
  INVOICE_STATUS_BADGE,
} from './billing-format.ts';
import {
  CustomerTable,
  useCustomerCall,
  useActionStatus,
  type CustomerSectionProps,
} from './customer-list.tsx';

/** The customer's invoices and credit notes: their state, the PDF, and what may be done. */
export function InvoicesSection({
  customer,
  onChanged,
  loaded,
}: CustomerSectionProps<Answer<typeof invoicesApi.ofPerson>>) {
  const { t, language } = useI18n();
  const [status, done] = useActionStatus(onChanged);
  const [made, setMade] = useState<DisclosureMade | null>(null);
  const invoices = useCustomerCall(
    customer.kind === 'person' ? invoicesApi.ofPerson : invoicesApi.ofOrganization,
    { params: { id: customer.id }, query: { limit: 50 } },
    loaded,
  );

  return (
    <Section title={t('invoices.title')} className="record__wide">
      {status}
      {made && <CollectionNotice made={made} />}
      <CustomerTable
        list={invoices}
        items={invoices.data?.items ?? null}
        caption={t('invoices.title')}
        empty={t('invoices.none')}
        columns={[
          { label: t('invoices.number') },
          { label: t('invoices.invoiceDate') },
          { label: t('invoices.dueDate') },
          { label: t('invoices.reference') },
          { label: t('invoices.total'), amount: true },
          { label: t('invoices.status') },
          { label: t('invoices.actions') },
        ]}
        row={(invoice) => (
          <tr key={invoice.id}>
            <th scope="row">
              {invoice.number}
              {invoice.kind === 'credit_note' && (
                <div className="muted">{t('invoices.creditNote')}</div>
              )}
            </th>
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
            <td>
              <InvoiceActions
                invoice={invoice}
                onDone={done}
                onCollected={(result) => {
                  setMade(result);
                  done(
                    t('invoices.collectionDone', {
                      number: invoice.number,
                      partner: result.disclosure.partner?.name ?? '',
                    }),
                  );
                }}
              />
            </td>
          </tr>
        )}
      />
    </Section>
  );
}

function InvoiceActions({
  invoice,
  onDone,
  onCollected,
}: {
  invoice: InvoiceSummary;
  onDone: (message: string) => void;
  onCollected: (made: DisclosureMade) => void;
}) {
  const { t, language } = useI18n();
  const me = useMe();
  const number = { number: invoice.number };
  const isInvoice = invoice.kind === 'invoice';
  const payable =
    isInvoice &&
    ['open', 'overdue', 'in_collection'].includes(invoice.status) &&
    invoice.openCents > 0;
  const creditable = isInvoice && ['open', 'overdue', 'paid'].includes(invoice.status);
  return (
    <div className="billing-actions">
      <Link
        href={urlOf(invoicesApi.pdf, { params: { id: invoice.id } })}
        download
        aria-label={t('invoices.pdfOf', number)}
      >
        {t('invoices.pdf')}
      </Link>
      {invoice.delivery === 'einvoice' && (
        <Link
          href={urlOf(invoicesApi.finvoice, { params: { id: invoice.id } })}
          download
          aria-label={t('invoices.finvoiceOf', number)}
        >
          {t('invoices.finvoice')}
        </Link>
      )}
      {me.can('invoices.write') && payable && (
        <ActionDialog
          label={t('invoices.recordPayment')}
          accessibleLabel={t('invoices.recordPaymentOf', number)}
          title={t('invoices.recordPaymentTitle', number)}
          explanation={t('invoices.recordPaymentExplanation', { reference: invoice.reference })}
          confirmText={t('invoices.recordPayment')}
          fields={{
            initial: {
              amount: (invoice.openCents / 100)
                .toFixed(2)
                .replace('.', language === 'en' ? '.' : ','),
              paidOn: formatDate(helsinkiToday()),
            },
            // The schema takes the amount in euros or in cents: the dialog gives euros.
            required: ['amount'],
          }}
          check={(values) => checkDates(values, ['paidOn'])}
          endpoint={invoicesApi.pay}
          input={(values) => ({
            body: {
              reference: invoice.reference,
              amount: decimalValue(values.amount ?? ''),
              paidOn: dateValue(values, 'paidOn') ?? '',
            },
          })}
          onDone={(paid) =>
            onDone(
              t('invoices.recordPaymentDone', {
                ...number,
                status: t(`invoices.status.${paid.invoice.status}`),
              }),
            )
          }
        >
          {(form) => (
            <div className="field-grid">
              <TextField form={form} path="amount" label={t('invoices.amount')} maxLength={14} />
              <DateField form={form} path="paidOn" label={t('invoices.paidOn')} />
            </div>
          )}
        </ActionDialog>
      )}
      {me.can('invoices.write') && creditable && (
        <ActionDialog
          label={t('invoices.credit')}
          accessibleLabel={t('invoices.creditOf', number)}
          title={t('invoices.creditTitle', number)}
          explanation={t('invoices.creditExplanation')}
          confirmText={t('invoices.credit')}
          fields={{ initial: { reason: '' } }}
          endpoint={invoicesApi.credit}
          input={(values) => ({
            params: { id: invoice.id },
            body: { reason: (values.reason ?? '').trim() },
          })}
          onDone={(note) =>
            onDone(t('invoices.creditDone', { ...number, creditNote: note.number }))
          }
        >
          {(form) => <TextAreaField form={form} path="reason" label={t('invoices.creditReason')} />}
        </ActionDialog>
      )}
      {me.can('disclosures.make') && invoice.status === 'overdue' && (
        <CollectionAction invoice={invoice} onCollected={onCollected} />
      )}
    </div>
  );
}

/** Sending an overdue invoice to a collection agency: a partner that receives disclosures. */
function CollectionAction({
  invoice,
  onCollected,
}: {
  invoice: InvoiceSummary;
  onCollected: (made: DisclosureMade) => void;
}) {
  const { t } = useI18n();
  const recipients = useCall(disclosuresApi.recipients, {});
  const number = { number: invoice.number };
  return (
    <ActionDialog
      label={t('invoices.sendToCollection')}
      accessibleLabel={t('invoices.sendToCollectionOf', number)}
      title={t('invoices.sendToCollectionTitle', number)}
      explanation={t('invoices.sendToCollectionExplanation')}
      confirmText={t('invoices.sendToCollection')}
      secondary={false}
      fields={{ initial: { partnerId: '' } }}
      endpoint={disclosuresApi.sendToCollection}
      input={(values) => ({
        body: {
          partnerId: values.partnerId ?? '',
          invoiceIds: [invoice.id],
          format: 'csv' as const,
        },
      })}
      onDone={onCollected}
    >
      {(form) => (
        <Loaded query={recipients}>
          {({ items }) =>
            items.length === 0 ? (
              <p className="muted">{t('invoices.noRecipients')}</p>
            ) : (
              <SelectField
                form={form}
                path="partnerId"
                label={t('invoices.collectionPartner')}
                placeholder={t('form.choose')}
                options={items.map((partner) => ({ value: partner.id, label: partner.name }))}
              />
            )
          }
        </Loaded>
      )}
    </ActionDialog>
  );
}

/** The disclosure a collection made, and its file to hand to the agency. */
function CollectionNotice({ made }: { made: DisclosureMade }) {
  const { t } = useI18n();
  const { disclosure, file } = made;
  return (
    <InlineAlert className="notice" labelText={t('invoices.collectionMadeTitle')}>
      <p>
        {t('invoices.collectionMade', {
          partner: disclosure.partner?.name ?? '',
          date: formatDateTime(disclosure.disclosedAt),
          count: disclosure.invoiceCount,
        })}
      </p>
      <p>
        {t('disclosures.legalBasis')}: {t(`disclosures.basis.${disclosure.legalBasis}`)}.{' '}
        {t('disclosures.fields')}: {disclosure.fields.join(', ')}
      </p>
      <Button variant="secondary" onClick={() => saveBase64File(file)}>
        {t('invoices.downloadCollectionFile', { file: file.fileName })}
      </Button>
    </InlineAlert>
  );
}
