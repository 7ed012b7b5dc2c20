import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  Dropdown,
  DropdownItem,
  InlineAlert,
} from 'suomifi-ui-components';
import { addDays, helsinkiDate, helsinkiStartOfDay } from '../../../contract/dates.ts';
import {
  MACHINE_CLIENT_KINDS,
  MACHINE_SCOPES,
  type MachineScope,
} from '../../../contract/partner-api/partner-api.constants.ts';
import { partnerApi } from '../../../contract/partner-api/partner-api.endpoints.ts';
import { partnerClientsApi } from '../../../contract/partner-api/partner-clients.endpoints.ts';
import type { ClientView } from '../../../contract/partner-api/partner-clients.schemas.ts';
import type { Answer } from '../../../contract/endpoint.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DateField, SelectField, TextField } from '../../components/Fields.tsx';
import { FormErrorSummary } from '../../components/FormErrors.tsx';
import { fieldId } from '../../components/form.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { useStatusMessage } from '../../components/StatusMessage.tsx';
import { useContractForm } from '../../components/useContractForm.ts';
import { useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime, parseFinnishDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './partner-clients.css';

type Issued = Answer<typeof partnerClientsApi.create>;

/**
 * A partner's machine clients (decision 0028): the administrator creates one (its secret shown
 * once, with a copy button), changes its key and revokes it. Mounted on the partner's page.
 */
export function PartnerClients({ partnerId }: { partnerId: string }) {
  const { t } = useI18n();
  const clients = useCall(partnerClientsApi.list, { params: { id: partnerId } });
  const [issued, setIssued] = useState<Issued | null>(null);
  const [adding, setAdding] = useState(false);
  const [statusLine, say] = useStatusMessage('clients-status');
  const show = (answer: Issued) => {
    say(null);
    setAdding(false);
    setIssued(answer);
  };

  return (
    <Section title={t('clients.title')} className="record__wide">
      <p>{t('clients.intro')}</p>
      {statusLine}
      {issued && <SecretShown issued={issued} onDone={() => setIssued(null)} />}
      <Loaded query={clients}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t('clients.none')}</p>
          ) : (
            <ClientTable
              partnerId={partnerId}
              clients={data.items}
              onIssued={show}
              onRevoked={(client) => say(t('clients.revoked', { name: client.name }))}
            />
          )
        }
      </Loaded>
      {adding ? (
        <ClientForm partnerId={partnerId} onSaved={show} onCancel={() => setAdding(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t('clients.create')}
        </Button>
      )}
    </Section>
  );
}

function ClientTable({
  partnerId,
  clients,
  onIssued,
  onRevoked,
}: {
  partnerId: string;
  clients: ClientView[];
  onIssued: (answer: Issued) => void;
  onRevoked: (client: ClientView) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="log-table__scroll">
      <table className="log-table">
        <caption className="visually-hidden">{t('clients.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clients.name')}</th>
            <th scope="col">{t('clients.kind')}</th>
            <th scope="col">{t('clients.scopes')}</th>
            <th scope="col">{t('clients.status')}</th>
            <th scope="col">{t('clients.expiresOn')}</th>
            <th scope="col">{t('clients.secrets')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('clients.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr key={client.id}>
              <th scope="row">{client.name}</th>
              <td>{t(`clients.kind.${client.kind}`)}</td>
              <td>{client.scopes.map((scope) => t(`clients.scope.${scope}`)).join(', ')}</td>
              <td>
                <span className={client.status === 'active' ? 'badge' : 'badge badge--warning'}>
                  {t(`clients.status.${client.status}`)}
                </span>
              </td>
              <td>
                {client.expiresAt
                  ? formatDate(helsinkiDate(new Date(new Date(client.expiresAt).getTime() - 1)))
                  : t('clients.noExpiry')}
              </td>
              <td>
                {client.secrets.map((secret) => (
                  <div key={secret.prefix}>
                    <code>{secret.prefix}…</code>
                    {secret.validUntil && (
                      <> {t('clients.secretUntil', { until: formatDateTime(secret.validUntil) })}</>
                    )}
                  </div>
                ))}
              </td>
              <td>
                {client.status === 'active' && (
                  <span className="client-actions">
                    <RotateAction partnerId={partnerId} client={client} onIssued={onIssued} />
                    <RevokeAction partnerId={partnerId} client={client} onRevoked={onRevoked} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const OVERLAP_DAYS = ['0', '1', '7'] as const;

function RotateAction({
  partnerId,
  client,
  onIssued,
}: {
  partnerId: string;
  client: ClientView;
  onIssued: (answer: Issued) => void;
}) {
  const { t } = useI18n();
  const [days, setDays] = useState<(typeof OVERLAP_DAYS)[number]>('1');
  const rotate = useSend(partnerClientsApi.rotate, { invalidates: [partnerClientsApi.list] });
  return (
    <ConfirmedAction
      label={t('clients.rotate')}
      name={t('clients.rotateNamed', { name: client.name })}
      title={t('clients.rotateTitle')}
      explanation={t('clients.rotateExplanation')}
      send={rotate}
      confirm={(close) => {
        const until = new Date(Date.now() + Number(days) * 24 * 60 * 60 * 1000).toISOString();
        rotate.mutate(
          { params: { id: partnerId, clientId: client.id }, body: { previousValidUntil: until } },
          {
            onSuccess: (answer) => {
              close();
              onIssued(answer);
            },
          },
        );
      }}
    >
      <Dropdown
        labelText={t('clients.overlap')}
        value={days}
        onChange={(value: string) => setDays(value as (typeof OVERLAP_DAYS)[number])}
      >
        {OVERLAP_DAYS.map((value) => (
          <DropdownItem key={value} value={value}>
            {t(`clients.overlap.${value}`)}
          </DropdownItem>
        ))}
      </Dropdown>
    </ConfirmedAction>
  );
}

function RevokeAction({
  partnerId,
  client,
  onRevoked,
}: {
  partnerId: string;
  client: ClientView;
  onRevoked: (client: ClientView) => void;
}) {
  const { t } = useI18n();
  const revoke = useSend(partnerClientsApi.revoke, { invalidates: [partnerClientsApi.list] });
  return (
    <ConfirmedAction
      label={t('clients.revoke')}
      name={t('clients.revokeNamed', { name: client.name })}
      title={t('clients.revokeTitle')}
      explanation={t('clients.revokeExplanation')}
      send={revoke}
      confirm={(close) =>
        revoke.mutate(
          { params: { id: partnerId, clientId: client.id } },
          {
            onSuccess: () => {
              close();
              onRevoked(client);
            },
          },
        )
      }
    />
  );
}

/** A row's button that asks first, in a dialog, and then sends. */
function ConfirmedAction({
  label,
  name,
  title,
  explanation,
  send,
  confirm,
  children,
}: {
  label: string;
  /** The button's accessible name: the label and the client's name. */
  name: string;
  title: string;
  explanation: string;
  send: { error: unknown; isPending: boolean };
  confirm: (close: () => void) => void;
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        variant="secondaryNoBorder"
        ref={opener}
        aria-label={name}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        explanation={explanation}
        failure={send.error}
        busy={send.isPending}
        confirmText={label}
        onConfirm={() => confirm(() => setOpen(false))}
        onCancel={() => setOpen(false)}
        opener={opener}
      >
        {children}
      </ConfirmDialog>
    </>
  );
}

function ClientForm({
  partnerId,
  onSaved,
  onCancel,
}: {
  partnerId: string;
  onSaved: (answer: Issued) => void;
  onCancel: () => void;
}) {
  const { t, errorText } = useI18n();
  const titleId = useId();
  const [initial] = useState(() => ({ name: '', kind: 'api_key', expiresAt: '' }));
  const [scopes, setScopes] = useState<MachineScope[]>(['customers.read']);
  const labels: Record<string, string> = {
    name: t('clients.name'),
    kind: t('clients.kind'),
    scopes: t('clients.scopes'),
    expiresAt: t('clients.expiresOn'),
  };
  const { form, submit, busy, attempt, failure } = useContractForm({
    endpoint: partnerClientsApi.create,
    initial,
    check: (values) =>
      values.expiresAt && !parseFinnishDate(values.expiresAt)
        ? [{ field: 'expiresAt', message: 'd.m.yyyy', code: 'date.format' }]
        : [],
    input: (values) => {
      const lastDay = values.expiresAt ? parseFinnishDate(values.expiresAt) : null;
      return {
        params: { id: partnerId },
        body: {
          name: values.name ?? '',
          kind: values.kind === 'oauth_client' ? ('oauth_client' as const) : ('api_key' as const),
          scopes,
          // Valid through the last day, Finnish time.
          expiresAt: lastDay ? helsinkiStartOfDay(addDays(lastDay, 1)).toISOString() : null,
        },
      };
    },
    invalidates: [partnerClientsApi.list],
    changed: scopes.length !== 1 || scopes[0] !== 'customers.read',
    onSaved,
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby={titleId} className="client-form">
      <h3 id={titleId} className="client-form__title">
        {t('clients.createTitle')}
      </h3>
      <FormErrorSummary
        errors={form.errors}
        attempt={attempt}
        labelFor={(path) => labels[path] ?? path}
      />
      {failure !== null && <ProblemNotice error={failure} />}
      <div className="field-grid">
        <TextField form={form} path="name" label={labels.name} hint={t('clients.nameHint')} />
        <SelectField
          form={form}
          path="kind"
          label={labels.kind}
          options={MACHINE_CLIENT_KINDS.map((kind) => ({
            value: kind,
            label: t(`clients.kind.${kind}`),
          }))}
        />
        <CheckboxGroup
          id={fieldId('scopes')}
          className="span-all"
          labelText={labels.scopes}
          groupStatus={form.errors.scopes ? 'error' : 'default'}
          groupStatusText={form.errors.scopes ? errorText(form.errors.scopes) : undefined}
        >
          {MACHINE_SCOPES.map((scope) => (
            <Checkbox
              key={scope}
              checked={scopes.includes(scope)}
              onClick={({ checkboxState }) =>
                setScopes((current) =>
                  checkboxState
                    ? MACHINE_SCOPES.filter((s) => s === scope || current.includes(s))
                    : current.filter((s) => s !== scope),
                )
              }
            >
              {t(`clients.scope.${scope}`)}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <DateField
          form={form}
          path="expiresAt"
          label={labels.expiresAt}
          hint={t('clients.expiresOnHint')}
        />
      </div>
      <div className="client-actions">
        <Button type="submit" disabled={busy}>
          {t('clients.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The new secret, this once: with a copy button, and the client_id of an OAuth2 client. */
function SecretShown({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    navigator.clipboard.writeText(issued.secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <InlineAlert status="warning" className="notice secret" labelText={t('clients.secretTitle')}>
      <p>{t('clients.secretExplanation')}</p>
      <dl className="secret__values">
        {issued.client.kind === 'oauth_client' && (
          <>
            <dt>{t('clients.clientId')}</dt>
            <dd>
              <code>{issued.clientId}</code>
            </dd>
          </>
        )}
        <dt>{t('clients.secret')}</dt>
        <dd>
          <code>{issued.secret}</code>
        </dd>
      </dl>
      {issued.client.kind === 'oauth_client' && (
        <p>{t('clients.tokenUrl', { url: partnerApi.token.path })}</p>
      )}
      <p role="status">
        {copied === 'yes'
          ? t('clients.copied')
          : copied === 'failed'
            ? t('clients.copyFailed')
            : ''}
      </p>
      <span className="client-actions">
        <Button onClick={copy}>{t('clients.copy')}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t('clients.done')}
        </Button>
      </span>
    </InlineAlert>
  );
}
