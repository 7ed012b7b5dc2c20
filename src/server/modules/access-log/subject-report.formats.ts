import { helsinkiDate } from '../../../contract/dates.ts';
import { confidentialPdf, MARKINGS } from '../../lib/pdf-pages.ts';
import type { SubjectReport } from './subject-report.ts';
import {
  dateInWords,
  dateTimeInWords,
  REPORT_TEXTS,
  type ReportTexts,
} from './subject-report.texts.ts';

/** A download: the bytes, their media type and a file name without personal data. */
export type ReportFile = { body: Buffer; contentType: string; fileName: string };

function fileName(report: SubjectReport, extension: string): string {
  const day = helsinkiDate(new Date(report.generatedAt));
  return `${REPORT_TEXTS[report.language].fileName}-${day}.${extension}`;
}

const helsinkiSeconds = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * A spreadsheet cell that cannot run as a formula: a value starting with = + - @, a tab or a
 * carriage return gets a leading apostrophe (OWASP's advice on CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV cell for a Finnish spreadsheet (`;` between cells): formula-neutralised, then per RFC 4180
 * quoted when it holds the separator, a quote or a line break, with quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as CSV for a Finnish spreadsheet: UTF-8 with a byte-order mark, `;` between cells,
 * CRLF between rows, a header row in the report's language, times in Helsinki.
 */
export function subjectReportCsv(report: SubjectReport): ReportFile {
  const texts = REPORT_TEXTS[report.language];
  const c = texts.columns;
  const rows = [
    [c.time, c.action, c.user, c.role, c.organisation, c.data, c.purpose],
    ...report.entries.map((entry) => [
      helsinkiSeconds.format(new Date(entry.occurredAt)),
      entry.actionText,
      entry.user,
      entry.role,
      entry.organisation,
      entry.data.join(', '),
      entry.purpose,
    ]),
  ];
  return {
    body: csvBody(rows),
    contentType: CSV_CONTENT_TYPE,
    fileName: fileName(report, 'csv'),
  };
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Rows as CSV: UTF-8 with a byte-order mark, `;` between cells, CRLF after every row. */
export function csvBody(rows: readonly (readonly string[])[]): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
  return Buffer.from(`\uFEFF${text}`, 'utf8');
}

const PAGE_MARGIN = 40;
const CELL_PAD = 4;
const TABLE_FONT_SIZE = 8.5;

type Column = {
  title: string;
  width: number;
  cell: (entry: SubjectReport['entries'][number]) => string;
};

function columns(texts: ReportTexts, tableWidth: number): Column[] {
  const fixed: Column[] = [
    {
      title: texts.columns.time,
      width: 96,
      cell: (entry) => dateTimeInWords(texts, new Date(entry.occurredAt)),
    },
    { title: texts.columns.action, width: 130, cell: (entry) => entry.actionText },
    {
      title: texts.columns.user,
      width: 190,
      cell: (entry) =>
        [entry.user, [entry.role, entry.organisation].filter(Boolean).join(', ')]
          .filter(Boolean)
          .join('\n'),
    },
    { title: texts.columns.purpose, width: 120, cell: (entry) => entry.purpose },
  ];
  const used = fixed.reduce((sum, column) => sum + column.width, 0);
  const data: Column = {
    title: texts.columns.data,
    width: tableWidth - used,
    cell: (entry) => entry.data.join(', '),
  };
  return [fixed[0]!, fixed[1]!, fixed[2]!, data, fixed[3]!];
}

/**
 * The report as a PDF (A4 landscape): title, the person, the period, when and by whom it was made,
 * then a table of the entries whose header repeats on every page, and page numbers. The standard
 * Helvetica covers Finnish and Swedish letters; nothing is downloaded or embedded.
 */
export async function subjectReportPdf(
  report: SubjectReport,
  options: { compress?: boolean } = {},
): Promise<ReportFile> {
  const texts = REPORT_TEXTS[report.language];
  const generatedAt = new Date(report.generatedAt);
  const {
    doc,
    text,
    width: tableWidth,
    finish,
  } = confidentialPdf({
    title: `${texts.title}: ${report.person.name}`,
    marking: MARKINGS.personalData[report.language],
    locale: texts.locale,
    createdAt: generatedAt,
    margin: PAGE_MARGIN,
    page: texts.page,
    layout: 'landscape',
    compress: options.compress,
  });
  const left = PAGE_MARGIN;
  const top = doc.page.margins.top;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('Helvetica-Bold').fontSize(16).text(text(texts.title), left, top);
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(9).text(text(texts.intro), { width: tableWidth });
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    [texts.person, report.person.name],
    [texts.period, `${dateInWords(texts, report.from)}–${dateInWords(texts, report.to)}`],
    [texts.madeAt, dateTimeInWords(texts, generatedAt)],
    [texts.madeBy, `${report.generatedBy.name}, ${report.generatedBy.role}`],
  ];
  doc.fontSize(10);
  for (const [label, value] of facts) {
    doc.font('Helvetica-Bold').text(`${text(label)}: `, { continued: true });
    doc.font('Helvetica').text(text(value));
  }
  doc.moveDown(0.3).text(text(texts.count(report.entries.length)));
  doc.moveDown(0.8);

  const cols = columns(texts, tableWidth);
  // Cells repeat (the same user, action and data on many rows): measure each text once.
  const heights = new Map<string, number>();
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(TABLE_FONT_SIZE);
    const cellHeights = cells.map((cell, i) => {
      const key = `${font}|${i}|${cell}`;
      let height = heights.get(key);
      if (height === undefined) {
        height = doc.heightOfString(cell || ' ', { width: cols[i]!.width - 2 * CELL_PAD });
        heights.set(key, height);
      }
      return height;
    });
    return Math.max(...cellHeights) + 2 * CELL_PAD;
  };
  const drawRow = (cells: string[], y: number, height: number, header: boolean) => {
    if (header) doc.rect(left, y, tableWidth, height).fill('#e8ecf0');
    doc
      .fillColor('#000000')
      .font(header ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(TABLE_FONT_SIZE);
    let x = left;
    cells.forEach((cell, i) => {
      const width = cols[i]!.width;
      doc.text(cell, x + CELL_PAD, y + CELL_PAD, { width: width - 2 * CELL_PAD });
      x += width;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + tableWidth, y + height)
      .lineWidth(0.5)
      .strokeColor('#8a949e')
      .stroke();
  };
  const headerCells = cols.map((column) => text(column.title));
  const headerHeight = rowHeight(headerCells, 'Helvetica-Bold');
  let y = doc.y;
  const drawHeader = () => {
    drawRow(headerCells, y, headerHeight, true);
    y += headerHeight;
  };

  if (report.entries.length === 0) {
    doc.font('Helvetica').fontSize(10).text(text(texts.none), left, y);
  } else {
    drawHeader();
    for (const [index, entry] of report.entries.entries()) {
      // A long report is laid out in slices, so that other requests are served meanwhile.
      if (index > 0 && index % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const cells = cols.map((column) => text(column.cell(entry)));
      const height = rowHeight(cells, 'Helvetica');
      if (y + height > bottom()) {
        doc.addPage();
        y = top;
        drawHeader();
      }
      drawRow(cells, y, height, false);
      y += height;
    }
  }

  return {
    body: await finish(),
    contentType: 'application/pdf',
    fileName: fileName(report, 'pdf'),
  };
}
