import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { QueryObserver } from '@tanstack/react-query';
import { personsApi } from '../contract/persons/persons.endpoints.ts';
import { ApiError } from './client.ts';
import { endpointKey, invalidate, newQueryClient, queryKeyOf, shouldRetry } from './data.ts';

const problem = (status: number) =>
  new ApiError({ type: 'about:blank', title: '', status, detail: '' });

describe('data layer', () => {
  test('a query key starts with the endpoint, so a change invalidates every input of it', () => {
    const key = queryKeyOf(personsApi.get, { params: { id: 'a' } });
    assert.deepEqual(key, ['GET', '/api/persons/:id', { params: { id: 'a' } }]);
    assert.deepEqual(key.slice(0, 2), endpointKey(personsApi.get));
  });

  test('no retry on a 4xx; one on a 5xx or a network failure', () => {
    for (const status of [400, 401, 403, 404, 409, 429]) {
      assert.equal(shouldRetry(0, problem(status)), false, String(status));
    }
    assert.equal(shouldRetry(0, problem(503)), true);
    assert.equal(shouldRetry(0, new TypeError('Failed to fetch')), true);
    assert.equal(shouldRetry(1, new TypeError('Failed to fetch')), false);
  });

  test('invalidate reads again what a page shows, forgets what none shows, and only those', async () => {
    const client = newQueryClient();
    const shown = queryKeyOf(personsApi.get, { params: { id: 'a' } });
    const hidden = queryKeyOf(personsApi.get, { params: { id: 'b' } });
    const other = queryKeyOf(personsApi.list, {});
    let reads = 0;
    const observer = new QueryObserver(client, {
      queryKey: shown,
      queryFn: () => {
        reads += 1;
        return { id: 'a', read: reads };
      },
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => undefined);
    await observer.refetch();
    client.setQueryData(hidden, { id: 'b' });
    client.setQueryData(other, { items: [] });
    assert.equal(reads, 1);

    await invalidate(client, [personsApi.get]);
    assert.equal(reads, 2, 'the read a page shows is read again');
    assert.deepEqual(client.getQueryData(shown), { id: 'a', read: 2 });
    assert.equal(client.getQueryData(hidden), undefined, 'the read no page shows is forgotten');
    assert.deepEqual(client.getQueryData(other), { items: [] }, 'another endpoint is untouched');
    assert.equal(client.getQueryState(other)?.isInvalidated, false);
    unsubscribe();
    client.clear();
  });

  test('defaults: no refetch on window focus, a short staleTime', () => {
    const defaults = newQueryClient().getDefaultOptions().queries;
    assert.equal(defaults?.refetchOnWindowFocus, false);
    assert.ok((defaults?.staleTime as number) > 0 && (defaults?.staleTime as number) <= 30_000);
  });
});
