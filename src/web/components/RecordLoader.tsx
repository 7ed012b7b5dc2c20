import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/catalogues.ts';
import { BackToSearch } from '../routes/search/last-search.tsx';
import { Loading, ProblemNotice } from './Notices.tsx';
import { PageHeading } from './PageHeading.tsx';
import { useResource } from './useResource.ts';

/**
 * Loads the record the address names (`/persons/:id`, `/requests/:id`) for a page: a spinner
 * while it loads, the page's title and what went wrong when it cannot, else the page itself.
 */
export function RecordLoader<T>({
  kind,
  load,
  failedTitle,
  backToSearch = false,
  children,
}: {
  /** What kind of record (`person`, `request`): with the id, the key of what is loaded. */
  kind: string;
  load: (id: string, signal: AbortSignal) => Promise<T>;
  failedTitle: MessageKey;
  /** The link back to the search above the heading (a record's page has it, a form not). */
  backToSearch?: boolean;
  /** The page; `replace` shows a newer copy of the record (e.g. after archiving it). */
  children: (record: T, replace: (record: T) => void) => ReactNode;
}) {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [record, replace] = useResource(`${kind}:${id}`, (signal) => load(id, signal));
  if (record.state === 'loading') return <Loading />;
  if (record.state === 'failed')
    return (
      <>
        {backToSearch && <BackToSearch />}
        <PageHeading title={t(failedTitle)} />
        <ProblemNotice error={record.error} />
      </>
    );
  return children(record.data, replace);
}
