import { Button } from 'suomifi-ui-components';
import type { Pages } from '../data.ts';
import { ProblemNotice } from './Notices.tsx';

/** Under a paged table: why the next page failed, and the button that reads it. */
export function LoadMore({
  pages,
  onLoad,
  label,
}: {
  pages: Pick<Pages<unknown>, 'moreError' | 'hasMore' | 'loadingMore'>;
  onLoad: () => void;
  label: string;
}) {
  return (
    <>
      {pages.moreError !== null && <ProblemNotice error={pages.moreError} />}
      {pages.hasMore && (
        <Button
          variant="secondary"
          className="log-table__more"
          onClick={onLoad}
          disabled={pages.loadingMore}
        >
          {label}
        </Button>
      )}
    </>
  );
}
