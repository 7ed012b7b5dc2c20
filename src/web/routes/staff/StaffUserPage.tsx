import { useRef, useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useParams } from 'react-router';
import { Button, InlineAlert, Paragraph, TextInput } from 'suomifi-ui-components';
import { ApiError } from '../../api.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateField, TextField } from '../../components/Fields.tsx';
import { errorsByField } from '../../components/form.ts';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { invalidate, queryKeyOf, useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime, parseFinnishDate } from '../../format.ts';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { staffName } from '../../../contract/staff/staff-name.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import type { StaffView } from '../../../contract/staff/staff.schemas.ts';
import type { Answer, CallInput, Endpoint } from '../../../contract/endpoint.ts';
import type { StaffNoticeState } from './StaffFormPage.tsx';
import { commitmentText, reasonKey, StatusBadge } from './staff-view.tsx';

const isNoticeState = (state: unknown): state is StaffNoticeState =>
  typeof state === 'object' && state !== null && 'staffNotice' in state;

export function StaffUserPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const location = useLocation();
  const client = useQueryClient();
  const input = { params: { id } };
  const account = useCall(staffApi.get, input);
  const [notice, setNotice] = useState<MessageKey | null>(() => {
    const state: unknown = location.state;
    if (!isNoticeState(state)) return null;
    return state.staffNotice === 'created' ? 'staff.createdNotice' : 'staff.saved';
  });

  const done = (key: MessageKey) => (updated: StaffView) => {
    client.setQueryData(queryKeyOf(staffApi.get, input), updated);
    void invalidate(client, [staffApi.list]);
    setNotice(key);
  };
  return (
    <Loaded
      query={account}
      failed={(error) => (
        <>
          <BackLink to="/staff">{t('staff.backToList')}</BackLink>
          <PageHeading title={t('staff.pageTitle')} />
          <ProblemNotice error={error} />
        </>
      )}
    >
      {(data) => <StaffDetails account={data} notice={notice} done={done} />}
    </Loaded>
  );
}

function StaffDetails({
  account,
  notice,
  done,
}: {
  account: StaffView;
  notice: MessageKey | null;
  done: (key: MessageKey) => (updated: StaffView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const own = account.id === me.id;
  const title = account.fullName ? `${account.fullName} (${account.username})` : account.username;

  return (
    <article className="record staff-page">
      <BackLink to="/staff">{t('staff.backToList')}</BackLink>
      <div className="record__head">
        <div>
          <p className="record__kind">{t('staff.kind')}</p>
          <PageHeading title={title} />
          <div className="badges">
            <StatusBadge status={account.status} t={t} />
          </div>
        </div>
        <div className="record__actions">
          <Button onClick={() => void navigate(`/staff/${account.id}/edit`)}>
            {t('common.edit')}
          </Button>
        </div>
      </div>
      {/* Always in the page, so that a screen reader announces each action's outcome. */}
      <div role="status" className="staff-notice">
        {notice && <InlineAlert className="notice notice--success">{t(notice)}</InlineAlert>}
      </div>

      <div className="record__grid">
        <Section title={t('staff.account')}>
          <DataList
            items={[
              { label: t('staff.username'), value: account.username },
              { label: t('staff.fullName'), value: account.fullName },
              { label: t('staff.role'), value: t(`role.${account.role}`) },
              {
                label: t('staff.partner'),
                value: account.partnerName ?? t('staff.partnerNone'),
              },
              {
                label: t('staff.status'),
                value:
                  account.deactivatedAt !== null
                    ? t('staff.deactivatedOn', { date: formatDate(account.deactivatedAt) })
                    : t(`staff.status.${account.status}`),
              },
              {
                label: t('staff.expiresOn'),
                value: account.expiresOn ? formatDate(account.expiresOn) : t('staff.noExpiry'),
              },
              {
                label: t('staff.totp'),
                value: account.totpEnabled ? t('staff.totpOn') : t('staff.totpOff'),
              },
              {
                label: t('staff.password'),
                value: account.mustChangePassword
                  ? t('staff.mustChangePassword')
                  : t('staff.passwordSet'),
              },
              { label: t('staff.created'), value: formatDateTime(account.createdAt) },
            ]}
          />
        </Section>

        <Section title={t('staff.actions')}>
          {own ? (
            <Paragraph>{t('staff.ownAccount')}</Paragraph>
          ) : (
            <div className="staff-actions">
              {account.deactivatedAt === null ? (
                <ActionButton
                  text={t('staff.deactivate')}
                  title={t('staff.deactivateTitle', { username: account.username })}
                  explanation={t('staff.deactivateExplanation')}
                  confirmText={t('staff.deactivate')}
                  endpoint={staffApi.deactivate}
                  input={{ params: { id: account.id }, body: {} }}
                  done={done('staff.deactivated')}
                />
              ) : (
                <ActionButton
                  text={t('staff.reactivate')}
                  title={t('staff.reactivateTitle', { username: account.username })}
                  explanation={t('staff.reactivateExplanation')}
                  confirmText={t('staff.reactivate')}
                  endpoint={staffApi.reactivate}
                  input={{ params: { id: account.id }, body: {} }}
                  done={done('staff.reactivated')}
                />
              )}
              <ResetPassword account={account} done={done('staff.passwordReset')} />
              {account.totpEnabled && (
                <ActionButton
                  text={t('staff.resetTotp')}
                  title={t('staff.resetTotpTitle', { username: account.username })}
                  explanation={t('staff.resetTotpExplanation')}
                  confirmText={t('staff.resetTotpButton')}
                  endpoint={staffApi.resetTotp}
                  input={{ params: { id: account.id }, body: {} }}
                  done={done('staff.totpReset')}
                />
              )}
            </div>
          )}
        </Section>

        <div className="record__wide">
          <Commitment account={account} done={done('staff.commitmentRecorded')} />
        </div>
      </div>
    </article>
  );
}

/** Why an action failed: the server's reason in words where it gave one. */
function Failure({ error }: { error: unknown }) {
  const { t } = useI18n();
  const reason = reasonKey(error);
  if (!reason) return <ProblemNotice error={error} />;
  return (
    <InlineAlert status="error" role="alert" className="notice">
      {t(reason)}
    </InlineAlert>
  );
}

/**
 * A button that asks before an action (ConfirmDialog). After it, the page's heading takes the
 * focus: the button that opened the dialog may be gone (deactivate becomes reactivate).
 */
function ActionButton<E extends Endpoint>({
  text,
  title,
  explanation,
  confirmText,
  endpoint,
  input,
  done,
  onError,
  children,
  focusOnOpen,
  onOpen,
  check,
}: {
  text: string;
  title: string;
  explanation: string;
  confirmText: string;
  /** The endpoint the action calls, with its input. */
  endpoint: E;
  input: CallInput<E>;
  done: (updated: Answer<E>) => void;
  /** A refusal the dialog's own input answers (e.g. the password's field error). */
  onError?: (error: unknown) => void;
  children?: ReactNode;
  focusOnOpen?: RefObject<HTMLElement | null>;
  onOpen?: () => void;
  /** Checks the dialog's input before sending; false keeps the dialog open. */
  check?: () => boolean;
}) {
  const [open, setOpen] = useState(false);
  const send = useSend(endpoint);
  const error = send.error;
  const opener = useRef<HTMLButtonElement>(null);

  const confirm = () => {
    if (check && !check()) return;
    send.mutate(input, {
      onSuccess: (updated) => {
        setOpen(false);
        done(updated);
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('h1.page-heading')?.focus(),
        );
      },
      ...(onError ? { onError } : {}),
    });
  };

  return (
    <>
      <Button
        variant="secondary"
        ref={opener}
        onClick={() => {
          onOpen?.();
          send.reset();
          setOpen(true);
        }}
      >
        {text}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        explanation={explanation}
        failure={null}
        busy={send.isPending}
        confirmText={confirmText}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
        opener={opener}
        {...(focusOnOpen ? { focusOnOpen } : {})}
      >
        {children}
        {error !== null && !(error instanceof ApiError && error.problem.errors) && (
          <Failure error={error} />
        )}
      </ConfirmDialog>
    </>
  );
}

/** "Set a temporary password": the password is typed in the dialog. */
function ResetPassword({
  account,
  done,
}: {
  account: StaffView;
  done: (updated: StaffView) => void;
}) {
  const { t, errorText } = useI18n();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  return (
    <ActionButton
      text={t('staff.resetPassword')}
      title={t('staff.resetPasswordTitle', { username: account.username })}
      explanation={t('staff.resetPasswordExplanation')}
      confirmText={t('staff.resetPasswordButton')}
      focusOnOpen={input}
      onOpen={() => {
        setPassword('');
        setProblem(null);
      }}
      check={() => {
        if (password !== '') return true;
        setProblem(errorText({ code: 'required', message: '' }));
        return false;
      }}
      endpoint={staffApi.resetPassword}
      input={{ params: { id: account.id }, body: { temporaryPassword: password } }}
      onError={(error) => {
        const fieldError =
          error instanceof ApiError
            ? errorsByField(error.problem.errors).temporaryPassword
            : undefined;
        setProblem(fieldError ? errorText(fieldError) : null);
      }}
      done={(updated) => {
        setPassword('');
        done(updated);
      }}
    >
      <TextInput
        id="staff-temporary-password"
        ref={input}
        labelText={t('staff.temporaryPassword')}
        hintText={t('staff.temporaryPasswordHint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(value) => setPassword(value === undefined ? '' : String(value))}
        status={problem ? 'error' : 'default'}
        statusText={problem ?? undefined}
        fullWidth
      />
    </ActionButton>
  );
}

/** The current version's status, the paper form while it is missing, and every signature. */
function Commitment({ account, done }: { account: StaffView; done: (updated: StaffView) => void }) {
  const { t } = useI18n();
  const version = account.currentCommitmentVersion;
  return (
    <Section title={t('staff.commitment')}>
      {account.currentCommitment ? (
        <Paragraph mb="m">
          {t('staff.commitmentSigned', { version })} {commitmentText(account, t)}.
        </Paragraph>
      ) : (
        <>
          <InlineAlert status="warning" className="notice">
            {t('staff.commitmentNotSigned', { version })}
          </InlineAlert>
          <PaperCommitmentForm account={account} done={done} />
        </>
      )}
      <SignatureHistory account={account} />
    </Section>
  );
}

function PaperCommitmentForm({
  account,
  done,
}: {
  account: StaffView;
  done: (updated: StaffView) => void;
}) {
  const { t } = useI18n();
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: staffApi.recordCommitment,
    initial: PAPER_FORM,
    check: (values) => {
      const signedOn = (values.signedOn ?? '').trim();
      return signedOn !== '' && parseFinnishDate(signedOn) === null
        ? [{ field: 'signedOn', code: 'date.format', message: 'd.m.yyyy' }]
        : [];
    },
    input: (values) => ({
      params: { id: account.id },
      body: {
        signedOn: parseFinnishDate(values.signedOn ?? '') ?? '',
        keptAt: (values.keptAt ?? '').trim(),
      },
    }),
    onSaved: (updated) => {
      done(updated);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('h1.page-heading')?.focus());
    },
    // The errors change only when the form is sent: the button sits right below the fields, and
    // an error appearing or going as a field is left would move it from under the pointer.
    checkOnBlur: false,
  });
  const labels: Record<string, string> = {
    signedOn: t('staff.signedOn'),
    keptAt: t('staff.keptAt'),
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="paper-commitment" className="form">
      <h3 id="paper-commitment" className="staff-subheading">
        {t('staff.recordPaper')}
      </h3>
      <p className="fieldset__hint">
        {t('staff.recordPaperIntro', { version: account.currentCommitmentVersion })}
      </p>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null && <Failure error={failure} />}
      <div className="paper-form">
        <DateField
          form={form}
          path="signedOn"
          label={t('staff.signedOn')}
          hint={t('staff.signedOnHint')}
        />
        <TextField
          form={form}
          path="keptAt"
          label={t('staff.keptAt')}
          hint={t('staff.keptAtHint')}
        />
      </div>
      <Button type="submit" disabled={busy}>
        {t('staff.recordPaperButton')}
      </Button>
    </form>
  );
}

const PAPER_FORM = { signedOn: '', keptAt: '' };

function SignatureHistory({ account }: { account: StaffView }) {
  const { t } = useI18n();
  return (
    <>
      <h3 className="staff-subheading">{t('staff.signatures')}</h3>
      {account.signatures.length === 0 ? (
        <p className="muted">{t('staff.noSignatures')}</p>
      ) : (
        <div className="log-table__scroll">
          <table className="log-table staff-table">
            <caption className="visually-hidden">{t('staff.signaturesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.version')}</th>
                <th scope="col">{t('staff.method')}</th>
                <th scope="col">{t('staff.signedDate')}</th>
                <th scope="col">{t('staff.keptAt')}</th>
                <th scope="col">{t('staff.recordedBy')}</th>
                <th scope="col">{t('staff.recordedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {account.signatures.map((signature) => (
                <tr key={signature.version}>
                  <th scope="row">
                    {signature.version}
                    {signature.version === account.currentCommitmentVersion &&
                      ` (${t('staff.current')})`}
                  </th>
                  <td>{t(`staff.method.${signature.method}`)}</td>
                  <td>
                    {signature.paperSignedOn
                      ? formatDate(signature.paperSignedOn)
                      : formatDate(signature.signedAt)}
                  </td>
                  <td className="staff-table__wrap">{signature.paperKeptAt}</td>
                  <td>{signature.recordedBy && staffName(signature.recordedBy)}</td>
                  <td>{formatDateTime(signature.signedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
