import PDFDocument from 'pdfkit';
import { pdfBytes, winAnsiText } from '../../lib/pdf-pages.ts';
import { setFont, WITHOUT_DEFAULT_FONT } from '../invoices/standard-fonts.ts';

/** One label: the lines as Posti reads them (name, street, postal code and post office, country). */
export type Label = readonly string[];

const MM = 72 / 25.4;
const COLUMNS = 3;
const ROWS = 8;
const LABEL_WIDTH = 70 * MM;
const LABEL_HEIGHT = 37 * MM;
const PADDING = 5 * MM;

/**
 * Address labels on A4 sheets of 3 × 8 labels, 70 × 37 mm, edge to edge: the common sheet for
 * direct mail. The labels go on envelopes, so no confidentiality marking is printed on them (it
 * would be on every letter); the document's metadata carries it, and the list holds no protected
 * address (the usage rule never lets one in).
 */
export function labelsPdf(
  labels: readonly Label[],
  meta: { title: string; marking: string; createdAt: Date; lang: string },
): Promise<Buffer> {
  const doc = new PDFDocument({
    ...WITHOUT_DEFAULT_FONT,
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    lang: meta.lang,
    info: {
      Title: meta.title,
      Subject: meta.marking,
      Author: 'Asiakasrekisteri',
      Creator: 'Asiakasrekisteri',
      Producer: 'Asiakasrekisteri',
      CreationDate: meta.createdAt,
    },
  });
  const done = pdfBytes(doc);
  const perPage = COLUMNS * ROWS;
  if (labels.length === 0) doc.addPage();
  labels.forEach((label, index) => {
    if (index % perPage === 0) {
      doc.addPage();
      setFont(doc, 'Helvetica').fontSize(10);
    }
    const slot = index % perPage;
    const top = (doc.page.height - ROWS * LABEL_HEIGHT) / 2;
    const x = (slot % COLUMNS) * LABEL_WIDTH + PADDING;
    const y = top + Math.floor(slot / COLUMNS) * LABEL_HEIGHT + PADDING;
    doc.text(label.map(winAnsiText).join('\n'), x, y, {
      width: LABEL_WIDTH - 2 * PADDING,
      height: LABEL_HEIGHT - 2 * PADDING,
      ellipsis: true,
      lineGap: 1,
    });
  });
  doc.end();
  return done;
}
