import { useMemo } from 'react';
import { Button } from 'suomifi-ui-components';
import { AddressFields } from '../../../components/AddressFields.tsx';
import { SelectField, TextField } from '../../../components/Fields.tsx';
import { FormErrorSummary, labelFromParts } from '../../../components/FormErrors.tsx';
import { ProblemNotice } from '../../../components/Notices.tsx';
import { Section } from '../../../components/Section.tsx';
import { useContractForm } from '../../../components/useContractForm.ts';
import {
  editedFirst,
  SettingsPage,
  type SettingsFormProps,
} from '../../../components/SettingsPage.tsx';
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

const REFERENCE_FORMAT_LABELS: Record<BillingSettingsView['referenceFormat'], MessageKey> = {
  national: 'billingSettings.referenceFormat.national',
  rf: 'billingSettings.referenceFormat.rf',
};

/** As many digits as the schema's largest value has. */
const digitsOf = (field: Parameters<typeof wholeNumberRange>[0]): number =>
  String(wholeNumberRange(field).max).length;

/** The municipality as the seller on its invoices: name, account, e-invoicing and terms. */
export function BillingSettingsPage() {
  return (
    <SettingsPage
      read={billingSettingsApi.get}
      missingCode="billing.settingsMissing"
      className="billing-admin"
      texts={{
        title: 'billingSettings.title',
        intro: 'billingSettings.intro',
        saved: 'billingSettings.saved',
        notSetUp: 'billingSettings.notSetUp',
        lastChanged: 'billingSettings.lastChanged',
      }}
      form={(props) => <BillingSettingsForm {...props} />}
    />
  );
}

function BillingSettingsForm({
  settings,
  onSaved,
  onEdited,
}: SettingsFormProps<BillingSettingsView>) {
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
  const form = editedFirst(contractForm.form, onEdited);

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
