import { useEffect, useRef, useState } from 'react';
import { Button, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import type { Answer } from '../../../contract/endpoint.ts';
import { accountApi } from '../../../contract/auth/auth.endpoints.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { DataList } from '../../components/DataList.tsx';
import { TextField } from '../../components/Fields.tsx';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useSend } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe, useSession } from '../../session.tsx';
import { ACCOUNT_PATH } from './pending-step.ts';
import { AccountFormHead } from './PasswordForm.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { codeProblems, missing, SECRET_FORM } from './account-form.ts';

type TotpSetup = Answer<typeof accountApi.startTotpSetup>;

type Phase =
  | { step: 'start' }
  | { step: 'scan'; setup: TotpSetup }
  | { step: 'done'; outcome: 'confirmed' | 'removed' };

/**
 * Setting up (or replacing) the authenticator app: a QR code and the key as text, then the
 * first code confirms it. `forced`: the role requires an app and none is set up, so this page
 * stands in for every other until it is done.
 */
export function AuthenticatorPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  const { refresh } = useSession();
  const [phase, setPhase] = useState<Phase>({ step: 'start' });
  // The heading stays what the page was opened for, also once the new app is in use.
  const [replacing] = useState(me.totpEnabled);
  const setup = useSend(accountApi.startTotpSetup);
  const start = () =>
    setup.mutate(
      { body: {} },
      { onSuccess: (started) => setPhase({ step: 'scan', setup: started }) },
    );

  return (
    <div className="account-page">
      {!forced && <BackLink to={ACCOUNT_PATH}>{t('account.back')}</BackLink>}
      <PageHeading title={t(replacing ? 'account.totp.replace' : 'account.totp.setUp')} />
      <div role="status">
        {phase.step === 'done' && (
          <InlineAlert className="notice notice--success">
            {t(phase.outcome === 'confirmed' ? 'account.totp.confirmed' : 'account.totp.removed')}
          </InlineAlert>
        )}
      </div>
      {phase.step === 'start' && (
        <>
          {forced && <Paragraph className="lead">{t('account.totp.forcedIntro')}</Paragraph>}
          <Paragraph className="account-page__text">{t('account.totp.intro')}</Paragraph>
          {replacing ? (
            <ReplaceForm onStarted={(setup) => setPhase({ step: 'scan', setup })} />
          ) : (
            <>
              {setup.error !== null && <ProblemNotice error={setup.error} />}
              <Button onClick={start} disabled={setup.isPending}>
                {t('account.totp.start')}
              </Button>
            </>
          )}
          {!forced && me.totpEnabled && !me.totpRequired && (
            <RemoveForm
              onRemoved={() => {
                setPhase({ step: 'done', outcome: 'removed' });
                void refresh();
              }}
            />
          )}
        </>
      )}
      {phase.step === 'scan' && (
        <ScanAndConfirm
          setup={phase.setup}
          username={me.username}
          onConfirmed={() => {
            if (!forced) setPhase({ step: 'done', outcome: 'confirmed' });
            void refresh();
          }}
        />
      )}
    </div>
  );
}

const REPLACE_FORM = { password: '', code: '' };
const CODE_FORM = { code: '' };
const REMOVE_FORM = { removePassword: '', removeCode: '' };

/** Replacing an app already set up: the password and the current app's code first. */
function ReplaceForm({ onStarted }: { onStarted: (setup: TotpSetup) => void }) {
  const { t } = useI18n();
  const labels: Record<string, string> = {
    password: t('account.totp.password'),
    code: t('account.totp.currentCode'),
  };
  const { form, attempt, busy, failure, submit } = useContractForm({
    ...SECRET_FORM,
    endpoint: accountApi.startTotpSetup,
    initial: REPLACE_FORM,
    // A first app is set up without them; replacing one needs both.
    check: (values) => [...missing(values, ['password', 'code']), ...codeProblems(values, 'code')],
    input: (values) => ({
      body: { password: values.password ?? '', code: (values.code ?? '').trim() },
    }),
    onSaved: onStarted,
  });
  return (
    <form noValidate onSubmit={submit} className="account-form">
      <Paragraph className="account-page__text">{t('account.totp.replaceIntro')}</Paragraph>
      <AccountFormHead errors={form.errors} attempt={attempt} labels={labels} failure={failure} />
      <TextField
        form={form}
        path="password"
        type="password"
        autoComplete="current-password"
        label={labels.password}
        required
      />
      <TextField
        form={form}
        path="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        label={labels.code}
        hint={t('account.totp.codeHint')}
        required
      />
      <div>
        <Button type="submit" disabled={busy}>
          {t('account.totp.replace')}
        </Button>
      </div>
    </form>
  );
}

/** The QR code (and the key as text, for typing by hand), then the app's first code. */
function ScanAndConfirm({
  setup,
  username,
  onConfirmed,
}: {
  setup: TotpSetup;
  username: string;
  onConfirmed: () => void;
}) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const labels: Record<string, string> = { code: t('account.totp.code') };
  const { form, attempt, busy, failure, submit } = useContractForm({
    ...SECRET_FORM,
    endpoint: accountApi.confirmTotp,
    initial: CODE_FORM,
    check: (values) => codeProblems(values, 'code'),
    input: (values) => ({ body: { code: (values.code ?? '').trim() } }),
    onSaved: onConfirmed,
  });
  return (
    <>
      <section className="panel" aria-labelledby="totp-scan-heading">
        <Heading
          variant="h2"
          id="totp-scan-heading"
          className="panel__title"
          ref={heading}
          tabIndex={-1}
        >
          {t('account.totp.scan')}
        </Heading>
        <div className="totp">
          {/* An image, not inline markup: the SVG comes from the server, and an <img> runs
              nothing in it (the Content-Security-Policy allows data: images). */}
          <img
            className="totp__qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t('account.totp.qrAlt')}
            width={220}
            height={220}
          />
          <div className="totp__manual">
            <Paragraph className="account-page__text">{t('account.totp.manual')}</Paragraph>
            <DataList
              items={[
                { label: t('account.totp.accountName'), value: `Asiakasrekisteri (${username})` },
                {
                  label: t('account.totp.secret'),
                  value: (
                    <code className="totp__secret" data-testid="totp-secret">
                      {setup.secret}
                    </code>
                  ),
                },
              ]}
            />
            <p className="hint">{t('account.totp.secretHint')}</p>
          </div>
        </div>
      </section>
      <Section title={t('account.totp.confirmStep')}>
        <form noValidate onSubmit={submit} className="account-form">
          <FormErrorSummary
            errors={form.errors}
            attempt={attempt}
            labelFor={(path) => labels[path] ?? path}
          />
          {failure !== null && <ProblemNotice error={failure} />}
          <TextField
            form={form}
            path="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            label={labels.code}
            hint={t('account.totp.codeHint')}
            required
          />
          <div>
            <Button type="submit" disabled={busy}>
              {t('account.totp.confirm')}
            </Button>
          </div>
        </form>
      </Section>
    </>
  );
}

/** Removing an optional app: the password and its current code. */
function RemoveForm({ onRemoved }: { onRemoved: () => void }) {
  const { t } = useI18n();
  // Named apart from the replace form's fields: both can be on the page.
  const labels: Record<string, string> = {
    removePassword: t('account.totp.password'),
    removeCode: t('account.totp.appCode'),
  };
  const { form, attempt, busy, failure, submit } = useContractForm({
    ...SECRET_FORM,
    endpoint: accountApi.removeTotp,
    initial: REMOVE_FORM,
    check: (values) => codeProblems(values, 'removeCode'),
    input: (values) => ({
      body: { password: values.removePassword ?? '', code: (values.removeCode ?? '').trim() },
    }),
    onSaved: onRemoved,
    serverFields: { password: 'removePassword', code: 'removeCode' },
  });
  return (
    <Section title={t('account.totp.remove')}>
      <form noValidate onSubmit={submit} className="account-form">
        <Paragraph className="account-page__text">{t('account.totp.removeIntro')}</Paragraph>
        <AccountFormHead errors={form.errors} attempt={attempt} labels={labels} failure={failure} />
        <TextField
          form={form}
          path="removePassword"
          type="password"
          autoComplete="current-password"
          label={labels.removePassword}
          required
        />
        <TextField
          form={form}
          path="removeCode"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          label={labels.removeCode}
          required
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {t('account.totp.remove')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
