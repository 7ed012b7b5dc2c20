import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { keysFromMaster } from '../lib/crypto.ts';
import {
  decryptWithDataKey,
  encryptWithDataKey,
  isPersonKeyCiphertext,
  newDataKey,
  PERSON_KEY_CIPHERTEXT_VERSION,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.ts';

const personA = crypto.randomUUID();
const personB = crypto.randomUUID();

test('a wrapped data key opens with its master key and person only', () => {
  const master = crypto.randomBytes(32);
  const dataKey = newDataKey();
  const wrapped = wrapDataKey(master, personA, dataKey);
  assert.equal(wrapped.includes(dataKey), false, 'the key is not in the wrapped bytes');
  assert.deepEqual(unwrapDataKey(master, personA, wrapped), dataKey);
  assert.throws(() => unwrapDataKey(master, personB, wrapped), 'another person (AAD)');
  assert.throws(
    () => unwrapDataKey(crypto.randomBytes(32), personA, wrapped),
    'another master key',
  );
  const altered = Buffer.from(wrapped);
  altered[20] = (altered[20] ?? 0) ^ 1;
  assert.throws(() => unwrapDataKey(master, personA, altered), 'altered bytes');
  assert.notDeepEqual(wrapDataKey(master, personA, dataKey), wrapped, 'a fresh nonce each time');
});

test('a value under a data key: version 2, bound to its context, unreadable with another key', () => {
  const key = newDataKey();
  const context = `person.identity_code:${personA}`;
  const sealed = encryptWithDataKey(key, '131052-308T', context);
  assert.equal(sealed[0], PERSON_KEY_CIPHERTEXT_VERSION);
  assert.equal(isPersonKeyCiphertext(sealed), true);
  assert.equal(sealed.includes(Buffer.from('131052')), false);
  assert.equal(decryptWithDataKey(key, sealed, context), '131052-308T');
  assert.throws(() => decryptWithDataKey(key, sealed, `person.identity_code:${personB}`));
  assert.throws(() => decryptWithDataKey(newDataKey(), sealed, context));
  assert.throws(() => decryptWithDataKey(key, sealed.subarray(0, 20), context));
});

test('the two ciphertext formats are told apart by their first byte', () => {
  const global = keysFromMaster(crypto.randomBytes(32)).encrypt('131052-308T', 'c');
  assert.equal(global[0], 1);
  assert.equal(isPersonKeyCiphertext(global), false);
  assert.throws(() => decryptWithDataKey(newDataKey(), global, 'c'), /Not a version 2/);
});
