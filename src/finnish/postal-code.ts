import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const POSTAL_CODE_ERRORS = [
  'postalCode.empty',
  'postalCode.format',
  'postalCode.foreignFormat',
] as const;
export type PostalCodeError = (typeof POSTAL_CODE_ERRORS)[number];

// Åland (AX) has its own ISO code but uses Finnish postal codes (22100 Mariehamn).
const FINNISH_FORMAT = new Set(['FI', 'AX']);

/**
 * Finland: exactly five digits. Elsewhere: 2–10 letters, digits, spaces or hyphens, beginning
 * and ending with a letter or digit; letters are upper-cased and runs of spaces made single.
 */
export function parsePostalCode(
  input: string,
  country = 'FI',
): ParseResult<string, PostalCodeError> {
  const s = input.trim();
  if (s === '') return fail('postalCode.empty', 'The postal code is empty.');
  if (FINNISH_FORMAT.has(country.trim().toUpperCase())) {
    return /^\d{5}$/.test(s)
      ? ok(s)
      : fail('postalCode.format', 'A Finnish postal code is exactly five digits.');
  }
  const foreign = s.toUpperCase().replace(/\s+/g, ' ');
  if (!/^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/.test(foreign)) {
    return fail(
      'postalCode.foreignFormat',
      'A foreign postal code has 2–10 letters, digits, spaces or hyphens, beginning and ending with a letter or digit.',
    );
  }
  return ok(foreign);
}
