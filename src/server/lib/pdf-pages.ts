/**
 * The marking every printed page of a confidential document carries (requirements §7: documents
 * printed from the register that hold confidential data carry a confidentiality marking): the
 * marking in red at the top and the bottom of each page, and "page n of m" under it. Call it on
 * a document made with `bufferPages: true`, after its content and before `doc.end()`.
 */
export function markConfidentialPages(
  doc: PDFKit.PDFDocument,
  options: {
    /** The marking, already in the font's encoding. */
    marking: string;
    /** The page label, already in the font's encoding. */
    page: (number: number, count: number) => string;
    margin: number;
  },
): void {
  const { marking, page, margin } = options;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - 2 * margin;
    // Writing outside the margins would start a new page: lift them for the marking.
    const margins = { ...doc.page.margins };
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(9).fillColor('#a00000');
    doc.text(marking, margin, margin, { width, align: 'center', lineBreak: false });
    doc.text(marking, margin, doc.page.height - margin - 12, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#000000')
      .text(page(i - range.start + 1, range.count), margin, doc.page.height - margin, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins = margins;
  }
}
