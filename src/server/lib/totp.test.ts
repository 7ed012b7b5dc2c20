import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  base32Decode,
  base32Encode,
  matchTotp,
  newTotpSecret,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp.ts';

// RFC 6238 appendix B, SHA-1: the secret is the ASCII "12345678901234567890"; the RFC gives
// 8 digits, of which a 6-digit code is the last six.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

test('the RFC 6238 test vectors give their codes', () => {
  for (const [seconds, eight] of RFC_VECTORS) {
    const step = totpStep(new Date(seconds * 1000));
    assert.equal(totpCode(RFC_SECRET, step), eight.slice(2), `at ${seconds} s`);
  }
});

test('base32 round-trips any bytes and reads spaced or lower-case secrets', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
      const buffer = Buffer.from(bytes);
      assert.deepEqual(base32Decode(base32Encode(buffer)), buffer);
    }),
  );
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.deepEqual(base32Decode('mzxw 6ytb oi'), Buffer.from('foobar'));
  assert.throws(() => base32Decode('MZ1'), /Not a base32 character: 1/);
});

test('a code matches in its step and one step either side, never twice', () => {
  const secret = newTotpSecret();
  assert.equal(secret.length, 32);
  const now = new Date('2026-11-25T10:00:10Z');
  const step = totpStep(now);
  assert.equal(matchTotp(secret, totpCode(secret, step), now, null), step);
  assert.equal(matchTotp(secret, totpCode(secret, step - 1), now, null), step - 1);
  assert.equal(matchTotp(secret, totpCode(secret, step + 1), now, null), step + 1);
  assert.equal(matchTotp(secret, totpCode(secret, step - 2), now, null), null);
  // Replay: the step has been used.
  assert.equal(matchTotp(secret, totpCode(secret, step), now, step), null);
  assert.equal(matchTotp(secret, '12345', now, null), null);
  assert.equal(matchTotp(secret, 'abcdef', now, null), null);
  const spaced = totpCode(secret, step).replace(/^(\d{3})/, '$1 ');
  assert.equal(matchTotp(secret, spaced, now, null), step);
});

test('the otpauth URI names the register and the account', () => {
  const uri = otpauthUri({ issuer: 'Asiakasrekisteri', account: 'liisa', secret: 'ABC' });
  assert.equal(
    uri,
    'otpauth://totp/Asiakasrekisteri%3Aliisa?secret=ABC&issuer=Asiakasrekisteri&algorithm=SHA1&digits=6&period=30',
  );
});
