import { useMemo, useState } from 'react';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { isConflictWithCode } from '../../../client.ts';
import { AddressFields } from '../../../components/AddressFields.tsx';
import { SelectField, TextField } from '../../../components/Fields.tsx';
import { FormErrorSummary, labelFromParts } from '../../../components/FormErrors.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { Loaded } from '../../../components/Loaded.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { Section } from '../../../components/Section.tsx';
import { useContractForm, type FormController } from '../../../components/useContractForm.ts';
import { queryKeyOf, useCall } from '../../../data.ts';
import { formatDateTime } from '../../../format.ts';
import type { MessageKey } from '../../../i18n/catalogues.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { billingSettingsApi } from '../../../../contract/billing-settings/billing-settings.endpoints.ts';
import type { BillingSettingsView } from '../../../../contract/billing-settings/billing-settings.schemas.ts';
import {
  billingSettingsErrors,
  billingSettingsInput,
  billingSettingsProblems,
  billingSettingsValues,
  SELLER_ADDRESS,
  wholeNumberRange,
} from './billing-settings-form.ts';
import './billing-admin.css';

/** The server answers 409 `billing.settingsMissing` until the settings are saved the first time. */
const isMissing = (error: unknown): boolean => isConflictWithCode(error, 'billing.settingsMissing');

const REFERENCE_FORMAT_LABELS: Record<BillingSettingsView['referenceFormat'], MessageKey> = {
  national: 'billingSettings.referenceFormat.national',
  rf: 'billingSettings.referenceFormat.rf',
};

/** As many digits as the schema's largest value has. */
const digitsOf = (field: Parameters<typeof wholeNumberRange>[0]): number =>
  String(wholeNumberRange(field).max).length;

/** The municipality as the seller on its invoices: name, account, e-invoicing and terms. */
export function BillingSettingsPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const settings = useCall(billingSettingsApi.get, {});
  const form = (stored: BillingSettingsView | null) => (
    <BillingSettingsForm
      // A save starts the form again from what the server stored.
      key={stored?.updatedAt ?? 'new'}
      settings={stored}
      onSaved={(next) => {
        client.setQueryData(queryKeyOf(billingSettingsApi.get, {}), next);
        setSaved(true);
      }}
      onEdited={() => setSaved(false)}
    />
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
      <Loaded
        query={settings}
        failed={(error) => (isMissing(error) ? form(null) : <ProblemNotice error={error} />)}
      >
        {form}
      </Loaded>
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
  const contractForm = useContractForm({
    endpoint: billingSettingsApi.save,
    initial,
    check: (values) => Object.values(billingSettingsProblems(values)),
    input: (values) => ({ body: billingSettingsInput(values) }),
    onSaved,
    describe: (errors) => billingSettingsErrors(Object.values(errors)),
    // The errors change only when the form is sent (see the staff forms).
    checkOnBlur: false,
  });
  const { attempt, busy, failure, submit } = contractForm;
  const form: FormController = {
    ...contractForm.form,
    set: (path, value) => {
      onEdited();
      contractForm.form.set(path, value);
    },
  };

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
              maxLength={digitsOf('paymentTermDays')}
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
              maxLength={digitsOf('accountingRetentionYears')}
              required
            />
            <TextField
              form={form}
              path="socialRecordsRetentionYears"
              label={labels.socialRecordsRetentionYears}
              hint={t('erasure.socialRecordsRetentionYearsHint')}
              inputMode="numeric"
              maxLength={digitsOf('socialRecordsRetentionYears')}
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
