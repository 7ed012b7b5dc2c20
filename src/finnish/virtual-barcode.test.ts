import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeIban } from './iban.ts';
import { nationalReference } from './reference.ts';
import { rfReference } from './rf-reference.ts';
import { virtualBarcode } from './virtual-barcode.ts';

const IBAN = 'FI37 1590 3000 0007 76';

/** Reads the fields back by the positions of the bank barcode guide, independently of the module. */
function decode(code: string) {
  return {
    version: code.slice(0, 1),
    account: code.slice(1, 17),
    euros: code.slice(17, 23),
    cents: code.slice(23, 25),
    // version 4: a reserve of three zeros, then the national reference (20)
    reserve: code.slice(25, 28),
    nationalReference: code.slice(28, 48),
    // version 5: the RF check digits (2), then the RF body (21)
    rfCheck: code.slice(25, 27),
    rfBody: code.slice(27, 48),
    due: code.slice(48, 54),
  };
}

describe('requirements §10 example', () => {
  test('version 4: FI37 1590 3000 0007 76, ref 11112, 12.25 €, due 21.12.2016', () => {
    assert.equal(
      virtualBarcode({ iban: IBAN, amountCents: 1225, reference: '11112', dueDate: '2016-12-21' }),
      '437159030000007760000122500000000000000000011112161221',
    );
  });

  test('version 5: the same invoice with its RF reference, built field by field from the spec', () => {
    const expected = [
      '5', // version
      '3715903000000776', // IBAN without FI (16)
      '000012', // euros (6)
      '25', // cents (2)
      '98', // RF check digits (2)
      '000000000000000011112', // RF body, zero padded (21)
      '161221', // due date YYMMDD
    ].join('');
    assert.equal(expected.length, 54);
    assert.equal(
      virtualBarcode({
        iban: IBAN,
        amountCents: 1225,
        reference: 'RF98 1111 2',
        dueDate: '2016-12-21',
      }),
      expected,
    );
  });
});

describe('virtualBarcode', () => {
  const base = { iban: IBAN, amountCents: 1225, reference: '11112', dueDate: '2016-12-21' };

  test('version 5 with another amount and date', () => {
    assert.equal(
      virtualBarcode({ ...base, amountCents: 110, reference: 'RF9811112', dueDate: '2017-01-01' }),
      '537159030000007760000011098000000000000000011112170101',
    );
  });

  test('the IBAN may have spaces and lower case; a national reference its leading zeros', () => {
    assert.equal(
      virtualBarcode({ ...base, iban: 'fi3715903000000776', reference: '0000 11112' }),
      virtualBarcode(base),
    );
  });

  test('no due date → 000000', () => {
    assert.equal(virtualBarcode({ ...base, dueDate: null }).slice(48), '000000');
  });

  test('the largest amount the barcode carries, and the amounts it leaves to the payer', () => {
    assert.equal(decode(virtualBarcode({ ...base, amountCents: 99_999_999 })).euros, '999999');
    for (const amountCents of [100_000_000, 123_456_789_00, -1, -1225, 0]) {
      const code = virtualBarcode({ ...base, amountCents });
      assert.equal(code.slice(17, 25), '00000000', String(amountCents));
      assert.equal(code.length, 54);
    }
  });

  test('a fraction of a cent is an error, not a rounding', () => {
    for (const amountCents of [12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => virtualBarcode({ ...base, amountCents }), /whole number of cents/);
    }
  });

  test('a Finnish IBAN only', () => {
    assert.throws(
      () => virtualBarcode({ ...base, iban: 'DE89 3704 0044 0532 0130 00' }),
      /Finnish IBAN only/,
    );
    assert.throws(
      () => virtualBarcode({ ...base, iban: 'FI38 1590 3000 0007 76' }),
      /not a valid IBAN/,
    );
  });

  test('a valid reference; an RF reference of digits only', () => {
    assert.throws(() => virtualBarcode({ ...base, reference: '11113' }), /not a valid reference/);
    assert.throws(
      () => virtualBarcode({ ...base, reference: 'RF9711112' }),
      /not a valid reference/,
    );
    const letters = rfReference('ABC123');
    assert.throws(() => virtualBarcode({ ...base, reference: letters }), /digits only/);
  });

  test('the longest references fit', () => {
    const national = nationalReference('1234567890123456789');
    assert.equal(
      decode(virtualBarcode({ ...base, reference: national })).nationalReference,
      national,
    );
    const rf = rfReference('123456789012345678901');
    const code = virtualBarcode({ ...base, reference: rf });
    assert.equal(decode(code).rfBody, rf.slice(4));
    assert.equal(code.length, 54);
  });

  test('a due date must be a real date YYYY-MM-DD', () => {
    for (const dueDate of ['2016-02-30', '16-12-21', '2016-12-21T00:00', '21.12.2016', '']) {
      assert.throws(() => virtualBarcode({ ...base, dueDate }), /real date/, dueDate);
    }
    assert.equal(virtualBarcode({ ...base, dueDate: '2024-02-29' }).slice(48), '240229');
  });
});

describe('properties', () => {
  const iban = fc.stringMatching(/^\d{14}$/).map((bban) => makeIban('FI', bban));
  const amountCents = fc.integer({ min: 1, max: 99_999_999 });
  const national = fc.stringMatching(/^[1-9]\d{2,18}$/).map(nationalReference);
  const rf = fc.stringMatching(/^\d{1,21}$/).map(rfReference);
  const dueDate = fc.option(
    fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  );

  test('54 digits whose fields read back as given', () => {
    fc.assert(
      fc.property(
        iban,
        amountCents,
        fc.oneof(national, rf),
        dueDate,
        (account, cents, reference, due) => {
          const code = virtualBarcode({
            iban: account,
            amountCents: cents,
            reference,
            dueDate: due,
          });
          assert.match(code, /^\d{54}$/);
          const f = decode(code);
          assert.equal(f.account, account.slice(2));
          assert.equal(Number(f.euros) * 100 + Number(f.cents), cents);
          assert.equal(f.due, due === null ? '000000' : due.slice(2).replaceAll('-', ''));
          if (reference.startsWith('RF')) {
            assert.equal(f.version, '5');
            assert.equal(f.rfCheck, reference.slice(2, 4));
            assert.equal(f.rfBody, reference.slice(4).padStart(21, '0'));
          } else {
            assert.equal(f.version, '4');
            assert.equal(f.reserve, '000');
            assert.equal(f.nationalReference, reference.padStart(20, '0'));
          }
        },
      ),
    );
  });
});
