import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  IDENTITY_CODE_CENTURY_SIGNS,
  IDENTITY_CODE_ERRORS,
  identityCodeCheckCharacter,
  makeIdentityCode,
  maskIdentityCode,
  parseIdentityCode,
} from './identity-code.ts';

const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const ALL_SIGNS: readonly string[] = Object.values(IDENTITY_CODE_CENTURY_SIGNS).flat();

function codeOf(input: string): string | undefined {
  const r = parseIdentityCode(input);
  return r.ok ? undefined : r.code;
}

/** A valid-looking code with a correct check character, to test the other rules in isolation. */
function withCheck(ddmmyy: string, sign: string, individual: number): string {
  return `${ddmmyy}${sign}${String(individual).padStart(3, '0')}${identityCodeCheckCharacter(ddmmyy, individual)}`;
}

describe('requirements §10 examples', () => {
  test('131052308 mod 31 = 25 → T', () => {
    assert.equal(131052308 % 31, 25);
    assert.equal(identityCodeCheckCharacter('131052', 308), 'T');
  });
  test('131052-308T is valid, born 1952-10-13, ordinary', () => {
    assert.deepEqual(parseIdentityCode('131052-308T'), {
      ok: true,
      value: { code: '131052-308T', birthDate: '1952-10-13', temporary: false },
    });
  });
  test('010594Y9032 is valid (1900s sign Y)', () => {
    assert.deepEqual(parseIdentityCode('010594Y9032'), {
      ok: true,
      value: { code: '010594Y9032', birthDate: '1994-05-01', temporary: true },
    });
  });
  test('020516C903K is valid (2000s sign C)', () => {
    assert.deepEqual(parseIdentityCode('020516C903K'), {
      ok: true,
      value: { code: '020516C903K', birthDate: '2016-05-02', temporary: true },
    });
  });
  test('100190-999P and 100190Y999P are two valid, different codes', () => {
    const a = parseIdentityCode('100190-999P');
    const b = parseIdentityCode('100190Y999P');
    assert.ok(a.ok && b.ok);
    assert.equal(a.value.code, '100190-999P');
    assert.equal(b.value.code, '100190Y999P');
    assert.notEqual(a.value.code, b.value.code);
    assert.equal(a.value.birthDate, b.value.birthDate);
  });
  test('131052-308U is rejected for its check character', () => {
    assert.equal(codeOf('131052-308U'), 'identityCode.checkCharacter');
  });
  test('310252-308Y is rejected: there is no 31 February', () => {
    assert.equal(codeOf('310252-308Y'), 'identityCode.date');
  });
  test('131052/308T is rejected for its century sign', () => {
    assert.equal(codeOf('131052/308T'), 'identityCode.centurySign');
  });
  test('masked as 131052-****', () => {
    assert.equal(maskIdentityCode('131052-308T'), '131052-****');
  });
});

describe('parseIdentityCode', () => {
  test('trims and upper-cases', () => {
    const r = parseIdentityCode('  020516c903k ');
    assert.ok(r.ok);
    assert.equal(r.value.code, '020516C903K');
  });

  test('every century sign gives its century', () => {
    const expected = { 1800: '+', 1900: '-YXWVU', 2000: 'ABCDEF' };
    for (const [century, signs] of Object.entries(expected)) {
      assert.equal(
        IDENTITY_CODE_CENTURY_SIGNS[Number(century) as 1800 | 1900 | 2000].join(''),
        signs,
      );
      for (const sign of signs) {
        const r = parseIdentityCode(withCheck('131052', sign, 308));
        assert.ok(r.ok, `sign ${sign}`);
        assert.equal(r.value.birthDate, `${Number(century) + 52}-10-13`, `sign ${sign}`);
      }
    }
  });

  test('individual numbers: 000 and 001 invalid, 002–899 ordinary, 900–999 temporary', () => {
    assert.equal(codeOf(withCheck('131052', '-', 0)), 'identityCode.individualNumber');
    assert.equal(codeOf(withCheck('131052', '-', 1)), 'identityCode.individualNumber');
    for (const [n, temporary] of [
      [2, false],
      [899, false],
      [900, true],
      [999, true],
    ] as const) {
      const r = parseIdentityCode(withCheck('131052', '-', n));
      assert.ok(r.ok, `individual ${n}`);
      assert.equal(r.value.temporary, temporary, `individual ${n}`);
    }
  });

  test('leap years follow the century sign', () => {
    assert.ok(parseIdentityCode(withCheck('290200', 'A', 123)).ok, '2000 is a leap year');
    assert.equal(codeOf(withCheck('290200', '-', 123)), 'identityCode.date', '1900 is not');
    assert.ok(parseIdentityCode(withCheck('290296', '+', 123)).ok, '1896 is');
    assert.equal(codeOf(withCheck('290223', 'B', 123)), 'identityCode.date', '2023 is not');
    assert.ok(parseIdentityCode(withCheck('290224', 'B', 123)).ok, '2024 is');
  });

  test('impossible days and months', () => {
    for (const ddmmyy of ['000152', '320152', '311152', '311352', '010052']) {
      assert.equal(codeOf(withCheck(ddmmyy, '-', 123)), 'identityCode.date', ddmmyy);
    }
    assert.ok(parseIdentityCode(withCheck('311252', '-', 123)).ok);
  });

  test('format errors', () => {
    assert.equal(codeOf(''), 'identityCode.empty');
    assert.equal(codeOf('   '), 'identityCode.empty');
    for (const bad of [
      '131052-308',
      '131052-308TT',
      '13105-2308T',
      'A31052-308T',
      '131052-3O8T',
      '131052 -308T',
    ]) {
      assert.equal(codeOf(bad), 'identityCode.format', bad);
    }
  });

  test('a check position holding a letter outside the alphabet is a check-character error', () => {
    for (const ch of ['G', 'I', 'O', 'Q', 'Z', '*']) {
      assert.equal(codeOf(`131052-308${ch}`), 'identityCode.checkCharacter', ch);
    }
  });

  test('every listed error code is produced by some input', () => {
    const produced = new Set(
      ['', '1', '131052/308T', '310252-308Y', withCheck('131052', '-', 1), '131052-308U'].map(
        codeOf,
      ),
    );
    assert.deepEqual([...produced].sort(), [...IDENTITY_CODE_ERRORS].sort());
  });
});

describe('maskIdentityCode', () => {
  test('keeps the birth date and century sign only', () => {
    assert.equal(maskIdentityCode('100190Y999P'), '100190Y****');
    assert.equal(maskIdentityCode(' 020516c903k'), '020516C****');
  });
});

describe('makeIdentityCode', () => {
  test('reproduces the examples', () => {
    assert.equal(makeIdentityCode('1952-10-13', 308), '131052-308T');
    assert.equal(makeIdentityCode('1994-05-01', 903, 'Y'), '010594Y9032');
    assert.equal(makeIdentityCode('2016-05-02', 903, 'C'), '020516C903K');
  });
  test('default sign per century', () => {
    assert.equal(makeIdentityCode('1899-12-31', 2).charAt(6), '+');
    assert.equal(makeIdentityCode('1900-01-01', 2).charAt(6), '-');
    assert.equal(makeIdentityCode('2000-01-01', 2).charAt(6), 'A');
  });
  test('reads a Date in UTC', () => {
    assert.equal(makeIdentityCode(new Date(Date.UTC(1952, 9, 13)), 308), '131052-308T');
  });
  test('refuses what cannot be a code', () => {
    assert.throws(() => makeIdentityCode('1952-10-13', 308, 'A'), RangeError);
    assert.throws(() => makeIdentityCode('1952-10-13', 1), RangeError);
    assert.throws(() => makeIdentityCode('1952-10-13', 1000), RangeError);
    assert.throws(() => makeIdentityCode('1952-02-30', 308), RangeError);
    assert.throws(() => makeIdentityCode('1799-12-31', 308), RangeError);
    assert.throws(() => makeIdentityCode('2100-01-01', 308), RangeError);
    assert.throws(() => makeIdentityCode(new Date(Number.NaN), 308), RangeError);
    assert.throws(() => identityCodeCheckCharacter('13105', 308), RangeError);
  });
});

describe('properties', () => {
  const birthDate = fc.date({
    min: new Date('1800-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  });
  const generated = fc
    .record({ date: birthDate, individual: fc.integer({ min: 2, max: 999 }), signIndex: fc.nat() })
    .map(({ date, individual, signIndex }) => {
      const year = date.getUTCFullYear();
      const signs = IDENTITY_CODE_CENTURY_SIGNS[year < 1900 ? 1800 : year < 2000 ? 1900 : 2000];
      const sign = signs[signIndex % signs.length] ?? '';
      return { date, individual, code: makeIdentityCode(date, individual, sign) };
    });

  test('every generated code parses, round-trips and reports its birth date', () => {
    fc.assert(
      fc.property(generated, ({ date, individual, code }) => {
        const r = parseIdentityCode(code.toLowerCase());
        assert.ok(r.ok, code);
        assert.equal(r.value.code, code);
        assert.equal(r.value.birthDate, date.toISOString().slice(0, 10));
        assert.equal(r.value.temporary, individual >= 900);
        assert.equal(maskIdentityCode(code), `${code.slice(0, 7)}****`);
      }),
    );
  });

  test('every other check character is rejected', () => {
    fc.assert(
      fc.property(generated, fc.constantFrom(...CHECK_CHARACTERS), ({ code }, ch) => {
        fc.pre(ch !== code.charAt(10));
        assert.equal(codeOf(code.slice(0, 10) + ch), 'identityCode.checkCharacter');
      }),
    );
  });

  test('changing any one digit is caught', () => {
    const positions = [0, 1, 2, 3, 4, 5, 7, 8, 9];
    fc.assert(
      fc.property(
        generated,
        fc.constantFrom(...positions),
        fc.integer({ min: 1, max: 9 }),
        ({ code }, i, delta) => {
          const digit = String((Number(code.charAt(i)) + delta) % 10);
          const mutated = code.slice(0, i) + digit + code.slice(i + 1);
          assert.equal(parseIdentityCode(mutated).ok, false, mutated);
        },
      ),
    );
  });

  test('a character that is not a century sign is a century-sign error', () => {
    const notSign = fc
      .constantFrom(...'/*.GHZ0123456789 _'.split(''))
      .filter((c) => !ALL_SIGNS.includes(c));
    fc.assert(
      fc.property(generated, notSign, ({ code }, ch) => {
        assert.equal(
          codeOf(`${code.slice(0, 6)}${ch}${code.slice(7)}`),
          'identityCode.centurySign',
        );
      }),
    );
  });
});
