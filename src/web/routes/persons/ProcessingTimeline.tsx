import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { accessLogApi } from '../../../contract/access-log/access-log.endpoints.ts';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { Section } from '../../components/Section.tsx';
import { usePages } from '../../data.ts';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { helsinkiToday, yearsBefore } from '../access-log/access-log.ts';
import { useLogWords } from '../access-log/log-words.ts';

const PAGE_SIZE = 20;

/**
 * The person's processing as a timeline, newest first: when, who (by full name and role), what
 * they did and which data, in the page's language. Read from the access log by subject, which
 * logs this reading too.
 */
export function ProcessingTimeline({ personId }: { personId: string }) {
  const { t } = useI18n();
  const { fieldNames, actionName, roleName } = useLogWords();
  const results = usePages(accessLogApi.list, {
    query: { subjectId: personId, limit: PAGE_SIZE },
  });
  const wholeLog = `/access-log?${new URLSearchParams({
    subjectId: personId,
    from: yearsBefore(helsinkiToday(), 2),
  }).toString()}`;

  return (
    <Section
      title={t('timeline.title')}
      className="record__wide"
      actions={
        <RouterLink asComponent={Link} to={wholeLog}>
          {t('timeline.whole')}
        </RouterLink>
      }
    >
      <p>{t('timeline.intro')}</p>
      {results.status === 'loading' && <Loading />}
      {results.status === 'failed' && <ProblemNotice error={results.error} />}
      {results.status === 'ready' && results.items.length === 0 && (
        <p className="muted">{t('timeline.none')}</p>
      )}
      {results.status === 'ready' && results.items.length > 0 && (
        <>
          <ol className="timeline">
            {results.items.map((entry) => (
              <li key={entry.position} className="timeline__item">
                <time className="timeline__time" dateTime={entry.occurredAt}>
                  {formatDateTime(entry.occurredAt)}
                </time>
                <div className="timeline__what">
                  <strong>{actionName(entry.action)}</strong>
                  {entry.fields.length > 0 && <>: {fieldNames(entry.fields)}</>}
                </div>
                <div className="timeline__who">
                  {(entry.userFullName ?? entry.username)
                    ? t('timeline.by', {
                        name: entry.userFullName ?? entry.username ?? '',
                        role: entry.role ? roleName(entry.role) : '',
                      })
                    : t('timeline.unknownUser')}
                  {entry.partnerName && ` · ${entry.partnerName}`}
                </div>
                {entry.purpose && <div className="muted">{entry.purpose}</div>}
              </li>
            ))}
          </ol>
          <LoadMore pages={results} onLoad={() => results.loadMore()} label={t('timeline.more')} />
        </>
      )}
    </Section>
  );
}
