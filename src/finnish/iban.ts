import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

/**
 * The 27 EU member states and the three other EEA states (IS, LI, NO), ISO 3166-1 alpha-2
 * (Greece is GR, not the EU's "EL"). Personal data may move freely within this area.
 */
// prettier-ignore
export const EU_EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
  'IS', 'LI', 'NO',
] as const;
export type EuEeaCountry = (typeof EU_EEA_COUNTRIES)[number];

export function isEuEeaCountry(country: string): country is EuEeaCountry {
  return (EU_EEA_COUNTRIES as readonly string[]).includes(country.toUpperCase());
}

export const IBAN_ERRORS = [
  'iban.empty',
  'iban.format',
  'iban.countryNotSupported',
  'iban.length',
  'iban.bban',
  'iban.checkDigits',
] as const;
export type IbanError = (typeof IBAN_ERRORS)[number];

const FRENCH = '10n11c2n';
/**
 * The BBAN (the part after the check digits) of each accepted country, from the SWIFT IBAN
 * registry: n digits, a letters, c letters or digits.
 */
// prettier-ignore
export const IBAN_BBAN_FORMATS: Readonly<Record<string, string>> = {
  AT: '16n', BE: '12n', BG: '4a6n8c', CY: '8n16c', CZ: '20n', DE: '18n', DK: '14n', EE: '16n',
  ES: '20n', FI: '14n', FR: FRENCH, GR: '7n16c', HR: '17n', HU: '24n', IE: '4a14n',
  IT: '1a10n12c', LT: '16n', LU: '3n13c', LV: '4a13c', MT: '4a5n18c', NL: '4a10n', PL: '24n',
  PT: '21n', RO: '4a16c', SE: '20n', SI: '15n', SK: '20n', IS: '22n', LI: '5n12c', NO: '11n',
  // EU territories with an ISO code of their own: Åland, and France's outermost regions.
  AX: '14n', GF: FRENCH, GP: FRENCH, MQ: FRENCH, RE: FRENCH, YT: FRENCH, MF: FRENCH,
};

type Bban = { length: number; pattern: RegExp };
const CLASSES: Readonly<Record<string, string>> = { n: '[0-9]', a: '[A-Z]', c: '[A-Z0-9]' };

const SPECS: ReadonlyMap<string, Bban> = new Map(
  Object.entries(IBAN_BBAN_FORMATS).map(([country, structure]) => {
    const parts = [...structure.matchAll(/(\d+)([nac])/g)];
    const length = parts.reduce((sum, [, count]) => sum + Number(count), 0);
    const pattern = new RegExp(
      `^${parts.map(([, count, kind = '']) => `${CLASSES[kind] ?? ''}{${count}}`).join('')}$`,
    );
    return [country, { length, pattern }];
  }),
);

/** The IBAN length of each supported country (the BBAN plus four). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [...SPECS].map(([country, spec]) => [country, spec.length + 4]),
);

/** ISO 7064 MOD 97-10 over the IBAN rearranged (first four characters moved to the end), letters A=10 … Z=35. */
function mod97(rearranged: string): number {
  let rem = 0;
  for (const ch of rearranged) {
    const v = Number.parseInt(ch, 36);
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem;
}

const compact = (input: string): string => input.replace(/\s+/g, '').toUpperCase();

/** Builds an IBAN from a country and BBAN, for test data and generators. */
export function makeIban(country: string, bban: string): string {
  const cc = country.toUpperCase();
  const b = compact(bban);
  const check = 98 - mod97(`${b}${cc}00`);
  return `${cc}${String(check).padStart(2, '0')}${b}`;
}

/** IBAN of an EU/EEA country, normalised without spaces and upper-case. */
export function parseIban(input: string): ParseResult<string, IbanError> {
  const iban = compact(input);
  if (iban === '') return fail('iban.empty', 'The IBAN is empty.');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    return fail(
      'iban.format',
      'An IBAN begins with a two-letter country code and two check digits, followed by letters and digits only.',
    );
  }
  const country = iban.slice(0, 2);
  const spec = SPECS.get(country);
  if (spec === undefined) {
    return fail(
      'iban.countryNotSupported',
      `Accounts in country "${country}" are not accepted; only EU/EEA IBANs are.`,
    );
  }
  if (iban.length !== spec.length + 4) {
    return fail(
      'iban.length',
      `An IBAN of ${country} has ${spec.length + 4} characters, not ${iban.length}.`,
    );
  }
  if (!spec.pattern.test(iban.slice(4))) {
    return fail('iban.bban', `The account number part does not have the form used in ${country}.`);
  }
  const check = Number(iban.slice(2, 4));
  if (check < 2 || check > 98 || mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return fail(
      'iban.checkDigits',
      'The IBAN check digits do not match the account number; check for a typing error.',
    );
  }
  return ok(iban);
}

/** Groups of four for print and screen: `FI21 1234 5600 0007 85`. */
export function formatIban(iban: string): string {
  return compact(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
