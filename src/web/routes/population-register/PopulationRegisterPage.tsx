import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/catalogues.ts';
import { populationRegisterApi } from '../../../contract/population-register/population-register.endpoints.ts';
import type {
  DvvSyncRecordView,
  DvvSyncRunView,
} from '../../../contract/population-register/population-register.schemas.ts';
import type { DvvProhibitionKind } from '../../../contract/population-register/population-register.constants.ts';
import './population-register.css';

type T = ReturnType<typeof useI18n>['t'];

/** How often a page showing a running sync reads it again. */
const POLL_MS = 1500;

/** Reads `refetch` again every POLL_MS while `running`. */
function usePoll(running: boolean, refetch: () => unknown) {
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void refetch(), POLL_MS);
    return () => clearTimeout(timer);
  });
}

function statusText(run: DvvSyncRunView, t: T): string {
  return t(`dvv.status.${run.status}`);
}

function countsText(run: DvvSyncRunView, t: T): string {
  const { applied, unchanged, ...rest } = run.counts;
  const other = Object.values(rest).reduce((sum, n) => sum + n, 0);
  return t('dvv.counts', { applied, unchanged, other });
}

/**
 * The register officer's view of the population-register updates (decision 0026): whether DVV's
 * change interface is set up, where the next sync starts, a button to sync now, and the runs.
 */
export function PopulationRegisterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useCall(populationRegisterApi.listSyncs, {});
  const start = useSend(populationRegisterApi.startSync, {
    invalidates: [populationRegisterApi.listSyncs],
  });
  const data = list.data;
  usePoll(data?.items.some((run) => run.status === 'running') ?? false, list.refetch);

  return (
    <div className="dvv-page">
      <PageHeading title={t('dvv.title')} />
      <Paragraph mb="m">{t('dvv.intro')}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} />}
      {data && (
        <>
          {!data.configured ? (
            <Paragraph mb="m" className="dvv-page__notice">
              {t('dvv.notConfigured')}
            </Paragraph>
          ) : (
            <div className="dvv-page__start">
              <p>
                {data.position === null
                  ? t('dvv.noPosition')
                  : t('dvv.position', { position: data.position })}
              </p>
              <Button
                disabled={start.isPending}
                onClick={() =>
                  start.mutate(
                    { body: {} },
                    { onSuccess: (run) => void navigate(`/population-register/${run.id}`) },
                  )
                }
              >
                {start.isPending ? t('dvv.starting') : t('dvv.start')}
              </Button>
              {start.isError && <ProblemNotice error={start.error} />}
            </div>
          )}
          <Section title={t('dvv.runs')}>
            {data.items.length === 0 ? (
              <Paragraph>{t('dvv.noRuns')}</Paragraph>
            ) : (
              <div className="log-table__scroll">
                <table className="log-table dvv-table">
                  <caption className="visually-hidden">{t('dvv.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('dvv.run', { number: '' }).trim()}</th>
                      <th scope="col">{t('dvv.started')}</th>
                      <th scope="col">{t('dvv.startedBy')}</th>
                      <th scope="col">{t('dvv.status')}</th>
                      <th scope="col">{t('dvv.persons')}</th>
                      <th scope="col">{t('dvv.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((run) => (
                      <tr key={run.id}>
                        <th scope="row">
                          <RouterLink asComponent={Link} to={`/population-register/${run.id}`}>
                            {t('dvv.run', { number: run.number })}
                          </RouterLink>
                        </th>
                        <td>{formatDateTime(run.startedAt)}</td>
                        <td>{run.startedBy ?? t(`dvv.trigger.${run.trigger}`)}</td>
                        <td>{statusText(run, t)}</td>
                        <td>{run.persons}</td>
                        <td>{countsText(run, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        </>
      )}
    </div>
  );
}

/** A run and its report: each change record, whose it was, what was done and why. */
export function SyncRunPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const report = useCall(populationRegisterApi.getSync, { params: { id } });
  const data = report.data;
  usePoll(data?.run.status === 'running', report.refetch);

  return (
    <div className="dvv-page">
      <BackLink to="/population-register">{t('dvv.back')}</BackLink>
      {report.isPending && <Loading />}
      {report.isError && <ProblemNotice error={report.error} />}
      {data && (
        <>
          <PageHeading title={t('dvv.run', { number: data.run.number })} />
          <dl className="dvv-summary">
            <dt>{t('dvv.status')}</dt>
            <dd>{statusText(data.run, t)}</dd>
            <dt>{t('dvv.started')}</dt>
            <dd>
              {formatDateTime(data.run.startedAt)} (
              {data.run.startedBy ?? t(`dvv.trigger.${data.run.trigger}`)})
            </dd>
            {data.run.finishedAt && (
              <>
                <dt>{t('dvv.finishedAt')}</dt>
                <dd>{formatDateTime(data.run.finishedAt)}</dd>
              </>
            )}
            <dt>{t('dvv.persons')}</dt>
            <dd>{data.run.persons}</dd>
            <dt>{t('dvv.result')}</dt>
            <dd>{countsText(data.run, t)}</dd>
            <dt>{t('dvv.positions')}</dt>
            <dd>
              {t('dvv.positionRange', {
                from: data.run.startPosition,
                to: data.run.reachedPosition,
              })}
            </dd>
            {data.run.error && (
              <>
                <dt>{t('dvv.error')}</dt>
                <dd>{data.run.error}</dd>
              </>
            )}
          </dl>
          {data.run.status === 'running' && <Paragraph mb="m">{t('dvv.still')}</Paragraph>}
          <Section title={t('dvv.report')}>
            <Paragraph mb="s">{t('dvv.reportIntro')}</Paragraph>
            {data.records.length === 0 ? (
              <Paragraph>{t('dvv.noRecords')}</Paragraph>
            ) : (
              <>
                {data.recordCount > data.records.length && (
                  <Paragraph mb="s">
                    {t('dvv.reportLimited', {
                      shown: data.records.length,
                      count: data.recordCount,
                    })}
                  </Paragraph>
                )}
                <div className="log-table__scroll">
                  <table className="log-table dvv-table">
                    <caption className="visually-hidden">
                      {t('dvv.reportCaption', { number: data.run.number })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('dvv.record')}</th>
                        <th scope="col">{t('dvv.person')}</th>
                        <th scope="col">{t('dvv.result')}</th>
                        <th scope="col">{t('dvv.fields')}</th>
                        <th scope="col">{t('dvv.notes')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.records.map((record, index) => (
                        <RecordRow
                          key={`${record.page}-${record.seq}`}
                          number={index + 1}
                          record={record}
                          t={t}
                        />
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </Section>
        </>
      )}
    </div>
  );
}

function RecordRow({ number, record, t }: { number: number; record: DvvSyncRecordView; t: T }) {
  return (
    <tr className={`dvv-record dvv-record--${record.outcome}`}>
      <td>
        {number}
        {record.changedAt && (
          <div className="muted">{formatDate(record.changedAt.slice(0, 10))}</div>
        )}
      </td>
      <td>
        {record.person ? (
          <RouterLink asComponent={Link} to={`/persons/${record.person.id}`}>
            {record.person.name || t('dvv.erasedPerson')}
          </RouterLink>
        ) : (
          t('dvv.noPersonName')
        )}
      </td>
      <td>{t(`dvv.outcome.${record.outcome}`)}</td>
      <td>{record.fields.map((field) => fieldText(field, t)).join(', ')}</td>
      <td>
        {record.notes.length > 0 && (
          <ul className="dvv-record__notes">
            {record.notes.map((note) => (
              <li key={note}>{noteText(note, t)}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

const PROHIBITIONS: Record<DvvProhibitionKind, MessageKey> = {
  direct_marketing: 'dvv.prohibition.direct_marketing',
  contact_disclosure: 'dvv.prohibition.contact_disclosure',
  register_update: 'dvv.prohibition.register_update',
};

function prohibitionText(kind: string, t: T): string {
  const key = PROHIBITIONS[kind as DvvProhibitionKind];
  return key ? t(key) : kind;
}

const FIELDS: Record<string, MessageKey> = {
  firstName: 'dvv.field.firstName',
  lastName: 'dvv.field.lastName',
  permanentAddress: 'dvv.field.permanentAddress',
  addressProtection: 'dvv.field.addressProtection',
  personalIdentityCode: 'dvv.field.personalIdentityCode',
  deceasedOn: 'dvv.field.deceasedOn',
};

function fieldText(field: string, t: T): string {
  if (field.startsWith('prohibition:'))
    return prohibitionText(field.slice('prohibition:'.length), t);
  const key = FIELDS[field];
  return key ? t(key) : field;
}

/** A note of the report (`code` or `code:detail`) in the reader's language. */
function noteText(note: string, t: T): string {
  const at = note.indexOf(':');
  const [code, detail] = at < 0 ? [note, ''] : [note.slice(0, at), note.slice(at + 1)];
  switch (code) {
    case 'unknownKind':
      return t('dvv.note.unknownKind', { kind: detail });
    case 'withheld':
      return t('dvv.note.withheld', { kind: detail });
    case 'informational':
      return t('dvv.note.informational', { kind: detail });
    case 'ignored':
      return t('dvv.note.ignored', { kind: detail });
    case 'prohibitionOn':
      return t('dvv.note.prohibitionOn', { kind: prohibitionText(detail, t) });
    case 'prohibitionOff':
      return t('dvv.note.prohibitionOff', { kind: prohibitionText(detail, t) });
    case 'unparsable':
      return t('dvv.note.unparsable', { detail });
    case 'error':
      return t('dvv.note.error', { code: detail });
    case 'repeated':
    case 'archived':
    case 'restricted':
    case 'incompleteAddress':
    case 'protectionOn':
    case 'protectionOff':
    case 'deceased':
    case 'identityCodeCorrected':
      return t(`dvv.note.${code}`);
    default:
      return note;
  }
}
