import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

/** Henkilötunnus (personal identity code), `DDMMYYCZZZQ`. */
export type IdentityCode = {
  /** All 11 characters, upper-case: the century sign distinguishes two persons. */
  code: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Individual number 900–999: a temporary or test code. */
  temporary: boolean;
};

export const IDENTITY_CODE_ERRORS = [
  'identityCode.empty',
  'identityCode.format',
  'identityCode.centurySign',
  'identityCode.date',
  'identityCode.individualNumber',
  'identityCode.checkCharacter',
] as const;
export type IdentityCodeError = (typeof IDENTITY_CODE_ERRORS)[number];

/** Century signs by century; the first is the default when generating (the extra signs exist since 2023). */
export const IDENTITY_CODE_CENTURY_SIGNS = {
  1800: ['+'],
  1900: ['-', 'Y', 'X', 'W', 'V', 'U'],
  2000: ['A', 'B', 'C', 'D', 'E', 'F'],
} as const;
type Century = keyof typeof IDENTITY_CODE_CENTURY_SIGNS;

const CENTURIES: readonly Century[] = [1800, 1900, 2000];
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const SHAPE = /^(\d{2})(\d{2})(\d{2})(.)(\d{3})(.)$/;

function centuryOfSign(sign: string): Century | undefined {
  return CENTURIES.find((c) =>
    (IDENTITY_CODE_CENTURY_SIGNS[c] as readonly string[]).includes(sign),
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The check character for `DDMMYY` and the individual number: DDMMYYZZZ mod 31. */
export function identityCodeCheckCharacter(ddmmyy: string, individual: number): string {
  if (!/^\d{6}$/.test(ddmmyy)) throw new RangeError(`ddmmyy must be six digits, got "${ddmmyy}"`);
  if (!Number.isInteger(individual) || individual < 0 || individual > 999) {
    throw new RangeError(`individual number must be an integer 0–999, got ${individual}`);
  }
  return CHECK_CHARACTERS.charAt(Number(ddmmyy + pad(individual, 3)) % 31);
}

export function parseIdentityCode(input: string): ParseResult<IdentityCode, IdentityCodeError> {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('identityCode.empty', 'The personal identity code is empty.');
  const parts = SHAPE.exec(code);
  if (parts === null) {
    return fail(
      'identityCode.format',
      'A personal identity code has 11 characters: six digits of birth date, a century sign, three digits and a check character.',
    );
  }
  const [, dd = '', mm = '', yy = '', sign = '', zzz = '', check = ''] = parts;
  const century = centuryOfSign(sign);
  if (century === undefined) {
    return fail(
      'identityCode.centurySign',
      `"${sign}" is not a century sign; use + (1800s), - Y X W V U (1900s) or A B C D E F (2000s).`,
    );
  }
  const year = century + Number(yy);
  if (!isRealDate(year, Number(mm), Number(dd))) {
    return fail('identityCode.date', `The birth date ${dd}.${mm}.${year} does not exist.`);
  }
  const individual = Number(zzz);
  if (individual < 2) {
    return fail(
      'identityCode.individualNumber',
      `The individual number ${zzz} is invalid; it must be 002–999.`,
    );
  }
  if (check !== identityCodeCheckCharacter(dd + mm + yy, individual)) {
    return fail(
      'identityCode.checkCharacter',
      `The check character "${check}" does not match the rest of the code.`,
    );
  }
  return ok({ code, birthDate: `${year}-${mm}-${dd}`, temporary: individual >= 900 });
}

/** Shows only the birth date and century sign (Data Protection Act 1050/2018, 29 §). */
export function maskIdentityCode(code: string): string {
  return `${code.trim().toUpperCase().slice(0, 7)}****`;
}

/**
 * Builds a valid code, for test data and generators. A `Date` is read in UTC. The century
 * sign defaults to the first of its century (`+`, `-`, `A`). Throws RangeError on bad input.
 */
export function makeIdentityCode(
  birthDate: Date | string,
  individual: number,
  centurySign?: string,
): string {
  let year: number;
  let month: number;
  let day: number;
  if (typeof birthDate === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
    if (m === null) throw new RangeError(`birth date must be YYYY-MM-DD, got "${birthDate}"`);
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!isRealDate(year, month, day))
      throw new RangeError(`birth date ${birthDate} does not exist`);
  } else {
    if (Number.isNaN(birthDate.getTime())) throw new RangeError('birth date is an invalid Date');
    [year, month, day] = [
      birthDate.getUTCFullYear(),
      birthDate.getUTCMonth() + 1,
      birthDate.getUTCDate(),
    ];
  }
  const century = CENTURIES.find((c) => year >= c && year < c + 100);
  if (century === undefined) throw new RangeError(`birth year ${year} is outside 1800–2099`);
  const signs: readonly string[] = IDENTITY_CODE_CENTURY_SIGNS[century];
  const sign = centurySign ?? signs[0] ?? '';
  if (!signs.includes(sign))
    throw new RangeError(`century sign "${sign}" is not one of ${signs.join(' ')} for ${year}`);
  if (!Number.isInteger(individual) || individual < 2 || individual > 999) {
    throw new RangeError(`individual number must be an integer 2–999, got ${individual}`);
  }
  const ddmmyy = pad(day, 2) + pad(month, 2) + pad(year % 100, 2);
  return ddmmyy + sign + pad(individual, 3) + identityCodeCheckCharacter(ddmmyy, individual);
}
