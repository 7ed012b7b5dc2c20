import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ApiError, type FieldProblem } from '../../api.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextAreaField } from '../../components/Fields.tsx';
import { fieldId, type FormValues } from '../../components/form.ts';
import { useQueryClient } from '@tanstack/react-query';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { fieldRules } from '../../components/schema-rules.ts';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { queryKeyOf, useCall } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import type { CommitmentSettings } from '../../../contract/staff/staff.schemas.ts';
import { reasonKey } from './staff-view.tsx';

/** The confidentiality commitment text: the current version, every version, a new version. */
export function CommitmentSettingsPage() {
  const { t } = useI18n();
  const client = useQueryClient();
  const settings = useCall(staffApi.commitmentSettings, {});
  const [published, setPublished] = useState<number | null>(null);

  return (
    <div className="staff-page">
      <BackLink to="/staff">{t('staff.backToList')}</BackLink>
      <PageHeading title={t('commitmentSettings.title')} />
      <Paragraph mb="m">{t('commitmentSettings.intro')}</Paragraph>
      <div role="status" className="staff-notice">
        {published !== null && (
          <InlineAlert className="notice notice--success">
            {t('commitmentSettings.published', { version: published })}
          </InlineAlert>
        )}
      </div>
      <Loaded query={settings}>
        {(data) => (
          <CommitmentDetails
            // A new version starts the form again from its own text.
            key={data.currentVersion}
            settings={data}
            onPublished={(next) => {
              client.setQueryData(queryKeyOf(staffApi.commitmentSettings, {}), next);
              setPublished(next.currentVersion);
            }}
          />
        )}
      </Loaded>
    </div>
  );
}

function CommitmentDetails({
  settings,
  onPublished,
}: {
  settings: CommitmentSettings;
  onPublished: (next: CommitmentSettings) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('commitmentSettings.current', { version: settings.currentVersion })}>
        <Paragraph mb="m">
          {t('commitmentSettings.signedCount', {
            signed: settings.activeUsersSigned,
            active: settings.activeUsers,
          })}
        </Paragraph>
        <blockquote className="commitment-text">{settings.text}</blockquote>
      </Section>

      <Section title={t('commitmentSettings.versions')}>
        <div className="log-table__scroll">
          <table className="log-table staff-table">
            <caption className="visually-hidden">{t('commitmentSettings.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.version')}</th>
                <th scope="col">{t('commitmentSettings.publishedAt')}</th>
                <th scope="col">{t('commitmentSettings.publishedBy')}</th>
                <th scope="col">{t('commitmentSettings.signed')}</th>
              </tr>
            </thead>
            <tbody>
              {settings.versions.map((version) => (
                <tr key={version.version}>
                  <th scope="row">
                    {version.version}
                    {version.version === settings.currentVersion && ` (${t('staff.current')})`}
                  </th>
                  <td>{formatDateTime(version.publishedAt)}</td>
                  <td>
                    {(version.publishedBy && staffName(version.publishedBy)) ?? (
                      <span className="muted">{t('commitmentSettings.installation')}</span>
                    )}
                  </td>
                  <td>{version.activeUsersSigned}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <PublishForm settings={settings} onPublished={onPublished} />
    </>
  );
}

/** The commitment text's least length, as the server's schema states it. */
const MIN_LENGTH = fieldRules(staffApi.publishCommitment.body).minLength.get('text') ?? 1;

function PublishForm({
  settings,
  onPublished,
}: {
  settings: CommitmentSettings;
  onPublished: (next: CommitmentSettings) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const initial = useMemo(() => ({ text: settings.text }), [settings.text]);
  const focusText = () =>
    requestAnimationFrame(() => document.getElementById(fieldId('text'))?.focus());

  /** What the form tells before asking: too short, or the text in force already. */
  const check = (values: FormValues): FieldProblem[] => {
    const text = (values.text ?? '').trim();
    if ([...text].length < MIN_LENGTH) {
      return [{ field: 'text', message: t('commitmentSettings.tooShort', { min: MIN_LENGTH }) }];
    }
    if (text === settings.text.trim()) {
      return [{ field: 'text', message: t('commitmentSettings.unchanged') }];
    }
    return [];
  };
  const { form, submit, busy, failure } = useContractForm({
    endpoint: staffApi.publishCommitment,
    initial,
    check,
    input: (values) => ({ body: { text: values.text ?? '' } }),
    // Everyone's commitment is now unsigned: the accounts show it.
    invalidates: [staffApi.list, staffApi.get],
    checkOnBlur: false,
    onSaved: (next) => {
      setOpen(false);
      onPublished(next);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('h1.page-heading')?.focus());
    },
    onRefused: (error) => {
      // A refusal of the text is told at the field; any other, in the dialog.
      if (error instanceof ApiError && error.problem.errors?.some((e) => e.field === 'text')) {
        setOpen(false);
        focusText();
      }
      return false;
    },
  });

  const ask = (event: FormEvent) => {
    event.preventDefault();
    const problems = check(form.values);
    form.setErrors(Object.fromEntries(problems.map((problem) => [problem.field, problem])));
    if (problems.length > 0) {
      focusText();
      return;
    }
    setOpen(true);
  };

  const reason = reasonKey(failure);
  return (
    <Section title={t('commitmentSettings.publishTitle')}>
      <form noValidate onSubmit={ask} className="commitment-form">
        <TextAreaField
          form={form}
          path="text"
          label={t('commitmentSettings.newText')}
          hint={t('commitmentSettings.newTextHint', { min: MIN_LENGTH })}
        />
        <div>
          <Button type="submit" ref={opener}>
            {t('commitmentSettings.publishButton')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={open}
        title={t('commitmentSettings.confirmTitle', { version: settings.currentVersion + 1 })}
        explanation={t('commitmentSettings.confirmExplanation')}
        failure={null}
        busy={busy}
        confirmText={t('commitmentSettings.confirmButton')}
        onConfirm={() => submit()}
        onCancel={() => setOpen(false)}
        opener={opener}
      >
        {failure !== null &&
          (reason ? (
            <InlineAlert status="error" role="alert" className="notice">
              {t(reason)}
            </InlineAlert>
          ) : (
            <ProblemNotice error={failure} />
          ))}
      </ConfirmDialog>
    </Section>
  );
}
