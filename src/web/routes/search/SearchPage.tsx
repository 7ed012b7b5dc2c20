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
import { searchApi } from '../../../contract/search/search.endpoints.ts';
import { SEARCH_KINDS } from '../../../contract/search/search.schemas.ts';
import { ApiError } from '../../api.ts';
import { Loading, ProblemNotice } from '../../components/Notices.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { usePages } from '../../data.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session.tsx';
import { rememberSearch } from './last-search.tsx';
import { SearchResult } from './SearchResult.tsx';

const PAGE_SIZE = 20;
type SearchKind = (typeof SEARCH_KINDS)[number];

const hasCode = (error: unknown, code: string) =>
  error instanceof ApiError &&
  error.status === 400 &&
  (error.problem.errors ?? []).some((e) => e.code === code);

export function SearchPage() {
  const { t, errorText } = useI18n();
  const me = useMe();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const kindParam = params.get('kind');
  const kind: SearchKind = SEARCH_KINDS.find((k) => k === kindParam) ?? 'all';
  const [text, setText] = useState(q);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const resultLinks = useRef(new Map<number, HTMLAnchorElement>());
  const pages = usePages(
    searchApi.search,
    { query: { q, kind, limit: PAGE_SIZE } },
    { enabled: q !== '' },
  );
  const state: 'idle' | 'loading' | 'tooShort' | 'notInContract' | 'failed' | 'ready' =
    q === ''
      ? 'idle'
      : pages.status === 'failed'
        ? hasCode(pages.error, 'search.tooShort')
          ? 'tooShort'
          : hasCode(pages.error, 'search.notInContract')
            ? 'notInContract'
            : 'failed'
        : pages.status;
  const { items } = pages;

  // Back and forward change the query in the URL: the field follows it.
  const [shownQuery, setShownQuery] = useState(q);
  if (shownQuery !== q) {
    setShownQuery(q);
    setText(q);
  }

  useEffect(() => rememberSearch(location.search), [location.search]);

  useEffect(() => {
    if (focusIndex === null) return;
    resultLinks.current.get(focusIndex)?.focus();
    setFocusIndex(null);
  }, [focusIndex, items]);

  const search = (value: string) => {
    const next = value.trim();
    // The same search again reads it anew (someone may have been added meanwhile).
    if (next === q && next !== '') pages.reload();
    setParams(next ? { q: next, ...(kind === 'all' ? {} : { kind }) } : {});
  };

  const changeKind = (next: SearchKind) => {
    setParams(
      { ...(q ? { q } : {}), ...(next === 'all' ? {} : { kind: next }) },
      { replace: true },
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
        {state === 'loading' && <Loading />}
        {state === 'tooShort' && (
          <p className="field-error" role="alert">
            {t('search.tooShortHint')}
          </p>
        )}
        {state === 'notInContract' && (
          <p className="field-error" role="alert">
            {errorText({ code: 'search.notInContract', message: '' })}
          </p>
        )}
        {state === 'failed' && <ProblemNotice error={pages.error} />}
        {/* Always in the page, so a screen reader announces each new count. */}
        <p className="search-results__status" role="status">
          {state === 'ready' && (
            <>
              {items.length === 0
                ? t('search.noResults', { query: q })
                : t(items.length === 1 ? 'search.countOne' : 'search.countMany', {
                    count: items.length,
                  })}{' '}
              {pages.hasMore && `${t('search.moreAvailable')} `}
              {items.length > 0 && pages.first && (
                <span className="muted">{t(`search.matchedBy.${pages.first.matchedBy}`)}</span>
              )}
            </>
          )}
        </p>
      </div>

      {state === 'ready' && items.length > 0 && (
        <section aria-labelledby="search-results-heading">
          <Heading variant="h2" id="search-results-heading" className="visually-hidden">
            {t('search.resultsHeading')}
          </Heading>
          <ul className="results">
            {items.map((item, index) => (
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
          {pages.moreError !== null && <ProblemNotice error={pages.moreError} />}
          {pages.hasMore && (
            <Button
              variant="secondary"
              onClick={() => pages.loadMore(setFocusIndex)}
              disabled={pages.loadingMore}
            >
              {t('search.loadMore')}
            </Button>
          )}
        </section>
      )}

      {(state === 'idle' || (state === 'ready' && items.length === 0)) &&
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
