import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, InlineAlert, Paragraph, RouterLink } from 'suomifi-ui-components';
import { accountApi } from '../../../contract/auth/auth.endpoints.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataList } from '../../components/DataList.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe, useSession } from '../../session.tsx';
import { CommitmentStatus } from './CommitmentStatus.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { AUTHENTICATOR_PATH, COMMITMENT_PATH } from './pending-step.ts';

/** "Oma tili": the commitment's status, the password, the authenticator app and the sessions. */
export function AccountPage() {
  const { t } = useI18n();
  const me = useMe();
  const commitment = useCall(accountApi.commitment, {});
  const [passwordChanged, setPasswordChanged] = useState(false);

  return (
    <div className="account-page">
      <PageHeading title={t('account.title')} />
      <Paragraph className="lead">{t('account.intro')}</Paragraph>
      <DataList
        items={[
          { label: t('account.username'), value: me.username },
          { label: t('account.role'), value: t(`role.${me.role}`) },
        ]}
      />

      <Section title={t('account.commitment.title')}>
        <Loaded query={commitment}>
          {(data) => (
            <>
              <Paragraph className="account-page__text">
                <CommitmentStatus commitment={data} />
              </Paragraph>
              <RouterLink asComponent={Link} to={COMMITMENT_PATH}>
                {t(data.signed ? 'account.commitment.view' : 'account.commitment.read')}
              </RouterLink>
            </>
          )}
        </Loaded>
      </Section>

      <Section title={t('account.password.title')}>
        <Paragraph className="account-page__text">{t('account.password.intro')}</Paragraph>
        <div role="status">
          {passwordChanged && (
            <InlineAlert className="notice notice--success">
              {t('account.password.changed')}
            </InlineAlert>
          )}
        </div>
        <PasswordForm onChanged={() => setPasswordChanged(true)} />
      </Section>

      <Section title={t('account.totp.title')}>
        <Paragraph className="account-page__text">
          {t(me.totpEnabled ? 'account.totp.enabled' : 'account.totp.disabled')}{' '}
          {t(me.totpRequired ? 'account.totp.required' : 'account.totp.optional')}
        </Paragraph>
        <RouterLink asComponent={Link} to={AUTHENTICATOR_PATH}>
          {t(me.totpEnabled ? 'account.totp.replace' : 'account.totp.setUp')}
          {me.totpEnabled && !me.totpRequired && ` / ${t('account.totp.remove').toLowerCase()}`}
        </RouterLink>
      </Section>

      <SessionsSection />
    </div>
  );
}

function SessionsSection() {
  const { t } = useI18n();
  const { signOutEverywhere } = useSession();
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // On success the session ends and the sign-in page replaces this one.
  const signOut = useMutation({ mutationFn: signOutEverywhere });
  return (
    <Section title={t('account.sessions.title')}>
      <Paragraph className="account-page__text">{t('account.sessions.intro')}</Paragraph>
      <Button variant="secondary" ref={opener} onClick={() => setOpen(true)}>
        {t('account.sessions.signOutEverywhere')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('account.sessions.confirmTitle')}
        explanation={t('account.sessions.confirmText')}
        failure={signOut.error}
        busy={signOut.isPending}
        confirmText={t('account.sessions.signOutEverywhere')}
        onConfirm={() => signOut.mutate()}
        onCancel={() => {
          setOpen(false);
          signOut.reset();
        }}
        opener={opener}
      />
    </Section>
  );
}
