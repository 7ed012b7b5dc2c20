import { useI18n } from '../i18n/I18nProvider.tsx';
import { TextField } from './Fields.tsx';
import type { FormController } from './useContractForm.ts';

/** Street, postal code, post office and country of one address, as a group. */
export function AddressFields({
  form,
  prefix,
  legend,
  hint,
}: {
  form: FormController;
  prefix: string;
  legend: string;
  hint?: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      {hint && <p className="fieldset__hint">{hint}</p>}
      <div className="field-grid field-grid--address">
        <TextField
          form={form}
          path={`${prefix}.street`}
          label={t('address.street')}
          className="span-all"
        />
        <TextField
          form={form}
          path={`${prefix}.postalCode`}
          label={t('address.postalCode')}
          inputMode="text"
        />
        <TextField form={form} path={`${prefix}.postOffice`} label={t('address.postOffice')} />
        <TextField
          form={form}
          path={`${prefix}.country`}
          label={t('address.country')}
          // The field holds an ISO 3166-1 alpha-2 code: two letters is the field's shape.
          maxLength={2}
        />
      </div>
    </fieldset>
  );
}
