import { fail, ok } from './result.ts';
import type { ParseResult } from './result.ts';

export const EMAIL_ERRORS = [
  'email.empty',
  'email.format',
  'email.localPart',
  'email.domain',
  'email.length',
] as const;
export type EmailError = (typeof EMAIL_ERRORS)[number];

// The RFC 5322 dot-atom (no quoted local parts: real mailboxes practically never use them).
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u;

/** An e-mail address, trimmed, with the domain lower-cased (the local part is kept as typed). */
export function parseEmail(input: string): ParseResult<string, EmailError> {
  const s = input.trim();
  if (s === '') return fail('email.empty', 'The e-mail address is empty.');
  const parts = s.split('@');
  if (parts.length !== 2 || /\s/.test(s)) {
    return fail(
      'email.format',
      'An e-mail address has one @ and no spaces, e.g. matti.meikalainen@example.fi.',
    );
  }
  const [local = '', rawDomain = ''] = parts;
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) {
    return fail(
      'email.localPart',
      "The part before @ must be 1–64 letters, digits or !#$%&'*+/=?^_`{|}~- characters, with single dots between them.",
    );
  }
  const domain = rawDomain.toLowerCase();
  const labels = domain.split('.');
  if (
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !TOP_LEVEL.test(labels.at(-1) ?? '')
  ) {
    return fail('email.domain', 'The part after @ must be a domain name such as example.fi.');
  }
  const address = `${local}@${domain}`;
  if (address.length > 254)
    return fail('email.length', 'An e-mail address has at most 254 characters.');
  return ok(address);
}
