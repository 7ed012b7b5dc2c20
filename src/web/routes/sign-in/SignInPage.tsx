import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { authApi } from '../../../contract/auth/auth.endpoints.ts';
import { ApiError } from '../../client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useSession } from '../../session.tsx';

const INITIAL = { username: '', password: '', code: '' };

function signInProblem(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'problem.network';
  if (error.problem.reason === 'totp_wrong') return 'signIn.codeWrong';
  if (error.problem.reason === 'account_closed') return 'signIn.accountClosed';
  if (error.status === 401) return 'signIn.wrongPassword';
  if (error.status === 429) return 'problem.tooMany';
  if (error.status === 400) return 'signIn.missing';
  return error.status >= 500 ? 'problem.server' : 'problem.unexpected';
}

/** The form's own words for a field left empty; what else is wrong, the shared text. */
const MISSING: Record<'username' | 'password' | 'code', MessageKey> = {
  username: 'signIn.usernameMissing',
  password: 'signIn.passwordMissing',
  code: 'signIn.codeMissing',
};

/**
 * Personal account, username and password; the session lives in an HttpOnly cookie. The form is
 * the contract's (`authApi.login`: its required fields and lengths); a refusal is said above it.
 */
export function SignInPage({ expired }: { expired: boolean }) {
  const { t, errorText } = useI18n();
  const { signedIn } = useSession();
  /** Asked for once the password was right and the account has an authenticator app. */
  const [askCode, setAskCode] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  useEffect(() => {
    if (askCode) document.getElementById('sign-in-code')?.focus();
  }, [askCode]);

  const { form, submit, busy } = useContractForm({
    endpoint: authApi.login,
    signingIn: true,
    initial: INITIAL,
    // Checked when sent, as before: a field left for the button must not move the button.
    checkOnBlur: false,
    // Only secrets and a username: nothing to warn of when the page is left.
    warnUnsaved: false,
    check: (values) =>
      askCode && values.code!.trim() === ''
        ? [{ field: 'code', code: 'required', message: '' }]
        : [],
    input: (values) => ({
      body: {
        username: values.username!.trim(),
        password: values.password!,
        ...(askCode && values.code!.trim() ? { code: values.code!.trim() } : {}),
      },
    }),
    onSaved: (me) => signedIn(me),
    onRefused: (error) => {
      if (error instanceof ApiError && error.problem.reason === 'totp_required') {
        // The code field appears; the password stays so the next submit sends both.
        setProblem(null);
        setAskCode(true);
        return true;
      }
      // A field the server names (e.g. too long) is said at the field.
      if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length) {
        return false;
      }
      const codeWrong = error instanceof ApiError && error.problem.reason === 'totp_wrong';
      form.reset({ ...form.values, code: '', ...(codeWrong ? {} : { password: '' }) });
      if (!codeWrong) setAskCode(false);
      setProblem(signInProblem(error));
      return true;
    },
  });
  const send = (event: FormEvent) => {
    setProblem(null);
    submit(event);
  };
  const statusOf = (name: 'username' | 'password' | 'code') => {
    const error = form.errors[name];
    if (!error) return null;
    return error.code === 'required' ? t(MISSING[name]) : errorText(error);
  };
  const field = (name: 'username' | 'password' | 'code') => ({
    name,
    value: form.values[name] ?? '',
    onChange: (value: string) => form.set(name, value),
    missingText: statusOf(name),
  });

  return (
    <div className="sign-in">
      <div className="sign-in__card">
        <PageHeading title={t('signIn.title')} />
        <Paragraph className="sign-in__intro">{t('signIn.intro')}</Paragraph>
        {expired && !problem && (
          <InlineAlert className="notice" role="status">
            {t('signIn.expired')}
          </InlineAlert>
        )}
        <div aria-live="assertive">
          {problem && (
            <InlineAlert status="error" className="notice" labelText={t('signIn.failed')}>
              {t(problem)}
            </InlineAlert>
          )}
        </div>
        <form noValidate onSubmit={send} className="sign-in__form">
          <SignInField
            {...field('username')}
            label={t('signIn.username')}
            autoComplete="username"
          />
          <SignInField
            {...field('password')}
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
          />
          {askCode && (
            <>
              <Paragraph className="hint" id="sign-in-code-hint">
                {t('signIn.codeHint')}
              </Paragraph>
              <SignInField
                {...field('code')}
                label={t('signIn.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
              />
            </>
          )}
          <Button type="submit" fullWidth disabled={busy}>
            {t('signIn.submit')}
          </Button>
        </form>
        <p className="hint">{t('signIn.commitmentNote')}</p>
      </div>
    </div>
  );
}

function SignInField({
  name,
  label,
  type,
  autoComplete,
  inputMode,
  value,
  onChange,
  missingText,
}: {
  name: 'username' | 'password' | 'code';
  label: string;
  type?: 'password';
  autoComplete: string;
  inputMode?: 'numeric';
  value: string;
  onChange: (value: string) => void;
  /** Said when the field was left empty or is wrong, else null. */
  missingText: string | null;
}) {
  return (
    <TextInput
      id={`sign-in-${name}`}
      labelText={label}
      name={name}
      type={type}
      autoComplete={autoComplete}
      inputMode={inputMode}
      value={value}
      onChange={(next) => onChange(next === undefined ? '' : String(next))}
      status={missingText ? 'error' : 'default'}
      statusText={missingText ?? undefined}
      fullWidth
    />
  );
}
