/**
 * pdfkit parses a standard font's metrics (its AFM file) again for every document: a fifth of an
 * invoice's rendering time, and an invoice run renders thousands. The metrics are the same for
 * every document, so the first document's parsed font is kept here and each later document gets
 * a font object of its own (its own id and PDF object) sharing the parsed metrics.
 *
 * This reaches into pdfkit 0.20's document internals (`_fontFamilies`, `_fontCount`, `_font`);
 * the invoice tests read every PDF back (pdfText, pdftotext), so a pdfkit that changes them shows.
 */
export type StandardFontName = 'Helvetica' | 'Helvetica-Bold' | 'Courier';

type PdfFont = { name: string; id: string; dictionary?: unknown; embedded?: boolean };
type DocumentFonts = {
  _fontFamilies: Record<string, PdfFont | undefined>;
  _fontCount: number;
  _font: PdfFont | null;
};

const parsed = new Map<StandardFontName, PdfFont>();

/** Options for `new PDFDocument`: no default font, which pdfkit would parse; `setFont` sets one. */
export const WITHOUT_DEFAULT_FONT = { font: '' } as const;

/** `doc.font(name)`, with the font's metrics parsed once per process. */
export function setFont(doc: PDFKit.PDFDocument, name: StandardFontName): PDFKit.PDFDocument {
  const fonts = doc as unknown as DocumentFonts;
  const template = parsed.get(name);
  if (template && !fonts._fontFamilies[name]) {
    const font = Object.create(Object.getPrototypeOf(template) as object) as PdfFont;
    Object.assign(font, template, {
      document: doc,
      id: `F${++fonts._fontCount}`,
      dictionary: undefined,
      embedded: false,
    });
    fonts._fontFamilies[name] = font;
  }
  doc.font(name);
  if (!template && fonts._font) {
    // A detached copy: the cache must not keep the first document alive.
    const detached = Object.create(Object.getPrototypeOf(fonts._font) as object) as PdfFont;
    Object.assign(detached, fonts._font, {
      document: null,
      dictionary: undefined,
      embedded: false,
    });
    parsed.set(name, detached);
  }
  return doc;
}
