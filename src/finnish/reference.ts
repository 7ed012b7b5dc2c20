import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const NATIONAL_REFERENCE_ERRORS = [
  'reference.empty',
  'reference.format',
  'reference.length',
  'reference.check',
] as const;
export type NationalReferenceError = (typeof NATIONAL_REFERENCE_ERRORS)[number];

const WEIGHTS = [7, 3, 1] as const;

/** The check digit of a base: weights 7, 3, 1, 7, 3, 1 … from the right; (10 − sum mod 10) mod 10. */
function checkDigit(base: string): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) {
    sum += Number(base.charAt(base.length - 1 - i)) * (WEIGHTS[i % 3] ?? 0);
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * The national reference (viitenumero) of a base of 3–19 digits: the base and its check digit.
 * `nationalReference('123456') === '1234561'`. A base beginning with 0 is refused: a reference
 * is printed without leading zeros, so the zeros would be lost.
 */
export function nationalReference(base: string): string {
  if (!/^[1-9]\d{2,18}$/.test(base)) {
    throw new RangeError(`a reference base is 3–19 digits not beginning with 0, got "${base}"`);
  }
  return `${base}${checkDigit(base)}`;
}

/**
 * National reference (viitenumero), normalised to its digits without spaces and without leading
 * zeros (they are not significant: banks pad references with zeros, and print them without).
 * The significant digits are 4–20, the last one the check digit.
 */
export function parseNationalReference(input: string): ParseResult<string, NationalReferenceError> {
  const compact = input.replace(/\s+/g, '');
  if (compact === '') return fail('reference.empty', 'The reference is empty.');
  if (!/^\d+$/.test(compact)) {
    return fail('reference.format', 'A reference is made of digits only, e.g. 12 34561.');
  }
  const reference = compact.replace(/^0+/, '');
  if (reference.length < 4 || reference.length > 20) {
    return fail(
      'reference.length',
      `A reference has 4–20 digits (leading zeros not counted), not ${reference.length}.`,
    );
  }
  const base = reference.slice(0, -1);
  const check = checkDigit(base);
  if (String(check) !== reference.slice(-1)) {
    return fail(
      'reference.check',
      'The check digit of the reference does not match; check for a typing error.',
    );
  }
  return ok(reference);
}

/** Groups of five from the right, leading zeros dropped, for print: `12 34561`. */
export function formatNationalReference(reference: string): string {
  const digits = reference.replace(/\s+/g, '').replace(/^0+/, '');
  return digits.replace(/\B(?=(\d{5})+$)/g, ' ');
}
