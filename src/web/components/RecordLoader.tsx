import type { ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Answer, CallInput, Endpoint } from '../../contract/endpoint.ts';
import { queryKeyOf, useCall } from '../data.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogues.ts';
import { BackToSearch } from '../routes/search/last-search.tsx';
import { Loaded } from './Loaded.tsx';
import { ProblemNotice } from './Notices.tsx';
import { PageHeading } from './PageHeading.tsx';

type Common<T> = {
  failedTitle: MessageKey;
  /** The link back to the search above the heading (a record's page has it, a form not). */
  backToSearch?: boolean;
  /** The page; `replace` shows a newer copy of the record (e.g. after archiving it). */
  children: (record: T, replace: (record: T) => void) => ReactNode;
};

/** An endpoint that reads one record by the `:id` of its path. */
type RecordEndpoint = Endpoint & { path: `${string}/:id` };

/**
 * Loads the record the address names (`/persons/:id`, `/requests/:id`) for a page: a spinner
 * while it loads, the page's title and what went wrong when it cannot, else the page itself.
 * Given the `endpoint` that reads it, the record is read through the data layer (useCall), so a
 * change that invalidates the endpoint shows here; `load` (cached under the kind and the id) is
 * for a page whose reader is not yet an endpoint of its own.
 */
export function RecordLoader<E extends RecordEndpoint>(
  props: Common<Answer<E>> & { endpoint: E },
): ReactNode;
export function RecordLoader<T>(
  props: Common<T> & {
    /** What kind of record (`person`, `request`): with the id, the key of what is loaded. */
    kind: string;
    load: (id: string, signal: AbortSignal) => Promise<T>;
  },
): ReactNode;
export function RecordLoader(
  props: Common<unknown> &
    (
      | { endpoint: RecordEndpoint }
      | { kind: string; load: (id: string, signal: AbortSignal) => Promise<unknown> }
    ),
) {
  return 'endpoint' in props ? <FromEndpoint {...props} /> : <FromLoad {...props} />;
}

function FromEndpoint({
  endpoint,
  failedTitle,
  backToSearch = false,
  children,
}: Common<unknown> & { endpoint: RecordEndpoint }) {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const input = { params: { id } } as unknown as CallInput<RecordEndpoint>;
  const query = useCall(endpoint, input);
  return (
    <Loaded
      query={query}
      failed={(error) => <Failed title={failedTitle} error={error} backToSearch={backToSearch} />}
    >
      {(record) =>
        children(record, (newer) => client.setQueryData(queryKeyOf(endpoint, input), newer))
      }
    </Loaded>
  );
}

function FromLoad({
  kind,
  load,
  failedTitle,
  backToSearch = false,
  children,
}: Common<unknown> & {
  kind: string;
  load: (id: string, signal: AbortSignal) => Promise<unknown>;
}) {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const queryKey = ['record', kind, id];
  const query = useQuery({ queryKey, queryFn: ({ signal }) => load(id, signal) });
  return (
    <Loaded
      query={query}
      failed={(error) => <Failed title={failedTitle} error={error} backToSearch={backToSearch} />}
    >
      {(record) => children(record, (newer) => client.setQueryData(queryKey, newer))}
    </Loaded>
  );
}

function Failed({
  title,
  error,
  backToSearch,
}: {
  title: MessageKey;
  error: unknown;
  backToSearch: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      {backToSearch && <BackToSearch />}
      <PageHeading title={t(title)} />
      <ProblemNotice error={error} />
    </>
  );
}
