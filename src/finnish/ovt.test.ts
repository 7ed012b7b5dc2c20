import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeBusinessId } from './business-id.ts';
import {
  E_INVOICE_ADDRESS_ERRORS,
  INTERMEDIATOR_ERRORS,
  OVT_ERRORS,
  parseEInvoiceAddress,
  parseIntermediator,
  parseOvt,
} from './ovt.ts';

function codeOf(r: { ok: true } | { ok: false; code: string }): string | undefined {
  return r.ok ? undefined : r.code;
}

describe('parseOvt', () => {
  test('0037 + business ID without hyphen (12 characters)', () => {
    assert.deepEqual(parseOvt('003702015513'), { ok: true, value: '003702015513' });
    assert.deepEqual(parseOvt('003723327487'), { ok: true, value: '003723327487' });
  });
  test('with a suffix of up to five letters or digits (up to 17 characters), upper-cased, spaces dropped', () => {
    assert.deepEqual(parseOvt('003702015513AB12C'), { ok: true, value: '003702015513AB12C' });
    assert.deepEqual(parseOvt(' 0037 0201551 3 100 '), { ok: true, value: '003702015513100' });
    assert.deepEqual(parseOvt('003702015513abc'), { ok: true, value: '003702015513ABC' });
  });
  test('errors', () => {
    assert.equal(codeOf(parseOvt('')), 'ovt.empty');
    for (const bad of [
      '00370201551',
      '003802015513',
      '0037020155A3',
      '02015513',
      '0037-0201551-3',
    ]) {
      assert.equal(codeOf(parseOvt(bad)), 'ovt.format', bad);
    }
    assert.equal(codeOf(parseOvt('003702015514')), 'ovt.businessId');
    assert.equal(codeOf(parseOvt('003707375461')), 'ovt.businessId');
    assert.equal(codeOf(parseOvt('003702015513ABCDEF')), 'ovt.suffix');
    assert.equal(codeOf(parseOvt('003702015513-1')), 'ovt.suffix');
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set(
      ['', '0038', '003702015514', '003702015513_'].map((s) => codeOf(parseOvt(s))),
    );
    assert.deepEqual([...produced].sort(), [...OVT_ERRORS].sort());
  });
});

describe('parseEInvoiceAddress', () => {
  test('an OVT code', () => {
    assert.deepEqual(parseEInvoiceAddress('003702015513'), {
      ok: true,
      value: { kind: 'ovt', value: '003702015513' },
    });
  });
  test('an IBAN (e-invoice through a bank), normalised', () => {
    assert.deepEqual(parseEInvoiceAddress('fi21 1234 5600 0007 85'), {
      ok: true,
      value: { kind: 'iban', value: 'FI2112345600000785' },
    });
  });
  test('passes on the specific OVT or IBAN error', () => {
    assert.equal(codeOf(parseEInvoiceAddress('003702015514')), 'ovt.businessId');
    assert.equal(
      codeOf(parseEInvoiceAddress('GB29 NWBK 6016 1331 9268 19')),
      'iban.countryNotSupported',
    );
    assert.equal(codeOf(parseEInvoiceAddress('FI22 1234 5600 0007 85')), 'iban.checkDigits');
  });
  test('neither form', () => {
    assert.equal(codeOf(parseEInvoiceAddress('')), 'eInvoiceAddress.empty');
    assert.equal(codeOf(parseEInvoiceAddress('matti@example.fi')), 'eInvoiceAddress.format');
    assert.equal(codeOf(parseEInvoiceAddress('0201551-3')), 'eInvoiceAddress.format');
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set(['', 'x'].map((s) => codeOf(parseEInvoiceAddress(s))));
    assert.deepEqual([...produced].sort(), [...E_INVOICE_ADDRESS_ERRORS].sort());
  });
});

describe('parseIntermediator', () => {
  test('an operator code in OVT form', () => {
    assert.deepEqual(parseIntermediator('003723327487'), {
      ok: true,
      value: { kind: 'ovt', value: '003723327487' },
    });
  });
  test('a bank BIC of 8 or 11 characters, upper-cased', () => {
    assert.deepEqual(parseIntermediator('NDEAFIHH'), {
      ok: true,
      value: { kind: 'bic', value: 'NDEAFIHH' },
    });
    assert.deepEqual(parseIntermediator(' okoyfihh '), {
      ok: true,
      value: { kind: 'bic', value: 'OKOYFIHH' },
    });
    assert.deepEqual(parseIntermediator('DABAFIHHXXX'), {
      ok: true,
      value: { kind: 'bic', value: 'DABAFIHHXXX' },
    });
  });
  test('errors', () => {
    assert.equal(codeOf(parseIntermediator('')), 'intermediator.empty');
    for (const bad of [
      'NDEAFIH',
      'NDEAFIHHX',
      'NDEAFIHHXXXX',
      '1234FIHH',
      'NDEA12HH',
      'NDEA-FI-HH',
    ]) {
      assert.equal(codeOf(parseIntermediator(bad)), 'intermediator.format', bad);
    }
    assert.equal(codeOf(parseIntermediator('003723327488')), 'ovt.businessId');
  });
  test('every listed error code is produced by some input', () => {
    const produced = new Set(['', 'x'].map((s) => codeOf(parseIntermediator(s))));
    assert.deepEqual([...produced].sort(), [...INTERMEDIATOR_ERRORS].sort());
  });
});

describe('properties', () => {
  const businessId = fc
    .integer({ min: 0, max: 9_999_999 })
    .map(makeBusinessId)
    .filter((id): id is string => id !== null);
  const suffix = fc.stringMatching(/^[A-Z0-9]{0,5}$/);

  test('every valid business ID with any suffix makes a 12–17 character OVT code that parses to itself', () => {
    fc.assert(
      fc.property(businessId, suffix, (id, sfx) => {
        const ovt = `0037${id.replace('-', '')}${sfx}`;
        assert.ok(ovt.length >= 12 && ovt.length <= 17);
        assert.deepEqual(parseOvt(ovt.toLowerCase()), { ok: true, value: ovt });
        assert.deepEqual(parseEInvoiceAddress(ovt), {
          ok: true,
          value: { kind: 'ovt', value: ovt },
        });
      }),
    );
  });

  test('a wrong check digit inside the OVT code is caught', () => {
    fc.assert(
      fc.property(businessId, fc.integer({ min: 1, max: 9 }), suffix, (id, delta, sfx) => {
        const wrong = String((Number(id.charAt(8)) + delta) % 10);
        assert.equal(codeOf(parseOvt(`0037${id.slice(0, 7)}${wrong}${sfx}`)), 'ovt.businessId');
      }),
    );
  });
});
