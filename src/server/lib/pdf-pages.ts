import PDFDocument from 'pdfkit';
import { setFont, WITHOUT_DEFAULT_FONT } from './standard-fonts.ts';

/**
 * The characters the standard PDF fonts can show (WinAnsiEncoding, i.e. Windows-1252): Latin-1
 * without its control characters, and 27 more in 0x80–0x9F. Spelled out, since Node decodes
 * "windows-1252" as Latin-1.
 */
export const WIN_ANSI_EXTRAS = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const WIN_ANSI = new Set([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...WIN_ANSI_EXTRAS,
]);

/** Letters outside Windows-1252 that have no decomposition to a base letter. */
const PLAIN_LETTERS: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ŋ: 'n',
  Ŋ: 'N',
  ŧ: 't',
  Ŧ: 'T',
  ı: 'i',
};

/**
 * Text the standard fonts can draw: å ä ö and the rest of Windows-1252 as they are; a letter
 * outside it (Sámi č ŋ ŧ, Polish ł, …) as its base letter where it has one, else "?". The CSV and
 * the JSON keep every character.
 */
export function winAnsiText(value: string): string {
  let out = '';
  for (const char of value.normalize('NFC')) {
    if (WIN_ANSI.has(char) || char === '\n') {
      out += char;
      continue;
    }
    const base = PLAIN_LETTERS[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base !== '' && [...base].every((c) => WIN_ANSI.has(c)) ? base : '?';
  }
  return out;
}

/** The bytes a document writes, once it has ended: listen before writing anything. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Room above and below a confidential document's text for the marking. */
export const MARKING_SPACE = 28;

/**
 * The confidentiality markings (requirements §7), one text per language: personal data on any
 * print-out, and the social-welfare ground (JulkL 24 § 1 mom. 25 k) where a document may hold a
 * social-services client's data.
 */
export const MARKINGS = {
  personalData: {
    fi: 'SALASSA PIDETTÄVÄ — henkilötietoja',
    sv: 'SEKRETESSBELAGD — personuppgifter',
    en: 'CONFIDENTIAL — personal data',
  },
  socialWelfare: {
    fi: 'SALASSA PIDETTÄVÄ — JulkL 24 § 1 mom. 25 k',
    sv: 'SEKRETESSBELAGD — OffL 24 § 1 mom. 25 p.',
    en: 'CONFIDENTIAL — Act on the Openness of Government Activities 621/1999, section 24(1)(25)',
  },
} as const satisfies Record<string, Record<'fi' | 'sv' | 'en', string>>;

/**
 * Every PDF the register prints starts here (lint keeps `pdfkit` out of every other file): an A4
 * document of confidential data, ready to write on — the document, `text` that puts a string in
 * the fonts' encoding (Intl's narrow no-break spaces become spaces: the standard fonts lack
 * them), the text width, and `finish`, which marks every page (markConfidentialPages) and gives
 * the bytes. The marking sits at `margin` from the top and bottom edges; the text starts
 * MARKING_SPACE inside it. Only the standard fonts are used, parsed once per process
 * (standard-fonts.ts): nothing is downloaded or embedded, and the text stays extractable.
 */
export function confidentialPdf(meta: {
  title: string;
  marking: string;
  /** BCP 47, e.g. fi-FI: what a screen reader reads the document in. */
  locale: string;
  createdAt?: Date;
  margin: number;
  /** "page n of m" in the document's language. */
  page: (number: number, count: number) => string;
  layout?: 'portrait' | 'landscape';
  compress?: boolean;
  author?: string;
  /**
   * 'firstPage': only the first page is marked, as a cover sheet — for pages the marking must not
   * print on (address labels go on envelopes); the marking is in the metadata of every document.
   */
  marks?: 'everyPage' | 'firstPage';
}) {
  const { margin } = meta;
  const doc = new PDFDocument({
    ...WITHOUT_DEFAULT_FONT,
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    compress: meta.compress ?? true,
    margins: {
      top: margin + MARKING_SPACE,
      bottom: margin + MARKING_SPACE,
      left: margin,
      right: margin,
    },
    bufferPages: true,
    lang: meta.locale,
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.marking,
      Author: meta.author ?? 'Asiakasrekisteri',
      Creator: 'Asiakasrekisteri',
      Producer: 'Asiakasrekisteri',
      ...(meta.createdAt ? { CreationDate: meta.createdAt } : {}),
    },
  });
  setFont(doc, 'Helvetica');
  const done = pdfBytes(doc);
  const text = (value: string) => winAnsiText(value.replaceAll('\u202f', ' '));
  const finish = (): Promise<Buffer> => {
    markConfidentialPages(doc, {
      marking: text(meta.marking),
      page: (number, count) => text(meta.page(number, count)),
      margin,
      firstPageOnly: meta.marks === 'firstPage',
    });
    doc.end();
    return done;
  };
  return { doc, text, width: doc.page.width - 2 * margin, finish };
}

/**
 * The marking every printed page of a confidential document carries (requirements §7: documents
 * printed from the register that hold confidential data carry a confidentiality marking): the
 * marking in red at the top and the bottom of each page, and "page n of m" under it. Call it on
 * a document made with `bufferPages: true`, after its content and before `doc.end()`.
 */
function markConfidentialPages(
  doc: PDFKit.PDFDocument,
  options: {
    /** The marking, already in the font's encoding. */
    marking: string;
    /** The page label, already in the font's encoding. */
    page: (number: number, count: number) => string;
    margin: number;
    firstPageOnly: boolean;
  },
): void {
  const { marking, page, margin } = options;
  const range = doc.bufferedPageRange();
  const last = options.firstPageOnly ? range.start + 1 : range.start + range.count;
  for (let i = range.start; i < last; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - 2 * margin;
    // Writing outside the margins would start a new page: lift them for the marking.
    const margins = { ...doc.page.margins };
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    setFont(doc, 'Helvetica-Bold').fontSize(9).fillColor('#a00000');
    doc.text(marking, margin, margin, { width, align: 'center', lineBreak: false });
    doc.text(marking, margin, doc.page.height - margin - 12, {
      width,
      align: 'center',
      lineBreak: false,
    });
    setFont(doc, 'Helvetica')
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
