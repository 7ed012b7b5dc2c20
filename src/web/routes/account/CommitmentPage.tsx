import { useState } from 'react';
import { Button, Checkbox, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { ApiError } from '../../client.ts';
import type { Answer } from '../../../contract/endpoint.ts';
import { accountApi } from '../../../contract/auth/auth.endpoints.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { TextField } from '../../components/Fields.tsx';
import { fieldId } from '../../components/form.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session.tsx';
import { CommitmentStatus } from './CommitmentStatus.tsx';
import { AccountFormHead } from './PasswordForm.tsx';
import { ACCOUNT_PATH } from './pending-step.ts';
import { SECRET_FORM } from './account-form.ts';

/**
 * The confidentiality commitment (salassapitositoumus): its current text, and signing it with
 * the password. `forced`: shown in place of every other page until it is signed.
 */
export function CommitmentPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const commitment = useCall(accountApi.commitment, {});
  const reload = () => void commitment.refetch();
  const [notice, setNotice] = useState<'signed' | 'changed' | null>(null);

  return (
    <div className="account-page">
      {!forced && <BackLink to={ACCOUNT_PATH}>{t('account.back')}</BackLink>}
      <PageHeading title={t('account.commitment.title')} />
      <div role="status">
        {notice && (
          <InlineAlert
            className={`notice${notice === 'signed' ? ' notice--success' : ''}`}
            status={notice === 'signed' ? 'neutral' : 'warning'}
          >
            {t(notice === 'signed' ? 'account.commitment.signed' : 'account.commitment.changed')}
          </InlineAlert>
        )}
      </div>
      <Loaded query={commitment}>
        {(data) => (
          <>
            <Paragraph className="lead">
              <CommitmentStatus commitment={data} />
            </Paragraph>
            <Section title={t('account.commitment.textHeading', { version: data.version })}>
              <div className="commitment-text">{data.text}</div>
            </Section>
            {!data.signed && (
              <SignForm
                key={data.version}
                commitment={data}
                onSigned={() => setNotice('signed')}
                onChanged={() => {
                  setNotice('changed');
                  reload();
                }}
              />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

const SIGN_FORM = { password: '' };

function SignForm({
  commitment,
  onSigned,
  onChanged,
}: {
  commitment: Answer<typeof accountApi.commitment>;
  onSigned: () => void;
  /** A newer text was published while the user read this one. */
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [read, setRead] = useState(false);
  const labels: Record<string, string> = {
    read: t('account.commitment.checkbox'),
    password: t('account.commitment.password'),
  };
  const { form, attempt, busy, failure, submit } = useContractForm({
    ...SECRET_FORM,
    endpoint: accountApi.signCommitment,
    initial: SIGN_FORM,
    check: () =>
      read ? [] : [{ field: 'read', message: t('account.commitment.checkboxMissing') }],
    input: (values) => ({
      body: { version: commitment.version, password: values.password ?? '' },
    }),
    invalidates: [accountApi.commitment],
    onSaved: () => {
      onSigned();
      void refresh();
    },
    onRefused: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) return false;
      onChanged();
      return true;
    },
  });
  const readError = form.errors.read;
  return (
    <section className="panel" aria-labelledby="commitment-sign-heading">
      <Heading variant="h2" id="commitment-sign-heading" className="panel__title">
        {t('account.commitment.signHeading')}
      </Heading>
      <Paragraph className="account-page__text">{t('account.commitment.intro')}</Paragraph>
      <form noValidate onSubmit={submit} className="account-form">
        <AccountFormHead errors={form.errors} attempt={attempt} labels={labels} failure={failure} />
        <Checkbox
          id={fieldId('read')}
          checked={read}
          onClick={({ checkboxState }) => {
            setRead(checkboxState);
            if (checkboxState && readError) {
              form.setErrors(
                Object.fromEntries(Object.entries(form.errors).filter(([path]) => path !== 'read')),
              );
            }
          }}
          status={readError ? 'error' : 'default'}
          statusText={readError?.message}
        >
          {labels.read}
        </Checkbox>
        <TextField
          form={form}
          path="password"
          type="password"
          autoComplete="current-password"
          label={labels.password}
          hint={t('account.commitment.passwordHint')}
          required
        />
        <div>
          <Button type="submit" disabled={busy}>
            {t('account.commitment.sign')}
          </Button>
        </div>
      </form>
    </section>
  );
}
