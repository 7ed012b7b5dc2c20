import { confidentialPdf } from '../../lib/pdf-pages.ts';
import { setFont } from '../../lib/standard-fonts.ts';

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
 * direct mail. The labels go on envelopes, so the confidentiality marking is not printed on them
 * (it would be on every letter): it is on a cover page of plain paper before the sheets, with the
 * number of labels, and in the document's metadata. The list holds no protected address (the
 * usage rule never lets one in).
 */
export function labelsPdf(
  labels: readonly Label[],
  meta: {
    title: string;
    marking: string;
    cover: (count: number) => string;
    page: (number: number, count: number) => string;
    createdAt: Date;
    locale: string;
  },
): Promise<Buffer> {
  const { doc, text, width, finish } = confidentialPdf({
    title: meta.title,
    marking: meta.marking,
    locale: meta.locale,
    createdAt: meta.createdAt,
    margin: 56,
    page: meta.page,
    marks: 'firstPage',
  });
  setFont(doc, 'Helvetica-Bold').fontSize(16).text(text(meta.title), { width });
  setFont(doc, 'Helvetica')
    .fontSize(11)
    .moveDown(0.6)
    .text(text(meta.cover(labels.length)), {
      width,
    });
  const perPage = COLUMNS * ROWS;
  labels.forEach((label, index) => {
    if (index % perPage === 0) {
      doc.addPage({ size: 'A4', margin: 0 });
      setFont(doc, 'Helvetica').fontSize(10);
    }
    const slot = index % perPage;
    const top = (doc.page.height - ROWS * LABEL_HEIGHT) / 2;
    const x = (slot % COLUMNS) * LABEL_WIDTH + PADDING;
    const y = top + Math.floor(slot / COLUMNS) * LABEL_HEIGHT + PADDING;
    doc.text(text(label.join('\n')), x, y, {
      width: LABEL_WIDTH - 2 * PADDING,
      height: LABEL_HEIGHT - 2 * PADDING,
      ellipsis: true,
      lineGap: 1,
    });
  });
  return finish();
}
