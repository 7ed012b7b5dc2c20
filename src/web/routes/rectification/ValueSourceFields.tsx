import { SelectField, TextField } from '../../components/Fields.tsx';
import { Section } from '../../components/Section.tsx';
import { useResource } from '../../components/useResource.ts';
import type { FormController } from '../../components/useForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { GIVEN_SOURCE_KINDS } from './value-source-form.ts';
import { call } from '../../client.ts';
import { valueSourcesApi } from '../../../contract/persons/value-sources.endpoints.ts';

/** The person form's choice of where the values being saved came from. */
export function ValueSourceFields({ form }: { form: FormController }) {
  const { t } = useI18n();
  const partner = form.values['source.kind'] === 'partner';
  const [partners] = useResource(partner ? 'source-partners' : 'no-partners', (signal) =>
    partner ? call(valueSourcesApi.sourcePartners, {}, { signal }) : Promise.resolve({ items: [] }),
  );
  const options = partners.state === 'ready' ? partners.data.items : [];
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
              partners.state === 'ready' && options.length === 0
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
