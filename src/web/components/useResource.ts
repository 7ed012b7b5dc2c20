import { useCallback, useEffect, useState } from 'react';
import { isAbort } from '../api.ts';

export type Resource<T> =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; data: T };

/** Loads one thing for a page; a newer key cancels the older request. */
export function useResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, (data: T) => void, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => setResource({ state: 'ready', data }),
      (error: unknown) => {
        if (!isAbort(error)) setResource({ state: 'failed', error });
      },
    );
    return () => controller.abort();
    // `load` is a new function each render; the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  const replace = useCallback((data: T) => setResource({ state: 'ready', data }), []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [resource, replace, reload];
}
