import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { useSavedDownload } from '../../components/download.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { invalidate, queryClient, useCall, usePages, useSend } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { importsApi } from '../../../contract/imports/imports.endpoints.ts';
import {
  IMPORT_ROW_OUTCOMES,
  type ImportRowOutcome,
} from '../../../contract/move-in/move-in.constants.ts';
import { moveInApi } from '../../../contract/move-in/move-in.endpoints.ts';
import type { ImportRowView, ImportRunView } from '../../../contract/move-in/move-in.schemas.ts';
import {
  countsText,
  fieldText,
  problemText,
  rememberFile,
  rememberedFile,
  runTitle,
} from './move-in-texts.ts';
import './move-in.css';

/** How often the page reads a running import again (each batch commits its progress). */
const POLL_MS = 1000;

/**
 * An import run's page: its progress while it runs (the share of the file read and the rows
 * done, as the server's batches commit them), then what it did, the way on (a dry run: import
 * the same file), and its report row by row.
 */
export function MoveInRunPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const run = useCall(moveInApi.getRun, { params: { id } });
  const data = run.data;
  const running = data?.status === 'running';
  const { refetch } = run;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void refetch(), POLL_MS);
    return () => clearTimeout(timer);
  });
  // The run finished: the lists that show it read again.
  useEffect(() => {
    if (data && !running) void invalidate(queryClient, [moveInApi.listRuns, importsApi.list]);
  }, [data, running]);

  return (
    <div className="move-in">
      <BackLink to="/imports/move-in">{t('moveIn.title')}</BackLink>
      {run.isPending && <Loading />}
      {run.isError && <ProblemNotice error={run.error} />}
      {data && (
        <>
          <PageHeading title={runTitle(data, t)} />
          <Summary run={data} />
          {running ? <Progress run={data} /> : <Outcome run={data} />}
          {data.dryRun && data.status === 'finished' && <Apply run={data} />}
          {!running && (
            <Section title={t('moveIn.report')}>
              <Report run={data} />
            </Section>
          )}
        </>
      )}
    </div>
  );
}

function Summary({ run }: { run: ImportRunView }) {
  const { t } = useI18n();
  return (
    <dl className="move-in__summary">
      <dt>{t('imports.kind')}</dt>
      <dd>{run.dryRun ? t('moveIn.run.dry') : t('moveIn.run.apply')}</dd>
      <dt>{t('moveIn.profile.file')}</dt>
      <dd>{run.fileName}</dd>
      <dt>{t('moveIn.upload.profile')}</dt>
      <dd>
        {run.profileName} ({t(`moveIn.target.${run.target}`)})
      </dd>
      <dt>{t('imports.status')}</dt>
      <dd>{t(`imports.status.${run.status}`)}</dd>
      <dt>{t('imports.started')}</dt>
      <dd>{formatDateTime(run.startedAt)}</dd>
      {run.finishedAt && (
        <>
          <dt>{t('moveIn.run.finishedAt')}</dt>
          <dd>{formatDateTime(run.finishedAt)}</dd>
        </>
      )}
    </dl>
  );
}

/** The share of the file read so far, as the last committed batch left it. */
function Progress({ run }: { run: ImportRunView }) {
  const { t } = useI18n();
  const labelId = useId();
  const percent =
    run.fileBytes > 0 ? Math.min(99, Math.floor((run.bytesDone / run.fileBytes) * 100)) : 0;
  const text = t('moveIn.run.progressText', {
    percent,
    rows: run.rowsDone.toLocaleString('fi-FI'),
  });
  return (
    <div className="move-in__progress">
      <Paragraph mb="s">{t('moveIn.run.running')}</Paragraph>
      <div id={labelId} className="move-in__progress-label">
        {t('moveIn.run.progress')}
      </div>
      <div
        className="move-in__bar"
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="move-in__bar-done" style={{ width: `${percent}%` }} />
      </div>
      <Paragraph mb="m">{text}</Paragraph>
    </div>
  );
}

/** What the run did, in a sentence or two; a stopped run's reason. */
function Outcome({ run }: { run: ImportRunView }) {
  const { t } = useI18n();
  const leftOut = run.counts.invalid + run.counts.duplicate;
  return (
    <div className="move-in__outcome" role="status">
      {run.status === 'failed' && (
        <Paragraph mb="s" className="move-in__failed">
          {t('moveIn.run.failed', { error: run.error ?? '' })}
        </Paragraph>
      )}
      {run.status === 'finished' && (
        <Paragraph mb="s" className="move-in__headline">
          {run.dryRun
            ? t('moveIn.run.wouldCreate', { count: run.counts.wouldCreate })
            : t('moveIn.run.created', { count: run.counts.created })}
        </Paragraph>
      )}
      {leftOut > 0 && <Paragraph mb="s">{t('moveIn.run.leftOut', { count: leftOut })}</Paragraph>}
      <Paragraph mb="m">{countsText(run.counts, t)}</Paragraph>
    </div>
  );
}

/** A finished dry run: the same file applied (remembered by this tab, else chosen again). */
function Apply({ run }: { run: ImportRunView }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const fileId = useId();
  const [chosen, setChosen] = useState<File | null>(null);
  const remembered = rememberedFile(run.id);
  const file = remembered ?? chosen;
  const otherFile = file !== null && file.size !== run.fileBytes;
  const start = useSend(moveInApi.start, {
    invalidates: [moveInApi.listRuns, importsApi.list],
  });
  const apply = () => {
    if (!file || otherFile) return;
    start.mutate(
      { query: { profile: run.profileName, fileName: run.fileName, dryRun: 'false' }, body: file },
      {
        onSuccess: (applied) => {
          rememberFile(applied.id, file);
          void navigate(`/imports/move-in/runs/${applied.id}`);
        },
      },
    );
  };
  return (
    <Section title={t('moveIn.apply.title')}>
      <Paragraph mb="m">{t('moveIn.apply.intro')}</Paragraph>
      {!remembered && (
        <div className="move-in__file">
          <label htmlFor={fileId}>{t('moveIn.apply.file', { file: run.fileName })}</label>
          <input
            id={fileId}
            type="file"
            onChange={(event) => setChosen(event.target.files?.[0] ?? null)}
          />
        </div>
      )}
      {otherFile && (
        <Paragraph mb="s" className="move-in__missing">
          {t('moveIn.apply.otherFile', { file: run.fileName })}
        </Paragraph>
      )}
      <div className="move-in__actions">
        <Button disabled={start.isPending || !file || otherFile} onClick={apply}>
          {start.isPending
            ? t('moveIn.apply.sending')
            : t('moveIn.apply.button', { file: run.fileName })}
        </Button>
      </div>
      {start.isError && <ProblemNotice error={start.error} />}
    </Section>
  );
}

/** The report a page at a time (cursor), filtered by outcome, and as a CSV download. */
function Report({ run }: { run: ImportRunView }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<ImportRowOutcome | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const pages = usePages(moveInApi.report, {
    params: { id: run.id },
    query: outcome ? { outcome } : {},
  });
  const csv = useSavedDownload(moveInApi.reportCsv, (fileName) =>
    setSaved(t('moveIn.report.downloaded', { file: fileName })),
  );
  const outcomes = IMPORT_ROW_OUTCOMES.filter((o) => run.counts[o] > 0);
  const total = outcome
    ? run.counts[outcome]
    : IMPORT_ROW_OUTCOMES.reduce((sum, o) => sum + run.counts[o], 0);
  return (
    <div className="move-in__report">
      <div className="move-in__tools" role="group" aria-label={t('moveIn.report.filter')}>
        <span className="move-in__tools-label">{t('moveIn.report.filter')}:</span>
        {[undefined, ...outcomes].map((value) => (
          <Button
            key={value ?? 'all'}
            variant={outcome === value ? 'default' : 'secondary'}
            aria-pressed={outcome === value}
            onClick={() => setOutcome(value)}
          >
            {value
              ? `${t(`moveIn.outcome.${value}`)} (${run.counts[value]})`
              : t('moveIn.report.all')}
          </Button>
        ))}
        <Button
          variant="secondaryNoBorder"
          disabled={csv.isPending}
          onClick={() => {
            setSaved('');
            csv.mutate({ params: { id: run.id }, query: outcome ? { outcome } : {} });
          }}
        >
          {t('moveIn.report.csv')}
        </Button>
      </div>
      <div role="status">{saved && <Paragraph mb="s">{saved}</Paragraph>}</div>
      {csv.isError && <ProblemNotice error={csv.error} />}
      {pages.status === 'loading' && <Loading />}
      {pages.status === 'failed' && <ProblemNotice error={pages.error} />}
      {pages.status === 'ready' &&
        (pages.items.length === 0 ? (
          <Paragraph>{t('moveIn.report.none')}</Paragraph>
        ) : (
          <>
            <Paragraph mb="s">
              {t('moveIn.report.shown', { shown: pages.items.length, total })}
            </Paragraph>
            <div className="log-table__scroll">
              <table className="log-table move-in__rows">
                <caption className="visually-hidden">
                  {t('moveIn.report.caption', { number: run.number })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('moveIn.report.row')}</th>
                    <th scope="col">{t('moveIn.report.outcome')}</th>
                    <th scope="col">{t('moveIn.report.customer')}</th>
                    <th scope="col">{t('moveIn.report.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pages.items.map((row) => (
                    <ReportRow key={row.rowNumber} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
            <LoadMore
              pages={pages}
              onLoad={() => pages.loadMore()}
              label={t('moveIn.report.more')}
            />
          </>
        ))}
    </div>
  );
}

function ReportRow({ row }: { row: ImportRowView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const existing = row.duplicateOfPerson
    ? `/persons/${row.duplicateOfPerson}`
    : row.duplicateOfOrganization
      ? `/organizations/${row.duplicateOfOrganization}`
      : null;
  return (
    <tr className={`move-in__row move-in__row--${row.outcome}`}>
      <td>{row.rowNumber}</td>
      <td>{t(`moveIn.outcome.${row.outcome}`)}</td>
      <td>
        {row.person ? (
          <RouterLink asComponent={Link} to={`/persons/${row.person.id}`}>
            {row.person.name}
          </RouterLink>
        ) : row.organizationId ? (
          <RouterLink asComponent={Link} to={`/organizations/${row.organizationId}`}>
            {t('moveIn.report.organization')}
          </RouterLink>
        ) : (
          '–'
        )}
      </td>
      <td>
        {row.errors.length > 0 && (
          <ul className="move-in__problems">
            {row.errors.map((problem, index) => (
              <li key={index}>
                <strong>{fieldText(problem.field, t)}</strong>
                {problem.column && (
                  <span className="muted">
                    {' '}
                    ({t('moveIn.report.column', { column: `"${problem.column}"` })})
                  </span>
                )}
                : {problemText(problem, i18n)}
              </li>
            ))}
          </ul>
        )}
        {row.duplicateOfRow !== null && (
          <div>{t('moveIn.report.duplicateOfRow', { row: row.duplicateOfRow })}</div>
        )}
        {existing && (
          <RouterLink asComponent={Link} to={existing}>
            {t('moveIn.report.existing')}
          </RouterLink>
        )}
      </td>
    </tr>
  );
}
