import type { PostalAddress } from '../../db/schema/index.ts';
import { formatIban } from '../../../finnish/index.ts';
import { confidentialPdf, MARKING_SPACE, MARKINGS, winAnsiText } from '../../lib/pdf-pages.ts';
import { code128cBars } from './code128.ts';
import type { InvoiceDocument } from './invoice-document.ts';
import { INVOICE_TEXTS, type InvoiceTexts } from './invoice.texts.ts';
import { setFont } from '../../lib/standard-fonts.ts';

const MARGIN = 50;
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const RIGHT = PAGE_WIDTH - MARGIN;
/** Room kept at the foot of every page: the marking and the page number go below it. */
const FOOT = PAGE_HEIGHT - MARGIN - 14;
/** The payment block with the barcode, always whole on the last page. */
const PAYMENT_BLOCK_HEIGHT = 175;
/** Code 128 module width: 0.3 mm, above the banks' minimum; the bars are 13 mm high. */
const MODULE = (0.3 / 25.4) * 72;
const BAR_HEIGHT = (13 / 25.4) * 72;
const FONT_SIZE = 9;

/** Intl puts narrow and ordinary no-break spaces in numbers; print them as spaces. */
const text = (value: string) =>
  winAnsiText(value.replaceAll('\u202f', ' ').replaceAll('\u00a0', ' '));

type Formats = {
  money: (cents: number) => string;
  date: (isoDate: string) => string;
  quantity: (value: string) => string;
  rate: (basisPoints: number) => string;
};

const FORMATS = new Map<string, Formats>();

/** Number and date formats per locale, made once: Intl formatters are costly to build. */
function formatsOf(locale: string): Formats {
  const cached = FORMATS.get(locale);
  if (cached) return cached;
  const money = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const rate = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  });
  const formats: Formats = {
    // Cents are whole numbers well inside a double's exact range: dividing only formats them.
    money: (cents) => text(money.format(cents / 100)),
    date: (isoDate) => text(date.format(new Date(`${isoDate}T00:00:00Z`))),
    quantity: (value) => text(decimal.format(Number(value))),
    rate: (basisPoints) => text(`${rate.format(basisPoints / 100)} %`),
  };
  FORMATS.set(locale, formats);
  return formats;
}

function addressLines(address: PostalAddress | null): string[] {
  if (!address) return [];
  return [
    address.street,
    `${address.postalCode} ${address.postOffice}`,
    ...(address.country === 'FI' ? [] : [address.country]),
  ];
}

/**
 * An invoice or a credit note as a PDF (A4, in the recipient's language): seller, recipient,
 * number, dates, reference, the lines with their VAT, a VAT summary per rate, the totals, what is
 * paid and still open, and the payment details with the virtual barcode as digits and as a
 * Code 128 barcode. Only the standard Helvetica is used: nothing is embedded, and the text stays
 * extractable (pdftotext) for the tests and for the archive's readers.
 */
export async function invoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const t = INVOICE_TEXTS[document.recipient.language];
  const f = formatsOf(t.locale);
  const title = document.kind === 'credit_note' ? t.creditTitle : t.title;
  // The marking sits in the band above and below the invoice's own margins.
  const { doc, finish } = confidentialPdf({
    title: `${title} ${document.number}`,
    marking: MARKINGS.personalData[document.recipient.language],
    locale: t.locale,
    margin: MARGIN - MARKING_SPACE,
    page: t.page,
    author: document.seller.name,
  });
  const at = (value: string, x: number, y: number) => doc.text(value, x, y, { lineBreak: false });
  const rightAt = (value: string, right: number, y: number) =>
    doc.text(value, right - doc.widthOfString(value), y, { lineBreak: false });
  const regular = () => setFont(doc, 'Helvetica').fontSize(FONT_SIZE);
  const bold = () => setFont(doc, 'Helvetica-Bold').fontSize(FONT_SIZE);
  const lineHeight = FONT_SIZE * 1.35;

  // — the seller, top left; the title and the facts, top right —
  let y = MARGIN;
  setFont(doc, 'Helvetica-Bold').fontSize(11);
  at(text(document.seller.name), MARGIN, y);
  y += 15;
  regular();
  for (const line of [
    ...addressLines(document.seller.address),
    `${t.businessId} ${document.seller.businessId}`,
  ]) {
    at(text(line), MARGIN, y);
    y += lineHeight;
  }

  const factsX = 330;
  setFont(doc, 'Helvetica-Bold').fontSize(16);
  at(text(title), factsX, MARGIN);
  const facts: [string, string][] = [
    [t.number, String(document.number)],
    [t.invoiceDate, f.date(document.invoiceDate)],
    ...(document.kind === 'invoice'
      ? ([
          [t.dueDate, f.date(document.dueDate)],
          [t.reference, document.printedReferenceFormatted],
        ] as [string, string][])
      : []),
    ...(document.creditsInvoiceNumber === null
      ? []
      : ([[t.credits, String(document.creditsInvoiceNumber)]] as [string, string][])),
  ];
  let factY = MARGIN + 26;
  for (const [label, value] of facts) {
    regular();
    at(text(label), factsX, factY);
    bold();
    at(text(value), factsX + 95, factY);
    factY += lineHeight;
  }

  // — the recipient, where a window envelope shows it —
  y = 140;
  const recipient = document.recipient;
  setFont(doc, 'Helvetica-Bold').fontSize(10);
  at(text(recipient.name), MARGIN, y);
  y += 13;
  setFont(doc, 'Helvetica').fontSize(10);
  for (const line of [
    ...(recipient.businessId ? [`${t.businessId} ${recipient.businessId}`] : []),
    ...addressLines(recipient.address),
  ]) {
    at(text(line), MARGIN, y);
    y += 13;
  }

  // — the lines —
  y = Math.max(y, factY) + 40;
  const columns = [
    { key: 'description', right: MARGIN + 190 },
    { key: 'quantity', right: MARGIN + 235 },
    { key: 'unitPrice', right: MARGIN + 290 },
    { key: 'vatRate', right: MARGIN + 330 },
    { key: 'net', right: MARGIN + 385 },
    { key: 'vat', right: MARGIN + 435 },
    { key: 'total', right: RIGHT },
  ] as const;
  const descriptionWidth = 185;
  const header = () => {
    bold();
    at(text(t.columns.description), MARGIN, y);
    for (const column of columns.slice(1)) rightAt(text(t.columns[column.key]), column.right, y);
    y += lineHeight;
    doc.moveTo(MARGIN, y).lineTo(RIGHT, y).lineWidth(0.5).strokeColor('#8a949e').stroke();
    y += 4;
  };
  const newPage = () => {
    doc.addPage();
    y = MARGIN;
  };
  header();
  regular();
  for (const line of document.lines) {
    const description = text(line.description);
    const height = Math.max(
      lineHeight,
      doc.heightOfString(description, { width: descriptionWidth }) + 2,
    );
    if (y + height > FOOT) {
      newPage();
      header();
      regular();
    }
    doc.text(description, MARGIN, y, { width: descriptionWidth });
    const cells = [
      `${f.quantity(line.quantity)} ${text(line.unit)}`,
      f.money(line.unitPriceCents),
      f.rate(line.vatRateBasisPoints),
      f.money(line.netCents),
      f.money(line.vatCents),
      f.money(line.totalCents),
    ];
    cells.forEach((cell, i) => rightAt(cell, columns[i + 1]?.right ?? RIGHT, y));
    y += height;
  }
  doc.moveTo(MARGIN, y).lineTo(RIGHT, y).lineWidth(0.5).strokeColor('#8a949e').stroke();
  y += 8;

  // — the VAT summary per rate, and the totals —
  const summaryHeight = (document.vatSummary.length + 6) * lineHeight;
  if (y + summaryHeight > FOOT) newPage();
  bold();
  at(text(t.vatSummary), MARGIN, y);
  rightAt(text(t.columns.net), MARGIN + 385, y);
  rightAt(text(t.columns.vat), MARGIN + 435, y);
  rightAt(text(t.columns.total), RIGHT, y);
  y += lineHeight;
  regular();
  for (const rate of document.vatSummary) {
    at(f.rate(rate.vatRateBasisPoints), MARGIN, y);
    rightAt(f.money(rate.netCents), MARGIN + 385, y);
    rightAt(f.money(rate.vatCents), MARGIN + 435, y);
    rightAt(f.money(rate.totalCents), RIGHT, y);
    y += lineHeight;
  }
  y += 6;
  const totals: [string, number, boolean][] = [
    [t.netTotal, document.netCents, false],
    [t.vatTotal, document.vatCents, false],
    [t.total, document.totalCents, true],
    ...(document.paidCents === 0
      ? []
      : ([
          [t.paid, document.paidCents, false],
          [t.open, document.openCents, true],
        ] as [string, number, boolean][])),
  ];
  for (const [label, cents, strong] of totals) {
    if (strong) bold();
    else regular();
    rightAt(text(label), MARGIN + 385, y);
    rightAt(f.money(cents), RIGHT, y);
    y += lineHeight;
  }

  // — the payment details and the barcode, at the foot of the last page —
  if (y + PAYMENT_BLOCK_HEIGHT > FOOT) newPage();
  paymentBlock(doc, document, t, f, FOOT - PAYMENT_BLOCK_HEIGHT);

  return finish();
}

function paymentBlock(
  doc: PDFKit.PDFDocument,
  document: InvoiceDocument,
  t: InvoiceTexts,
  f: Formats,
  top: number,
): void {
  const at = (value: string, x: number, y: number) => doc.text(value, x, y, { lineBreak: false });
  doc.moveTo(MARGIN, top).lineTo(RIGHT, top).lineWidth(1).strokeColor('#000000').stroke();
  let y = top + 8;
  setFont(doc, 'Helvetica-Bold').fontSize(10);
  at(text(t.payment), MARGIN, y);
  y += 16;
  const note =
    document.kind === 'credit_note'
      ? t.creditNoPayment
      : document.status === 'credited'
        ? t.credited
        : document.openCents === 0
          ? t.paidInFull
          : null;
  if (note) {
    setFont(doc, 'Helvetica').fontSize(FONT_SIZE);
    at(text(note), MARGIN, y);
    return;
  }
  const facts: [string, string][] = [
    [t.payee, document.seller.name],
    [t.iban, formatIban(document.seller.iban)],
    [t.bic, document.seller.bic],
    [t.reference, document.printedReferenceFormatted],
    [t.dueDate, f.date(document.dueDate)],
    [t.amount, f.money(document.openCents)],
  ];
  for (const [label, value] of facts) {
    setFont(doc, 'Helvetica').fontSize(FONT_SIZE);
    at(text(label), MARGIN, y);
    setFont(doc, 'Helvetica-Bold');
    at(text(value), MARGIN + 140, y);
    y += FONT_SIZE * 1.35;
  }
  setFont(doc, 'Helvetica').fontSize(7.5);
  at(text(`${t.quoteReference} ${t.lateInterest}`), MARGIN, y + 2);
  if (!document.virtualBarcode) return;
  // Under the facts, after a quiet zone of more than ten modules; its digits under it as one
  // string, as a payer types them into the bank.
  const barsX = MARGIN + 20;
  const barsY = y + 16;
  doc.fillColor('#000000');
  for (const [start, width] of code128cBars(document.virtualBarcode).bars) {
    doc.rect(barsX + start * MODULE, barsY, width * MODULE, BAR_HEIGHT);
  }
  doc.fill();
  setFont(doc, 'Helvetica').fontSize(7);
  at(text(t.virtualBarcode), barsX, barsY + BAR_HEIGHT + 4);
  setFont(doc, 'Courier').fontSize(7.5);
  at(document.virtualBarcode, barsX, barsY + BAR_HEIGHT + 13);
}
