import { businessIdCheckDigit } from './business-id.ts';
import { parseIban } from './iban.ts';
import type { IbanError } from './iban.ts';
import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const OVT_ERRORS = ['ovt.empty', 'ovt.format', 'ovt.businessId', 'ovt.suffix'] as const;
export type OvtError = (typeof OVT_ERRORS)[number];

export const E_INVOICE_ADDRESS_ERRORS = [
  'eInvoiceAddress.empty',
  'eInvoiceAddress.format',
] as const;
export type EInvoiceAddressError = (typeof E_INVOICE_ADDRESS_ERRORS)[number];

export const INTERMEDIATOR_ERRORS = ['intermediator.empty', 'intermediator.format'] as const;
export type IntermediatorError = (typeof INTERMEDIATOR_ERRORS)[number];

export type EInvoiceAddress = { kind: 'ovt' | 'iban'; value: string };
export type Intermediator = { kind: 'ovt' | 'bic'; value: string };

const compact = (input: string): string => input.replace(/\s+/g, '').toUpperCase();

/**
 * OVT code: `0037` + the business ID's eight digits + an optional suffix of up to five letters
 * or digits (12–17 characters). Spaces are dropped and letters upper-cased.
 */
export function parseOvt(input: string): ParseResult<string, OvtError> {
  const ovt = compact(input);
  if (ovt === '') return fail('ovt.empty', 'The OVT code is empty.');
  const m = /^0037(\d{7})(\d)(.*)$/.exec(ovt);
  if (m === null) {
    return fail(
      'ovt.format',
      'An OVT code is 0037 followed by the eight digits of a business ID, e.g. 003702015513.',
    );
  }
  const [, body = '', check = '', suffix = ''] = m;
  if (!/^[A-Z0-9]{0,5}$/.test(suffix)) {
    return fail('ovt.suffix', 'The part after the business ID is at most five letters or digits.');
  }
  if (String(businessIdCheckDigit(body)) !== check) {
    return fail(
      'ovt.businessId',
      `The business ID ${body}-${check} inside the OVT code is not valid.`,
    );
  }
  return ok(ovt);
}

/** A customer's e-invoice address: an OVT code, or an IBAN for e-invoices through a bank. */
export function parseEInvoiceAddress(
  input: string,
): ParseResult<EInvoiceAddress, EInvoiceAddressError | OvtError | IbanError> {
  const s = compact(input);
  if (s === '') return fail('eInvoiceAddress.empty', 'The e-invoice address is empty.');
  if (s.startsWith('0037')) {
    const r = parseOvt(s);
    return r.ok ? ok({ kind: 'ovt', value: r.value }) : r;
  }
  if (/^[A-Z]{2}\d{2}/.test(s)) {
    const r = parseIban(s);
    return r.ok ? ok({ kind: 'iban', value: r.value }) : r;
  }
  return fail('eInvoiceAddress.format', 'An e-invoice address is an OVT code (0037…) or an IBAN.');
}

/** The e-invoice intermediator: an operator's OVT-form code (003723327487) or a bank's BIC (NDEAFIHH). */
export function parseIntermediator(
  input: string,
): ParseResult<Intermediator, IntermediatorError | OvtError> {
  const s = compact(input);
  if (s === '') return fail('intermediator.empty', 'The e-invoice intermediator is empty.');
  if (s.startsWith('0037')) {
    const r = parseOvt(s);
    return r.ok ? ok({ kind: 'ovt', value: r.value }) : r;
  }
  // BIC (ISO 9362): bank (4 letters), country (2 letters), location (2), optional branch (3).
  if (/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(s)) return ok({ kind: 'bic', value: s });
  return fail(
    'intermediator.format',
    'An intermediator is an operator code (0037 and eight digits) or a bank BIC of 8 or 11 characters.',
  );
}
