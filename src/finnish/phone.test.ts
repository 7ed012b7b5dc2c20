import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PHONE_ERRORS, formatPhoneFinnish, parsePhone } from './phone.ts';

function codeOf(input: string): string | undefined {
  const r = parsePhone(input);
  return r.ok ? undefined : r.code;
}

describe('parsePhone', () => {
  const accepted: [string, string][] = [
    ['040 123 4567', '+358401234567'],
    ['0401234567', '+358401234567'],
    ['040-123 4567', '+358401234567'],
    ['040.123.4567', '+358401234567'],
    ['09 1234 567', '+35891234567'],
    ['(09) 123 4567', '+35891234567'],
    ['+358 40 123 4567', '+358401234567'],
    ['00358 40 123 4567', '+358401234567'],
    ['+358 (0)40 123 4567', '+358401234567'],
    ['+46 8 123 456 78', '+46812345678'],
    ['0046 8 123 456 78', '+46812345678'],
    ['+1 (202) 555-0100', '+12025550100'],
    ['  +372 5123 4567 ', '+37251234567'],
  ];
  for (const [input, e164] of accepted) {
    test(`${input} → ${e164}`, () => {
      assert.deepEqual(parsePhone(input), { ok: true, value: e164 });
    });
  }

  test('8–15 digits in all, country code included', () => {
    assert.deepEqual(parsePhone('+12345678'), { ok: true, value: '+12345678' });
    assert.deepEqual(parsePhone('+123456789012345'), { ok: true, value: '+123456789012345' });
    assert.equal(codeOf('+1234567'), 'phone.length');
    assert.equal(codeOf('+1234567890123456'), 'phone.length');
    assert.equal(codeOf('09 123'), 'phone.length');
  });

  test('characters other than digits, a leading + and separators are refused', () => {
    for (const bad of [
      '040 123 4567 ext 5',
      '040/1234567',
      '040_123_4567',
      'puh. 040 123 4567',
      '040 123 4567#',
    ]) {
      assert.equal(codeOf(bad), 'phone.characters', bad);
    }
  });

  test('a number must begin with +, 00 or a Finnish 0', () => {
    for (const bad of [
      '401234567',
      '358401234567',
      '+358 40+123 4567',
      '++358401234567',
      '+0 1234 5678',
      '000 1234 5678',
    ]) {
      assert.equal(codeOf(bad), 'phone.format', bad);
    }
  });

  test('every listed error code is produced by some input', () => {
    const produced = new Set(['', 'abc', '12345678', '+1234567'].map(codeOf));
    assert.deepEqual([...produced].sort(), [...PHONE_ERRORS].sort());
  });
});

describe('formatPhoneFinnish', () => {
  const shown: [string, string][] = [
    ['+358401234567', '040 123 4567'],
    ['+358501234567', '050 123 4567'],
    ['+35891234567', '09 1234 567'],
    ['+35821234567', '02 1234 567'],
    ['+35851234567', '05 1234 567'],
    ['+358131234567', '013 1234 567'],
    ['+46812345678', '+46 812345678'],
    ['+12025550100', '+1 2025550100'],
    ['+37251234567', '+372 51234567'],
  ];
  for (const [e164, text] of shown) {
    test(`${e164} → ${text}`, () => {
      assert.equal(formatPhoneFinnish(e164), text);
    });
  }
  test('a value that is not E.164 is shown unchanged', () => {
    assert.equal(formatPhoneFinnish('040 123 4567'), '040 123 4567');
    assert.equal(formatPhoneFinnish('+0123456789'), '+0123456789');
  });
});

describe('properties', () => {
  const digits = (min: number, max: number) =>
    fc.stringMatching(new RegExp(`^\\d{${min},${max}}$`));
  const separator = fc.constantFrom('', ' ', '-', '.');

  test('every accepted number, once formatted for display, re-parses to the same E.164', () => {
    const candidate = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 9 }), digits(7, 14))
        .map(([first, rest]) => `+${first}${rest}`),
      fc
        .tuple(
          fc.constantFrom('40', '41', '44', '45', '46', '50', '9', '2', '13', '19'),
          digits(5, 8),
        )
        .map(([prefix, rest]) => `+358${prefix}${rest}`),
    );
    fc.assert(
      fc.property(candidate, (input) => {
        const r = parsePhone(input);
        fc.pre(r.ok);
        assert.deepEqual(parsePhone(formatPhoneFinnish(r.value)), r);
      }),
    );
  });

  test('separators do not change a Finnish mobile number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('040', '044', '050'),
        digits(7, 7),
        separator,
        separator,
        (prefix, rest, s1, s2) => {
          const plain = parsePhone(prefix + rest);
          assert.ok(plain.ok);
          assert.deepEqual(
            parsePhone(`${prefix}${s1}${rest.slice(0, 3)}${s2}${rest.slice(3)}`),
            plain,
          );
          assert.deepEqual(parsePhone(`+358${s1}${prefix.slice(1)}${s2}${rest}`), plain);
        },
      ),
    );
  });

  test('a parsed number is E.164 and parses again to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^(\+|00|0)[0-9 ()-]{4,20}$/), (input) => {
        const r = parsePhone(input);
        if (!r.ok) return;
        assert.match(r.value, /^\+[1-9]\d{7,14}$/);
        assert.deepEqual(parsePhone(r.value), r);
      }),
    );
  });
});
