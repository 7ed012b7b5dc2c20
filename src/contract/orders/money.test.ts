import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  centsToEuros,
  displayQuantity,
  divideRoundingHalfAwayFromZero,
  eurosToCents,
  lineAmounts,
  MAX_QUANTITY,
  MAX_UNIT_PRICE_CENTS,
  parseQuantity,
  percentToBasisPoints,
  sumAmounts,
} from './money.ts';

const abs = (value: bigint) => (value < 0n ? -value : value);

/** A quantity string as numeric(12,3) gives it back, with a sign now and then. */
const quantity = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999 }))
  .map(([negative, whole, fraction]) => {
    const text = `${whole}.${String(fraction).padStart(3, '0')}`;
    return negative ? `-${text}` : text;
  });
const price = fc.integer({ min: -100_000_000, max: 100_000_000 });
const rate = fc.integer({ min: 0, max: 10_000 });

describe('lineAmounts', () => {
  test('examples: rounding to the cent, half away from zero, on the net and on the VAT', () => {
    assert.deepEqual(lineAmounts('1', 1000, 2550), {
      netCents: 1000,
      vatCents: 255,
      totalCents: 1255,
    });
    assert.deepEqual(lineAmounts('0.5', 1, 0), { netCents: 1, vatCents: 0, totalCents: 1 });
    assert.deepEqual(lineAmounts('-0.5', 1, 0), { netCents: -1, vatCents: 0, totalCents: -1 });
    assert.deepEqual(lineAmounts('0.499', 1, 0), { netCents: 0, vatCents: 0, totalCents: 0 });
    assert.deepEqual(lineAmounts('1', 5, 1000), { netCents: 5, vatCents: 1, totalCents: 6 });
    assert.deepEqual(lineAmounts('-1', 5, 1000), { netCents: -5, vatCents: -1, totalCents: -6 });
    assert.deepEqual(lineAmounts('1', 2, 2550), { netCents: 2, vatCents: 1, totalCents: 3 });
    assert.deepEqual(lineAmounts('1', 1, 2550), { netCents: 1, vatCents: 0, totalCents: 1 });
    // 2.5 h × 33.33 € = 83.325 € → 83.33 €; VAT 25.5 % of it 21.24915 € → 21.25 €.
    assert.deepEqual(lineAmounts('2.500', 3333, 2550), {
      netCents: 8333,
      vatCents: 2125,
      totalCents: 10458,
    });
    assert.deepEqual(lineAmounts('3', 1999, 1350), {
      netCents: 5997,
      vatCents: 810,
      totalCents: 6807,
    });
  });

  test('the net is quantity × price to the nearest cent, a half away from zero', () => {
    fc.assert(
      fc.property(quantity, price, (q, unitPrice) => {
        const { netCents } = lineAmounts(q, unitPrice, 0);
        const exact = BigInt(Math.round(Number(q) * 1000)) * BigInt(unitPrice); // thousandths of a cent
        const error = abs(BigInt(netCents) * 1000n - exact);
        assert.ok(error <= 500n, `${q} × ${unitPrice} → ${netCents}`);
        if (error === 500n)
          assert.ok(abs(BigInt(netCents) * 1000n) > abs(exact), 'a half rounds away');
      }),
      { numRuns: 2000 },
    );
  });

  test('the VAT is net × rate to the nearest cent, a half away from zero; total = net + VAT', () => {
    fc.assert(
      fc.property(quantity, price, rate, (q, unitPrice, bp) => {
        const { netCents, vatCents, totalCents } = lineAmounts(q, unitPrice, bp);
        const exact = BigInt(netCents) * BigInt(bp); // ten-thousandths of a cent
        const error = abs(BigInt(vatCents) * 10_000n - exact);
        assert.ok(error <= 5000n, `${netCents} × ${bp} bp → ${vatCents}`);
        if (error === 5000n) {
          assert.ok(abs(BigInt(vatCents) * 10_000n) > abs(exact), 'a half rounds away from zero');
        }
        assert.equal(totalCents, netCents + vatCents);
      }),
      { numRuns: 2000 },
    );
  });

  test('a negative quantity gives exactly the negated amounts (a credit mirrors its debit)', () => {
    fc.assert(
      fc.property(quantity, price, rate, (q, unitPrice, bp) => {
        const plus = lineAmounts(q.replace(/^-/, ''), unitPrice, bp);
        const minus = lineAmounts(`-${q.replace(/^-/, '')}`, unitPrice, bp);
        // 0 - x, not -x: a zero stays 0 rather than -0.
        assert.deepEqual(
          {
            netCents: 0 - minus.netCents,
            vatCents: 0 - minus.vatCents,
            totalCents: 0 - minus.totalCents,
          },
          plus,
        );
      }),
    );
  });

  test('refuses what is not exact: a quantity with four decimals, a fractional cent or rate', () => {
    assert.throws(() => lineAmounts('1.0001', 100, 0), RangeError);
    assert.throws(() => lineAmounts('1e3', 100, 0), RangeError);
    assert.throws(() => lineAmounts('1', 100.5, 0), RangeError);
    assert.throws(() => lineAmounts('1', 100, 25.5), RangeError);
  });

  test('sumAmounts adds the lines', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(quantity, price, rate), { maxLength: 30 }), (lines) => {
        const amounts = lines.map(([q, p, bp]) => lineAmounts(q, p, bp));
        const total = sumAmounts(amounts);
        assert.equal(
          total.netCents,
          amounts.reduce((sum, a) => sum + a.netCents, 0),
        );
        assert.equal(
          total.vatCents,
          amounts.reduce((sum, a) => sum + a.vatCents, 0),
        );
        assert.equal(total.totalCents, total.netCents + total.vatCents);
      }),
    );
  });
});

describe('divideRoundingHalfAwayFromZero', () => {
  test('halves go away from zero, everything else to the nearest', () => {
    assert.equal(divideRoundingHalfAwayFromZero(5n, 10n), 1n);
    assert.equal(divideRoundingHalfAwayFromZero(-5n, 10n), -1n);
    assert.equal(divideRoundingHalfAwayFromZero(4n, 10n), 0n);
    assert.equal(divideRoundingHalfAwayFromZero(-4n, 10n), 0n);
    assert.equal(divideRoundingHalfAwayFromZero(15n, 10n), 2n);
    assert.equal(divideRoundingHalfAwayFromZero(-25n, 10n), -3n);
    assert.throws(() => divideRoundingHalfAwayFromZero(1n, 0n), RangeError);
  });
});

describe('parsing amounts people type', () => {
  test('euros → cents: strings and numbers with at most two decimals', () => {
    assert.deepEqual(eurosToCents('12.5'), { ok: true, value: 1250 });
    assert.deepEqual(eurosToCents('12,50'), { ok: true, value: 1250 });
    assert.deepEqual(eurosToCents(19.99), { ok: true, value: 1999 });
    assert.deepEqual(eurosToCents(0), { ok: true, value: 0 });
    assert.deepEqual(eurosToCents('1000000.00'), { ok: true, value: MAX_UNIT_PRICE_CENTS });
    const codes = ['12.345', 0.1 + 0.2, '-1', 'abc', '', '1e3', 1e21, '1000000.01'].map((input) => {
      const result = eurosToCents(input);
      return result.ok ? 'ok' : result.code;
    });
    assert.deepEqual(codes, [
      'price.decimals',
      'price.decimals',
      'price.format',
      'price.format',
      'price.format',
      'price.format',
      'price.format',
      'price.range',
    ]);
  });

  test('cents → euros and back is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_UNIT_PRICE_CENTS }), (cents) => {
        assert.deepEqual(eurosToCents(centsToEuros(cents)), { ok: true, value: cents });
      }),
    );
    assert.equal(centsToEuros(-5), '-0.05');
  });

  test('a stored quantity is shown without trailing zeros', () => {
    assert.deepEqual(['2.500', '3.000', '0.125', '10.100', '20'].map(displayQuantity), [
      '2.5',
      '3',
      '0.125',
      '10.1',
      '20',
    ]);
  });

  test('VAT percent → basis points: 0–100 with at most two decimals', () => {
    assert.deepEqual(percentToBasisPoints(25.5), { ok: true, value: 2550 });
    assert.deepEqual(percentToBasisPoints('13.5'), { ok: true, value: 1350 });
    assert.deepEqual(percentToBasisPoints(0), { ok: true, value: 0 });
    assert.deepEqual(percentToBasisPoints(100), { ok: true, value: 10_000 });
    const codes = [100.01, -1, 25.555, 'x'].map((input) => {
      const result = percentToBasisPoints(input);
      return result.ok ? 'ok' : result.code;
    });
    assert.deepEqual(codes, [
      'vatRate.range',
      'vatRate.format',
      'vatRate.decimals',
      'vatRate.format',
    ]);
  });

  test('quantities: more than zero, three decimals at most, canonical form', () => {
    assert.deepEqual(parseQuantity('1.500'), { ok: true, value: '1.5' });
    assert.deepEqual(parseQuantity(2), { ok: true, value: '2' });
    assert.deepEqual(parseQuantity(0.125), { ok: true, value: '0.125' });
    assert.deepEqual(parseQuantity('100000'), { ok: true, value: '100000' });
    const codes = [0, '0.000', '1.2345', -1, '100000.001'].map((input) => {
      const result = parseQuantity(input);
      return result.ok ? 'ok' : result.code;
    });
    assert.deepEqual(codes, [
      'quantity.range',
      'quantity.range',
      'quantity.decimals',
      'quantity.format',
      'quantity.range',
    ]);
  });

  test('a parsed quantity is one lineAmounts accepts, at any price and rate allowed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_QUANTITY * 1000 }),
        fc.integer({ min: 0, max: MAX_UNIT_PRICE_CENTS }),
        rate,
        (thousandths, unitPrice, bp) => {
          const parsed = parseQuantity(
            `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`,
          );
          assert.ok(parsed.ok);
          assert.doesNotThrow(() => lineAmounts(parsed.value, unitPrice, bp));
        },
      ),
    );
  });

  test('an order of 200 lines at the largest quantity, price and rate still sums exactly', () => {
    const line = lineAmounts(String(MAX_QUANTITY), MAX_UNIT_PRICE_CENTS, 10_000);
    const total = sumAmounts(Array.from({ length: 200 }, () => line));
    assert.ok(Number.isSafeInteger(total.totalCents));
    assert.equal(BigInt(total.totalCents), 200n * BigInt(MAX_QUANTITY * MAX_UNIT_PRICE_CENTS) * 2n);
  });
});
