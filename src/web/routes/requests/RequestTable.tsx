import { useState } from 'react';
import { Link } from 'react-router';
import { Button, RouterLink } from 'suomifi-ui-components';
import { isAbort } from '../../api.ts';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { RequestSummary } from '../../../contract/requests/requests.schemas.ts';
import {
  CHANNEL_LABELS,
  deadlineText,
  LANGUAGE_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
  type RequestListQuery,
  type RequestPage,
} from './requests.ts';

const PAGE_SIZE = 50;

/** The pages after the first; `nextCursor` is undefined until one is loaded. */
type More = {
  key: string;
  items: RequestSummary[];
  nextCursor?: string | null;
  busy: boolean;
  error: unknown;
};

/**
 * A list of requests a page at a time: the first page by `key`, then "Show more" adds the next.
 * A new key starts from the first page again.
 */
export function usePagedRequests(
  key: string,
  load: (params: RequestListQuery, signal?: AbortSignal) => Promise<RequestPage>,
  params: RequestListQuery,
) {
  const [first] = useResource(key, (signal) => load({ ...params, limit: PAGE_SIZE }, signal));
  const [more, setMore] = useState<More>({ key, items: [], busy: false, error: null });
  const extra: More = more.key === key ? more : { key, items: [], busy: false, error: null };
  const ready = first.state === 'ready' ? first.data : null;
  const items = ready ? [...ready.items, ...extra.items] : null;
  const nextCursor = ready
    ? extra.nextCursor === undefined
      ? ready.nextCursor
      : extra.nextCursor
    : null;

  const loadMore = () => {
    if (!nextCursor) return;
    setMore({ ...extra, busy: true, error: null });
    load({ ...params, limit: PAGE_SIZE, cursor: nextCursor }).then(
      (page) =>
        setMore({
          key,
          items: [...extra.items, ...page.items],
          nextCursor: page.nextCursor,
          busy: false,
          error: null,
        }),
      (error: unknown) => {
        if (!isAbort(error)) setMore({ ...extra, busy: false, error });
      },
    );
  };
  return { first, items, nextCursor, loadMore, busy: extra.busy, moreError: extra.error };
}

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
  list: ReturnType<typeof usePagedRequests>;
  caption: string;
  empty: string;
  showPerson?: boolean;
}) {
  const { t } = useI18n();
  const { first, items } = list;
  return (
    <>
      {first.state === 'failed' && <ProblemNotice error={first.error} />}
      {first.state === 'loading' && <Loading />}
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
                    {request.assignee?.username ?? (
                      <span className="muted">{t('requests.unassigned')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.moreError !== null && <ProblemNotice error={list.moreError} />}
      {list.nextCursor && (
        <Button
          variant="secondary"
          className="log-table__more"
          onClick={list.loadMore}
          disabled={list.busy}
        >
          {t('requests.loadMore')}
        </Button>
      )}
    </>
  );
}
