import { fail, ok, type ParseResult } from '../../finnish/result.ts';

/**
 * The register's money arithmetic, shared by orders and invoices so that an order and its invoice
 * can never disagree by a cent. Amounts are integer cents, VAT rates basis points (25.5 % = 2550)
 * and quantities decimal strings with at most three decimals (numeric(12,3)); every step is exact
 * integer arithmetic (bigint), and each rounding is to the cent, half away from zero.
 */

export type LineAmounts = { netCents: number; vatCents: number; totalCents: number };

const QUANTITY_PATTERN = /^([+-])?(\d{1,9})(?:\.(\d{1,3}))?$/;

/** The quantity in thousandths, exactly; a bad string is a programming error, not user input. */
function thousandths(quantity: string): bigint {
  const match = QUANTITY_PATTERN.exec(quantity);
  if (!match) throw new RangeError(`Not a quantity with at most three decimals: "${quantity}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  const value = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
  return sign === '-' ? -value : value;
}

/** numerator ÷ denominator (denominator > 0) rounded to an integer, half away from zero. */
export function divideRoundingHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('The denominator must be positive');
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return numerator < 0n ? -rounded : rounded;
}

function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} cents is out of range`);
  return result;
}

/**
 * One line's amounts: net = round(quantity × unit price), VAT = round(net × rate), total = net +
 * VAT, in cents. A negative quantity or price (a credit) rounds symmetrically.
 */
export function lineAmounts(
  quantity: string,
  unitPriceCents: number,
  vatRateBasisPoints: number,
): LineAmounts {
  if (!Number.isSafeInteger(unitPriceCents)) {
    throw new RangeError(`The unit price must be whole cents: ${unitPriceCents}`);
  }
  if (!Number.isInteger(vatRateBasisPoints) || vatRateBasisPoints < 0) {
    throw new RangeError(`The VAT rate must be whole basis points: ${vatRateBasisPoints}`);
  }
  const net = divideRoundingHalfAwayFromZero(thousandths(quantity) * BigInt(unitPriceCents), 1000n);
  const vat = divideRoundingHalfAwayFromZero(net * BigInt(vatRateBasisPoints), 10_000n);
  return {
    netCents: toSafeNumber(net),
    vatCents: toSafeNumber(vat),
    totalCents: toSafeNumber(net + vat),
  };
}

/** The totals of a document: the sums of its lines' amounts (never recomputed from the totals). */
export function sumAmounts(lines: readonly LineAmounts[]): LineAmounts {
  const total = { netCents: 0, vatCents: 0, totalCents: 0 };
  for (const line of lines) {
    total.netCents += line.netCents;
    total.vatCents += line.vatCents;
    total.totalCents += line.totalCents;
  }
  return total;
}

/** Cents as euros with two decimals, e.g. 1250 → "12.50", -5 → "-0.05". */
export function centsToEuros(cents: number): string {
  const magnitude = Math.abs(cents);
  const euros = `${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${euros}` : euros;
}

/** A stored quantity without trailing zeros: "2.500" → "2.5", "3.000" → "3". */
export function displayQuantity(quantity: string): string {
  return quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
}

/** Basis points as a percentage, e.g. 2550 → 25.5. */
export function basisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100;
}

/**
 * A non-negative decimal given as a JSON string or number, scaled to an integer by 10^decimals.
 * A number is read through its shortest decimal form (12.5 → "12.5"), so 0.1 + 0.2 is refused
 * rather than rounded.
 */
function scaledDecimal(
  input: string | number,
  decimals: number,
  max: bigint,
  what: string,
): ParseResult<bigint> {
  const text = (typeof input === 'number' ? String(input) : input).trim().replace(',', '.');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return fail(`${what}.format`, `Give ${what} as a non-negative decimal number`);
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > decimals) {
    return fail(`${what}.decimals`, `Give ${what} with at most ${decimals} decimals`);
  }
  const value = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0'));
  if (value > max) return fail(`${what}.range`, `${what} is too large`);
  return ok(value);
}

/*
 * The bounds that keep every sum exact (decision 0020). An order has at most 200 lines; a line's
 * total is at most quantity × price × 2 (VAT is at most 100 %), so an order's total is at most
 * 200 × 100 000 × 100 000 000 × 2 = 4 × 10^15 cents, under Number.MAX_SAFE_INTEGER (≈ 9 × 10^15)
 * and far under the bigint columns; a quantity of 100 000 fits numeric(12,3).
 */

/** The largest unit price a service may have: a million euros. */
export const MAX_UNIT_PRICE_CENTS = 100_000_000;
/** The largest quantity of one order line: a hundred thousand units (hours, visits, meals …). */
export const MAX_QUANTITY = 100_000;

/** Euros with at most two decimals (string or number) → cents. */
export function eurosToCents(input: string | number): ParseResult<number> {
  const result = scaledDecimal(input, 2, BigInt(MAX_UNIT_PRICE_CENTS), 'price');
  return result.ok ? ok(Number(result.value)) : result;
}

/** A VAT rate in percent, 0–100 with at most two decimals (25.5) → basis points (2550). */
export function percentToBasisPoints(input: string | number): ParseResult<number> {
  const result = scaledDecimal(input, 2, 10_000n, 'vatRate');
  if (!result.ok) {
    return result.code === 'vatRate.range'
      ? fail('vatRate.range', 'A VAT rate is between 0 and 100 percent')
      : result;
  }
  return ok(Number(result.value));
}

/**
 * A quantity ordered: more than zero, at most MAX_QUANTITY with at most three decimals → its
 * canonical string, e.g. "1.50" → "1.5".
 */
export function parseQuantity(input: string | number): ParseResult<string> {
  const result = scaledDecimal(input, 3, BigInt(MAX_QUANTITY) * 1000n, 'quantity');
  if (!result.ok) return result;
  if (result.value === 0n) return fail('quantity.range', 'The quantity must be more than zero');
  const whole = result.value / 1000n;
  const fraction = String(result.value % 1000n)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return ok(fraction ? `${whole}.${fraction}` : String(whole));
}
