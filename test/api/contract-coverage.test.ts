import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Endpoint } from '../../src/contract/endpoint.ts';
import { forEachEngine } from '../helpers/app.ts';

/**
 * Every /api route the server has is an endpoint of src/contract, and every endpoint of the
 * contract is served (decision 0021): the web calls only what the contract declares, so a route
 * outside it could drift from what the web believes, and an endpoint without a route is a call
 * that can only fail. Read from the files, so a new module is covered the moment it exists.
 */
const contractDir = path.join(import.meta.dirname, '..', '..', 'src', 'contract');

async function contractEndpoints(): Promise<Endpoint[]> {
  const files = fs
    .readdirSync(contractDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.endpoints.ts'));
  const endpoints: Endpoint[] = [];
  for (const file of files) {
    const module = (await import(path.join(contractDir, file))) as Record<string, unknown>;
    for (const group of Object.values(module)) {
      for (const value of Object.values(group as Record<string, unknown>)) {
        const candidate = value as Partial<Endpoint>;
        if (candidate.method && candidate.path?.startsWith('/api'))
          endpoints.push(value as Endpoint);
      }
    }
  }
  return endpoints;
}

forEachEngine('the contract', ({ ctx }) => {
  test('every /api route is a contract endpoint with the same access, and every endpoint is served', async () => {
    const endpoints = await contractEndpoints();
    const key = (method: string, url: string) => `${method} ${url}`;
    const declared = new Map(endpoints.map((e) => [key(e.method, e.path), e]));
    assert.equal(declared.size, endpoints.length, 'no method and path declared twice');
    const served = new Map(ctx().app.routeAccess.map((r) => [key(r.method, r.url), r]));
    assert.ok(served.size >= 100, `${served.size} routes`);
    const outside = [...served.keys()].filter((k) => !declared.has(k)).sort();
    assert.deepEqual(outside, [], 'routes not declared in src/contract');
    const unserved = [...declared.keys()].filter((k) => !served.has(k)).sort();
    assert.deepEqual(unserved, [], 'contract endpoints the server does not serve');
    for (const [k, route] of served) {
      assert.deepEqual(route.access, declared.get(k)?.access, `${k} access`);
    }
  });
});
