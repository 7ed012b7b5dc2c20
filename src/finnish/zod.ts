import { z } from 'zod';
import { parseBusinessId } from './business-id.ts';
import { parseEmail } from './email.ts';
import { parseIban } from './iban.ts';
import { parseIdentityCode } from './identity-code.ts';
import { parseEInvoiceAddress, parseIntermediator, parseOvt } from './ovt.ts';
import { parsePhone } from './phone.ts';
import { parsePostalCode } from './postal-code.ts';
import { parseNationalReference } from './reference.ts';
import { parsePaymentReference, parseRfReference } from './rf-reference.ts';
import type { ParseResult } from './result.ts';

/**
 * A string schema that outputs the parser's normalised value; on failure the issue carries the
 * English message and, in params.code, the stable code the web app translates.
 */
function fromParser<T>(parse: (input: string) => ParseResult<T>) {
  return z
    .string()
    .trim()
    .transform((input, ctx) => {
      const result = parse(input);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message, params: { code: result.code } });
        return z.NEVER;
      }
      return result.value;
    });
}

/** Henkilötunnus → the 11 characters, upper-case. */
export const zIdentityCode = fromParser((s) => {
  const r = parseIdentityCode(s);
  return r.ok ? { ok: true, value: r.value.code } : r;
});
export const zBusinessId = fromParser(parseBusinessId);
export const zIban = fromParser(parseIban);
/** Finnish postal code; a foreign address uses parsePostalCode with its country. */
export const zPostalCode = fromParser((s) => parsePostalCode(s, 'FI'));
export const zPhone = fromParser(parsePhone);
export const zEmail = fromParser(parseEmail);
export const zOvt = fromParser(parseOvt);
/** OVT code or IBAN → the normalised string (the kind is evident from it). */
export const zEInvoiceAddress = fromParser((s) => {
  const r = parseEInvoiceAddress(s);
  return r.ok ? { ok: true, value: r.value.value } : r;
});
/** Operator code or BIC → the normalised string. */
export const zIntermediator = fromParser((s) => {
  const r = parseIntermediator(s);
  return r.ok ? { ok: true, value: r.value.value } : r;
});
export const zNationalReference = fromParser(parseNationalReference);
export const zRfReference = fromParser(parseRfReference);
/** A national or an RF reference → the normalised string (the kind is evident from it). */
export const zPaymentReference = fromParser((s) => {
  const r = parsePaymentReference(s);
  return r.ok ? { ok: true, value: r.value.value } : r;
});
