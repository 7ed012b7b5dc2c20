import { z } from 'zod';
import { isCountryCode } from './countries.ts';

/**
 * The one text policy of every request (decision 0020). Every free-text field of a request schema
 * is built here, so odd input is refused with a stable code at the boundary instead of reaching
 * the database (a NUL is PostgreSQL error 22021, a 500) or being stored and signed into the
 * access log in a form that reads differently from what was typed.
 */

/** What a text field holds; names and file names refuse the bidirectional controls. */
export type TextKind = 'text' | 'name' | 'fileName';

export type TextOptions = {
  /** The most characters (code points, as zod and PostgreSQL count them) after normalising. */
  max: number;
  /** The fewest; 0 lets an empty string through (it means "none"). Default 1: a value is required. */
  min?: number;
  /** A textarea in the web app: newline and tab are allowed, line ends become "\n". */
  multiline?: boolean;
  kind?: TextKind;
};

export type TextProblem = { code: TextCode; message: string };

export const TEXT_CODES = [
  'text.surrogate',
  'text.control',
  'text.bidi',
  'text.invisible',
  'text.path',
] as const;
export type TextCode = (typeof TEXT_CODES)[number];

/** C0 and C1 control characters and DEL; U+2028/U+2029 break a line as "\n" does. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_EXCEPT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
/**
 * Bidirectional embeddings, overrides, isolates and marks: in a name they reorder what is shown
 * (the "Trojan Source" trick), so that a list shows one name and the register holds another.
 */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;
/**
 * A character that shows something: not white space, not a format or control character, not a
 * default-ignorable one (zero-width space and joiners, U+2060, U+FEFF, Hangul fillers, variation
 * selectors), not a combining mark (which shows only on a base character) and not the blank
 * Braille pattern U+2800, which renders as a space.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;

/** NFC, with a multi-line field's line ends as "\n", then trimmed: what is stored. */
export function normaliseText(value: string, multiline = false): string {
  const nfc = value.normalize('NFC');
  return (multiline ? nfc.replace(/\r\n?/g, '\n') : nfc).trim();
}

/** The first rule `value` (as given, before normalising) breaks, or null. */
export function textProblem(
  value: string,
  options: Pick<TextOptions, 'min' | 'multiline' | 'kind'> = {},
): TextProblem | null {
  const { min = 1, multiline = false, kind = 'text' } = options;
  if (!value.isWellFormed()) {
    return {
      code: 'text.surrogate',
      message: 'The text is not well-formed Unicode (it has a lone surrogate)',
    };
  }
  const stored = normaliseText(value, multiline);
  if ((multiline ? CONTROL_EXCEPT_TAB_AND_NEWLINE : CONTROL).test(stored)) {
    return {
      code: 'text.control',
      message: multiline
        ? 'The text has a control character (only line breaks and tabs are allowed)'
        : 'The text has a control character or a line break',
    };
  }
  if (kind !== 'text' && BIDI.test(stored)) {
    return {
      code: 'text.bidi',
      message: 'A name may not contain bidirectional control characters',
    };
  }
  if (kind === 'fileName' && /[/\\]/.test(stored)) {
    return { code: 'text.path', message: 'A file name without a path (no "/" or "\\")' };
  }
  if (stored === '' ? min > 0 : !VISIBLE.test(stored)) {
    return { code: 'text.invisible', message: 'The text has no visible character' };
  }
  return null;
}

/**
 * A free-text field of a request: checked (the rules above), then stored NFC and trimmed, with
 * length limits on the stored form. A plain `z.string()` with checks, not a transform, so the
 * OpenAPI document shows a string with its `minLength`/`maxLength`; use `.optional()` and
 * `.nullable()` as with any schema.
 */
export function text(options: TextOptions) {
  const { max, min = 1, multiline = false } = options;
  // The rules are checked on the value as given and stop the checks after them, so a refused
  // value gets one error with its own code, not a length error as well.
  return z
    .string()
    .check((ctx) => {
      const problem = textProblem(ctx.value, options);
      if (problem) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: problem.message,
          params: { code: problem.code },
          continue: false,
        });
      }
    })
    .overwrite((value) => normaliseText(value, multiline))
    .min(min)
    .max(max);
}

/**
 * Every id that enters a request (path, query, body): a UUID, stored and signed in lower case
 * whatever case it was given in, so that the access log's MAC covers what the database returns.
 */
export const zId = z.uuid().overwrite((value) => value.toLowerCase());

/**
 * The ranges a date may fall in, by its meaning. A date outside is a typing error ("0050" for
 * "2050"), never a fact the register keeps, and a year before 1 or after 9999 breaks the
 * date arithmetic that reads it back.
 */
export const DATE_RANGES = {
  /**
   * A day of a person's life or of their circumstances (family relations, health, assessments,
   * social-services records): no one living was born before 1900.
   */
  life: { min: '1900-01-01', max: '2100-12-31' },
  /**
   * A day of the register's own business (orders, invoices, payments, requests, contracts,
   * accounts, disclosures, access-log filters): the register keeps no record from before 2000,
   * and a day after 2100 is a mistyped year, not a plan.
   */
  business: { min: '2000-01-01', max: '2100-12-31' },
} as const;
export type DateRange = keyof typeof DATE_RANGES;

const outOfRange = (range: DateRange) =>
  `Give a date from ${DATE_RANGES[range].min} to ${DATE_RANGES[range].max}`;

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not), within `range`. */
export function date(range: DateRange) {
  const { min, max } = DATE_RANGES[range];
  return z.iso.date().refine((value) => value >= min && value <= max, {
    message: outOfRange(range),
    params: { code: 'date.range' },
  });
}

/** An instant, ISO 8601 with a time zone, whose day (in UTC) is within `range`. */
export function dateTime(range: DateRange) {
  const { min, max } = DATE_RANGES[range];
  return z.iso.datetime({ offset: true }).refine(
    (value) => {
      const instant = new Date(value);
      if (Number.isNaN(instant.getTime())) return false;
      const day = instant.toISOString().slice(0, 10);
      return day >= min && day <= max;
    },
    { message: outOfRange(range), params: { code: 'date.range' } },
  );
}

/** A country as its ISO 3166-1 alpha-2 code, any case given; stored in upper case. */
export const zCountryCode = z
  .string()
  .overwrite((value) => value.trim().toUpperCase())
  .refine(isCountryCode, {
    message: 'Use the two-letter ISO 3166-1 code of the country, e.g. FI or SE',
    params: { code: 'country.unknown' },
  });
