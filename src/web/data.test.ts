import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
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

  test('invalidate marks the reads of the named endpoints stale, and only those', async () => {
    const client = newQueryClient();
    client.setQueryData(queryKeyOf(personsApi.get, { params: { id: 'a' } }), { id: 'a' });
    client.setQueryData(queryKeyOf(personsApi.get, { params: { id: 'b' } }), { id: 'b' });
    client.setQueryData(queryKeyOf(personsApi.list, {}), { items: [] });
    await invalidate(client, [personsApi.get]);
    const stale = (key: unknown[]) => client.getQueryState(key)?.isInvalidated;
    assert.equal(stale(queryKeyOf(personsApi.get, { params: { id: 'a' } }) as unknown[]), true);
    assert.equal(stale(queryKeyOf(personsApi.get, { params: { id: 'b' } }) as unknown[]), true);
    assert.equal(stale(queryKeyOf(personsApi.list, {}) as unknown[]), false);
    client.clear();
  });

  test('defaults: no refetch on window focus, a short staleTime', () => {
    const defaults = newQueryClient().getDefaultOptions().queries;
    assert.equal(defaults?.refetchOnWindowFocus, false);
    assert.ok((defaults?.staleTime as number) > 0 && (defaults?.staleTime as number) <= 30_000);
  });
});
