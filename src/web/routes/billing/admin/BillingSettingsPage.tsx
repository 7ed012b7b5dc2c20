import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../../api.ts';
import { AddressFields } from '../../../components/AddressFields.tsx';
import { SelectField, TextField } from '../../../components/Fields.tsx';
import type { FieldErrors } from '../../../components/form.ts';
import { FormErrorSummary, labelFromParts } from '../../../components/FormErrors.tsx';
import { Loading, ProblemNotice } from '../../../components/Notices.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { Section } from '../../../components/Section.tsx';
import { useForm, type FormController } from '../../../components/useForm.ts';
import { useResource } from '../../../components/useResource.ts';
import { formatDateTime } from '../../../format.ts';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { call } from '../../../client.ts';
import { billingSettingsApi } from '../../../../contract/billing-settings/billing-settings.endpoints.ts';
import type { BillingSettingsView } from '../../../../contract/billing-settings/billing-settings.schemas.ts';
import {
  BILLING_SETTINGS_REQUIRED,
  billingSettingsErrors,
  billingSettingsInput,
  billingSettingsProblems,
  billingSettingsValues,
  SELLER_ADDRESS,
} from './billing-settings-form.ts';
import './billing-admin.css';

/** The server answers 409 `billing.settingsMissing` until the settings are saved the first time. */
const isMissing = (error: unknown): boolean =>
  error instanceof ApiError &&
  error.status === 409 &&
  (error.problem.errors ?? []).some((problem) => problem.code === 'billing.settingsMissing');

const REFERENCE_FORMAT_LABELS: Record<BillingSettingsView['referenceFormat'], MessageKey> = {
  national: 'billingSettings.referenceFormat.national',
  rf: 'billingSettings.referenceFormat.rf',
};

/** The municipality as the seller on its invoices: name, account, e-invoicing and terms. */
export function BillingSettingsPage() {
  const { t } = useI18n();
  const [settings, replace] = useResource('billing-settings', (signal) =>
    call(billingSettingsApi.get, {}, { signal }).catch((error: unknown) => {
      if (isMissing(error)) return null;
      throw error;
    }),
  );
  const [saved, setSaved] = useState(false);

  return (
    <div className="form-page billing-admin">
      <PageHeading title={t('billingSettings.title')} />
      <Paragraph className="lead">{t('billingSettings.intro')}</Paragraph>
      <div role="status">
        {saved && (
          <InlineAlert className="notice notice--success">{t('billingSettings.saved')}</InlineAlert>
        )}
      </div>
      {settings.state === 'loading' && <Loading />}
      {settings.state === 'failed' && <ProblemNotice error={settings.error} />}
      {settings.state === 'ready' && (
        <BillingSettingsForm
          // A save starts the form again from what the server stored.
          key={settings.data?.updatedAt ?? 'new'}
          settings={settings.data}
          onSaved={(next) => {
            replace(next);
            setSaved(true);
          }}
          onEdited={() => setSaved(false)}
        />
      )}
    </div>
  );
}

function BillingSettingsForm({
  settings,
  onSaved,
  onEdited,
}: {
  settings: BillingSettingsView | null;
  onSaved: (next: BillingSettingsView) => void;
  onEdited: () => void;
}) {
  const { t } = useI18n();
  const initial = useMemo(() => billingSettingsValues(settings), [settings]);
  // The errors change only when the form is sent (see the staff forms).
  const controller = useForm(initial, BILLING_SETTINGS_REQUIRED);
  const form: FormController = {
    ...controller,
    set: (path, value) => {
      onEdited();
      controller.set(path, value);
    },
    blur: () => undefined,
  };
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const labels: Record<string, string> = {
    sellerName: t('billingSettings.sellerName'),
    sellerBusinessId: t('billingSettings.sellerBusinessId'),
    [SELLER_ADDRESS]: t('billingSettings.sellerAddress'),
    street: t('address.street'),
    postalCode: t('address.postalCode'),
    postOffice: t('address.postOffice'),
    country: t('address.country'),
    iban: t('billingSettings.iban'),
    bic: t('billingSettings.bic'),
    eInvoiceAddress: t('billingSettings.eInvoiceAddress'),
    eInvoiceIntermediator: t('billingSettings.eInvoiceIntermediator'),
    paymentTermDays: t('billingSettings.paymentTermDays'),
    referenceFormat: t('billingSettings.referenceFormat'),
    accountingRetentionYears: t('billingSettings.accountingRetentionYears'),
    socialRecordsRetentionYears: t('erasure.socialRecordsRetentionYears'),
  };
  const showErrors = (errors: FieldErrors) => {
    form.setErrors(errors);
    setAttempt((n) => n + 1);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems = billingSettingsProblems(form.values);
    if (Object.keys(problems).length > 0) {
      showErrors(problems);
      return;
    }
    form.setErrors({});
    setBusy(true);
    call(billingSettingsApi.save, { body: billingSettingsInput(form.values) }).then(
      onSaved,
      (error: unknown) => {
        setBusy(false);
        if (error instanceof ApiError && error.problem.errors?.length) {
          showErrors(billingSettingsErrors(error.problem.errors));
        } else {
          setFailure(error);
        }
      },
    );
  };

  return (
    <>
      {settings === null ? (
        <InlineAlert status="warning" className="notice">
          {t('billingSettings.notSetUp')}
        </InlineAlert>
      ) : (
        <p className="muted">
          {t('billingSettings.lastChanged', { time: formatDateTime(settings.updatedAt) })}
        </p>
      )}
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labelFromParts(path, labels)}
      />
      {failure !== null && <ProblemNotice error={failure} />}

      <form noValidate onSubmit={submit} className="form">
        <Section title={t('billingSettings.sellerTitle')}>
          <div className="field-grid">
            <TextField
              form={form}
              path="sellerName"
              label={labels.sellerName}
              hint={t('billingSettings.sellerNameHint')}
              maxLength={200}
              required
            />
            <TextField
              form={form}
              path="sellerBusinessId"
              label={labels.sellerBusinessId}
              hint={t('billingSettings.sellerBusinessIdHint')}
              maxLength={20}
              required
            />
          </div>
          <AddressFields
            form={form}
            prefix={SELLER_ADDRESS}
            legend={labels[SELLER_ADDRESS] ?? ''}
          />
        </Section>

        <Section title={t('billingSettings.paymentTitle')}>
          <div className="field-grid">
            <TextField
              form={form}
              path="iban"
              label={labels.iban}
              hint={t('billingSettings.ibanHint')}
              maxLength={42}
              required
            />
            <TextField
              form={form}
              path="bic"
              label={labels.bic}
              hint={t('billingSettings.bicHint')}
              maxLength={14}
              required
            />
            <TextField
              form={form}
              path="paymentTermDays"
              label={labels.paymentTermDays}
              hint={t('billingSettings.paymentTermDaysHint')}
              inputMode="numeric"
              maxLength={3}
              required
            />
            <SelectField
              form={form}
              path="referenceFormat"
              label={labels.referenceFormat}
              hint={t('billingSettings.referenceFormatHint')}
              options={(
                Object.keys(REFERENCE_FORMAT_LABELS) as BillingSettingsView['referenceFormat'][]
              ).map((format) => ({
                value: format,
                label: t(REFERENCE_FORMAT_LABELS[format]),
              }))}
            />
          </div>
        </Section>

        <Section title={t('billingSettings.eInvoiceTitle')}>
          <p className="fieldset__hint">{t('billingSettings.eInvoiceIntro')}</p>
          <div className="field-grid">
            <TextField
              form={form}
              path="eInvoiceAddress"
              label={labels.eInvoiceAddress}
              hint={t('billing.ovtHint')}
              maxLength={40}
            />
            <TextField
              form={form}
              path="eInvoiceIntermediator"
              label={labels.eInvoiceIntermediator}
              hint={t('billing.eInvoiceIntermediatorHint')}
              maxLength={20}
            />
          </div>
        </Section>

        <Section title={t('billingSettings.accountingTitle')}>
          <div className="field-grid">
            <TextField
              form={form}
              path="accountingRetentionYears"
              label={labels.accountingRetentionYears}
              hint={t('billingSettings.accountingRetentionYearsHint')}
              inputMode="numeric"
              maxLength={2}
              required
            />
            <TextField
              form={form}
              path="socialRecordsRetentionYears"
              label={labels.socialRecordsRetentionYears}
              hint={t('erasure.socialRecordsRetentionYearsHint')}
              inputMode="numeric"
              maxLength={2}
              required
            />
          </div>
        </Section>

        <div className="form-actions">
          <Button type="submit" disabled={busy}>
            {t('billingSettings.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
