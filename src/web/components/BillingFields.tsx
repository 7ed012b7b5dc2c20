import { useI18n } from '../i18n/I18nProvider.tsx';
import { AddressFields } from './AddressFields.tsx';
import { TextField } from './Fields.tsx';
import type { FormController } from './useContractForm.ts';

/** The e-invoicing fields: each labelled `billing.{part}` with the hint `billing.{part}Hint`. */
const E_INVOICE_PARTS = ['eInvoiceAddress', 'eInvoiceIntermediator', 'ovt'] as const;

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
          {E_INVOICE_PARTS.map((part) => (
            <TextField
              key={part}
              form={form}
              path={`billing.${part}`}
              label={t(`billing.${part}`)}
              hint={t(`billing.${part}Hint`)}
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
