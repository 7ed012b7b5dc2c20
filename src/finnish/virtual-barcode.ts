import { parseIban } from './iban.ts';
import { parsePaymentReference } from './rf-reference.ts';

export type VirtualBarcodeInput = {
  /** A Finnish IBAN, with or without spaces. */
  iban: string;
  /** The amount to pay in cents; negative or over 999 999,99 € leaves the amount to the payer. */
  amountCents: number;
  /** A national reference or an RF reference whose body is digits. */
  reference: string;
  /** YYYY-MM-DD, or null when the invoice has no due date. */
  dueDate: string | null;
};

const MAX_AMOUNT_CENTS = 99_999_999;

/** The euros (6) and cents (2) of the barcode; zeros when the amount does not fit. */
function amountField(amountCents: number): string {
  if (!Number.isSafeInteger(amountCents)) {
    throw new RangeError(`the amount must be a whole number of cents, got ${amountCents}`);
  }
  // Finanssiala's guide: an amount the barcode cannot carry is left as zeros for the payer to type.
  if (amountCents < 0 || amountCents > MAX_AMOUNT_CENTS) return '0'.repeat(8);
  return String(amountCents).padStart(8, '0');
}

function dueDateField(dueDate: string | null): string {
  if (dueDate === null) return '000000';
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(dueDate);
  const date = new Date(`${dueDate}T00:00:00Z`);
  if (m === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== dueDate) {
    throw new RangeError(`the due date must be a real date YYYY-MM-DD, got "${dueDate}"`);
  }
  return `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}`;
}

/**
 * The 54 digits of the virtual barcode (virtuaaliviivakoodi, Finanssiala's bank barcode guide):
 * version 4 for a national reference, version 5 for an RF reference. Throws on an IBAN that is
 * not Finnish, an invalid reference, an RF reference with letters, or a malformed due date.
 */
export function virtualBarcode(input: VirtualBarcodeInput): string {
  const iban = parseIban(input.iban);
  if (!iban.ok) throw new RangeError(`not a valid IBAN: "${input.iban}" (${iban.message})`);
  if (!iban.value.startsWith('FI')) {
    throw new RangeError(`the virtual barcode carries a Finnish IBAN only, got "${iban.value}"`);
  }
  const reference = parsePaymentReference(input.reference);
  if (!reference.ok) {
    throw new RangeError(`not a valid reference: "${input.reference}" (${reference.message})`);
  }
  const account = iban.value.slice(2);
  const amount = amountField(input.amountCents);
  const due = dueDateField(input.dueDate);
  if (reference.value.kind === 'national') {
    return `4${account}${amount}000${reference.value.value.padStart(20, '0')}${due}`;
  }
  const rf = reference.value.value;
  const body = rf.slice(4);
  if (!/^\d+$/.test(body)) {
    throw new RangeError(`the virtual barcode carries an RF reference of digits only, got "${rf}"`);
  }
  return `5${account}${amount}${rf.slice(2, 4)}${body.padStart(21, '0')}${due}`;
}
