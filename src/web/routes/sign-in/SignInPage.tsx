import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Button, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { useSession } from '../../session.tsx';

function signInProblem(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'problem.network';
  if (error.problem.reason === 'totp_wrong') return 'signIn.codeWrong';
  if (error.problem.reason === 'account_closed') return 'signIn.accountClosed';
  if (error.status === 401) return 'signIn.wrongPassword';
  if (error.status === 429) return 'problem.tooMany';
  if (error.status === 400) return 'signIn.missing';
  return error.status >= 500 ? 'problem.server' : 'problem.unexpected';
}

/** Personal account, username and password; the session lives in an HttpOnly cookie. */
export function SignInPage({ expired }: { expired: boolean }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  /** Asked for once the password was right and the account has an authenticator app. */
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  useEffect(() => {
    if (askCode) document.getElementById('sign-in-code')?.focus();
  }, [askCode]);
  const [missing, setMissing] = useState({ username: false, password: false, code: false });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = {
      username: username.trim() === '',
      password: password === '',
      code: askCode && code.trim() === '',
    };
    setMissing(empty);
    if (empty.username || empty.password || empty.code) {
      setProblem(null);
      return;
    }
    setBusy(true);
    setProblem(null);
    signIn(username.trim(), password, askCode ? code.trim() : undefined).catch((error: unknown) => {
      setBusy(false);
      if (error instanceof ApiError && error.problem.reason === 'totp_required') {
        setAskCode(true);
        // The code field appears; the password stays so the next submit sends both.
        setTimeout(() => document.getElementById('sign-in-code')?.focus(), 0);
        return;
      }
      setCode('');
      if (!(error instanceof ApiError && error.problem.reason === 'totp_wrong')) {
        setPassword('');
        setAskCode(false);
      }
      setProblem(signInProblem(error));
    });
  };

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
        <form noValidate onSubmit={submit} className="sign-in__form">
          <SignInField
            name="username"
            label={t('signIn.username')}
            autoComplete="username"
            value={username}
            onChange={setUsername}
            missingText={missing.username ? t('signIn.usernameMissing') : null}
          />
          <SignInField
            name="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            missingText={missing.password ? t('signIn.passwordMissing') : null}
          />
          {askCode && (
            <>
              <Paragraph className="hint" id="sign-in-code-hint">
                {t('signIn.codeHint')}
              </Paragraph>
              <SignInField
                name="code"
                label={t('signIn.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                value={code}
                onChange={setCode}
                missingText={missing.code ? t('signIn.codeMissing') : null}
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
  /** Said when the field was left empty, else null. */
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
