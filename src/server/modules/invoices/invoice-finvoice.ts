import { finvoiceXml, type FinvoiceInvoice } from '../../lib/finvoice.ts';
import type { InvoiceDocument } from './invoice-document.ts';

/**
 * The e-invoice (Finvoice 3.0) of an invoice: made from the same InvoiceDocument as the PDF and the
 * JSON resource, so the totals, the lines and the reference are the same in all three. The
 * message identifier is the invoice's id and its time the invoice's creation, so a second
 * download is the same message, which the operator refuses to deliver twice.
 */
export function finvoiceOf(document: InvoiceDocument): FinvoiceInvoice {
  const { recipient, seller } = document;
  if (!recipient.eInvoiceAddress || !recipient.eInvoiceIntermediator) {
    throw new Error(`invoice ${document.number} has no e-invoice address`);
  }
  return {
    seller: {
      name: seller.name,
      businessId: seller.businessId,
      address: seller.address,
      iban: seller.iban,
      bic: seller.bic,
      eInvoiceAddress: seller.eInvoiceAddress,
      intermediator: seller.eInvoiceIntermediator,
    },
    buyer: {
      name: recipient.name,
      businessId: recipient.businessId,
      address: recipient.address,
      eInvoiceAddress: recipient.eInvoiceAddress,
      intermediator: recipient.eInvoiceIntermediator,
    },
    invoice: {
      kind: document.kind,
      number: document.number,
      originalInvoiceNumber: document.creditsInvoiceNumber,
      invoiceDate: document.invoiceDate,
      dueDate: document.dueDate,
      reference: document.printedReference,
      referenceKind: document.printedReference.startsWith('RF') ? 'rf' : 'national',
      lines: document.lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        netCents: line.netCents,
        vatCents: line.vatCents,
        totalCents: line.totalCents,
      })),
      netCents: document.netCents,
      vatCents: document.vatCents,
      totalCents: document.totalCents,
      messageId: document.id,
      timestamp: document.createdAt,
    },
  };
}

export const invoiceFinvoiceXml = (document: InvoiceDocument): string =>
  finvoiceXml(finvoiceOf(document));
