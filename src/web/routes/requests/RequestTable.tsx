import { Link } from 'react-router';
import { RouterLink } from 'suomifi-ui-components';
import { LoadMore } from '../../components/LoadMore.tsx';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import type { usePages } from '../../data.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RequestSummary } from '../../../contract/requests/requests.schemas.ts';
import type { requestsApi } from '../../../contract/requests/requests.endpoints.ts';
import {
  CHANNEL_LABELS,
  deadlineText,
  LANGUAGE_LABELS,
  staffDisplay,
  STATUS_LABELS,
  TYPE_LABELS,
} from './requests.ts';

/** How many requests a page of a list holds. */
export const PAGE_SIZE = 50;

/** A list of requests read a page at a time (the dashboard's, or a person's). */
export type RequestList = ReturnType<typeof usePages<typeof requestsApi.list>>;

/** Due date, days left and the overdue mark in words (never colour alone). */
export function DueDate({ request }: { request: RequestSummary }) {
  const { t } = useI18n();
  const deadline = deadlineText(request, t);
  return (
    <>
      {formatDate(request.dueOn)}
      {request.overdue && (
        <>
          {' '}
          <span className="badge badge--warning request-overdue">{t('requests.overdueBadge')}</span>
        </>
      )}
      {deadline && (
        <div className={request.overdue ? 'request-overdue__days' : 'muted'}>{deadline}</div>
      )}
      {request.extended && <div className="muted">{t('requests.extendedMark')}</div>}
    </>
  );
}

/** Requests as a table; `showPerson` is false on the person's own page. */
export function RequestTable({
  list,
  caption,
  empty,
  showPerson = true,
}: {
  list: RequestList;
  caption: string;
  empty: string;
  showPerson?: boolean;
}) {
  const { t } = useI18n();
  const items = list.status === 'ready' ? list.items : null;
  return (
    <>
      {list.status === 'failed' && <ProblemNotice error={list.error} />}
      {list.status === 'loading' && <Loading />}
      {/* Always in the page, so a screen reader announces each new count. */}
      <p className="search-results__status" role="status">
        {items &&
          (items.length === 0
            ? empty
            : t(items.length === 1 ? 'requests.countOne' : 'requests.countMany', {
                count: items.length,
              }))}
      </p>
      {items && items.length > 0 && (
        <div className="log-table__scroll">
          <table className="log-table requests-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('requests.number')}</th>
                <th scope="col">{t('requests.typeLabel')}</th>
                {showPerson && <th scope="col">{t('requests.person')}</th>}
                <th scope="col">{t('requests.receivedOn')}</th>
                <th scope="col">{t('requests.channel')}</th>
                <th scope="col">{t('requests.language')}</th>
                <th scope="col">{t('requests.statusLabel')}</th>
                <th scope="col">{t('requests.dueOn')}</th>
                <th scope="col">{t('requests.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((request) => (
                <tr
                  key={request.id}
                  className={request.overdue ? 'log-table__row--flagged' : undefined}
                >
                  <th scope="row">
                    <RouterLink
                      asComponent={Link}
                      to={`/requests/${request.id}`}
                      aria-label={t('requests.openNamed', {
                        number: request.number,
                        name: request.person.name,
                      })}
                    >
                      {request.number}
                    </RouterLink>
                  </th>
                  <td>{t(TYPE_LABELS[request.type])}</td>
                  {showPerson && (
                    <td>
                      {request.person.name.trim() ? (
                        <RouterLink asComponent={Link} to={`/persons/${request.person.id}`}>
                          {request.person.name}
                        </RouterLink>
                      ) : (
                        t('erasure.personErased')
                      )}
                    </td>
                  )}
                  <td>{formatDate(request.receivedOn)}</td>
                  <td>{t(CHANNEL_LABELS[request.channel])}</td>
                  <td>{t(LANGUAGE_LABELS[request.language])}</td>
                  <td>
                    <span className="badge">{t(STATUS_LABELS[request.status])}</span>
                  </td>
                  <td>
                    <DueDate request={request} />
                  </td>
                  <td>
                    {request.assignee ? (
                      staffDisplay(request.assignee)
                    ) : (
                      <span className="muted">{t('requests.unassigned')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore pages={list} onLoad={() => list.loadMore()} label={t('requests.loadMore')} />
    </>
  );
}
