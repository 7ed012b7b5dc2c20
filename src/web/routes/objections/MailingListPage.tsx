import { useState } from 'react';
import { Paragraph } from 'suomifi-ui-components';
import { saveBase64File } from '../../components/download.ts';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StepForm } from '../../components/StepForm.tsx';
import { MAILING_USES, TYPE_LABELS } from './labels.ts';
import type { BodyOf } from '../../../contract/endpoint.ts';
import { mailingListApi } from '../../../contract/objections/objections.endpoints.ts';
import type { MailingListUse } from '../../../contract/objections/mailing-list.schemas.ts';

type Selection = 'all' | 'language';

/**
 * The mailing list and address labels: a list published from the register. The server leaves
 * out those who objected, whose address is protected or whose record is archived, and says how
 * many; the file is saved from the answer.
 */
export function MailingListPage() {
  const { t, language } = useI18n();
  const [result, setResult] = useState<string | null>(null);
  const labels = {
    use: t('objections.mailing.use'),
    purpose: t('objections.mailing.purpose'),
    selection: t('objections.mailing.selection'),
    language: t('objections.mailing.language'),
    format: t('objections.mailing.format'),
    status: t('objections.status'),
  };
  return (
    <>
      <PageHeading title={t('objections.mailing.title')} />
      <Section title={t('objections.mailing.title')}>
        <Paragraph mb="s">{t('objections.mailing.intro')}</Paragraph>
        <StepForm
          title={t('objections.mailing.make')}
          endpoint={mailingListApi.export}
          initial={{ use: '', purpose: '', selection: 'all', language: 'fi', format: 'csv' }}
          serverFields={{ 'selection.kind': 'selection', 'selection.language': 'language' }}
          labels={labels}
          submitText={t('objections.mailing.make')}
          input={(values) => {
            const selection: BodyOf<typeof mailingListApi.export>['selection'] =
              (values.selection as Selection) === 'language'
                ? { kind: 'language', language: values.language as 'fi' | 'sv' | 'en' }
                : { kind: 'all' };
            return {
              body: {
                use: values.use as MailingListUse,
                purpose: (values.purpose ?? '').trim(),
                selection,
                format: values.format === 'pdf' ? ('pdf' as const) : ('csv' as const),
                lang: language,
              },
            };
          }}
          onDone={(made) => {
            saveBase64File(made.file);
            setResult(
              `${t('objections.mailing.made', { file: made.file.fileName, included: made.included })} ${t(
                'objections.mailing.leftOut',
                made.leftOut,
              )}`,
            );
          }}
        >
          {(form) => (
            <>
              <SelectField
                form={form}
                path="use"
                label={labels.use}
                placeholder={t('form.choose')}
                options={MAILING_USES.map((use) => ({ value: use, label: t(TYPE_LABELS[use]) }))}
              />
              <TextField
                form={form}
                path="purpose"
                label={labels.purpose}
                hint={t('objections.mailing.purposeHint')}
              />
              <SelectField
                form={form}
                path="selection"
                label={labels.selection}
                options={[
                  { value: 'all', label: t('objections.mailing.selection.all') },
                  { value: 'language', label: t('objections.mailing.selection.language') },
                ]}
              />
              {form.values.selection === 'language' && (
                <SelectField
                  form={form}
                  path="language"
                  label={labels.language}
                  options={(['fi', 'sv', 'en'] as const).map((code) => ({
                    value: code,
                    label: t(`language.${code}`),
                  }))}
                />
              )}
              <SelectField
                form={form}
                path="format"
                label={labels.format}
                options={[
                  { value: 'csv', label: t('objections.mailing.format.csv') },
                  { value: 'pdf', label: t('objections.mailing.format.pdf') },
                ]}
              />
            </>
          )}
        </StepForm>
        {result && (
          <p role="status" className="objections__result">
            {result}
          </p>
        )}
      </Section>
    </>
  );
}
