import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Paragraph, RouterLink } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { useSavedDownload } from '../../components/download.ts';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import {
  IMPORT_KINDS,
  IMPORT_OUTCOMES,
  type ImportKind,
} from '../../../contract/imports/imports.constants.ts';
import { importsApi } from '../../../contract/imports/imports.endpoints.ts';
import { countsText, fieldText, outcomeText, reasonText, runTitle } from './import-texts.ts';

/**
 * A run's report (decision 0029): its rows a page at a time, filtered by outcome, and the same
 * rows as a CSV download.
 */
export function RunReport({ kind, id }: { kind: ImportKind; id: string }) {
  const { t, language } = useI18n();
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const rows = useSavedDownload(importsApi.csv, (file) =>
    setSaved(t('imports.downloaded', { file })),
  );
  const page = useCall(importsApi.rows, {
    params: { kind, id },
    query: { ...(outcome ? { outcome } : {}), ...(cursor ? { cursor } : {}) },
  });
  const choose = (value: string | undefined) => {
    setOutcome(value);
    setCursor(undefined);
  };
  const csv = () => {
    setSaved('');
    rows.mutate({
      params: { kind, id },
      query: { ...(outcome ? { outcome } : {}), lang: language },
    });
  };
  const number = page.data?.run.number ?? '';
  return (
    <div className="imports-report">
      <div className="imports-report__tools" role="group" aria-label={t('imports.filter')}>
        <span className="imports-report__label">{t('imports.filter')}:</span>
        {[undefined, ...IMPORT_OUTCOMES[kind]].map((value) => (
          <Button
            key={value ?? 'all'}
            variant={outcome === value ? 'default' : 'secondary'}
            aria-pressed={outcome === value}
            onClick={() => choose(value)}
          >
            {value ? outcomeText(value, t) : t('imports.filter.all')}
          </Button>
        ))}
        <Button variant="secondaryNoBorder" onClick={csv}>
          {t('imports.downloadCsv')}
        </Button>
      </div>
      {saved && <Paragraph mb="s">{saved}</Paragraph>}
      {rows.isError && <ProblemNotice error={rows.error} />}
      {page.isPending && <Loading />}
      {page.isError && <ProblemNotice error={page.error} />}
      {page.data && (
        <>
          <Paragraph mb="s">{t('imports.rowsShown', { total: page.data.total })}</Paragraph>
          {page.data.items.length === 0 ? (
            <Paragraph>{t('imports.noRows')}</Paragraph>
          ) : (
            <div className="log-table__scroll">
              <table className="log-table imports-rows">
                <caption className="visually-hidden">
                  {t('imports.reportCaption', { number })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.row')}</th>
                    <th scope="col">{t('imports.person')}</th>
                    <th scope="col">{t('imports.result')}</th>
                    <th scope="col">{t('imports.reason')}</th>
                    <th scope="col">{t('imports.fields')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.items.map((row) => (
                    <tr key={row.position} className={`imports-row imports-row--${row.outcome}`}>
                      <td>{row.position}</td>
                      <td>
                        {row.person ? (
                          <RouterLink asComponent={Link} to={`/persons/${row.person.id}`}>
                            {row.person.name}
                          </RouterLink>
                        ) : (
                          '–'
                        )}
                      </td>
                      <td>{outcomeText(row.outcome, t)}</td>
                      <td>{reasonText(row.reason, t)}</td>
                      <td>
                        {[...row.fields.map((f) => fieldText(f, t)), ...row.notes].join(', ')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="imports-report__paging">
            {cursor && (
              <Button variant="secondary" onClick={() => setCursor(undefined)}>
                {t('imports.firstPage')}
              </Button>
            )}
            {page.data.nextCursor && (
              <Button
                variant="secondary"
                onClick={() => setCursor(page.data.nextCursor ?? undefined)}
              >
                {t('imports.nextPage')}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}

const isKind = (value: string | undefined): value is ImportKind =>
  (IMPORT_KINDS as readonly string[]).includes(value ?? '');

/** A run's page: what it was, and its report. */
export function ImportRunPage() {
  const { t } = useI18n();
  const { kind, id = '' } = useParams();
  const runKind: ImportKind = isKind(kind) ? kind : 'updateFile';
  const head = useCall(importsApi.rows, { params: { kind: runKind, id }, query: { limit: 1 } });
  const run = head.data?.run;
  return (
    <div className="imports-page">
      <BackLink to="/imports">{t('imports.back')}</BackLink>
      {head.isError && <ProblemNotice error={head.error} />}
      {run && (
        <>
          <PageHeading title={runTitle(run, t)} />
          <dl className="imports-summary">
            <dt>{t('imports.status')}</dt>
            <dd>{t(`imports.status.${run.status}`)}</dd>
            <dt>{t('imports.started')}</dt>
            <dd>
              {formatDateTime(run.startedAt)} ({run.startedBy ?? t('imports.trigger')})
            </dd>
            {run.file && (
              <>
                <dt>{t('imports.fileName')}</dt>
                <dd>
                  {run.file.name} · {run.file.partnerName} · {run.file.profile}
                </dd>
              </>
            )}
            <dt>{t('imports.result')}</dt>
            <dd>{countsText(run, t)}</dd>
            {run.error && (
              <>
                <dt>{t('imports.error')}</dt>
                <dd>{run.error}</dd>
              </>
            )}
          </dl>
          <Section title={t('imports.report')}>
            <RunReport kind={runKind} id={id} />
          </Section>
        </>
      )}
    </div>
  );
}
