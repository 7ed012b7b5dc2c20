import { useId, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  InlineAlert,
  Paragraph,
  RouterLink,
} from 'suomifi-ui-components';
import { Loaded } from '../../components/Loaded.tsx';
import { BackLink } from '../../components/BackLink.tsx';
import { ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { Section } from '../../components/Section.tsx';
import { useCall, useSend } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { importsApi } from '../../../contract/imports/imports.endpoints.ts';
import { moveInApi } from '../../../contract/move-in/move-in.endpoints.ts';
import { countsText, rememberFile, runTitle } from './move-in-texts.ts';
import './move-in.css';

/**
 * Moving in from an old register (decision 0027), reached from the imports page: the profiles
 * (column mappings), a file's dry run, and the runs so far. A run's page follows its progress,
 * shows its report and applies the same file.
 */
export function MoveInPage() {
  const { t } = useI18n();
  const location = useLocation();
  const savedName = (location.state as { savedProfile?: string } | null)?.savedProfile;
  return (
    <div className="move-in">
      <BackLink to="/imports">{t('imports.title')}</BackLink>
      <PageHeading title={t('moveIn.title')} />
      <Paragraph mb="m">{t('moveIn.intro')}</Paragraph>
      <div role="status">
        {savedName && (
          <InlineAlert status="neutral" className="notice notice--success">
            {t('moveIn.profile.saved', { name: savedName })}
          </InlineAlert>
        )}
      </div>
      <Profiles />
      <DryRunForm />
      <Runs />
    </div>
  );
}

function Profiles() {
  const { t } = useI18n();
  const profiles = useCall(moveInApi.listProfiles, {});
  return (
    <Section title={t('moveIn.profiles')}>
      <Loaded query={profiles}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph mb="m">{t('moveIn.profiles.none')}</Paragraph>
          ) : (
            <div className="log-table__scroll">
              <table className="log-table">
                <caption className="visually-hidden">{t('moveIn.profiles.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('moveIn.profile.name')}</th>
                    <th scope="col">{t('moveIn.profile.target')}</th>
                    <th scope="col">{t('moveIn.profile.file')}</th>
                    <th scope="col">{t('moveIn.profile.columns')}</th>
                    <th scope="col">{t('moveIn.profile.updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((profile) => (
                    <tr key={profile.id}>
                      <th scope="row">
                        <RouterLink
                          asComponent={Link}
                          to={`/imports/move-in/profiles/${profile.name}`}
                        >
                          {profile.name}
                        </RouterLink>
                      </th>
                      <td>{t(`moveIn.target.${profile.body.target}`)}</td>
                      <td>
                        {profile.body.format.kind === 'csv'
                          ? `${t('moveIn.format.csv')}, ${profile.body.format.encoding}, "${profile.body.format.delimiter}"`
                          : t('moveIn.format.xlsx')}
                      </td>
                      <td>
                        {t('moveIn.profile.fields', {
                          count: Object.keys(profile.body.columns).length,
                        })}
                      </td>
                      <td>{formatDateTime(profile.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <p>
        <RouterLink asComponent={Link} to="/imports/move-in/new-profile">
          {t('moveIn.profiles.new')}
        </RouterLink>
      </p>
    </Section>
  );
}

/** A profile and a file: the dry run starts, and its page opens to follow it. */
function DryRunForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const fileId = useId();
  const profiles = useCall(moveInApi.listProfiles, {});
  const start = useSend(moveInApi.start, {
    invalidates: [moveInApi.listRuns, importsApi.list],
  });
  const [profile, setProfile] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const items = profiles.data?.items ?? [];
  if (items.length === 0) return null;

  const send = () => {
    if (!profile || !file) {
      setMissing(true);
      return;
    }
    setMissing(false);
    start.mutate(
      { query: { profile, fileName: file.name, dryRun: 'true' }, body: file },
      {
        onSuccess: (run) => {
          rememberFile(run.id, file);
          void navigate(`/imports/move-in/runs/${run.id}`);
        },
      },
    );
  };

  return (
    <Section title={t('moveIn.upload')}>
      <Paragraph mb="m">{t('moveIn.upload.intro')}</Paragraph>
      <div className="move-in__upload">
        <Dropdown
          labelText={t('moveIn.upload.profile')}
          visualPlaceholder="–"
          value={profile || null}
          onChange={(value: string) => setProfile(value)}
        >
          {items.map((p) => (
            <DropdownItem key={p.id} value={p.name}>
              {`${p.name} (${t(`moveIn.target.${p.body.target}`)})`}
            </DropdownItem>
          ))}
        </Dropdown>
        <div className="move-in__file">
          <label htmlFor={fileId}>{t('moveIn.upload.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
      </div>
      <div className="move-in__actions">
        <Button disabled={start.isPending} onClick={send}>
          {start.isPending ? t('moveIn.upload.sending') : t('moveIn.upload.dryRun')}
        </Button>
      </div>
      {missing && (
        <Paragraph className="move-in__missing">{t('moveIn.upload.chooseBoth')}</Paragraph>
      )}
      {start.isError && <ProblemNotice error={start.error} />}
    </Section>
  );
}

function Runs() {
  const { t } = useI18n();
  const runs = useCall(moveInApi.listRuns, {});
  return (
    <Section title={t('moveIn.runs')}>
      <Loaded query={runs}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph>{t('moveIn.runs.none')}</Paragraph>
          ) : (
            <div className="log-table__scroll">
              <table className="log-table">
                <caption className="visually-hidden">{t('moveIn.runs.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('imports.kind')}</th>
                    <th scope="col">{t('moveIn.profile.file')}</th>
                    <th scope="col">{t('imports.started')}</th>
                    <th scope="col">{t('imports.status')}</th>
                    <th scope="col">{t('imports.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((run) => (
                    <tr key={run.id}>
                      <th scope="row">
                        <RouterLink asComponent={Link} to={`/imports/move-in/runs/${run.id}`}>
                          {runTitle(run, t)}
                        </RouterLink>
                      </th>
                      <td>
                        {run.fileName}
                        <div className="muted">{run.profileName}</div>
                      </td>
                      <td>{formatDateTime(run.startedAt)}</td>
                      <td>{t(`imports.status.${run.status}`)}</td>
                      <td>{countsText(run.counts, t)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}
