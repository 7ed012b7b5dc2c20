import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  Button,
  Dropdown,
  DropdownItem,
  Heading,
  RouterLink,
  SearchInput,
} from 'suomifi-ui-components';
import type { Answer } from '../../../contract/endpoint.ts';
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { SEARCH_KINDS, type SearchItem } from '../../../contract/search/search.schemas.ts';
import { ApiError, isAbort } from '../../api.ts';
import { call } from '../../client.ts';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { rememberSearch } from './last-search.tsx';
import { SearchResult } from './SearchResult.tsx';

const PAGE_SIZE = 20;
type SearchKind = (typeof SEARCH_KINDS)[number];

type Results =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'tooShort' }
  /** A contractor searched by an identifier its contract does not open. */
  | { state: 'notInContract' }
  | { state: 'failed'; error: unknown }
  | {
      state: 'ready';
      matchedBy: Answer<typeof searchApi.search>['matchedBy'];
      items: SearchItem[];
      nextCursor: string | null;
      loadingMore: boolean;
      moreError: unknown;
    };

const hasCode = (error: unknown, code: string) =>
  error instanceof ApiError &&
  error.status === 400 &&
  (error.problem.errors ?? []).some((e) => e.code === code);

const isTooShort = (error: unknown) =>
  error instanceof ApiError &&
  error.status === 400 &&
  (error.problem.errors ?? []).some((e) => e.code === 'search.tooShort');

export function SearchPage() {
  const { t, errorText } = useI18n();
  const me = useMe();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const kindParam = params.get('kind');
  const kind: SearchKind = SEARCH_KINDS.find((k) => k === kindParam) ?? 'all';
  const [text, setText] = useState(q);
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [searchCount, setSearchCount] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const resultLinks = useRef(new Map<number, HTMLAnchorElement>());

  // Back and forward change the query in the URL: the field follows it.
  const [shownQuery, setShownQuery] = useState(q);
  if (shownQuery !== q) {
    setShownQuery(q);
    setText(q);
  }

  useEffect(() => rememberSearch(location.search), [location.search]);

  useEffect(() => {
    if (q === '') {
      setResults({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    setResults({ state: 'loading' });
    call(
      searchApi.search,
      { query: { q, kind, limit: PAGE_SIZE } },
      { signal: controller.signal },
    ).then(
      (page) =>
        setResults({
          state: 'ready',
          matchedBy: page.matchedBy,
          items: page.items,
          nextCursor: page.nextCursor,
          loadingMore: false,
          moreError: null,
        }),
      (error: unknown) => {
        if (isAbort(error)) return;
        setResults(
          isTooShort(error)
            ? { state: 'tooShort' }
            : hasCode(error, 'search.notInContract')
              ? { state: 'notInContract' }
              : { state: 'failed', error },
        );
      },
    );
    return () => controller.abort();
  }, [q, kind, searchCount]);

  useEffect(() => {
    if (focusIndex === null) return;
    resultLinks.current.get(focusIndex)?.focus();
    setFocusIndex(null);
  }, [focusIndex, results]);

  const search = (value: string) => {
    const next = value.trim();
    if (next === q) setSearchCount((n) => n + 1);
    setParams(next ? { q: next, ...(kind === 'all' ? {} : { kind }) } : {});
  };

  const changeKind = (next: SearchKind) => {
    setParams(
      { ...(q ? { q } : {}), ...(next === 'all' ? {} : { kind: next }) },
      { replace: true },
    );
  };

  const loadMore = () => {
    if (results.state !== 'ready' || !results.nextCursor) return;
    const before = results.items.length;
    setResults({ ...results, loadingMore: true, moreError: null });
    call(searchApi.search, {
      query: { q, kind, limit: PAGE_SIZE, cursor: results.nextCursor },
    }).then(
      (page) => {
        setResults({
          ...results,
          items: [...results.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
          moreError: null,
        });
        setFocusIndex(before);
      },
      (error: unknown) => setResults({ ...results, loadingMore: false, moreError: error }),
    );
  };

  return (
    <div className="search-page">
      <PageHeading title={t('search.title')} />
      <div className="search-form" role="search" aria-label={t('search.title')}>
        <SearchInput
          className="search-form__input"
          labelText={t('search.label')}
          visualPlaceholder={t('search.placeholder')}
          clearButtonLabel={t('search.clear')}
          searchButtonLabel={t('common.search')}
          value={text}
          onChange={(value) => setText(value)}
          onSearch={search}
          fullWidth
        />
        <Dropdown
          className="search-form__kind"
          labelText={t('search.kindLabel')}
          value={kind}
          onChange={(value: string) => changeKind(value as SearchKind)}
        >
          {SEARCH_KINDS.map((option) => (
            <DropdownItem key={option} value={option}>
              {t(`search.kind.${option}`)}
            </DropdownItem>
          ))}
        </Dropdown>
      </div>
      <p className="hint search-form__hint">{t('search.hint')}</p>

      <div className="search-results">
        {results.state === 'loading' && <Loading />}
        {results.state === 'tooShort' && (
          <p className="field-error" role="alert">
            {t('search.tooShortHint')}
          </p>
        )}
        {results.state === 'notInContract' && (
          <p className="field-error" role="alert">
            {errorText({ code: 'search.notInContract', message: '' })}
          </p>
        )}
        {results.state === 'failed' && <ProblemNotice error={results.error} />}
        {/* Always in the page, so a screen reader announces each new count. */}
        <p className="search-results__status" role="status">
          {results.state === 'ready' && (
            <>
              {results.items.length === 0
                ? t('search.noResults', { query: q })
                : t(results.items.length === 1 ? 'search.countOne' : 'search.countMany', {
                    count: results.items.length,
                  })}{' '}
              {results.nextCursor && `${t('search.moreAvailable')} `}
              {results.items.length > 0 && (
                <span className="muted">{t(`search.matchedBy.${results.matchedBy}`)}</span>
              )}
            </>
          )}
        </p>
      </div>

      {results.state === 'ready' && results.items.length > 0 && (
        <section aria-labelledby="search-results-heading">
          <Heading variant="h2" id="search-results-heading" className="visually-hidden">
            {t('search.resultsHeading')}
          </Heading>
          <ul className="results">
            {results.items.map((item, index) => (
              <SearchResult
                key={`${item.kind}:${item.kind === 'person' ? item.person.id : item.organization.id}`}
                item={item}
                linkRef={(element) => {
                  if (element) resultLinks.current.set(index, element);
                  else resultLinks.current.delete(index);
                }}
              />
            ))}
          </ul>
          {results.moreError !== null && <ProblemNotice error={results.moreError} />}
          {results.nextCursor && (
            <Button variant="secondary" onClick={loadMore} disabled={results.loadingMore}>
              {t('search.loadMore')}
            </Button>
          )}
        </section>
      )}

      {(results.state === 'idle' || (results.state === 'ready' && results.items.length === 0)) &&
        me.can('customers.write') && (
          <div className="quick-actions">
            <RouterLink asComponent={Link} to="/persons/new">
              {t('nav.newPerson')}
            </RouterLink>
            <RouterLink asComponent={Link} to="/organizations/new">
              {t('nav.newOrganization')}
            </RouterLink>
          </div>
        )}
    </div>
  );
}
