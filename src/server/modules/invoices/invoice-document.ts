import type { billingSettings, InvoiceRecipient, PostalAddress } from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { formatNationalReference } from '../../../finnish/reference.ts';
import { formatRfReference } from '../../../finnish/rf-reference.ts';
import { virtualBarcode } from '../../../finnish/virtual-barcode.ts';
import { isAddressProtected } from '../customers/address-protection.ts';
import type { InvoiceLineRow, InvoiceRow } from './invoices.queries.ts';
import type { InvoiceViewStatus } from '../../../contract/invoices/invoices.schemas.ts';

export type BillingSettings = typeof billingSettings.$inferSelect;
export type InvoiceLanguage = InvoiceRecipient['language'];

const isFinnishIban = (iban: string) => iban.replace(/\s+/g, '').toUpperCase().startsWith('FI');

/**
 * Everything an invoice shows, computed once from the stored invoice and the seller settings: the
 * JSON resource, the PDF and the Finvoice message are all made from this, so that they agree.
 */
export type InvoiceDocument = {
  id: string;
  number: number;
  kind: InvoiceRow['kind'];
  creditsInvoiceNumber: number | null;
  recipient: InvoiceRecipient;
  delivery: InvoiceRow['delivery'];
  invoiceDate: string;
  dueDate: string;
  /** Digits, and in groups of five. */
  reference: string;
  referenceFormatted: string;
  /** RF form, and in groups of four. */
  rfReference: string;
  rfReferenceFormatted: string;
  /** The reference the invoice prints and the barcode carries, as stored (no spaces). */
  printedReference: string;
  printedReferenceFormatted: string;
  status: InvoiceViewStatus;
  lines: InvoiceLineRow[];
  vatSummary: {
    vatRateBasisPoints: number;
    netCents: number;
    vatCents: number;
    totalCents: number;
  }[];
  netCents: number;
  vatCents: number;
  totalCents: number;
  paidCents: number;
  openCents: number;
  virtualBarcode: string | null;
  createdAt: Date;
  seller: {
    name: string;
    businessId: string;
    address: PostalAddress;
    iban: string;
    bic: string;
    eInvoiceAddress: string | null;
    eInvoiceIntermediator: string | null;
  };
};

/**
 * The status shown: the stored one, except that an open invoice whose due date has passed (as a
 * Helsinki calendar day) is overdue. Overdue is derived, never stored, so it needs no job to
 * keep it true.
 */
export function exposedStatus(
  invoice: Pick<InvoiceRow, 'status' | 'kind' | 'dueDate'>,
  now: Date,
): InvoiceViewStatus {
  if (
    invoice.status === 'open' &&
    invoice.kind === 'invoice' &&
    invoice.dueDate < helsinkiDate(now)
  ) {
    return 'overdue';
  }
  return invoice.status;
}

/** VAT by rate, highest rate first, as the summary on the invoice shows it. */
export function vatSummaryOf(lines: readonly InvoiceLineRow[]): InvoiceDocument['vatSummary'] {
  const byRate = new Map<number, InvoiceDocument['vatSummary'][number]>();
  for (const line of lines) {
    const rate = byRate.get(line.vatRateBasisPoints) ?? {
      vatRateBasisPoints: line.vatRateBasisPoints,
      netCents: 0,
      vatCents: 0,
      totalCents: 0,
    };
    rate.netCents += line.netCents;
    rate.vatCents += line.vatCents;
    rate.totalCents += line.totalCents;
    byRate.set(line.vatRateBasisPoints, rate);
  }
  return [...byRate.values()].sort((a, b) => b.vatRateBasisPoints - a.vatRateBasisPoints);
}

/**
 * The recipient as shown now: a snapshot made before the person's address became protected
 * loses its address while the protection is in force.
 */
export function recipientNow(
  recipient: InvoiceRecipient,
  protection: { addressProtectionActive: boolean; addressProtectionEndsOn: string | null } | null,
  now: Date,
): InvoiceRecipient {
  if (recipient.addressProtected || !protection || !isAddressProtected(protection, now)) {
    return recipient;
  }
  return { ...recipient, address: null, addressProtected: true };
}

export function invoiceDocument(input: {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  paidCents: number;
  settings: BillingSettings;
  recipient: InvoiceRecipient;
  creditsInvoiceNumber: number | null;
  now: Date;
}): InvoiceDocument {
  const { invoice, settings } = input;
  const status = exposedStatus(invoice, input.now);
  const openCents =
    invoice.kind === 'invoice' && status !== 'credited'
      ? Math.max(0, invoice.totalCents - input.paidCents)
      : 0;
  const rf = settings.referenceFormat === 'rf';
  const printedReference = rf ? invoice.rfReference : invoice.reference;
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    creditsInvoiceNumber: input.creditsInvoiceNumber,
    recipient: input.recipient,
    delivery: invoice.delivery,
    invoiceDate: invoice.invoiceDate,
    dueDate: invoice.dueDate,
    reference: invoice.reference,
    referenceFormatted: formatNationalReference(invoice.reference),
    rfReference: invoice.rfReference,
    rfReferenceFormatted: formatRfReference(invoice.rfReference),
    printedReference,
    printedReferenceFormatted: rf
      ? formatRfReference(printedReference)
      : formatNationalReference(printedReference),
    status,
    lines: input.lines,
    vatSummary: vatSummaryOf(input.lines),
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    paidCents: input.paidCents,
    openCents,
    // What is left to pay, to the seller's account, with the printed reference (an amount past
    // the barcode's six euro digits the lib leaves for the payer to type). The barcode carries
    // Finnish accounts only.
    virtualBarcode:
      openCents > 0 && isFinnishIban(settings.iban)
        ? virtualBarcode({
            iban: settings.iban,
            amountCents: openCents,
            reference: printedReference,
            dueDate: invoice.dueDate,
          })
        : null,
    createdAt: invoice.createdAt,
    seller: {
      name: settings.sellerName,
      businessId: settings.sellerBusinessId,
      address: settings.sellerAddress,
      iban: settings.iban,
      bic: settings.bic,
      eInvoiceAddress: settings.eInvoiceAddress,
      eInvoiceIntermediator: settings.eInvoiceIntermediator,
    },
  };
}
