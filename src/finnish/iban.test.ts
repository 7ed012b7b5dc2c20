import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  EU_EEA_COUNTRIES,
  IBAN_BBAN_FORMATS,
  IBAN_ERRORS,
  IBAN_LENGTHS,
  formatIban,
  isEuEeaCountry,
  makeIban,
  parseIban,
} from './iban.ts';

function codeOf(input: string): string | undefined {
  const r = parseIban(input);
  return r.ok ? undefined : r.code;
}

describe('requirements §10 examples', () => {
  test('FI21 1234 5600 0007 85 is a valid Finnish IBAN of 18 characters', () => {
    assert.deepEqual(parseIban('FI21 1234 5600 0007 85'), {
      ok: true,
      value: 'FI2112345600000785',
    });
    assert.equal(IBAN_LENGTHS.FI, 18);
  });
  test('shown in groups of four', () => {
    assert.equal(formatIban('FI2112345600000785'), 'FI21 1234 5600 0007 85');
  });
  test('FI37 1590 3000 0007 76 (virtual barcode example) is valid', () => {
    assert.deepEqual(parseIban('FI37 1590 3000 0007 76'), {
      ok: true,
      value: 'FI3715903000000776',
    });
  });
});

describe('parseIban', () => {
  // Example IBANs in the published formats of their countries.
  const foreign = [
    'DE89 3704 0044 0532 0130 00',
    'SE45 5000 0000 0583 9825 7466',
    'EE38 2200 2210 2014 5685',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91 ABNA 0417 1643 00',
    'NO93 8601 1117 947',
    'AT61 1904 3002 3457 3201',
    'BE68 5390 0754 7034',
    'ES91 2100 0418 4502 0005 1332',
    'IT60 X054 2811 1010 0000 0123 456',
    'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
    'IE29 AIBK 9311 5212 3456 78',
    'PL61 1090 1014 0000 0712 1981 2874',
    'DK50 0040 0440 1162 43',
    'LI21 0881 0000 2324 013A A',
    'IS14 0159 2600 7654 5510 7303 39',
  ];
  for (const iban of foreign) {
    test(`accepts ${iban}`, () => {
      assert.deepEqual(parseIban(iban), { ok: true, value: iban.replaceAll(' ', '') });
    });
  }

  test('accepts lower case and stray whitespace', () => {
    assert.deepEqual(parseIban('  fi21 1234 5600 0007 85 '), {
      ok: true,
      value: 'FI2112345600000785',
    });
    assert.deepEqual(parseIban('FI2112345600000785'), { ok: true, value: 'FI2112345600000785' });
  });

  test('refuses valid IBANs of countries outside the EU/EEA with a distinct code', () => {
    assert.equal(codeOf('GB29 NWBK 6016 1331 9268 19'), 'iban.countryNotSupported');
    assert.equal(codeOf('CH93 0076 2011 6238 5295 7'), 'iban.countryNotSupported');
    assert.equal(codeOf('US12 3456 7890 1234'), 'iban.countryNotSupported');
  });

  test('wrong length for the country', () => {
    assert.equal(codeOf('FI21 1234 5600 0007 8'), 'iban.length');
    assert.equal(codeOf('DE89 3704 0044 0532 0130 000'), 'iban.length');
  });

  test('account part not in the national form', () => {
    assert.equal(codeOf('FI21 1234 5600 0007 8A'), 'iban.bban');
    assert.equal(codeOf('NL91 1234 0417 1643 00'), 'iban.bban');
  });

  test('wrong check digits', () => {
    assert.equal(codeOf('FI22 1234 5600 0007 85'), 'iban.checkDigits');
    assert.equal(codeOf('FI21 1234 5600 0007 86'), 'iban.checkDigits');
  });

  test('check digits 01 are refused even though they satisfy mod 97 when 98 does', () => {
    let bban = 10_000_000_000_000;
    while (makeIban('FI', String(bban)).slice(2, 4) !== '98') bban++;
    const valid = makeIban('FI', String(bban));
    assert.ok(parseIban(valid).ok);
    assert.equal(codeOf(`FI01${valid.slice(4)}`), 'iban.checkDigits');
  });

  test('format errors', () => {
    assert.equal(codeOf(''), 'iban.empty');
    for (const bad of [
      '1234',
      'FI',
      'FIAB12345600000785',
      'FI21-1234-5600-0007-85',
      'FI21 1234 5600 0007 8€',
    ]) {
      assert.equal(codeOf(bad), 'iban.format', bad);
    }
  });

  test('every listed error code is produced by some input', () => {
    const produced = new Set(
      [
        '',
        '12',
        'GB29NWBK60161331926819',
        'FI211234',
        'FI211234560000078A',
        'FI2212345600000785',
      ].map(codeOf),
    );
    assert.deepEqual([...produced].sort(), [...IBAN_ERRORS].sort());
  });
});

describe('EU/EEA countries', () => {
  test('the 27 member states and Iceland, Liechtenstein and Norway', () => {
    assert.equal(EU_EEA_COUNTRIES.length, 30);
    assert.equal(new Set(EU_EEA_COUNTRIES).size, 30);
    for (const c of ['FI', 'SE', 'EE', 'DE', 'GR', 'IS', 'LI', 'NO'])
      assert.ok(isEuEeaCountry(c), c);
    for (const c of ['GB', 'CH', 'US', 'EL', 'RU']) assert.equal(isEuEeaCountry(c), false, c);
    assert.ok(isEuEeaCountry('fi'));
  });
  test('every EU/EEA country has an IBAN format', () => {
    for (const c of EU_EEA_COUNTRIES) assert.ok(IBAN_LENGTHS[c] !== undefined, c);
  });
});

describe('formatIban', () => {
  test('leaves a short last group', () => {
    assert.equal(formatIban('NO9386011117947'), 'NO93 8601 1117 947');
    assert.equal(formatIban('no93 8601 1117947'), 'NO93 8601 1117 947');
  });
});

describe('properties', () => {
  const DIGITS = '0123456789';
  const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const CLASS: Record<string, string> = { n: DIGITS, a: LETTERS, c: DIGITS + LETTERS };

  function bbanOf(format: string): fc.Arbitrary<string> {
    const parts = [...format.matchAll(/(\d+)([nac])/g)].map(([, count, kind = '']) =>
      fc.string({
        unit: fc.constantFrom(...(CLASS[kind] ?? '')),
        minLength: Number(count),
        maxLength: Number(count),
      }),
    );
    return fc.tuple(...parts).map((p) => p.join(''));
  }

  const generated = fc
    .constantFrom(...Object.entries(IBAN_BBAN_FORMATS))
    .chain(([country, format]) => bbanOf(format).map((bban) => makeIban(country, bban)));

  test('every generated IBAN parses to itself, and its printed form re-parses', () => {
    fc.assert(
      fc.property(generated, (iban) => {
        assert.deepEqual(parseIban(iban), { ok: true, value: iban });
        assert.deepEqual(parseIban(formatIban(iban)), { ok: true, value: iban });
        assert.equal(iban.length, IBAN_LENGTHS[iban.slice(0, 2)]);
      }),
    );
  });

  test('changing any one digit is caught', () => {
    fc.assert(
      fc.property(generated, fc.nat(), fc.integer({ min: 1, max: 9 }), (iban, n, delta) => {
        const positions = [...iban].flatMap((ch, i) => (i >= 2 && /\d/.test(ch) ? [i] : []));
        const i = positions[n % positions.length] ?? 2;
        const mutated =
          iban.slice(0, i) + String((Number(iban.charAt(i)) + delta) % 10) + iban.slice(i + 1);
        assert.equal(parseIban(mutated).ok, false, mutated);
      }),
    );
  });

  test('swapping two adjacent different digits is caught', () => {
    fc.assert(
      fc.property(generated, fc.nat(), (iban, n) => {
        const positions = [...iban].flatMap((ch, i) =>
          (i === 2 || i >= 4) && /\d\d/.test(iban.slice(i, i + 2)) && ch !== iban.charAt(i + 1)
            ? [i]
            : [],
        );
        fc.pre(positions.length > 0);
        const i = positions[n % positions.length] ?? 0;
        const swapped = iban.slice(0, i) + iban.charAt(i + 1) + iban.charAt(i) + iban.slice(i + 2);
        assert.equal(parseIban(swapped).ok, false, swapped);
      }),
    );
  });
});
