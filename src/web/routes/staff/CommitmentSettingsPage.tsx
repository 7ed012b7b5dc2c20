import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, InlineAlert, Paragraph, Textarea } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { invalidate, queryKeyOf, useCall } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import type { CommitmentSettings } from '../../../contract/staff/staff.schemas.ts';
import { call } from '../../client.ts';
import { reasonKey } from './staff-view.tsx';

const MIN_LENGTH = 50;

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
              // Everyone's commitment is now unsigned: the accounts show it.
              void invalidate(client, [staffApi.list, staffApi.get]);
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

function PublishForm({
  settings,
  onPublished,
}: {
  settings: CommitmentSettings;
  onPublished: (next: CommitmentSettings) => void;
}) {
  const { t, errorText } = useI18n();
  const [text, setText] = useState(settings.text);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (text.trim().length < MIN_LENGTH) {
      setProblem(t('commitmentSettings.tooShort'));
      field.current?.focus();
      return;
    }
    if (text.trim() === settings.text.trim()) {
      setProblem(t('commitmentSettings.unchanged'));
      field.current?.focus();
      return;
    }
    setProblem(null);
    setOpen(true);
  };

  const publish = () => {
    setBusy(true);
    setFailure(null);
    call(staffApi.publishCommitment, { body: { text } }).then(
      (next) => {
        setBusy(false);
        setOpen(false);
        onPublished(next);
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('h1.page-heading')?.focus(),
        );
      },
      (error: unknown) => {
        setBusy(false);
        const fieldError =
          error instanceof ApiError ? error.problem.errors?.find((e) => e.field === 'text') : null;
        if (fieldError) {
          setOpen(false);
          setProblem(errorText(fieldError));
        } else {
          setFailure(error);
        }
      },
    );
  };

  const reason = reasonKey(failure);
  return (
    <Section title={t('commitmentSettings.publishTitle')}>
      <form noValidate onSubmit={ask} className="commitment-form">
        <Textarea
          id="commitment-new-text"
          ref={field}
          labelText={t('commitmentSettings.newText')}
          hintText={t('commitmentSettings.newTextHint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          status={problem ? 'error' : 'default'}
          statusText={problem ?? undefined}
          resize="vertical"
          fullWidth
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
        onConfirm={publish}
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
