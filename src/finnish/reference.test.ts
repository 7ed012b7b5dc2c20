import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  NATIONAL_REFERENCE_ERRORS,
  formatNationalReference,
  nationalReference,
  parseNationalReference,
} from './reference.ts';

function codeOf(input: string): string | undefined {
  const r = parseNationalReference(input);
  return r.ok ? undefined : r.code;
}

/** The check digit computed independently of the module: weights 7, 3, 1 from the right. */
function expectedCheck(base: string): number {
  const weights = [7, 3, 1];
  const sum = [...base].reverse().reduce((acc, d, i) => acc + Number(d) * (weights[i % 3] ?? 0), 0);
  return (10 - (sum % 10)) % 10;
}

describe('requirements §10 examples', () => {
  test('base 123456 → 1234561', () => {
    assert.equal(nationalReference('123456'), '1234561');
    assert.deepEqual(parseNationalReference('1234561'), { ok: true, value: '1234561' });
  });
  test('printed in groups of five from the right', () => {
    assert.equal(formatNationalReference('1234561'), '12 34561');
  });
  test('4–20 digits', () => {
    assert.deepEqual(parseNationalReference('1232'), { ok: true, value: '1232' });
    const twenty = nationalReference('1234567890123456789');
    assert.equal(twenty.length, 20);
    assert.deepEqual(parseNationalReference(twenty), { ok: true, value: twenty });
    assert.equal(codeOf('123'), 'reference.length');
    assert.equal(codeOf(`1${twenty}`), 'reference.length');
  });
  test('the virtual barcode example reference 11112 is valid', () => {
    assert.equal(nationalReference('1111'), '11112');
  });
});

describe('nationalReference', () => {
  test('check digit 0 when the weighted sum is a multiple of ten', () => {
    assert.equal(expectedCheck('100'), 9);
    assert.equal(nationalReference('100'), '1009');
    let base = 100;
    while (expectedCheck(String(base)) !== 0) base++;
    assert.equal(nationalReference(String(base)), `${base}0`);
  });
  test('a base of 3–19 digits not beginning with 0, else a clear error', () => {
    for (const bad of ['', '12', '12345678901234567890', '12a', ' 123', '012', '-123', '1.5']) {
      assert.throws(() => nationalReference(bad), /3–19 digits/, bad);
    }
  });
});

describe('parseNationalReference', () => {
  test('accepts spaces and the printed form', () => {
    assert.deepEqual(parseNationalReference(' 12 34561 '), { ok: true, value: '1234561' });
    assert.deepEqual(parseNationalReference('1 2 3 4 5 6 1'), { ok: true, value: '1234561' });
  });
  test('leading zeros are allowed and dropped: a bank pads references to 20 digits', () => {
    assert.deepEqual(parseNationalReference('00000000000000001232'), {
      ok: true,
      value: '1232',
    });
    assert.deepEqual(parseNationalReference('0001234561'), { ok: true, value: '1234561' });
  });
  test('leading zeros do not count towards the four digits', () => {
    // 0123 has a valid check digit (2·7 + 1·3 = 17 → 3) but only three significant digits.
    assert.equal(expectedCheck('012'), 3);
    assert.equal(codeOf('0123'), 'reference.length');
    assert.equal(codeOf('0000'), 'reference.length');
  });
  test('errors', () => {
    assert.equal(codeOf(''), 'reference.empty');
    assert.equal(codeOf('   '), 'reference.empty');
    for (const bad of ['1234-561', 'RF9811112', '12345 6I', '１２３４５６１', '+1234561']) {
      assert.equal(codeOf(bad), 'reference.format', bad);
    }
    assert.equal(codeOf('1234562'), 'reference.check');
    assert.equal(codeOf('1234560'), 'reference.check');
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set(['', 'x', '12', '1234562'].map(codeOf));
    assert.deepEqual([...produced].sort(), [...NATIONAL_REFERENCE_ERRORS].sort());
  });
});

describe('formatNationalReference', () => {
  test('groups of five from the right, leading zeros not printed', () => {
    assert.equal(formatNationalReference('1232'), '1232');
    assert.equal(formatNationalReference('12345'), '12345');
    assert.equal(formatNationalReference('123456'), '1 23456');
    assert.equal(formatNationalReference('12345678901234567894'), '12345 67890 12345 67894');
    assert.equal(formatNationalReference('0001234561'), '12 34561');
    assert.equal(formatNationalReference('12 34561'), '12 34561');
  });
});

describe('properties', () => {
  const base = fc.stringMatching(/^[1-9]\d{2,18}$/);
  const reference = base.map(nationalReference);

  test('the check digit is the weighted sum rule, and the reference parses to itself in every form', () => {
    fc.assert(
      fc.property(base, (b) => {
        const ref = nationalReference(b);
        assert.equal(ref, `${b}${expectedCheck(b)}`);
        assert.deepEqual(parseNationalReference(ref), { ok: true, value: ref });
        assert.deepEqual(parseNationalReference(formatNationalReference(ref)), {
          ok: true,
          value: ref,
        });
        assert.deepEqual(parseNationalReference(ref.padStart(20, '0')), { ok: true, value: ref });
      }),
    );
  });

  test('every other check digit is rejected', () => {
    fc.assert(
      fc.property(reference, fc.integer({ min: 1, max: 9 }), (ref, delta) => {
        const wrong = String((Number(ref.slice(-1)) + delta) % 10);
        assert.equal(codeOf(`${ref.slice(0, -1)}${wrong}`), 'reference.check');
      }),
    );
  });

  test('changing any one digit is caught', () => {
    fc.assert(
      fc.property(reference, fc.nat(), fc.integer({ min: 1, max: 9 }), (ref, n, delta) => {
        const i = n % ref.length;
        const digit = String((Number(ref.charAt(i)) + delta) % 10);
        assert.equal(parseNationalReference(ref.slice(0, i) + digit + ref.slice(i + 1)).ok, false);
      }),
    );
  });

  test('swapping two adjacent digits is caught unless they differ by five (weights 7, 3, 1)', () => {
    fc.assert(
      fc.property(reference, fc.nat(), (ref, n) => {
        const i = n % (ref.length - 1);
        const [a, b] = [Number(ref.charAt(i)), Number(ref.charAt(i + 1))];
        fc.pre(a !== b && Math.abs(a - b) !== 5);
        const swapped = ref.slice(0, i) + ref.charAt(i + 1) + ref.charAt(i) + ref.slice(i + 2);
        assert.equal(parseNationalReference(swapped).ok, false, swapped);
      }),
    );
  });
});
