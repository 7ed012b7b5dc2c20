import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Checkbox, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import { BackLink } from '../../components/BackLink.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall, useSend } from '../../data.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { retentionApi } from '../../../contract/retention/retention.endpoints.ts';
import {
  CUSTOMER_RETENTION_YEARS,
  DECEASED_RETENTION_YEARS,
} from '../../../contract/retention/retention.constants.ts';
import type {
  RetentionRunView,
  RetentionSettingsView,
} from '../../../contract/retention/retention.schemas.ts';
import './retention.css';

type T = ReturnType<typeof useI18n>['t'];

function countsText(run: RetentionRunView, t: T): string {
  return t('retention.counts', run.counts);
}

/** The periods, and (administrator) the form that changes them. */
function SettingsSection({ settings }: { settings: RetentionSettingsView }) {
  const { t } = useI18n();
  const me = useMe();
  const save = useSend(retentionApi.saveSettings, { invalidates: [retentionApi.dryRun] });
  const [customerYears, setCustomerYears] = useState(String(settings.customerYears));
  const [deceasedYears, setDeceasedYears] = useState(String(settings.deceasedYears));
  const [dailyRun, setDailyRun] = useState(settings.dailyRun);
  const [saved, setSaved] = useState(false);
  const editable = me.can('retention.manage');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      {
        body: {
          customerYears: Number(customerYears),
          deceasedYears: Number(deceasedYears),
          dailyRun,
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  const edited = () => setSaved(false);
  return (
    <Section title={t('retention.settings')}>
      {!editable ? (
        <dl className="retention-summary">
          <dt>{t('retention.customerYears')}</dt>
          <dd>{t('retention.years', { years: settings.customerYears })}</dd>
          <dt>{t('retention.deceasedYears')}</dt>
          <dd>{t('retention.years', { years: settings.deceasedYears })}</dd>
          <dt>{t('retention.dailyRun')}</dt>
          <dd>{settings.dailyRun ? t('retention.dailyRunOn') : t('retention.dailyRunOff')}</dd>
        </dl>
      ) : (
        <form className="retention-form" onSubmit={submit} noValidate>
          <TextInput
            id="retention-customer-years"
            labelText={t('retention.customerYears')}
            hintText={t('retention.customerYearsHint', CUSTOMER_RETENTION_YEARS)}
            type="number"
            inputMode="numeric"
            min={CUSTOMER_RETENTION_YEARS.min}
            max={CUSTOMER_RETENTION_YEARS.max}
            value={customerYears}
            onChange={(value) => {
              edited();
              setCustomerYears(String(value ?? ''));
            }}
          />
          <TextInput
            id="retention-deceased-years"
            labelText={t('retention.deceasedYears')}
            hintText={t('retention.deceasedYearsHint', DECEASED_RETENTION_YEARS)}
            type="number"
            inputMode="numeric"
            min={DECEASED_RETENTION_YEARS.min}
            max={DECEASED_RETENTION_YEARS.max}
            value={deceasedYears}
            onChange={(value) => {
              edited();
              setDeceasedYears(String(value ?? ''));
            }}
          />
          <Checkbox
            id="retention-daily-run"
            checked={dailyRun}
            hintText={t('retention.dailyRunHint')}
            onClick={({ checkboxState }) => {
              edited();
              setDailyRun(checkboxState);
            }}
          >
            {t('retention.dailyRun')}
          </Checkbox>
          <div>
            <Button type="submit" disabled={save.isPending}>
              {t('retention.save')}
            </Button>
          </div>
          {save.isError && <ProblemNotice error={save.error} />}
          {saved && (
            <p role="status" className="notice-text">
              {t('retention.saved')}
            </p>
          )}
        </form>
      )}
      {settings.updatedAt && (
        <p className="muted">
          {t('retention.lastChanged', { time: formatDateTime(settings.updatedAt) })}
        </p>
      )}
    </Section>
  );
}

/** Who is past retention today, and what erasing each would do. */
function DryRunSection() {
  const { t, language } = useI18n();
  const dry = useCall(retentionApi.dryRun, {});
  const data = dry.data;
  return (
    <Section title={t('retention.dryRun')}>
      {dry.isPending && <Loading />}
      {dry.isError && <ProblemNotice error={dry.error} />}
      {data && (
        <>
          <Paragraph mb="s">
            {t('retention.dryRunIntro', {
              today: formatDate(data.today),
              count: data.customers.length,
              blocked: data.customers.filter((c) => c.plan === 'refused').length,
            })}
          </Paragraph>
          {data.truncated && <Paragraph mb="s">{t('retention.truncated')}</Paragraph>}
          {data.customers.length > 0 && (
            <div className="log-table__scroll">
              <table className="log-table retention-table">
                <caption className="visually-hidden">{t('retention.dryRunCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('retention.customer')}</th>
                    <th scope="col">{t('retention.basis')}</th>
                    <th scope="col">{t('retention.keptUntil')}</th>
                    <th scope="col">{t('retention.wouldDo')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.customers.map((c) => (
                    <tr key={c.personId}>
                      <th scope="row">
                        <RouterLink asComponent={Link} to={`/persons/${c.personId}`}>
                          {c.name || t('retention.noName')}
                        </RouterLink>
                      </th>
                      <td>{t(`retention.basis.${c.basis}`, { date: formatDate(c.basisOn) })}</td>
                      <td>{formatDate(c.dueOn)}</td>
                      <td>
                        <strong>{t(`retention.plan.${c.plan}`)}</strong>
                        {c.blockers.length > 0 && (
                          <ul className="retention-reasons">
                            {c.blockers.map((b) => (
                              <li key={b.code}>{b.reasons[language]}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Section>
  );
}

/** The past runs, newest first. */
function RunsSection() {
  const { t } = useI18n();
  const me = useMe();
  const list = useCall(retentionApi.listRuns, {});
  const start = useSend(retentionApi.startRun, {
    invalidates: [retentionApi.dryRun, retentionApi.listRuns],
  });
  const [confirming, setConfirming] = useState(false);
  return (
    <Section title={t('retention.runs')}>
      {me.can('retention.run') && (
        <div className="retention-run">
          {!confirming ? (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              {t('retention.runNow')}
            </Button>
          ) : (
            <>
              <Paragraph mb="s">{t('retention.runConfirm')}</Paragraph>
              <Button
                disabled={start.isPending}
                onClick={() =>
                  start.mutate({ body: {} }, { onSuccess: () => setConfirming(false) })
                }
              >
                {t('retention.runConfirmButton')}
              </Button>{' '}
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('retention.cancel')}
              </Button>
            </>
          )}
          {start.isError && <ProblemNotice error={start.error} />}
        </div>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ProblemNotice error={list.error} />}
      {list.data &&
        (list.data.items.length === 0 ? (
          <Paragraph>{t('retention.noRuns')}</Paragraph>
        ) : (
          <div className="log-table__scroll">
            <table className="log-table retention-table">
              <caption className="visually-hidden">{t('retention.runsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention.run')}</th>
                  <th scope="col">{t('retention.started')}</th>
                  <th scope="col">{t('retention.trigger')}</th>
                  <th scope="col">{t('retention.periods')}</th>
                  <th scope="col">{t('retention.result')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <RouterLink asComponent={Link} to={`/retention/runs/${run.id}`}>
                        {t('retention.runNumber', { number: run.number })}
                      </RouterLink>
                    </th>
                    <td>{formatDateTime(run.startedAt)}</td>
                    <td>{t(`retention.trigger.${run.trigger}`)}</td>
                    <td>
                      {t('retention.periodsText', {
                        customer: run.customerYears,
                        deceased: run.deceasedYears,
                      })}
                    </td>
                    <td>{countsText(run, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </Section>
  );
}

/**
 * Retention of customers (decision 0034): the periods (set by the administrator), the dry run
 * of who is past them today and what blocks their erasure, and the runs.
 */
export function RetentionPage() {
  const { t } = useI18n();
  const settings = useCall(retentionApi.getSettings, {});
  return (
    <div className="retention-page">
      <PageHeading title={t('retention.title')} />
      <Paragraph mb="m">{t('retention.intro')}</Paragraph>
      {settings.isPending && <Loading />}
      {settings.isError && <ProblemNotice error={settings.error} />}
      {settings.data && (
        <SettingsSection key={settings.data.updatedAt ?? 'defaults'} settings={settings.data} />
      )}
      <DryRunSection />
      <RunsSection />
    </div>
  );
}

/** A run's report: each customer by reference only, what was done and what blocked it. */
export function RetentionRunPage() {
  const { t, errorText } = useI18n();
  const { id = '' } = useParams();
  const report = useCall(retentionApi.getRun, { params: { id } });
  const data = report.data;
  return (
    <div className="retention-page">
      <BackLink to="/retention">{t('retention.back')}</BackLink>
      {report.isPending && <Loading />}
      {report.isError && <ProblemNotice error={report.error} />}
      {data && (
        <>
          <PageHeading title={t('retention.runNumber', { number: data.number })} />
          <Paragraph mb="m">
            {t('retention.runIntro', {
              started: formatDateTime(data.startedAt),
              trigger: t(`retention.trigger.${data.trigger}`),
              result: countsText(data, t),
            })}
          </Paragraph>
          <div className="log-table__scroll">
            <table className="log-table retention-table">
              <caption className="visually-hidden">{t('retention.outcomesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('retention.reference')}</th>
                  <th scope="col">{t('retention.basis')}</th>
                  <th scope="col">{t('retention.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {data.outcomes.map((o) => (
                  <tr key={o.subjectRef}>
                    <th scope="row">
                      <code>{o.subjectRef}</code>
                    </th>
                    <td>{t(`retention.basis.${o.basis}`, { date: formatDate(o.basisOn) })}</td>
                    <td>
                      {t(`retention.outcome.${o.outcome}`)}
                      {o.blockers.length > 0 && (
                        <ul className="retention-reasons">
                          {o.blockers.map((code) => (
                            <li key={code}>{errorText({ code, message: code })}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
