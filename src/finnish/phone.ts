import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const PHONE_ERRORS = [
  'phone.empty',
  'phone.characters',
  'phone.format',
  'phone.length',
] as const;
export type PhoneError = (typeof PHONE_ERRORS)[number];

const FINLAND = '358';
// Country codes of one or two digits (ITU-T E.164); every other code has three.
// prettier-ignore
const SHORT_COUNTRY_CODES = new Set([
  '1', '7', '20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45',
  '46', '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63',
  '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98',
]);

/**
 * A phone number as E.164 (`+358401234567`). Accepts Finnish national numbers (`040 123 4567`,
 * `(09) 123 4567`), `+CC…` and `00CC…`, with spaces, hyphens, dots and parentheses as separators.
 * A trunk 0 written after +358 (`+358 (0)40 …`) is dropped: no Finnish number begins with it.
 */
export function parsePhone(input: string): ParseResult<string, PhoneError> {
  const s = input.trim();
  if (s === '') return fail('phone.empty', 'The phone number is empty.');
  if (!/^[0-9+ .()-]+$/.test(s)) {
    return fail(
      'phone.characters',
      'A phone number may contain only digits, a leading +, and spaces, hyphens, dots or parentheses between them.',
    );
  }
  const compact = s.replace(/[ .()-]/g, '');
  let digits: string;
  if (/^\+\d+$/.test(compact)) digits = compact.slice(1);
  else if (/^00\d+$/.test(compact)) digits = compact.slice(2);
  else if (/^0\d+$/.test(compact)) digits = FINLAND + compact.slice(1);
  else {
    return fail(
      'phone.format',
      'A phone number begins with + or 00 and the country code, or with 0 for a Finnish number.',
    );
  }
  if (digits.startsWith(`${FINLAND}0`)) digits = FINLAND + digits.slice(FINLAND.length + 1);
  if (digits.startsWith('0')) return fail('phone.format', 'A country code cannot begin with 0.');
  if (digits.length < 8 || digits.length > 15) {
    return fail('phone.length', 'A phone number has 8–15 digits, country code included.');
  }
  return ok(`+${digits}`);
}

function countryCodeLength(digits: string): number {
  if (SHORT_COUNTRY_CODES.has(digits.slice(0, 1))) return 1;
  if (SHORT_COUNTRY_CODES.has(digits.slice(0, 2))) return 2;
  return 3;
}

const group = (s: string, first: number): string =>
  s.length > first ? `${s.slice(0, first)} ${s.slice(first)}` : s;

/**
 * Finnish numbers nationally: mobile (04x, 050) as `040 123 4567`, others after a one- or
 * two-digit area code (two for 01x) as `09 1234 567`; foreign ones as `+46 812345678`.
 * A value that is not E.164 is returned unchanged, so a bad stored value still shows.
 */
export function formatPhoneFinnish(e164: string): string {
  if (!/^\+[1-9]\d{7,14}$/.test(e164)) return e164;
  const digits = e164.slice(1);
  if (!digits.startsWith(FINLAND)) {
    const cc = countryCodeLength(digits);
    return `+${digits.slice(0, cc)} ${digits.slice(cc)}`;
  }
  const national = digits.slice(FINLAND.length);
  if (/^(4|50)/.test(national)) return `0${national.slice(0, 2)} ${group(national.slice(2), 3)}`;
  const area = national.startsWith('1') ? 2 : 1;
  return `0${national.slice(0, area)} ${group(national.slice(area), 4)}`;
}
