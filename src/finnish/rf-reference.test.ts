import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nationalReference } from './reference.ts';
import {
  RF_REFERENCE_ERRORS,
  formatRfReference,
  parsePaymentReference,
  parseRfReference,
  rfFromNational,
  rfReference,
} from './rf-reference.ts';

function codeOf(r: { ok: true } | { ok: false; code: string }): string | undefined {
  return r.ok ? undefined : r.code;
}

/** ISO 11649 check digits computed independently: BigInt over the rearranged digits. */
function expectedCheck(body: string): string {
  const digits = [...`${body}RF00`].map((ch) => String(Number.parseInt(ch, 36))).join('');
  return String(98n - (BigInt(digits) % 97n)).padStart(2, '0');
}

describe('requirements §10 examples', () => {
  test('11112 → RF9811112', () => {
    assert.equal(rfReference('11112'), 'RF9811112');
    assert.deepEqual(parseRfReference('RF9811112'), { ok: true, value: 'RF9811112' });
  });
  test('the check: RF00 moved to the end, letters to numbers, 98 − (n mod 97)', () => {
    // 11112 R F 0 0 → 11112 27 15 00; 11112271500 mod 97 = 0, so the check is 98.
    assert.equal(11112271500 % 97, 0);
    assert.equal(expectedCheck('11112'), '98');
  });
  test('a body of up to 21 characters', () => {
    const body = '123456789012345678901';
    assert.equal(rfReference(body).length, 25);
    assert.ok(parseRfReference(rfReference(body)).ok);
    assert.throws(() => rfReference(`${body}2`), /1–21/);
  });
});

describe('rfReference', () => {
  test('the ISO 11649 example and the Finnish RF guide example', () => {
    assert.equal(rfReference('539007547034'), 'RF18539007547034');
    assert.equal(rfReference('2348236'), 'RF332348236');
  });
  test('letters are upper-cased and spaces dropped; check digits below 10 are zero-padded', () => {
    assert.equal(rfReference('abc 123'), `RF${expectedCheck('ABC123')}ABC123`);
    let n = 1;
    while (!rfReference(String(n)).startsWith('RF0')) n++;
    const small = rfReference(String(n));
    assert.equal(small, `RF${expectedCheck(String(n))}${n}`);
    assert.deepEqual(parseRfReference(small), { ok: true, value: small });
  });
  test('a body of letters and digits only, else a clear error', () => {
    for (const bad of ['', '   ', '1234-5', 'ÄÖ12', '12_3']) {
      assert.throws(() => rfReference(bad), /1–21 letters or digits/, bad);
    }
  });
});

describe('rfFromNational', () => {
  test('the national reference, check digit included, becomes the body', () => {
    assert.equal(rfFromNational('1234561'), `RF${expectedCheck('1234561')}1234561`);
    assert.equal(rfFromNational('12 34561'), rfFromNational('1234561'));
    assert.equal(rfFromNational('0001234561'), rfFromNational('1234561'));
    assert.equal(rfFromNational('2348236'), 'RF332348236');
  });
  test('refuses what is not a national reference', () => {
    assert.throws(() => rfFromNational('1234562'), /not a national reference/);
    assert.throws(() => rfFromNational('RF9811112'), /not a national reference/);
  });
});

describe('parseRfReference', () => {
  test('spaces allowed, case-insensitive', () => {
    assert.deepEqual(parseRfReference('rf98 1111 2'), { ok: true, value: 'RF9811112' });
    assert.deepEqual(parseRfReference(' RF18 5390 0754 7034 '), {
      ok: true,
      value: 'RF18539007547034',
    });
    assert.deepEqual(parseRfReference(`rf${expectedCheck('ABC123')} abc 123`), {
      ok: true,
      value: `RF${expectedCheck('ABC123')}ABC123`,
    });
  });
  test('errors', () => {
    assert.equal(codeOf(parseRfReference('')), 'rfReference.empty');
    for (const bad of ['RF', 'RF9', 'RFAB11112', 'XX9811112', 'RF98-1111-2', '9811112', 'RF98ÄÖ']) {
      assert.equal(codeOf(parseRfReference(bad)), 'rfReference.format', bad);
    }
    assert.equal(codeOf(parseRfReference('RF98')), 'rfReference.length');
    assert.equal(codeOf(parseRfReference(`RF00${'1'.repeat(22)}`)), 'rfReference.length');
    assert.equal(codeOf(parseRfReference('RF9711112')), 'rfReference.check');
    assert.equal(codeOf(parseRfReference('RF9811113')), 'rfReference.check');
  });
  test('check digits 01 are refused even though they satisfy mod 97 when 98 does', () => {
    assert.equal(codeOf(parseRfReference('RF0111112')), 'rfReference.check');
    assert.equal(codeOf(parseRfReference('RF9911112')), 'rfReference.check');
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set(
      ['', 'x', 'RF98', 'RF9711112'].map((s) => codeOf(parseRfReference(s))),
    );
    assert.deepEqual([...produced].sort(), [...RF_REFERENCE_ERRORS].sort());
  });
});

describe('formatRfReference', () => {
  test('groups of four', () => {
    assert.equal(formatRfReference('RF9811112'), 'RF98 1111 2');
    assert.equal(formatRfReference('RF18539007547034'), 'RF18 5390 0754 7034');
    assert.equal(formatRfReference('rf98 11112'), 'RF98 1111 2');
  });
});

describe('parsePaymentReference', () => {
  test('either form, by how it begins', () => {
    assert.deepEqual(parsePaymentReference('12 34561'), {
      ok: true,
      value: { kind: 'national', value: '1234561' },
    });
    assert.deepEqual(parsePaymentReference('rf98 1111 2'), {
      ok: true,
      value: { kind: 'rf', value: 'RF9811112' },
    });
  });
  test('passes on the error of the form the input looks like', () => {
    assert.equal(codeOf(parsePaymentReference('')), 'reference.empty');
    assert.equal(codeOf(parsePaymentReference('1234562')), 'reference.check');
    assert.equal(codeOf(parsePaymentReference('ABC')), 'reference.format');
    assert.equal(codeOf(parsePaymentReference('RF9711112')), 'rfReference.check');
  });
});

describe('properties', () => {
  const alphanumeric = fc.stringMatching(/^[A-Z0-9]{1,21}$/);
  const numeric = fc.stringMatching(/^\d{1,21}$/);

  test('every body makes an RF reference that parses to itself in every printed form', () => {
    fc.assert(
      fc.property(alphanumeric, (body) => {
        const rf = rfReference(body);
        assert.equal(rf, `RF${expectedCheck(body)}${body}`);
        assert.deepEqual(parseRfReference(rf), { ok: true, value: rf });
        assert.deepEqual(parseRfReference(formatRfReference(rf).toLowerCase()), {
          ok: true,
          value: rf,
        });
        assert.deepEqual(parsePaymentReference(rf), { ok: true, value: { kind: 'rf', value: rf } });
      }),
    );
  });

  test('the RF form of any national reference carries it whole', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{2,18}$/), (base) => {
        const national = nationalReference(base);
        const rf = rfFromNational(national);
        assert.equal(rf.slice(4), national);
        assert.ok(parseRfReference(rf).ok);
      }),
    );
  });

  test('changing any one digit of the body or the check is caught', () => {
    fc.assert(
      fc.property(numeric, fc.nat(), fc.integer({ min: 1, max: 9 }), (body, n, delta) => {
        const rf = rfReference(body);
        const i = 2 + (n % (rf.length - 2));
        const digit = String((Number(rf.charAt(i)) + delta) % 10);
        assert.equal(parseRfReference(rf.slice(0, i) + digit + rf.slice(i + 1)).ok, false);
      }),
    );
  });

  test('swapping two adjacent different digits of the body is caught', () => {
    fc.assert(
      fc.property(numeric, fc.nat(), (body, n) => {
        fc.pre(body.length >= 2);
        const rf = rfReference(body);
        const i = 4 + (n % (body.length - 1));
        fc.pre(rf.charAt(i) !== rf.charAt(i + 1));
        const swapped = rf.slice(0, i) + rf.charAt(i + 1) + rf.charAt(i) + rf.slice(i + 2);
        assert.equal(parseRfReference(swapped).ok, false, swapped);
      }),
    );
  });
});
