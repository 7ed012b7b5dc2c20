import { useId, useState } from 'react';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  InlineAlert,
  TextInput,
} from 'suomifi-ui-components';
import type { PersonView } from '../../api.ts';
import { ApiError } from '../../client.ts';
import { accessLogApi } from '../../../contract/access-log/access-log.endpoints.ts';
import { saveFile } from '../../components/download.ts';
import { ProblemNotice } from '../../components/Notices.tsx';
import { useDownload } from '../../data.ts';
import { formatDate, parseFinnishDate } from '../../format.ts';
import { LANGUAGES, isLanguage, type Language } from '../../i18n/catalogues.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { helsinkiToday, yearsBefore } from '../access-log/access-log.ts';

type Format = 'pdf' | 'csv';
type Errors = { from?: string; to?: string };

/**
 * "Who has processed my data" for a data subject who asks: the register officer picks the period
 * (the last two years by default) and the language (the person's own by default) and downloads
 * the report as PDF or CSV. The server logs each download.
 */
export function ProcessingReport({ person }: { person: PersonView }) {
  const { t, errorText } = useI18n();
  const headingId = useId();
  const today = helsinkiToday();
  const [from, setFrom] = useState(() => formatDate(yearsBefore(today, 2)));
  const [to, setTo] = useState(() => formatDate(today));
  const [language, setLanguage] = useState<Language>(person.language ?? 'fi');
  const [errors, setErrors] = useState<Errors>({});
  const report = useDownload(accessLogApi.subjectReport);
  const [saved, setSaved] = useState('');
  const busy = report.isPending;

  const fetchReport = (format: Format) => {
    const next: Errors = {};
    const dateError = errorText({ code: 'date.format', message: 'd.m.yyyy' });
    const fromDate = parseFinnishDate(from);
    const toDate = parseFinnishDate(to);
    if (!fromDate) next.from = dateError;
    if (!toDate) next.to = dateError;
    setErrors(next);
    setSaved('');
    report.reset();
    if (!fromDate || !toDate) return;
    report.mutate(
      { params: { id: person.id }, query: { from: fromDate, to: toDate, lang: language, format } },
      {
        onSuccess: (file) => {
          saveFile(file.blob, file.fileName);
          setSaved(t('report.downloaded', { file: file.fileName }));
        },
      },
    );
  };

  // The server's word on the period (e.g. it ends before it begins) goes next to its date.
  const failure = report.error;
  const problems = failure instanceof ApiError ? (failure.problem.errors ?? []) : [];
  const serverError = (field: 'from' | 'to') => {
    const problem = problems.find((p) => p.field === `querystring.${field}`);
    return problem ? errorText(problem) : undefined;
  };
  const fromError = errors.from ?? serverError('from');
  const toError = errors.to ?? serverError('to');
  const otherProblem = problems.find(
    (p) => p.field !== 'querystring.from' && p.field !== 'querystring.to',
  );
  const fieldError = otherProblem ? errorText(otherProblem) : null;

  return (
    <div className="processing-report" role="group" aria-labelledby={headingId}>
      <Heading variant="h3" id={headingId} className="processing-report__title">
        {t('report.title')}
      </Heading>
      <p>{t('report.text')}</p>
      <div className="processing-report__grid">
        <TextInput
          id="report-from"
          labelText={t('report.from')}
          hintText={t('report.dateHint')}
          inputMode="numeric"
          autoComplete="off"
          value={from}
          onChange={(value) => setFrom(value === undefined ? '' : String(value))}
          status={fromError ? 'error' : 'default'}
          statusText={fromError}
          fullWidth
        />
        <TextInput
          id="report-to"
          labelText={t('report.to')}
          hintText={t('report.dateHint')}
          inputMode="numeric"
          autoComplete="off"
          value={to}
          onChange={(value) => setTo(value === undefined ? '' : String(value))}
          status={toError ? 'error' : 'default'}
          statusText={toError}
          fullWidth
        />
        <Dropdown
          fullWidth
          labelText={t('report.language')}
          value={language}
          onChange={(value: string) => {
            if (isLanguage(value)) setLanguage(value);
          }}
        >
          {LANGUAGES.map((option) => (
            <DropdownItem key={option} value={option}>
              {t(`language.${option}`)}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
      <div className="log-filters__actions">
        <Button disabled={busy} onClick={() => fetchReport('pdf')}>
          {t('report.downloadPdf')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => fetchReport('csv')}>
          {t('report.downloadCsv')}
        </Button>
      </div>
      <p className="processing-report__status" role="status">
        {busy ? t('report.downloading') : saved}
      </p>
      {fieldError !== null ? (
        <InlineAlert status="error" role="alert" className="notice">
          {fieldError}
        </InlineAlert>
      ) : (
        // A failure that named only the dates is shown at them.
        failure !== null && problems.length === 0 && <ProblemNotice error={failure} />
      )}
    </div>
  );
}
