import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataKeyCache } from './data-key-cache.ts';

const key = (n: number) => Buffer.alloc(32, n);

test('keeps at most maxEntries, dropping the least recently used', () => {
  const cache = dataKeyCache({ maxEntries: 2, ttlMs: 60_000 });
  cache.set('a', key(1));
  cache.set('b', key(2));
  assert.deepEqual(cache.get('a'), key(1), 'a is now the most recent');
  cache.set('c', key(3));
  assert.equal(cache.size, 2);
  assert.equal(cache.get('b'), undefined, 'b was the least recently used');
  assert.deepEqual(cache.get('a'), key(1));
  assert.deepEqual(cache.get('c'), key(3));
});

test('an entry lasts ttlMs, and delete removes it at once', () => {
  let now = 0;
  const cache = dataKeyCache({ maxEntries: 10, ttlMs: 1_000, now: () => now });
  cache.set('a', key(1));
  cache.set('b', key(2));
  now = 999;
  assert.deepEqual(cache.get('a'), key(1));
  cache.delete('b');
  assert.equal(cache.get('b'), undefined);
  now = 1_000;
  assert.equal(cache.get('a'), undefined, 'expired');
  assert.equal(cache.size, 0);
});

test('a cached key holds only its own bytes, not the pool slab it was cut from', () => {
  const cache = dataKeyCache({ maxEntries: 10, ttlMs: 60_000 });
  // As unwrapDataKey makes them: Buffer.concat cuts small buffers from Node's shared pool.
  const pooled = Buffer.concat([Buffer.alloc(16, 7), Buffer.alloc(16, 7)]);
  assert.ok(pooled.buffer.byteLength > 32, 'the source is a view into a larger slab');
  cache.set('a', pooled);
  const cached = cache.get('a');
  assert.deepEqual(cached, pooled);
  assert.equal(cached?.buffer.byteLength, 32);
  pooled.fill(0);
  assert.deepEqual(cached, Buffer.alloc(32, 7), 'a copy, not the same memory');
});
