import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { POSTAL_CODE_ERRORS, parsePostalCode } from './postal-code.ts';

function codeOf(input: string, country?: string): string | undefined {
  const r = parsePostalCode(input, country);
  return r.ok ? undefined : r.code;
}

describe('Finland', () => {
  test('five digits, Finland by default', () => {
    assert.deepEqual(parsePostalCode('00100'), { ok: true, value: '00100' });
    assert.deepEqual(parsePostalCode(' 99999 ', 'FI'), { ok: true, value: '99999' });
    assert.deepEqual(parsePostalCode('33100', 'fi'), { ok: true, value: '33100' });
  });
  test('Åland uses Finnish postal codes', () => {
    assert.deepEqual(parsePostalCode('22100', 'AX'), { ok: true, value: '22100' });
    assert.equal(codeOf('AX-22100', 'AX'), 'postalCode.format');
  });
  test('anything but exactly five digits is refused', () => {
    for (const bad of ['0010', '001000', '00 100', '00-100', 'ABCDE', 'FI-00100', '００１００']) {
      assert.equal(codeOf(bad), 'postalCode.format', bad);
    }
    assert.equal(codeOf(''), 'postalCode.empty');
  });
});

describe('other countries', () => {
  test('national forms are kept, letters upper-cased and spaces made single', () => {
    assert.deepEqual(parsePostalCode('114 55', 'SE'), { ok: true, value: '114 55' });
    assert.deepEqual(parsePostalCode('sw1a  1aa', 'GB'), { ok: true, value: 'SW1A 1AA' });
    assert.deepEqual(parsePostalCode('1234 AB', 'NL'), { ok: true, value: '1234 AB' });
    assert.deepEqual(parsePostalCode('10115', 'DE'), { ok: true, value: '10115' });
    assert.deepEqual(parsePostalCode('1010', 'AT'), { ok: true, value: '1010' });
    assert.deepEqual(parsePostalCode('K1A 0B1', 'CA'), { ok: true, value: 'K1A 0B1' });
    assert.deepEqual(parsePostalCode('LV-1050', 'LV'), { ok: true, value: 'LV-1050' });
  });
  test('length 2–10 and the allowed characters only', () => {
    assert.ok(parsePostalCode('12', 'SE').ok);
    assert.ok(parsePostalCode('1234567890', 'SE').ok);
    for (const bad of ['1', '12345678901', '12_34', '-1234', '1234-', '12/34', 'ÄÖ123']) {
      assert.equal(codeOf(bad, 'SE'), 'postalCode.foreignFormat', bad);
    }
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set([codeOf(''), codeOf('1234'), codeOf('1', 'SE')]);
    assert.deepEqual([...produced].sort(), [...POSTAL_CODE_ERRORS].sort());
  });
});

describe('properties', () => {
  test('every five-digit string is a Finnish postal code, and other digit strings are not', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,8}$/), (s) => {
        assert.equal(parsePostalCode(s).ok, s.length === 5);
      }),
    );
  });
  test('a parsed foreign code parses again to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9 -]{0,8}[a-zA-Z0-9]$/), (s) => {
        const r = parsePostalCode(s, 'SE');
        assert.ok(r.ok, s);
        assert.deepEqual(parsePostalCode(r.value, 'SE'), r);
      }),
    );
  });
});
