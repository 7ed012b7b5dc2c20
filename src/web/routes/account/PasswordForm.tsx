import { Button, Paragraph } from 'suomifi-ui-components';
import { accountApi } from '../../../contract/auth/auth.endpoints.ts';
import { TextField } from '../../components/Fields.tsx';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe, useSession } from '../../session.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { SECRET_FORM, missing } from './account-form.ts';

/**
 * Current password, new one twice. The server checks the rules (length, not the username, not
 * a common password) and counts a wrong current password as a failed sign-in.
 */
export function PasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const labels: Record<string, string> = {
    currentPassword: t('account.password.current'),
    newPassword: t('account.password.new'),
    newPasswordAgain: t('account.password.again'),
  };
  const { form, attempt, busy, failure, submit } = useContractForm({
    ...SECRET_FORM,
    endpoint: accountApi.changePassword,
    initial: PASSWORD_FORM,
    // The repetition is the form's own: the request has the new password once.
    check: (values) =>
      values.newPasswordAgain && values.newPasswordAgain !== values.newPassword
        ? [
            {
              field: 'newPasswordAgain',
              code: 'password.mismatch',
              message: 'The passwords do not match',
            },
          ]
        : missing(values, ['newPasswordAgain']),
    input: (values) => ({
      body: {
        currentPassword: values.currentPassword ?? '',
        newPassword: values.newPassword ?? '',
      },
    }),
    onSaved: onChanged,
  });
  return (
    <form noValidate onSubmit={submit} className="account-form">
      <AccountFormHead errors={form.errors} attempt={attempt} labels={labels} failure={failure} />
      {(['currentPassword', 'newPassword', 'newPasswordAgain'] as const).map((path) => (
        <TextField
          key={path}
          form={form}
          path={path}
          type="password"
          autoComplete={path === 'currentPassword' ? 'current-password' : 'new-password'}
          label={labels[path]}
          hint={path === 'newPassword' ? t('account.password.newHint') : undefined}
          required
        />
      ))}
      <div>
        <Button type="submit" disabled={busy}>
          {t('account.password.submit')}
        </Button>
      </div>
    </form>
  );
}

const PASSWORD_FORM = { currentPassword: '', newPassword: '', newPasswordAgain: '' };

/**
 * The top of every account form: the error summary, a refusal from the server, and — for
 * password managers — whose password the form asks for.
 */
export function AccountFormHead({
  errors,
  attempt,
  labels,
  failure,
}: {
  errors: Parameters<typeof FormErrorSummary>[0]['errors'];
  attempt: number;
  labels: Record<string, string>;
  failure: unknown;
}) {
  const me = useMe();
  return (
    <>
      <FormErrorSummary
        errors={errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <input type="text" autoComplete="username" value={me.username} readOnly hidden />
    </>
  );
}

/** After an administrator's reset: nothing else opens until the password is changed. */
export function ForcedPasswordPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  return (
    <div className="account-page">
      <PageHeading title={t('account.password.forcedTitle')} />
      <Paragraph className="lead">{t('account.password.forcedIntro')}</Paragraph>
      <Paragraph className="account-page__text">{t('account.password.intro')}</Paragraph>
      <PasswordForm onChanged={() => void refresh()} />
    </div>
  );
}
