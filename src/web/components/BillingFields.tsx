import { useI18n } from '../i18n/I18nProvider.tsx';
import { AddressFields } from './AddressFields.tsx';
import { TextField } from './Fields.tsx';
import type { FormController } from './useForm.ts';

export function BillingFields({ form }: { form: FormController }) {
  const { t } = useI18n();
  return (
    <>
      <AddressFields
        form={form}
        prefix="billing.billingAddress"
        legend={t('billing.billingAddress')}
        hint={t('billing.billingAddressHint')}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('billing.eInvoice')}</legend>
        <div className="field-grid">
          <TextField
            form={form}
            path="billing.eInvoiceAddress"
            label={t('billing.eInvoiceAddress')}
            hint={t('billing.eInvoiceAddressHint')}
          />
          <TextField
            form={form}
            path="billing.eInvoiceIntermediator"
            label={t('billing.eInvoiceIntermediator')}
            hint={t('billing.eInvoiceIntermediatorHint')}
          />
          <TextField
            form={form}
            path="billing.ovt"
            label={t('billing.ovt')}
            hint={t('billing.ovtHint')}
          />
        </div>
      </fieldset>
    </>
  );
}
