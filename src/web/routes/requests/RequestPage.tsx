import { useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateField, SelectField, TextAreaField } from '../../components/Fields.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { invalidate, queryKeyOf, useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { describeChanges, helsinkiToday } from '../access-log/access-log.ts';
import { useStatusLine } from '../billing/customer/customer-list.tsx';
import type { IdentityMethod, RequestOutcome } from '../../../contract/enums.ts';
import { erasureApi } from '../../../contract/erasure/erasure.endpoints.ts';
import { rectificationApi } from '../../../contract/rectification/rectification.endpoints.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import type {
  AllowedRequestAction,
  RequestActionName,
  RequestView,
} from '../../../contract/requests/requests.schemas.ts';
import { REQUEST_LISTS } from './request-lists.ts';
import {
  ACTION_LABELS,
  CHANGE_LABELS,
  CHANNEL_LABELS,
  isoDate,
  LANGUAGE_LABELS,
  METHOD_LABELS,
  options,
  OUTCOME_LABELS,
  staffDisplay,
  STATUS_LABELS,
  TYPE_LABELS,
} from './requests.ts';
import { DueDate } from './RequestTable.tsx';
import { StepForm } from '../../components/StepForm.tsx';
import { AccessPackage } from './access/AccessPackage.tsx';
import { RequestObjections } from '../objections/RequestObjections.tsx';
import { RequestAttachments } from '../attachments/RequestAttachments.tsx';
import { ErasurePanel } from './erasure/ErasurePanel.tsx';
import { RectificationPanel } from '../rectification/RectificationPanel.tsx';
import { RestrictionPanel } from './restriction/RestrictionPanel.tsx';
import './requests.css';

/**
 * One data subject's request: a summary of where it stands, the actions the server allows now
 * as buttons that open their forms, the request's panels (its type's work), notes and history.
 */
export function RequestPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const request = useCall(requestsApi.get, { params: { id } });
  const client = useQueryClient();
  // A change answers with the request as it now is: shown as it is, the lists read again.
  const replace = (next: RequestView) => {
    client.setQueryData(queryKeyOf(requestsApi.get, { params: { id } }), next);
    // The erasure's dry run and the rectification change with the request's status.
    void invalidate(client, [...REQUEST_LISTS, erasureApi.get, rectificationApi.get]);
  };
  return (
    <div className="requests">
      <BackLink to="/requests">{t('requests.backToList')}</BackLink>
      {request.isPending && <Loading />}
      {request.isError && (
        <>
          <PageHeading title={t('requests.pageTitle')} />
          <ProblemNotice error={request.error} />
        </>
      )}
      {request.data && <RequestDetails request={request.data} onChange={replace} />}
    </div>
  );
}

/** Today as the date fields show it. */
const today = () => formatDate(helsinkiToday());

type Done = (message: string) => (request: RequestView) => void;

function RequestDetails({
  request,
  onChange,
}: {
  request: RequestView;
  onChange: (request: RequestView) => void;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const [status, say] = useStatusLine();
  const done: Done = (message) => (next) => {
    onChange(next);
    say(message);
  };
  const type = t(TYPE_LABELS[request.type]);

  return (
    <>
      <PageHeading
        title={t('requests.detailTitle', {
          type,
          number: request.number,
          name: request.person.name.trim() || t('erasure.personErased'),
        })}
      />
      <SavedNotice state={location.state as unknown} />
      {status}
      <Summary request={request} onDone={done} />
      {/* Keyed by the status: a step taken closes its form, and the next one starts empty. */}
      <Actions key={`${request.status}:${request.extended}`} request={request} onDone={done} />
      <AccessPackage request={request} />
      <ErasurePanel request={request} />
      <RectificationPanel request={request} />
      <RestrictionPanel request={request} />
      <RequestObjections key={`objections-${request.status}`} request={request} />
      <RequestAttachments request={request} />
      <Details request={request} />
      <Notes request={request} onDone={done} />
      <History request={request} />
    </>
  );
}

/** The first thing read: what, whose, where it stands, by when, and who handles it. */
function Summary({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const { person } = request;
  return (
    <section className="panel request-summary" aria-label={t('requests.summaryTitle')}>
      <dl className="request-summary__facts">
        <div className="data-list__row">
          <dt>{t('requests.typeLabel')}</dt>
          <dd>{t(TYPE_LABELS[request.type])}</dd>
        </div>
        <div className="data-list__row">
          <dt>{t('requests.person')}</dt>
          <dd>
            {person.name.trim() ? (
              <>
                <RouterLink asComponent={Link} to={`/persons/${person.id}`}>
                  {person.name}
                </RouterLink>
                {person.identityCode && (
                  <div className="muted request-summary__code">{person.identityCode}</div>
                )}
              </>
            ) : (
              t('erasure.personErased')
            )}
          </dd>
        </div>
        <div className="data-list__row">
          <dt>{t('requests.statusLabel')}</dt>
          <dd>
            <span className="badge badge--person">{t(STATUS_LABELS[request.status])}</span>
          </dd>
        </div>
        <div className="data-list__row">
          <dt>{t('requests.dueOn')}</dt>
          <dd>
            <DueDate request={request} />
          </dd>
        </div>
        <div className="data-list__row">
          <dt>{t('requests.assignee')}</dt>
          <dd>
            <Assignee request={request} onDone={onDone} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

const allows = (request: RequestView, action: RequestActionName) =>
  request.allowedActions.find((allowed) => allowed.action === action);

/** Who handles the request; the officer takes it, or leaves it to no one. */
function Assignee({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const me = useMe();
  const send = useSend(requestsApi.assign);
  const assign = (assigneeId: string | null, message: string) => {
    send.mutate(
      { params: { id: request.id }, body: { assigneeId } },
      { onSuccess: onDone(message) },
    );
  };
  return (
    <>
      {request.assignee ? (
        staffDisplay(request.assignee)
      ) : (
        <span className="muted">{t('requests.unassigned')}</span>
      )}
      {allows(request, 'assign') && (
        <div className="requests__actions">
          {request.assignee?.id !== me.id && (
            <Button
              variant="secondaryNoBorder"
              disabled={send.isPending}
              onClick={() => assign(me.id, t('requests.assignedToMeDone'))}
            >
              {t('requests.assignToMe')}
            </Button>
          )}
          {request.assignee && (
            <Button
              variant="secondaryNoBorder"
              disabled={send.isPending}
              onClick={() => assign(null, t('requests.unassignedDone'))}
            >
              {t('requests.unassign')}
            </Button>
          )}
        </div>
      )}
      {send.isError && <ProblemNotice error={send.error} />}
    </>
  );
}

/** The request's own steps, each behind its button; the others' panels have their own. */
const STEP_BUTTONS = {
  verifyIdentity: 'requests.verifyTitle',
  start: 'requests.start',
  decide: 'requests.decideTitle',
  answer: 'requests.answerTitle',
  extend: 'requests.extend',
} as const;
type StepAction = keyof typeof STEP_BUTTONS;
const isStep = (action: RequestActionName): action is StepAction => action in STEP_BUTTONS;

/**
 * The actions the server allows now, as buttons: the step the status leads to first, then the
 * extension. A button opens its form below the buttons; starting the work needs no form. A step
 * that waits for something says what.
 */
function Actions({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t, errorText } = useI18n();
  const [open, setOpen] = useState<StepAction | null>(null);
  const panelId = useId();
  const start = useSend(requestsApi.start);
  const steps = request.allowedActions.filter((allowed) => isStep(allowed.action));
  const blocked = request.blockedActions.filter((b) => isStep(b.action));
  // Nothing to do (answered, or a reader): no section. Notes have their own.
  if (steps.length === 0 && blocked.length === 0) return null;
  const chosen = steps.find((allowed) => allowed.action === open);
  const close = () => setOpen(null);
  return (
    <Section title={t('requests.actionsTitle')}>
      {blocked.map((waiting) => (
        <p key={waiting.action} className="request-blocked">
          {t('requests.blockedAction', {
            action: t(STEP_BUTTONS[waiting.action as StepAction]),
            reason: errorText(waiting),
          })}
        </p>
      ))}
      {steps.length > 0 && (
        <div className="requests__actions request-actions">
          {steps.map((allowed) => {
            const action = allowed.action as StepAction;
            const label = t(STEP_BUTTONS[action]);
            const secondary = action === 'extend';
            if (action === 'start') {
              return (
                <Button
                  key={action}
                  disabled={start.isPending}
                  onClick={() =>
                    start.mutate(
                      { params: { id: request.id }, body: {} },
                      { onSuccess: onDone(t('requests.startedDone')) },
                    )
                  }
                >
                  {label}
                </Button>
              );
            }
            return (
              <Button
                key={action}
                variant={secondary ? 'secondary' : 'default'}
                aria-expanded={open === action}
                aria-controls={panelId}
                onClick={() => setOpen(open === action ? null : action)}
              >
                {label}
              </Button>
            );
          })}
        </div>
      )}
      {start.isError && <ProblemNotice error={start.error} />}
      <div id={panelId}>
        {chosen && (
          <div className="request-actions__panel">
            <StepFormFor allowed={chosen} request={request} onDone={onDone} onCancel={close} />
          </div>
        )}
      </div>
    </Section>
  );
}

/** The form of one allowed step, with what the server says it needs. */
function StepFormFor({
  allowed,
  request,
  onDone,
  onCancel,
}: {
  allowed: AllowedRequestAction;
  request: RequestView;
  onDone: Done;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const params = { id: request.id };
  const labels: Record<string, string> = {
    status: t('requests.statusLabel'),
    method: t('requests.method'),
    verifiedOn: t('requests.verifiedOn'),
    outcome: t('requests.outcome'),
    reasons: t('requests.reasons'),
    decidedOn: t('requests.decidedOn'),
    answeredOn: t('requests.answeredOn'),
    reason: t('requests.extensionReason'),
    requesterToldOn: t('requests.requesterToldOn'),
  };
  const dateHint = allowed.notBefore
    ? t('requests.notBefore', { date: formatDate(allowed.notBefore) })
    : undefined;
  const common = { labels, onCancel, invalidates: REQUEST_LISTS };
  switch (allowed.action) {
    case 'verifyIdentity':
      return (
        <StepForm
          {...common}
          title={t('requests.verifyTitle')}
          intro={t('requests.verifyIntro')}
          endpoint={requestsApi.verifyIdentity}
          initial={{ method: '', verifiedOn: today() }}
          dates={['verifiedOn']}
          submitText={t('requests.verify')}
          input={(values) => ({
            params,
            body: {
              method: values.method as IdentityMethod,
              verifiedOn: isoDate(values, 'verifiedOn'),
            },
          })}
          onDone={onDone(t('requests.verifiedDone'))}
        >
          {(form) => (
            <>
              <SelectField
                form={form}
                path="method"
                label={labels.method}
                placeholder={t('form.choose')}
                options={options(METHOD_LABELS, t)}
              />
              <DateField form={form} path="verifiedOn" label={labels.verifiedOn} hint={dateHint} />
            </>
          )}
        </StepForm>
      );
    case 'decide': {
      const outcomes = allowed.outcomes ?? [];
      const only = outcomes.length === 1 ? outcomes[0] : undefined;
      const needReasons: readonly string[] = allowed.reasonsRequiredFor ?? [];
      return (
        <StepForm
          {...common}
          title={t('requests.decideTitle')}
          intro={
            only
              ? t('requests.outcomeOnly', { outcome: t(OUTCOME_LABELS[only]) })
              : t('requests.decideIntro')
          }
          endpoint={requestsApi.decide}
          initial={{ outcome: only ?? '', reasons: '', decidedOn: today() }}
          dates={['decidedOn']}
          check={(values) =>
            needReasons.includes(values.outcome ?? '') && !(values.reasons ?? '').trim()
              ? [{ field: 'reasons', code: 'request.reasonsRequired', message: '' }]
              : []
          }
          submitText={t('requests.decide')}
          input={(values) => {
            const reasons = (values.reasons ?? '').trim();
            return {
              params,
              body: {
                outcome: values.outcome as RequestOutcome,
                ...(reasons ? { reasons } : {}),
                decidedOn: isoDate(values, 'decidedOn'),
              },
            };
          }}
          onDone={onDone(t('requests.decidedDone'))}
        >
          {(form) => (
            <>
              <SelectField
                form={form}
                path="outcome"
                label={labels.outcome}
                placeholder={t('form.choose')}
                options={outcomes.map((value) => ({ value, label: t(OUTCOME_LABELS[value]) }))}
              />
              <DateField form={form} path="decidedOn" label={labels.decidedOn} hint={dateHint} />
              <TextAreaField
                form={form}
                path="reasons"
                label={labels.reasons}
                hint={t('requests.reasonsHint')}
                className="span-all"
              />
            </>
          )}
        </StepForm>
      );
    }
    case 'answer':
      return (
        <StepForm
          {...common}
          title={t('requests.answerTitle')}
          intro={t('requests.answerIntro')}
          endpoint={requestsApi.answer}
          initial={{ answeredOn: today() }}
          dates={['answeredOn']}
          submitText={t('requests.answer')}
          input={(values) => ({ params, body: { answeredOn: isoDate(values, 'answeredOn') } })}
          onDone={onDone(t('requests.answeredDone'))}
        >
          {(form) => (
            <DateField form={form} path="answeredOn" label={labels.answeredOn} hint={dateHint} />
          )}
        </StepForm>
      );
    case 'extend':
      return (
        <StepForm
          {...common}
          title={t('requests.extendFormTitle')}
          intro={t('requests.extendIntro', { date: formatDate(allowed.tellBy ?? '') })}
          endpoint={requestsApi.extend}
          initial={{ reason: '', requesterToldOn: today() }}
          dates={['requesterToldOn']}
          submitText={t('requests.extend')}
          input={(values) => ({
            params,
            body: {
              reason: (values.reason ?? '').trim(),
              requesterToldOn: isoDate(values, 'requesterToldOn'),
            },
          })}
          onDone={(next) =>
            onDone(t('requests.extendedDone', { date: formatDate(next.dueOn) }))(next)
          }
        >
          {(form) => (
            <>
              <TextAreaField
                form={form}
                path="reason"
                label={labels.reason}
                hint={t('requests.extensionReasonHint')}
                className="span-all"
              />
              <DateField form={form} path="requesterToldOn" label={labels.requesterToldOn} />
            </>
          )}
        </StepForm>
      );
    // Started by its button alone; the others are not this panel's.
    case 'start':
    case 'assign':
    case 'note':
    case 'handOver':
    case 'erase':
    case 'recordObjections':
    case 'addRectificationItem':
    case 'decideRectificationItem':
    case 'applyRectification':
    case 'placeRestriction':
    case 'liftRestriction':
      return null;
  }
}

/** The rest of the request: how it came, and what each step recorded. */
function Details({ request }: { request: RequestView }) {
  const { t } = useI18n();
  return (
    <Section title={t('requests.detailsTitle')}>
      <DataList
        items={[
          { label: t('requests.receivedOn'), value: formatDate(request.receivedOn) },
          { label: t('requests.channel'), value: t(CHANNEL_LABELS[request.channel]) },
          { label: t('requests.language'), value: t(LANGUAGE_LABELS[request.language]) },
          {
            label: t('requests.identity'),
            value:
              request.identity &&
              t('requests.identityValue', {
                method: t(METHOD_LABELS[request.identity.method]),
                date: formatDate(request.identity.verifiedOn),
              }),
          },
          {
            label: t('requests.verifiedBy'),
            value: request.identity?.verifiedBy && staffDisplay(request.identity.verifiedBy),
          },
          {
            label: t('requests.extension'),
            value:
              request.extension &&
              t('requests.extensionValue', {
                date: formatDate(request.extension.requesterToldOn),
                reason: request.extension.reason,
              }),
          },
          {
            label: t('requests.decision'),
            value: request.decision && (
              <>
                {t('requests.decisionValue', {
                  outcome: t(OUTCOME_LABELS[request.decision.outcome]),
                  date: formatDate(request.decision.decidedOn),
                })}
                {request.decision.reasons && (
                  <div className="requests__text">{request.decision.reasons}</div>
                )}
              </>
            ),
          },
          {
            label: t('requests.answeredOn'),
            value: request.answeredOn && formatDate(request.answeredOn),
          },
        ]}
      />
    </Section>
  );
}

/** Who wrote a note or made a change: by full name, else the username they had. */
const authorOf = (
  entry: { username: string | null; fullName: string | null },
  unknown: string,
): string => entry.fullName ?? entry.username ?? unknown;

/** Working notes: kept with the request, never part of the answer. */
function Notes({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const note = allows(request, 'note');
  return (
    <Section
      title={t('requests.notesTitle')}
      actions={
        note &&
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('requests.addNoteTitle')}
          </Button>
        )
      }
    >
      <Paragraph mb="s">{t('requests.notesIntro')}</Paragraph>
      {request.notes.length === 0 ? (
        <p className="muted">{t('requests.noNotes')}</p>
      ) : (
        <ul className="plain-list">
          {request.notes.map((entry, index) => (
            <li key={`${entry.createdAt}-${index}`}>
              <div className="requests__text">{entry.text}</div>
              <div className="muted">
                {t('requests.noteBy', {
                  user: authorOf(entry, t('requests.unknownUser')),
                  time: formatDateTime(entry.createdAt),
                })}
              </div>
            </li>
          ))}
        </ul>
      )}
      {note && adding && (
        <StepForm
          title={t('requests.addNoteTitle')}
          endpoint={requestsApi.addNote}
          initial={{ text: '' }}
          labels={{ text: t('requests.note'), status: t('requests.statusLabel') }}
          submitText={t('requests.addNote')}
          onCancel={() => setAdding(false)}
          input={(values) => ({
            params: { id: request.id },
            body: { text: (values.text ?? '').trim() },
          })}
          onDone={(next) => {
            setAdding(false);
            onDone(t('requests.noteAddedDone'))(next);
          }}
        >
          {(form) => (
            <TextAreaField
              form={form}
              path="text"
              label={t('requests.note')}
              className="span-all"
            />
          )}
        </StepForm>
      )}
    </Section>
  );
}

const DATE_FIELDS = new Set([
  'receivedOn',
  'dueOn',
  'identityVerifiedOn',
  'extensionToldOn',
  'decidedOn',
  'answeredOn',
  'handedOverOn',
]);

/** Every change of the request, oldest first, with who made it. */
function History({ request }: { request: RequestView }) {
  const { t } = useI18n();
  const staff = new Map<unknown, string>(
    request.historyStaff.map((member) => [member.id, staffDisplay(member)] as const),
  );
  if (request.assignee) staff.set(request.assignee.id, staffDisplay(request.assignee));
  const vocabularies: Record<string, Record<string, Parameters<typeof t>[0]>> = {
    type: TYPE_LABELS,
    status: STATUS_LABELS,
    outcome: OUTCOME_LABELS,
    identityMethod: METHOD_LABELS,
    channel: CHANNEL_LABELS,
  };
  const texts = {
    changed: t('accessLog.changed'),
    empty: t('accessLog.emptyValue'),
    field: (name: string) => {
      const key = CHANGE_LABELS[name];
      return key ? t(key) : name;
    },
    value: (field: string, value: unknown): string | null => {
      if (typeof value !== 'string') return null;
      if (DATE_FIELDS.has(field)) return formatDate(value);
      if (field === 'assigneeId' || field === 'identityVerifiedBy') {
        return staff.get(value) ?? t('requests.otherStaff');
      }
      const key = vocabularies[field]?.[value];
      return key ? t(key) : null;
    },
  };
  return (
    <Section title={t('requests.historyTitle')} className="record__wide">
      <div className="log-table__scroll">
        <table className="log-table">
          <caption className="visually-hidden">{t('requests.historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('requests.historyTime')}</th>
              <th scope="col">{t('requests.historyUser')}</th>
              <th scope="col">{t('requests.historyAction')}</th>
              <th scope="col">{t('requests.historyChanges')}</th>
            </tr>
          </thead>
          <tbody>
            {request.history.map((event, index) => {
              const action = ACTION_LABELS[event.action];
              return (
                <tr key={`${event.occurredAt}-${index}`}>
                  <th scope="row" className="log-table__time">
                    {formatDateTime(event.occurredAt)}
                  </th>
                  <td>{authorOf(event, t('requests.unknownUser'))}</td>
                  <td>{action ? t(action) : event.action}</td>
                  <td>
                    <ul className="log-table__list">
                      {describeChanges(event.changes, texts).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
