import { useEffect, useState } from 'react';
import { isAbort } from '../api.ts';

export type ResultPage<T> = { items: T[]; nextCursor: string | null };

export type PagedResults<T> =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | {
      state: 'ready';
      items: T[];
      nextCursor: string | null;
      loadingMore: boolean;
      moreError: unknown;
    };

/**
 * A list read a page at a time: the first page whenever the key changes (a newer key cancels the
 * older request), the next one on `loadMore`. `onMore` gets the index of the first added item.
 */
export function usePagedResults<T>(
  key: string,
  fetchPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<ResultPage<T>>,
  onMore?: (firstAdded: number) => void,
): [PagedResults<T>, () => void] {
  const [results, setResults] = useState<PagedResults<T>>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setResults({ state: 'loading' });
    fetchPage(undefined, controller.signal).then(
      (page) =>
        setResults({
          state: 'ready',
          items: page.items,
          nextCursor: page.nextCursor,
          loadingMore: false,
          moreError: null,
        }),
      (error: unknown) => {
        if (!isAbort(error)) setResults({ state: 'failed', error });
      },
    );
    return () => controller.abort();
    // `fetchPage` is a new function each render; the key names what it reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loadMore = () => {
    if (results.state !== 'ready' || !results.nextCursor) return;
    const before = results.items.length;
    setResults({ ...results, loadingMore: true, moreError: null });
    fetchPage(results.nextCursor).then(
      (page) => {
        setResults({
          ...results,
          items: [...results.items, ...page.items],
          nextCursor: page.nextCursor,
          loadingMore: false,
          moreError: null,
        });
        onMore?.(before);
      },
      (error: unknown) => setResults({ ...results, loadingMore: false, moreError: error }),
    );
  };

  return [results, loadMore];
}
