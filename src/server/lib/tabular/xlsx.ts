import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TabularFileError, type RawRow, type XlsxFormat } from './tabular.ts';

/**
 * A cell as text: numbers as JavaScript writes them (no thousands separator, `.` as the decimal
 * point), a date cell as `YYYY-MM-DD` (with the time when it has one), rich text joined, a
 * formula's last result, a hyperlink's text, an error cell as its code (`#N/A`).
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText(value.result);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  return '';
}

export async function* readXlsx(input: Readable, format: XlsxFormat): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name: string }).name;
      if (found || (format.sheet !== undefined && name !== format.sheet)) continue;
      found = true;
      let width = 0;
      for await (const row of sheet) {
        // `values` is sparse and starts at index 1.
        const cells = (row.values as ExcelJS.CellValue[]).slice(1);
        const values = Array.from({ length: Math.max(cells.length, width) }, (_, i) =>
          cellText(cells[i]),
        );
        if (width === 0) width = values.length;
        yield { rowNumber: row.number, values };
      }
    }
  } catch (error) {
    if (error instanceof TabularFileError) throw error;
    throw new TabularFileError('notXlsx', `the file cannot be read as XLSX: ${messageOf(error)}`);
  } finally {
    input.destroy();
  }
  if (!found) {
    throw new TabularFileError(
      'noSheet',
      format.sheet === undefined
        ? 'the workbook has no worksheet'
        : `the workbook has no worksheet named "${format.sheet}"`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
