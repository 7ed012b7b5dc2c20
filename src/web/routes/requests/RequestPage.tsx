import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { DataList } from '../../components/DataList.tsx';
import { DateField, SelectField, TextAreaField } from '../../components/Fields.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RecordLoader } from '../../components/RecordLoader.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { Section } from '../../components/Section.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { describeChanges, helsinkiToday } from '../access-log/access-log.ts';
import { useStatusLine } from '../billing/customer/customer-list.tsx';
import { call } from '../../client.ts';
import type { IdentityMethod, RequestOutcome } from '../../../contract/enums.ts';
import { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import type { RequestView } from '../../../contract/requests/requests.schemas.ts';
import {
  ACTION_LABELS,
  canExtend,
  CHANGE_LABELS,
  CHANNEL_LABELS,
  extensionToldBy,
  isoDate,
  LANGUAGE_LABELS,
  METHOD_LABELS,
  nextStep,
  options,
  OUTCOME_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
} from './requests.ts';
import { DueDate } from './RequestTable.tsx';
import { StepForm } from './StepForm.tsx';
import { AccessPackage } from './access/AccessPackage.tsx';
import { RequestObjections } from '../objections/RequestObjections.tsx';
import { RequestAttachments } from '../attachments/RequestAttachments.tsx';
import { ErasurePanel } from './erasure/ErasurePanel.tsx';
import { RectificationPanel } from '../rectification/RectificationPanel.tsx';
import './requests.css';

/** One data subject's request: where it stands, its next step, notes and history. */
export function RequestPage() {
  const { t } = useI18n();
  return (
    <div className="requests">
      <BackLink to="/requests">{t('requests.backToList')}</BackLink>
      <RecordLoader
        kind="request"
        load={(id, signal) => call(requestsApi.get, { params: { id } }, { signal })}
        failedTitle="requests.pageTitle"
      >
        {(request, replace) => <RequestDetails request={request} onChange={replace} />}
      </RecordLoader>
    </div>
  );
}

/** Today as the date fields show it. */
const today = () => formatDate(helsinkiToday());

function RequestDetails({
  request,
  onChange,
}: {
  request: RequestView;
  onChange: (request: RequestView) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const [status, say] = useStatusLine();
  const manage = me.can('requests.manage');
  const done = (message: string) => (next: RequestView) => {
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
          name: request.person.name,
        })}
      />
      <SavedNotice state={location.state as unknown} />
      {status}
      <Section title={t('requests.summaryTitle')}>
        <DataList
          items={[
            { label: t('requests.typeLabel'), value: type },
            {
              label: t('requests.person'),
              value: request.person.name.trim() ? (
                <RouterLink asComponent={Link} to={`/persons/${request.person.id}`}>
                  {request.person.name}
                </RouterLink>
              ) : (
                t('erasure.personErased')
              ),
            },
            { label: t('requests.receivedOn'), value: formatDate(request.receivedOn) },
            { label: t('requests.channel'), value: t(CHANNEL_LABELS[request.channel]) },
            { label: t('requests.language'), value: t(LANGUAGE_LABELS[request.language]) },
            {
              label: t('requests.statusLabel'),
              value: <span className="badge">{t(STATUS_LABELS[request.status])}</span>,
            },
            { label: t('requests.dueOn'), value: <DueDate request={request} /> },
            {
              label: t('requests.assignee'),
              value: <Assignee request={request} onDone={done} />,
            },
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

      <AccessPackage request={request} onChange={onChange} />
      <ErasurePanel request={request} onChange={onChange} />
      <RectificationPanel request={request} onChange={onChange} />
      {manage && <NextStep key={request.status} request={request} onDone={done} />}
      {manage && canExtend(request) && <Extension request={request} onDone={done} />}
      <RequestObjections key={`objections-${request.status}`} request={request} />
      <RequestAttachments request={request} />
      <Notes request={request} onDone={done} />
      <History request={request} />
    </>
  );
}

type Done = (message: string) => (request: RequestView) => void;

/** Who handles the request; the officer takes it, or leaves it to no one. */
function Assignee({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const open = request.status !== 'answered';
  const assign = (assigneeId: string | null, message: string) => {
    setBusy(true);
    setFailure(null);
    call(requestsApi.assign, { params: { id: request.id }, body: { assigneeId } }).then(
      (next) => {
        setBusy(false);
        onDone(message)(next);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };
  return (
    <>
      {request.assignee?.username ?? <span className="muted">{t('requests.unassigned')}</span>}
      {open && me.can('requests.manage') && (
        <div className="requests__actions">
          {request.assignee?.id !== me.id && (
            <Button
              variant="secondaryNoBorder"
              disabled={busy}
              onClick={() => assign(me.id, t('requests.assignedToMeDone'))}
            >
              {t('requests.assignToMe')}
            </Button>
          )}
          {request.assignee && (
            <Button
              variant="secondaryNoBorder"
              disabled={busy}
              onClick={() => assign(null, t('requests.unassignedDone'))}
            >
              {t('requests.unassign')}
            </Button>
          )}
        </div>
      )}
      {failure !== null && <ProblemNotice error={failure} />}
    </>
  );
}

/** The form of the one step the request's status leads to. */
function NextStep({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const step = nextStep(request.status);
  if (!step) return null;
  const labels: Record<string, string> = {
    status: t('requests.statusLabel'),
    method: t('requests.method'),
    verifiedOn: t('requests.verifiedOn'),
    outcome: t('requests.outcome'),
    reasons: t('requests.reasons'),
    decidedOn: t('requests.decidedOn'),
    answeredOn: t('requests.answeredOn'),
  };
  const common = { labels, dates: [] as string[] };
  return (
    <Section title={t('requests.nextStep')}>
      {step === 'verifyIdentity' && (
        <StepForm
          {...common}
          title={t('requests.verifyTitle')}
          intro={t('requests.verifyIntro')}
          initial={{ method: '', verifiedOn: today() }}
          required={['method', 'verifiedOn']}
          dates={['verifiedOn']}
          submitText={t('requests.verify')}
          run={(values) =>
            call(requestsApi.verifyIdentity, {
              params: { id: request.id },
              body: {
                method: values.method as IdentityMethod,
                verifiedOn: isoDate(values, 'verifiedOn'),
              },
            })
          }
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
              <DateField form={form} path="verifiedOn" label={labels.verifiedOn} />
            </>
          )}
        </StepForm>
      )}
      {step === 'start' && (
        <StepForm
          {...common}
          title={t('requests.startTitle')}
          intro={t('requests.startIntro')}
          initial={{}}
          submitText={t('requests.start')}
          run={() => call(requestsApi.start, { params: { id: request.id }, body: {} })}
          onDone={onDone(t('requests.startedDone'))}
        />
      )}
      {step === 'decide' && (
        <StepForm
          {...common}
          title={t('requests.decideTitle')}
          intro={t('requests.decideIntro')}
          initial={{ outcome: '', reasons: '', decidedOn: today() }}
          required={['outcome', 'decidedOn']}
          dates={['decidedOn']}
          submitText={t('requests.decide')}
          run={(values) => {
            const reasons = (values.reasons ?? '').trim();
            return call(requestsApi.decide, {
              params: { id: request.id },
              body: {
                outcome: values.outcome as RequestOutcome,
                ...(reasons ? { reasons } : {}),
                decidedOn: isoDate(values, 'decidedOn'),
              },
            });
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
                options={options(OUTCOME_LABELS, t)}
              />
              <DateField form={form} path="decidedOn" label={labels.decidedOn} />
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
      )}
      {step === 'answer' && (
        <StepForm
          {...common}
          title={t('requests.answerTitle')}
          intro={t('requests.answerIntro')}
          initial={{ answeredOn: today() }}
          required={['answeredOn']}
          dates={['answeredOn']}
          submitText={t('requests.answer')}
          run={(values) =>
            call(requestsApi.answer, {
              params: { id: request.id },
              body: { answeredOn: isoDate(values, 'answeredOn') },
            })
          }
          onDone={onDone(t('requests.answeredDone'))}
        >
          {(form) => <DateField form={form} path="answeredOn" label={labels.answeredOn} />}
        </StepForm>
      )}
    </Section>
  );
}

/** Two more months, once: the requester told of it, and why, within the first month. */
function Extension({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const labels: Record<string, string> = {
    status: t('requests.statusLabel'),
    reason: t('requests.extensionReason'),
    requesterToldOn: t('requests.requesterToldOn'),
  };
  return (
    <Section title={t('requests.extendTitle')}>
      <StepForm
        title={t('requests.extendFormTitle')}
        intro={t('requests.extendIntro', { date: formatDate(extensionToldBy(request)) })}
        initial={{ reason: '', requesterToldOn: today() }}
        required={['reason', 'requesterToldOn']}
        dates={['requesterToldOn']}
        labels={labels}
        submitText={t('requests.extend')}
        run={(values) =>
          call(requestsApi.extend, {
            params: { id: request.id },
            body: {
              reason: (values.reason ?? '').trim(),
              requesterToldOn: isoDate(values, 'requesterToldOn'),
            },
          })
        }
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
    </Section>
  );
}

/** Working notes: kept with the request, never part of the answer. */
function Notes({ request, onDone }: { request: RequestView; onDone: Done }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Section title={t('requests.notesTitle')}>
      <Paragraph mb="s">{t('requests.notesIntro')}</Paragraph>
      {request.notes.length === 0 ? (
        <p className="muted">{t('requests.noNotes')}</p>
      ) : (
        <ul className="plain-list">
          {request.notes.map((note, index) => (
            <li key={`${note.createdAt}-${index}`}>
              <div className="requests__text">{note.text}</div>
              <div className="muted">
                {t('requests.noteBy', {
                  user: note.username ?? t('requests.unknownUser'),
                  time: formatDateTime(note.createdAt),
                })}
              </div>
            </li>
          ))}
        </ul>
      )}
      {me.can('requests.manage') && (
        <StepForm
          key={request.notes.length}
          title={t('requests.addNoteTitle')}
          initial={{ text: '' }}
          required={['text']}
          labels={{ text: t('requests.note'), status: t('requests.statusLabel') }}
          submitText={t('requests.addNote')}
          run={(values) =>
            call(requestsApi.addNote, {
              params: { id: request.id },
              body: { text: (values.text ?? '').trim() },
            })
          }
          onDone={onDone(t('requests.noteAddedDone'))}
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
  const me = useMe();
  const usernames = new Map<unknown, string>([
    [me.id, me.username],
    ...request.historyStaff.map((staff) => [staff.id, staff.username] as const),
  ]);
  if (request.assignee) usernames.set(request.assignee.id, request.assignee.username);
  if (request.identity?.verifiedBy) {
    usernames.set(request.identity.verifiedBy.id, request.identity.verifiedBy.username);
  }
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
        return usernames.get(value) ?? t('requests.otherStaff');
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
                  <td>{event.username ?? t('requests.unknownUser')}</td>
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
