import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { keysFromMaster, loadMasterKey } from './crypto.ts';

const keys = keysFromMaster(crypto.randomBytes(32));

test('AES-256-GCM round trip, with a fresh nonce each time', () => {
  const a = keys.encrypt('131052-308T', 'person.identity_code:1');
  const b = keys.encrypt('131052-308T', 'person.identity_code:1');
  assert.notDeepEqual(a, b);
  assert.equal(keys.decrypt(a, 'person.identity_code:1'), '131052-308T');
  assert.equal(a.includes(Buffer.from('131052')), false);
});

test('a ciphertext moved to another row, altered, or read with another key fails', () => {
  const sealed = keys.encrypt('131052-308T', 'person.identity_code:1');
  assert.throws(() => keys.decrypt(sealed, 'person.identity_code:2'));
  const altered = Buffer.from(sealed);
  altered[altered.length - 1] = (altered.at(-1) ?? 0) ^ 1;
  assert.throws(() => keys.decrypt(altered, 'person.identity_code:1'));
  assert.throws(() =>
    keysFromMaster(crypto.randomBytes(32)).decrypt(sealed, 'person.identity_code:1'),
  );
});

test('blind index: same value same index, other values, purposes and keys differ', () => {
  assert.deepEqual(keys.blindIndex('131052-308T', 'p'), keys.blindIndex('131052-308T', 'p'));
  assert.notDeepEqual(keys.blindIndex('131052-308T', 'p'), keys.blindIndex('131052-308U', 'p'));
  assert.notDeepEqual(keys.blindIndex('131052-308T', 'p'), keys.blindIndex('131052-308T', 'q'));
  const other = keysFromMaster(crypto.randomBytes(32));
  assert.notDeepEqual(keys.blindIndex('x', 'p'), other.blindIndex('x', 'p'));
});

test('the key file is created once with mode 0600 and read back; a loose one is refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-keys-'));
  try {
    const keyFile = path.join(dir, 'keys', 'master.key');
    const first = loadMasterKey({ masterKey: undefined, keyFile });
    assert.equal(first.created, true);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    const second = loadMasterKey({ masterKey: undefined, keyFile });
    assert.equal(second.created, false);
    assert.deepEqual(second.key, first.key);
    fs.chmodSync(keyFile, 0o644);
    assert.throws(() => loadMasterKey({ masterKey: undefined, keyFile }), /readable by others/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a key from the environment wins over the file', () => {
  const key = crypto.randomBytes(32);
  const loaded = loadMasterKey({ masterKey: key.toString('base64'), keyFile: '/nonexistent/key' });
  assert.deepEqual(loaded.key, key);
});
