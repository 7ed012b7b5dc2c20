import {
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import type { Answer, CallInput, Endpoint } from '../contract/endpoint.ts';
import { ApiError, call, download } from './client.ts';

/**
 * The web app's one data layer (decision 0024): TanStack Query over `call()`. A read is cached
 * under its endpoint's method and path and its input, so a change (`useSend`) invalidates every
 * read of the endpoints it names, whatever their input.
 */

/** The first part of every query key of an endpoint: what `invalidates` matches. */
export const endpointKey = (declared: Endpoint): readonly [string, string] => [
  declared.method,
  declared.path,
];

export const queryKeyOf = (declared: Endpoint, input: unknown): QueryKey => [
  ...endpointKey(declared),
  input ?? {},
];

/**
 * A 4xx answer is the same the second time (no right, not found, bad input, session ended): only
 * a network failure or a 5xx is tried once more.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failures < 1;
}

/**
 * Defaults for a register many people change at once: a read is fresh for a few seconds (pages
 * opened one after another share it) and read again when a page mounts after that; no refetch
 * on every window focus (a staff member switching windows would set off a storm of requests and
 * access-log entries).
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = newQueryClient();

/**
 * Forgets every answer: on signing out or an ended session no personal data stays in memory
 * for the next user of the browser.
 */
export const forgetAnswers = (): void => queryClient.clear();

/**
 * Reads an endpoint; `enabled: false` waits (e.g. for a search term). A 401 ends the session as
 * `call` does; a newer input or leaving the page aborts the request.
 */
export function useCall<E extends Endpoint>(
  declared: E,
  input: CallInput<E>,
  options: { enabled?: boolean } = {},
) {
  return useQuery<Answer<E>>({
    queryKey: queryKeyOf(declared, input),
    queryFn: ({ signal }) => call(declared, input, { signal }),
    enabled: options.enabled ?? true,
  });
}

/**
 * After a change, the reads of the endpoints it names: those a page shows are read again; those
 * no page shows are forgotten, so a page opened later reads anew (with its spinner) instead of
 * showing for a moment what the change made outdated, e.g. an organisation's representatives
 * before the person just linked to it.
 */
export function invalidate(client: QueryClient, endpoints: readonly Endpoint[]): Promise<void> {
  return Promise.all(
    endpoints.map((declared) => {
      const queryKey = endpointKey(declared);
      client.removeQueries({ queryKey, type: 'inactive' });
      return client.invalidateQueries({ queryKey });
    }),
  ).then(() => undefined);
}

/**
 * Sends a change; on success the reads of `invalidates` are marked stale (not awaited: the page
 * goes on, and what shows them reads again). `signingIn`: a 401 answers the sign-in itself (a
 * wrong password), it does not end a session.
 */
export function useSend<E extends Endpoint>(
  declared: E,
  options: { invalidates?: readonly Endpoint[]; signingIn?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation<Answer<E>, unknown, CallInput<E>>({
    mutationFn: (input) => call(declared, input, { signingIn: options.signingIn ?? false }),
    onSuccess: () => {
      void invalidate(client, [declared, ...(options.invalidates ?? [])]);
    },
  });
}

/**
 * Fetches a file an endpoint sends (a letter, a certificate, a report), with its busy and
 * failure as a change has them; `onFile` (or `onSuccess` of `mutate`) gets the file.
 */
export function useDownload<E extends Endpoint & { file: true }>(
  declared: E,
  onFile?: (file: { blob: Blob; fileName: string }) => void,
) {
  return useMutation<{ blob: Blob; fileName: string }, unknown, CallInput<E>>({
    mutationFn: (input) => download(declared, input),
    ...(onFile && { onSuccess: onFile }),
  });
}

type Paged = { items: unknown[]; nextCursor: string | null };
type ItemOf<E extends Endpoint> = Answer<E> extends { items: (infer T)[] } ? T : never;

/**
 * A list read a page at a time (the endpoint takes `cursor` and answers `{ items, nextCursor }`):
 * the first page for each input, the next on `loadMore`. Given `first` (the same first page,
 * read by a page's one request: decision 0007), the list starts from it and reads only the
 * pages after it; each new `version` of it starts the list again.
 */
export function usePages<E extends Endpoint>(
  declared: E,
  input: CallInput<E>,
  options: { enabled?: boolean; first?: { data: Answer<E>; version: number } | undefined } = {},
) {
  const { first } = options;
  const query = useInfiniteQuery({
    queryKey: first
      ? [...queryKeyOf(declared, input), { firstOf: first.version }]
      : queryKeyOf(declared, input),
    ...(first && {
      initialData: { pages: [first.data as Paged], pageParams: [undefined] },
      // Read with the page, and logged there: not read again while the page shows it.
      staleTime: Infinity,
    }),
    queryFn: ({ signal, pageParam }) => {
      const given = input as { query?: Record<string, unknown> };
      const withCursor = {
        ...input,
        query: { ...given.query, ...(pageParam ? { cursor: pageParam } : {}) },
      } as CallInput<E>;
      return call(declared, withCursor, { signal }) as Promise<Paged>;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Paged) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
  const items = (query.data?.pages.flatMap((page) => page.items) ?? []) as ItemOf<E>[];
  const pages: Pages<ItemOf<E>> & { first: Answer<E> | undefined } = {
    // What the first page says beyond its items (e.g. how a search matched).
    first: query.data?.pages[0] as Answer<E> | undefined,
    status: query.data ? 'ready' : query.isError ? 'failed' : 'loading',
    error: query.data ? null : query.error,
    items,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    moreError: query.isFetchNextPageError ? query.error : null,
    loadMore: (onAdded) => {
      if (!query.hasNextPage || query.isFetchingNextPage) return;
      const before = items.length;
      void query.fetchNextPage().then((result) => {
        if (!result.isFetchNextPageError) onAdded?.(before);
      });
    },
    reload: () => void query.refetch(),
  };
  return pages;
}

/** A paged list as a page shows it. */
export type Pages<T> = {
  status: 'loading' | 'failed' | 'ready';
  /** Why the first page could not be read, or null. */
  error: unknown;
  /** The items of every page read so far. */
  items: T[];
  hasMore: boolean;
  loadingMore: boolean;
  /** Why the next page could not be read, or null. */
  moreError: unknown;
  /** Reads the next page; `onAdded` gets the index of its first item (to move the focus there). */
  loadMore: (onAdded?: (firstAdded: number) => void) => void;
  /** Reads the list again from its first page. */
  reload: () => void;
};
