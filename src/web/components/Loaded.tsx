import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Loading, ProblemNotice } from './Notices.tsx';

/**
 * A read's states on a page (useCall): a spinner while it loads, what went wrong when it cannot
 * (`failed`, else the problem), else `children` with the answer. An answer already shown stays
 * while it is read again, also when reading it again fails.
 */
export function Loaded<T>({
  query,
  failed,
  children,
}: {
  query: UseQueryResult<T>;
  failed?: (error: unknown) => ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return children(query.data);
  if (query.isError) return failed ? failed(query.error) : <ProblemNotice error={query.error} />;
  return <Loading />;
}
