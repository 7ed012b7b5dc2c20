import { parseIban } from '../../finnish/iban.ts';
import { parseNationalReference } from '../../finnish/reference.ts';
import { parseRfReference } from '../../finnish/rf-reference.ts';

/**
 * Finvoice 3.0, the Finnish e-invoice message (Finanssiala's specification, Finvoice3.0.xsd).
 * The elements are written in the order the schema's sequences demand; the operator rejects a
 * message out of order.
 */

/** A postal address; the register's `PostalAddress` is one. */
export type FinvoiceAddress = {
  street: string;
  postalCode: string;
  postOffice: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
};

export type FinvoiceLine = {
  description: string;
  /** A decimal with a point, as a numeric column gives it: "1", "1.500", "-2.000". */
  quantity: string;
  /** The unit of quantity, e.g. "kpl", "h". */
  unit: string;
  unitPriceCents: number;
  /** 2550 = 25.5 % */
  vatRateBasisPoints: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
};

export type FinvoiceInvoice = {
  seller: {
    name: string;
    businessId: string;
    address: FinvoiceAddress;
    /** The account payments go to, and its bank's BIC. */
    iban: string;
    bic: string;
    /** The seller's e-invoice address; by default its OVT code from the business ID. */
    eInvoiceAddress?: string | null;
    /** The seller's operator or bank; by default the bank of `bic`. */
    intermediator?: string | null;
  };
  buyer: {
    name: string;
    businessId: string | null;
    address: FinvoiceAddress | null;
    eInvoiceAddress: string;
    intermediator: string;
  };
  invoice: {
    kind: 'invoice' | 'credit_note';
    number: string | number;
    /** A credit note's credited invoice (Finvoice OriginalInvoiceNumber); null for an invoice. */
    originalInvoiceNumber?: string | number | null;
    /** YYYY-MM-DD */
    invoiceDate: string;
    /** YYYY-MM-DD */
    dueDate: string;
    reference: string;
    referenceKind: 'national' | 'rf';
    lines: FinvoiceLine[];
    /** Signed as on the document: a credit note's amounts are negative (or zero). */
    netCents: number;
    vatCents: number;
    totalCents: number;
    /** Unique per message: the operator refuses a second message with the same identifier. */
    messageId: string;
    timestamp: Date;
  };
};

type XmlNode = {
  name: string;
  attributes?: Readonly<Record<string, string>>;
  content: string | readonly (XmlNode | null)[];
};

function el(
  name: string,
  content: string | readonly (XmlNode | null)[],
  attributes?: Readonly<Record<string, string>>,
): XmlNode {
  return attributes === undefined ? { name, content } : { name, attributes, content };
}

/** Characters XML 1.0 cannot carry at all, not even escaped (control characters, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes text for element content or an attribute value. A reader turns a raw CR into LF, and a
 * raw tab or newline in an attribute into a space; as references they arrive as written.
 */
function escapeXml(text: string, attribute = false): string {
  const escaped = text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\r', '&#xD;');
  return attribute ? escaped.replaceAll('\n', '&#xA;').replaceAll('\t', '&#x9;') : escaped;
}

function serialize(node: XmlNode, indent: string, out: string[]): void {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value, true)}"`)
    .join('');
  if (typeof node.content === 'string') {
    out.push(`${indent}<${node.name}${attributes}>${escapeXml(node.content)}</${node.name}>`);
    return;
  }
  out.push(`${indent}<${node.name}${attributes}>`);
  for (const child of node.content) if (child !== null) serialize(child, `${indent}  `, out);
  out.push(`${indent}</${node.name}>`);
}

function assertCents(what: string, cents: number): void {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`${what} must be a whole number of cents, got ${cents}`);
  }
}

/** Finnish decimal with two decimals: 1225 → "12,25", −5 → "-0,05". */
function amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const EUR = { AmountCurrencyIdentifier: 'EUR' } as const;
const money = (name: string, cents: number): XmlNode => el(name, amount(cents), EUR);

/** 2550 → "25,5", 1400 → "14", 0 → "0". */
function percent(basisPoints: number): string {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints >= 100_00) {
    throw new RangeError(`a VAT rate is 0–99.99 % in basis points, got ${basisPoints}`);
  }
  const whole = Math.floor(basisPoints / 100);
  const fraction = basisPoints % 100;
  if (fraction === 0) return String(whole);
  return `${whole},${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** "2026-01-31" → "20260131", after checking that the day exists. */
function ccyymmdd(what: string, date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== date
  ) {
    throw new RangeError(`${what} must be a real date YYYY-MM-DD, got "${date}"`);
  }
  return date.replaceAll('-', '');
}

const dateElement = (name: string, what: string, date: string): XmlNode =>
  el(name, ccyymmdd(what, date), { Format: 'CCYYMMDD' });

function quantity(value: string): string {
  if (!/^-?\d{1,14}(\.\d{1,6})?$/.test(value)) {
    throw new RangeError(`a quantity is a decimal with a point, e.g. "1.500", got "${value}"`);
  }
  return value.replace('.', ',');
}

/** VAT category S (standard rate) for a positive rate; a zero rate's category is not ours to guess. */
const vatCode = (basisPoints: number): string | null => (basisPoints > 0 ? 'S' : null);

function address(prefix: 'Seller' | 'Buyer', a: FinvoiceAddress | null): XmlNode | null {
  if (a === null) return null;
  return el(`${prefix}PostalAddressDetails`, [
    el(`${prefix}StreetName`, a.street),
    el(`${prefix}TownName`, a.postOffice),
    el(`${prefix}PostCodeIdentifier`, a.postalCode),
    el('CountryCode', a.country.toUpperCase()),
  ]);
}

function checkSums(invoice: FinvoiceInvoice['invoice']): void {
  const { lines, kind } = invoice;
  if (lines.length === 0) throw new RangeError('an invoice has at least one line');
  assertCents('the net total', invoice.netCents);
  assertCents('the VAT total', invoice.vatCents);
  assertCents('the total', invoice.totalCents);
  lines.forEach((line, i) => {
    for (const key of ['unitPriceCents', 'netCents', 'vatCents', 'totalCents'] as const) {
      assertCents(`line ${i + 1} ${key}`, line[key]);
    }
    if (line.netCents + line.vatCents !== line.totalCents) {
      throw new RangeError(`line ${i + 1}: net ${line.netCents} + VAT ${line.vatCents} ≠ total`);
    }
  });
  const sum = (key: 'netCents' | 'vatCents') => lines.reduce((acc, l) => acc + l[key], 0);
  if (sum('netCents') !== invoice.netCents || sum('vatCents') !== invoice.vatCents) {
    throw new RangeError('the lines do not add up to the net and VAT totals');
  }
  if (invoice.netCents + invoice.vatCents !== invoice.totalCents) {
    throw new RangeError('net + VAT does not equal the total');
  }
  if (kind === 'invoice' ? invoice.totalCents < 0 : invoice.totalCents > 0) {
    throw new RangeError(
      kind === 'invoice'
        ? 'an invoice with a negative total is a credit note'
        : "a credit note's total is negative (or zero)",
    );
  }
}

function remittance(invoice: FinvoiceInvoice['invoice']): XmlNode {
  const r =
    invoice.referenceKind === 'national'
      ? parseNationalReference(invoice.reference)
      : parseRfReference(invoice.reference);
  if (!r.ok) {
    throw new RangeError(
      `not a valid ${invoice.referenceKind} reference: "${invoice.reference}" (${r.message})`,
    );
  }
  // SPY: the Finnish national reference; ISO: the RF creditor reference (ISO 11649).
  const scheme = invoice.referenceKind === 'national' ? 'SPY' : 'ISO';
  return el('EpiRemittanceInfoIdentifier', r.value, { IdentificationSchemeName: scheme });
}

/** The VAT specification: one entry per rate, the highest rate first. */
function vatSpecification(lines: readonly FinvoiceLine[]): XmlNode[] {
  const byRate = new Map<number, { net: number; vat: number }>();
  for (const line of lines) {
    const sums = byRate.get(line.vatRateBasisPoints) ?? { net: 0, vat: 0 };
    sums.net += line.netCents;
    sums.vat += line.vatCents;
    byRate.set(line.vatRateBasisPoints, sums);
  }
  return [...byRate]
    .sort(([a], [b]) => b - a)
    .map(([rate, sums]) => {
      const code = vatCode(rate);
      return el('VatSpecificationDetails', [
        money('VatBaseAmount', sums.net),
        el('VatRatePercent', percent(rate)),
        code === null ? null : el('VatCode', code),
        money('VatRateAmount', sums.vat),
      ]);
    });
}

function row(line: FinvoiceLine): XmlNode {
  const code = vatCode(line.vatRateBasisPoints);
  const unit = { QuantityUnitCode: line.unit };
  return el('InvoiceRow', [
    el('ArticleName', line.description),
    el('DeliveredQuantity', quantity(line.quantity), unit),
    el('InvoicedQuantity', quantity(line.quantity), unit),
    money('UnitPriceAmount', line.unitPriceCents),
    el('RowVatRatePercent', percent(line.vatRateBasisPoints)),
    code === null ? null : el('RowVatCode', code),
    money('RowVatAmount', line.vatCents),
    money('RowVatExcludedAmount', line.netCents),
    money('RowAmount', line.totalCents),
  ]);
}

/**
 * The Finvoice 3.0 message of one invoice or credit note: UTF-8, every text escaped, and the same
 * bytes for the same input. Throws a RangeError on input that would make a message the operator
 * refuses: totals that do not add up, a malformed date, amount, quantity, reference or IBAN.
 */
export function finvoiceXml(message: FinvoiceInvoice): string {
  const { seller, buyer, invoice } = message;
  checkSums(invoice);
  const iban = parseIban(seller.iban);
  if (!iban.ok) throw new RangeError(`the seller's IBAN is not valid (${iban.message})`);
  if (Number.isNaN(invoice.timestamp.getTime())) {
    throw new RangeError('the message timestamp is not a valid date');
  }
  const businessIdDigits = seller.businessId.replace('-', '');
  const sellerAddress = seller.eInvoiceAddress ?? `0037${businessIdDigits}`;
  const credit = invoice.kind === 'credit_note';
  const number = String(invoice.number);

  const root = el(
    'Finvoice',
    [
      el('MessageTransmissionDetails', [
        el('MessageSenderDetails', [
          el('FromIdentifier', sellerAddress),
          el('FromIntermediator', seller.intermediator ?? seller.bic),
        ]),
        el('MessageReceiverDetails', [
          el('ToIdentifier', buyer.eInvoiceAddress),
          el('ToIntermediator', buyer.intermediator),
        ]),
        el('MessageDetails', [
          el('MessageIdentifier', invoice.messageId),
          el('MessageTimeStamp', invoice.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z')),
        ]),
      ]),
      el('SellerPartyDetails', [
        el('SellerPartyIdentifier', seller.businessId),
        el('SellerOrganisationName', seller.name),
        el('SellerOrganisationTaxCode', `FI${businessIdDigits}`),
        address('Seller', seller.address),
      ]),
      el('SellerOrganisationUnitNumber', sellerAddress),
      el('SellerInformationDetails', [
        el('SellerAccountDetails', [
          el('SellerAccountID', iban.value, { IdentificationSchemeName: 'IBAN' }),
          el('SellerBic', seller.bic, { IdentificationSchemeName: 'BIC' }),
        ]),
      ]),
      el('BuyerPartyDetails', [
        buyer.businessId === null ? null : el('BuyerPartyIdentifier', buyer.businessId),
        el('BuyerOrganisationName', buyer.name),
        address('Buyer', buyer.address),
      ]),
      el('BuyerOrganisationUnitNumber', buyer.eInvoiceAddress),
      el('InvoiceDetails', [
        el('InvoiceTypeCode', credit ? 'INV02' : 'INV01'),
        el('InvoiceTypeCodeUN', credit ? '381' : '380'),
        el('InvoiceTypeText', credit ? 'HYVITYSLASKU' : 'LASKU'),
        el('OriginCode', 'Original'),
        el('InvoiceNumber', number),
        dateElement('InvoiceDate', 'the invoice date', invoice.invoiceDate),
        credit && (invoice.originalInvoiceNumber ?? null) !== null
          ? el('OriginalInvoiceNumber', String(invoice.originalInvoiceNumber))
          : null,
        money('InvoiceTotalVatExcludedAmount', invoice.netCents),
        money('InvoiceTotalVatAmount', invoice.vatCents),
        money('InvoiceTotalVatIncludedAmount', invoice.totalCents),
        ...vatSpecification(invoice.lines),
        el('PaymentTermsDetails', [dateElement('InvoiceDueDate', 'the due date', invoice.dueDate)]),
      ]),
      el('PaymentStatusDetails', [el('PaymentStatusCode', 'NOTPAID')]),
      ...invoice.lines.map(row),
      el('EpiDetails', [
        el('EpiIdentificationDetails', [
          dateElement('EpiDate', 'the invoice date', invoice.invoiceDate),
          el('EpiReference', number),
        ]),
        el('EpiPartyDetails', [
          el('EpiBfiPartyDetails', [
            el('EpiBfiIdentifier', seller.bic, { IdentificationSchemeName: 'BIC' }),
          ]),
          el('EpiBeneficiaryPartyDetails', [
            // The payment's beneficiary name is at most 35 characters (the SEPA field behind it).
            el('EpiNameAddressDetails', [...seller.name].slice(0, 35).join('')),
            el('EpiBei', seller.businessId),
            el('EpiAccountID', iban.value, { IdentificationSchemeName: 'IBAN' }),
          ]),
        ]),
        el('EpiPaymentInstructionDetails', [
          remittance(invoice),
          money('EpiInstructedAmount', invoice.totalCents),
          el('EpiCharge', 'SHA', { ChargeOption: 'SHA' }),
          dateElement('EpiDateOptionDate', 'the due date', invoice.dueDate),
        ]),
      ]),
    ],
    {
      Version: '3.0',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:noNamespaceSchemaLocation': 'Finvoice3.0.xsd',
    },
  );
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  serialize(root, '', out);
  return `${out.join('\n')}\n`;
}
