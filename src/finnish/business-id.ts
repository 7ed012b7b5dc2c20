import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const BUSINESS_ID_ERRORS = [
  'businessId.empty',
  'businessId.format',
  'businessId.checkDigit',
] as const;
export type BusinessIdError = (typeof BUSINESS_ID_ERRORS)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

/** The check digit of a seven-digit body, or null when no check digit exists (r = 1). */
export function businessIdCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits))
    throw new RangeError(`business ID body must be seven digits, got "${sevenDigits}"`);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(sevenDigits.charAt(i)), 0);
  const r = sum % 11;
  if (r === 0) return 0;
  if (r === 1) return null;
  return 11 - r;
}

/** `NNNNNNN-T` for a body (number or digits, left-padded to seven), or null if the body has no valid check digit. */
export function makeBusinessId(sevenDigits: string | number): string | null {
  const body = String(sevenDigits).padStart(7, '0');
  const check = businessIdCheckDigit(body);
  return check === null ? null : `${body}-${check}`;
}

/**
 * Y-tunnus, normalised to `NNNNNNN-T`. Accepts the old six-digit body (`NNNNNN-T`, padded with
 * a leading 0) and the eight digits without the hyphen (as inside an OVT code).
 */
export function parseBusinessId(input: string): ParseResult<string, BusinessIdError> {
  const s = input.trim();
  if (s === '') return fail('businessId.empty', 'The business ID is empty.');
  const m = /^(\d{6,7})-(\d)$/.exec(s) ?? /^(\d{7})(\d)$/.exec(s);
  if (m === null) {
    return fail(
      'businessId.format',
      'A business ID is seven digits, a hyphen and a check digit, e.g. 0201551-3.',
    );
  }
  const body = (m[1] ?? '').padStart(7, '0');
  const check = businessIdCheckDigit(body);
  if (check === null) {
    return fail(
      'businessId.checkDigit',
      `No valid business ID begins with ${body}; check the digits.`,
    );
  }
  if (String(check) !== m[2]) {
    return fail(
      'businessId.checkDigit',
      `The check digit ${m[2] ?? ''} does not match the digits ${body}.`,
    );
  }
  return ok(`${body}-${check}`);
}
