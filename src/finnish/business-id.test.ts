import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BUSINESS_ID_ERRORS,
  businessIdCheckDigit,
  makeBusinessId,
  parseBusinessId,
} from './business-id.ts';

function codeOf(input: string): string | undefined {
  const r = parseBusinessId(input);
  return r.ok ? undefined : r.code;
}

/** The weighted sum mod 11, computed independently of the module. */
function remainder(body: string): number {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  return [...body].reduce((sum, d, i) => sum + Number(d) * (weights[i] ?? 0), 0) % 11;
}

describe('requirements §10 examples', () => {
  test('0201551-3 is valid', () => {
    assert.deepEqual(parseBusinessId('0201551-3'), { ok: true, value: '0201551-3' });
  });
  test('0737546-1 is invalid', () => {
    assert.equal(codeOf('0737546-1'), 'businessId.checkDigit');
  });
});

describe('parseBusinessId', () => {
  test('real business IDs, including check digit 0 (r = 0)', () => {
    assert.equal(remainder('0246246'), 0);
    assert.deepEqual(parseBusinessId('0246246-0'), { ok: true, value: '0246246-0' });
    assert.deepEqual(parseBusinessId('0112038-9'), { ok: true, value: '0112038-9' });
    assert.deepEqual(parseBusinessId('2332748-7'), { ok: true, value: '2332748-7' });
  });
  test('normalises the old six-digit body, the form without hyphen, and whitespace', () => {
    assert.deepEqual(parseBusinessId('201551-3'), { ok: true, value: '0201551-3' });
    assert.deepEqual(parseBusinessId('02015513'), { ok: true, value: '0201551-3' });
    assert.deepEqual(parseBusinessId(' 0201551-3\t'), { ok: true, value: '0201551-3' });
  });
  test('a body with r = 1 has no valid check digit', () => {
    assert.equal(remainder('0000006'), 1);
    for (let d = 0; d <= 9; d++) assert.equal(codeOf(`0000006-${d}`), 'businessId.checkDigit');
  });
  test('format errors', () => {
    assert.equal(codeOf(''), 'businessId.empty');
    for (const bad of [
      '0201551',
      '0201551-',
      '02015511-3',
      '20155-3',
      '0201551–3',
      'FI02015513',
      '0201551-33',
      'O201551-3',
    ]) {
      assert.equal(codeOf(bad), 'businessId.format', bad);
    }
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set(['', 'x', '0737546-1'].map(codeOf));
    assert.deepEqual([...produced].sort(), [...BUSINESS_ID_ERRORS].sort());
  });
});

describe('makeBusinessId', () => {
  test('builds from digits or a number', () => {
    assert.equal(makeBusinessId('0201551'), '0201551-3');
    assert.equal(makeBusinessId(201551), '0201551-3');
    assert.equal(makeBusinessId('0000006'), null);
    assert.equal(businessIdCheckDigit('0246246'), 0);
    assert.throws(() => businessIdCheckDigit('123'), RangeError);
  });
});

describe('properties', () => {
  const body = fc.integer({ min: 0, max: 9_999_999 }).map((n) => String(n).padStart(7, '0'));
  const validId = body.map(makeBusinessId).filter((id): id is string => id !== null);

  test('makeBusinessId is null exactly when r = 1, and otherwise parses to itself', () => {
    fc.assert(
      fc.property(body, (b) => {
        const id = makeBusinessId(b);
        assert.equal(id === null, remainder(b) === 1);
        if (id !== null) assert.deepEqual(parseBusinessId(id), { ok: true, value: id });
      }),
    );
  });

  test('every other check digit is rejected', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 9 }), (id, d) => {
        fc.pre(String(d) !== id.charAt(8));
        assert.equal(codeOf(`${id.slice(0, 8)}${d}`), 'businessId.checkDigit');
      }),
    );
  });

  test('changing any one digit of the body is caught', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 9 }),
        (id, i, delta) => {
          const digit = String((Number(id.charAt(i)) + delta) % 10);
          assert.equal(parseBusinessId(id.slice(0, i) + digit + id.slice(i + 1)).ok, false);
        },
      ),
    );
  });

  test('swapping two different digits of the body is caught', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (id, i, j) => {
          fc.pre(id.charAt(i) !== id.charAt(j));
          const chars = [...id];
          [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
          assert.equal(parseBusinessId(chars.join('')).ok, false);
        },
      ),
    );
  });
});
