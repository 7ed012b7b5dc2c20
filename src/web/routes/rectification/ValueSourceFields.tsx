import { SelectField, TextField } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import type { FormController } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { GIVEN_SOURCE_KINDS } from './value-source-form.ts';
import { valueSourcesApi } from '../../../contract/persons/value-sources.endpoints.ts';

/** The person form's choice of where the values being saved came from. */
export function ValueSourceFields({ form }: { form: FormController }) {
  const { t } = useI18n();
  const partner = form.values['source.kind'] === 'partner';
  // Read once a partner is chosen as the source.
  const partners = useCall(valueSourcesApi.sourcePartners, {}, { enabled: partner });
  const options = partners.data?.items ?? [];
  return (
    <Section title={t('rectification.source.title')}>
      <p>{t('rectification.source.intro')}</p>
      <div className="field-grid">
        <SelectField
          form={form}
          path="source.kind"
          label={t('rectification.source.kind')}
          options={GIVEN_SOURCE_KINDS.map((kind) => ({
            value: kind,
            label: t(`rectification.kind.${kind}`),
          }))}
        />
        {partner && (
          <SelectField
            form={form}
            path="source.partnerId"
            label={t('rectification.source.partner')}
            placeholder={t('form.choose')}
            hint={
              partners.data && options.length === 0
                ? t('rectification.source.noPartners')
                : undefined
            }
            options={options.map((p) => ({ value: p.id, label: `${p.name} (${p.businessId})` }))}
          />
        )}
        <TextField
          form={form}
          path="source.reference"
          label={t('rectification.source.reference')}
        />
      </div>
    </Section>
  );
}
