import { parseNationalReference } from './reference.ts';
import type { NationalReferenceError } from './reference.ts';
import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const RF_REFERENCE_ERRORS = [
  'rfReference.empty',
  'rfReference.format',
  'rfReference.length',
  'rfReference.check',
] as const;
export type RfReferenceError = (typeof RF_REFERENCE_ERRORS)[number];

export type PaymentReference = { kind: 'national' | 'rf'; value: string };

const compact = (input: string): string => input.replace(/\s+/g, '').toUpperCase();

/** ISO 7064 MOD 97-10 with letters A=10 … Z=35, as for an IBAN. */
function mod97(text: string): number {
  let rem = 0;
  for (const ch of text) {
    const v = Number.parseInt(ch, 36);
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem;
}

/**
 * RF creditor reference (ISO 11649) of a body of 1–21 letters or digits (spaces dropped,
 * upper-cased): `RF`, two check digits, the body. `rfReference('11112') === 'RF9811112'`.
 */
export function rfReference(body: string): string {
  const b = compact(body);
  if (!/^[A-Z0-9]{1,21}$/.test(b)) {
    throw new RangeError(`an RF reference body is 1–21 letters or digits, got "${body}"`);
  }
  const check = 98 - mod97(`${b}RF00`);
  return `RF${String(check).padStart(2, '0')}${b}`;
}

/** The RF form of a national reference: its digits (check digit included) become the body. */
export function rfFromNational(reference: string): string {
  const r = parseNationalReference(reference);
  if (!r.ok) throw new RangeError(`not a national reference: "${reference}" (${r.message})`);
  return rfReference(r.value);
}

/** RF creditor reference, normalised upper-case without spaces. */
export function parseRfReference(input: string): ParseResult<string, RfReferenceError> {
  const rf = compact(input);
  if (rf === '') return fail('rfReference.empty', 'The RF reference is empty.');
  if (!/^RF\d{2}[A-Z0-9]*$/.test(rf)) {
    return fail(
      'rfReference.format',
      'An RF reference is RF, two check digits and letters or digits, e.g. RF98 1111 2.',
    );
  }
  const body = rf.slice(4);
  if (body.length < 1 || body.length > 21) {
    return fail(
      'rfReference.length',
      `An RF reference has 1–21 characters after the check digits, not ${body.length}.`,
    );
  }
  const check = Number(rf.slice(2, 4));
  if (check < 2 || check > 98 || mod97(`${body}${rf.slice(0, 4)}`) !== 1) {
    return fail(
      'rfReference.check',
      'The check digits of the RF reference do not match; check for a typing error.',
    );
  }
  return ok(rf);
}

/** Groups of four for print: `RF98 1111 2`. */
export function formatRfReference(reference: string): string {
  return compact(reference).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A payment reference in either form: RF (it begins with RF) or national. The error is the one
 * of the form the input looks like.
 */
export function parsePaymentReference(
  input: string,
): ParseResult<PaymentReference, NationalReferenceError | RfReferenceError> {
  if (compact(input).startsWith('RF')) {
    const r = parseRfReference(input);
    return r.ok ? ok({ kind: 'rf', value: r.value }) : r;
  }
  const r = parseNationalReference(input);
  return r.ok ? ok({ kind: 'national', value: r.value }) : r;
}
