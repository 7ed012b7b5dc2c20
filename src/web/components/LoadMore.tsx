import { Button } from 'suomifi-ui-components';
import { ProblemNotice } from './Notices.tsx';
import type { PagedResults } from './usePagedResults.ts';

/** Under a paged table: why the next page failed, and the button that reads it. */
export function LoadMore<T>({
  results,
  onLoad,
  label,
}: {
  results: PagedResults<T> & { state: 'ready' };
  onLoad: () => void;
  label: string;
}) {
  return (
    <>
      {results.moreError !== null && <ProblemNotice error={results.moreError} />}
      {results.nextCursor && (
        <Button
          variant="secondary"
          className="log-table__more"
          onClick={onLoad}
          disabled={results.loadingMore}
        >
          {label}
        </Button>
      )}
    </>
  );
}
