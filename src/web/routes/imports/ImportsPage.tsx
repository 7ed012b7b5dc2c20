import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Dropdown, DropdownItem, Paragraph, RouterLink } from 'suomifi-ui-components';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall, useSend } from '../../data.ts';
import { useMe } from '../../session.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { importsApi } from '../../../contract/imports/imports.endpoints.ts';
import type { ImportRunView } from '../../../contract/imports/imports.schemas.ts';
import { valueSourcesApi } from '../../../contract/persons/value-sources.endpoints.ts';
import { updateFilesApi } from '../../../contract/update-files/update-files.endpoints.ts';
import { RunReport } from './RunReport.tsx';
import { countsText, runTitle } from './import-texts.ts';
import './imports.css';

/**
 * The imports page (decision 0029): an update-service file's dry run, its report and then its
 * apply; below, every run of data coming in — DVV syncs and update files — with their reports.
 */
export function ImportsPage() {
  const { t } = useI18n();
  const { can } = useMe();
  const list = useCall(importsApi.list, {});
  // Moving in has a page of its own for those who run it: its progress, full report and apply.
  const runPath = (run: ImportRunView) =>
    run.kind === 'moveIn' && can('moveIn.run')
      ? `/imports/move-in/runs/${run.id}`
      : `/imports/${run.kind}/${run.id}`;
  return (
    <div className="imports-page">
      <PageHeading title={t('imports.title')} />
      <Paragraph mb="m">{t('imports.intro')}</Paragraph>
      <p>
        <RouterLink asComponent={Link} to="/population-register">
          {t('imports.toDvv')}
        </RouterLink>
      </p>
      {can('moveIn.run') && (
        <p>
          <RouterLink asComponent={Link} to="/imports/move-in">
            {t('imports.toMoveIn')}
          </RouterLink>
        </p>
      )}
      <UpdateFileForm />
      <Section title={t('imports.runs')}>
        {list.isPending && <Loading />}
        {list.isError && <ProblemNotice error={list.error} />}
        {list.data &&
          (list.data.items.length === 0 ? (
            <Paragraph>{t('imports.noRuns')}</Paragraph>
          ) : (
            <div className="log-table__scroll">
              <table className="log-table">
                <caption className="visually-hidden">{t('imports.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.kind')}</th>
                    <th scope="col">{t('imports.started')}</th>
                    <th scope="col">{t('imports.startedBy')}</th>
                    <th scope="col">{t('imports.status')}</th>
                    <th scope="col">{t('imports.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((run) => (
                    <tr key={`${run.kind}-${run.id}`}>
                      <th scope="row">
                        <RouterLink asComponent={Link} to={runPath(run)}>
                          {runTitle(run, t)}
                        </RouterLink>
                        {run.file && <div className="muted">{run.file.name}</div>}
                      </th>
                      <td>{formatDateTime(run.startedAt)}</td>
                      <td>{run.startedBy ?? t('imports.trigger')}</td>
                      <td>{t(`imports.status.${run.status}`)}</td>
                      <td>{countsText(run, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
      </Section>
    </div>
  );
}

function UpdateFileForm() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const fileId = useId();
  const profiles = useCall(updateFilesApi.profiles, {});
  const partners = useCall(valueSourcesApi.sourcePartners, {});
  const [profile, setProfile] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState<ImportRunView | null>(null);
  const run = useSend(updateFilesApi.run, { invalidates: [importsApi.list] });
  const busy = run.isPending;
  const [missing, setMissing] = useState(false);

  const send = (asDryRun: boolean) => {
    if (!profile || !partnerId || !file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    run.mutate(
      {
        query: { profile, partnerId, name: file.name, dryRun: asDryRun ? 'true' : 'false' },
        // The file's bytes as they are, whatever type the browser gives the file.
        body: new Blob([file], { type: 'application/octet-stream' }),
      },
      {
        onSuccess: (answer) => {
          if (asDryRun) setDryRun(answer);
          else void navigate(`/imports/updateFile/${answer.id}`);
        },
      },
    );
  };
  const changed = () => setDryRun(null);

  return (
    <Section title={t('imports.file.title')}>
      <Paragraph mb="m">{t('imports.file.intro')}</Paragraph>
      {(profiles.isError || partners.isError) && (
        <ProblemNotice error={profiles.error ?? partners.error} />
      )}
      {partners.data?.items.length === 0 && (
        <Paragraph mb="m">{t('imports.file.noPartners')}</Paragraph>
      )}
      {profiles.data && partners.data && partners.data.items.length > 0 && (
        <div className="imports-form">
          <Dropdown
            labelText={t('imports.file.profile')}
            visualPlaceholder="–"
            value={profile}
            onChange={(value: string) => {
              setProfile(value);
              changed();
            }}
          >
            {profiles.data.items.map((p) => (
              <DropdownItem key={p.id} value={p.id}>
                {p.name[language]}
              </DropdownItem>
            ))}
          </Dropdown>
          <Dropdown
            labelText={t('imports.file.partner')}
            visualPlaceholder="–"
            value={partnerId}
            onChange={(value: string) => {
              setPartnerId(value);
              changed();
            }}
          >
            {partners.data.items.map((p) => (
              <DropdownItem key={p.id} value={p.id}>
                {`${p.name} (${p.businessId})`}
              </DropdownItem>
            ))}
          </Dropdown>
          <div className="imports-form__file">
            <label htmlFor={fileId}>{t('imports.file.file')}</label>
            <input
              id={fileId}
              type="file"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                changed();
              }}
            />
          </div>
        </div>
      )}
      <div className="imports-form__actions">
        <Button variant="secondary" disabled={busy} onClick={() => send(true)}>
          {busy ? t('imports.file.working') : t('imports.file.dryRun')}
        </Button>
        {dryRun && (
          <Button disabled={busy} onClick={() => send(false)}>
            {t('imports.file.apply')}
          </Button>
        )}
      </div>
      {missing && (
        <Paragraph className="imports-form__missing">{t('imports.file.chooseAll')}</Paragraph>
      )}
      {run.isError && <ProblemNotice error={run.error} />}
      {dryRun && (
        <div className="imports-dry-run" role="status">
          <Paragraph mb="s">
            {t('imports.file.dryRunDone', { number: dryRun.number, counts: countsText(dryRun, t) })}
          </Paragraph>
          <RunReport kind="updateFile" id={dryRun.id} />
        </div>
      )}
    </Section>
  );
}
