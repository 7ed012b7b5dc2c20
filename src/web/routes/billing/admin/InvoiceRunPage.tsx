import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link as RouteLink } from 'react-router';
import { Button, InlineAlert, Link, Paragraph, RouterLink } from 'suomifi-ui-components';
import { ApiError } from '../../../api.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { DataList } from '../../../components/DataList.tsx';
import { DateField } from '../../../components/Fields.tsx';
import { errorsByField, fieldId } from '../../../components/form.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { Section } from '../../../components/Section.tsx';
import { NO_RULES } from '../../../components/schema-rules.ts';
import { useFormState } from '../../../components/useContractForm.ts';
import { useSend } from '../../../data.ts';
import { formatDate, parseFinnishDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useMe } from '../../../session.tsx';
import { formatEuros } from '../customer/billing-format.ts';
import { invoicesApi } from '../../../../contract/invoices/invoices.endpoints.ts';
import type { InvoiceRunView } from '../../../../contract/invoices/invoices.schemas.ts';
import { ordersApi } from '../../../../contract/orders/orders.endpoints.ts';
import './billing-admin.css';

/** What an invoice run changes: orders become invoiced, invoices and a run appear. */
const INVOICED = [
  invoicesApi.ofPerson,
  invoicesApi.ofOrganization,
  invoicesApi.list,
  invoicesApi.runs,
  ordersApi.ofPerson,
  ordersApi.ofOrganization,
  ordersApi.list,
];

/**
 * The invoice run: every delivered order without an invoice is invoiced on the date chosen, and
 * the run's documents (paper invoices as PDF, e-invoices as Finvoice) come as one archive.
 */
export function InvoiceRunPage() {
  const { t, errorText } = useI18n();
  const me = useMe();
  const [confirming, setConfirming] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  // Today in Helsinki, the server's default.
  const [initial] = useState(() => ({ invoiceDate: formatDate(new Date().toISOString()) }));

  // After the dialog has given the focus back to its opener.
  const focusDate = () =>
    requestAnimationFrame(() => document.getElementById(fieldId('invoiceDate'))?.focus());

  // A run is no draft to keep: the date is checked when the run is asked for.
  const form = useFormState(initial, NO_RULES, false);
  const run = useSend(invoicesApi.run, { invalidates: INVOICED });
  const { isPending: busy } = run;
  const dateError =
    run.error instanceof ApiError ? errorsByField(run.error.problem.errors).invoiceDate : undefined;
  const failure = run.error !== null && !dateError ? run.error : null;

  const start = () => {
    const invoiceDate = parseFinnishDate(form.values.invoiceDate ?? '');
    if (!invoiceDate) return;
    run.mutate(
      { body: { invoiceDate } },
      {
        onSettled: () => setConfirming(false),
        onError: (error) => {
          const errors = error instanceof ApiError ? errorsByField(error.problem.errors) : {};
          if (errors.invoiceDate) {
            form.setErrors({ invoiceDate: errors.invoiceDate });
            focusDate();
          }
        },
      },
    );
  };

  const ask = (event: FormEvent) => {
    event.preventDefault();
    // A refusal is forgotten when asked again; the last run's summary stays until the next.
    if (run.isError) run.reset();
    if (!parseFinnishDate(form.values.invoiceDate ?? '')) {
      form.setErrors({
        invoiceDate: { field: 'invoiceDate', code: 'date.format', message: 'd.m.yyyy' },
      });
      focusDate();
      return;
    }
    form.setErrors({});
    setConfirming(true);
  };

  /** A refusal that names its reason (settings missing, orders not invoiceable) says it. */
  const reason =
    failure instanceof ApiError && failure.problem.errors?.[0]
      ? errorText(failure.problem.errors[0])
      : null;
  const settingsMissing =
    failure instanceof ApiError &&
    failure.problem.errors?.some((problem) => problem.code === 'billing.settingsMissing');

  return (
    <div className="form-page billing-admin">
      <PageHeading title={t('invoiceRun.title')} />
      <Paragraph className="lead">{t('invoiceRun.intro')}</Paragraph>

      {failure !== null && (
        <InlineAlert status="error" role="alert" className="notice">
          {reason ?? t('invoiceRun.failed')}
          {settingsMissing && me.can('billing.settings') && (
            <>
              {' '}
              <RouterLink asComponent={RouteLink} to="/billing/settings">
                {t('invoiceRun.toSettings')}
              </RouterLink>
            </>
          )}
        </InlineAlert>
      )}

      <form noValidate onSubmit={ask} className="form">
        <Section title={t('invoiceRun.formTitle')}>
          <div className="field-grid">
            <DateField
              form={form}
              path="invoiceDate"
              label={t('invoiceRun.invoiceDate')}
              hint={t('invoiceRun.invoiceDateHint')}
            />
          </div>
          <div className="form-actions">
            <Button type="submit" ref={opener} disabled={busy}>
              {t('invoiceRun.start')}
            </Button>
          </div>
        </Section>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('invoiceRun.confirmTitle', { date: form.values.invoiceDate ?? '' })}
        explanation={t('invoiceRun.confirmExplanation')}
        failure={null}
        busy={busy}
        confirmText={t('invoiceRun.confirmButton')}
        onConfirm={start}
        onCancel={() => setConfirming(false)}
        opener={opener}
      />

      <div role="status">{busy && <p>{t('invoiceRun.running')}</p>}</div>
      {run.data && <RunSummary run={run.data} />}
    </div>
  );
}

function RunSummary({ run }: { run: InvoiceRunView }) {
  const { t, language } = useI18n();
  return (
    <Section title={t('invoiceRun.summaryTitle')}>
      {run.invoiceCount === 0 ? (
        <p>{t('invoiceRun.nothingToInvoice')}</p>
      ) : (
        <>
          <DataList
            items={[
              { label: t('invoiceRun.invoiceDate'), value: formatDate(run.invoiceDate) },
              { label: t('invoiceRun.dueDate'), value: formatDate(run.dueDate) },
              { label: t('invoiceRun.invoiceCount'), value: String(run.invoiceCount) },
              { label: t('invoiceRun.paperCount'), value: String(run.paperCount) },
              {
                label: t('invoiceRun.addressProtectedCount'),
                value: String(run.addressProtectedCount),
              },
              { label: t('invoiceRun.eInvoiceCount'), value: String(run.eInvoiceCount) },
              { label: t('invoiceRun.total'), value: formatEuros(run.totalCents, language) },
            ]}
          />
          <p className="billing-admin__download">
            <Link href={run.archive} download>
              {t('invoiceRun.download')}
            </Link>
          </p>
          <p className="hint">{t('invoiceRun.downloadHint')}</p>
        </>
      )}
    </Section>
  );
}
