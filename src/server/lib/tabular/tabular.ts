/**
 * Reading a table from a file, one row at a time: CSV (any delimiter and quote, UTF-8,
 * ISO-8859-1 or Windows-1252) and XLSX (a worksheet). The first row names the columns; every
 * later row comes as `{ rowNumber, cells }`, its cells by column name, or as
 * `{ rowNumber, error }` when it cannot be read (broken quoting, a wrong number of cells, bytes
 * that are not the declared encoding). Row numbers are those a spreadsheet shows: the header is
 * row 1, a quoted line break stays inside its row, a blank row is counted and skipped.
 *
 * Memory stays constant in the file's size: the input is a stream read as the rows are taken.
 * (An XLSX keeps its shared-strings table in memory, as the format requires; a sheet that comes
 * before it in the archive waits in a temporary file.)
 */
import type { Readable } from 'node:stream';
import { readCsv } from './csv.ts';
import { readXlsx } from './xlsx.ts';

export const TEXT_ENCODINGS = ['utf-8', 'iso-8859-1', 'windows-1252'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export type CsvFormat = {
  kind: 'csv';
  /** One character, e.g. `;` (the usual one in Finland), `,` or a tab. */
  delimiter: string;
  /** One character, `"` by default; a quoted cell may hold delimiters, quotes doubled and line breaks. */
  quote?: string;
  encoding: TextEncoding;
};
export type XlsxFormat = {
  kind: 'xlsx';
  /** The worksheet by name; the first one by default. */
  sheet?: string;
};
export type TabularFormat = CsvFormat | XlsxFormat;

export type TabularRowErrorCode = 'quoting' | 'cellCount' | 'encoding';
export type TabularRow =
  | { rowNumber: number; cells: Record<string, string> }
  | { rowNumber: number; error: { code: TabularRowErrorCode; message: string } };

export type TabularFileErrorCode =
  | 'empty'
  | 'columnName'
  | 'duplicateColumn'
  | 'encodingMismatch'
  | 'rowTooLong'
  | 'notXlsx'
  | 'noSheet';

/** The file as a whole cannot be read as a table (no header, a header not usable, not an XLSX). */
export class TabularFileError extends Error {
  readonly code: TabularFileErrorCode;
  constructor(code: TabularFileErrorCode, message: string) {
    super(message);
    this.name = 'TabularFileError';
    this.code = code;
  }
}

export type Table = {
  /** The header's column names, trimmed, in file order. */
  columns: string[];
  /** The rows after the header. Take them once; stopping early closes the file. */
  rows: AsyncGenerator<TabularRow>;
};

/**
 * Opens a table: reads up to and including the header row and checks it (names non-empty and
 * unique after trimming). Throws `TabularFileError` for a file that is not a table.
 */
export async function openTable(input: Readable, format: TabularFormat): Promise<Table> {
  const raw = format.kind === 'csv' ? readCsv(input, format) : readXlsx(input, format);
  const first = await raw.next();
  if (first.done === true) throw new TabularFileError('empty', 'the file has no header row');
  const columns = checkHeader(first.value);
  return { columns, rows: rowsOf(raw, columns) };
}

/** A row as the format readers give it: cells in column order, or an error. */
export type RawRow =
  | { rowNumber: number; values: string[] }
  | { rowNumber: number; error: { code: TabularRowErrorCode; message: string } };

function checkHeader(row: RawRow): string[] {
  if ('error' in row) {
    throw new TabularFileError('columnName', `the header row cannot be read: ${row.error.message}`);
  }
  const columns = row.values.map((name) => name.trim());
  while (columns.length > 0 && columns.at(-1) === '') columns.pop();
  if (columns.length === 0) throw new TabularFileError('empty', 'the header row is empty');
  const seen = new Set<string>();
  columns.forEach((name, index) => {
    if (name === '') {
      throw new TabularFileError('columnName', `column ${index + 1} of the header has no name`);
    }
    if (seen.has(name)) {
      throw new TabularFileError('duplicateColumn', `the header names "${name}" twice`);
    }
    seen.add(name);
  });
  return columns;
}

async function* rowsOf(raw: AsyncGenerator<RawRow>, columns: string[]): AsyncGenerator<TabularRow> {
  try {
    for await (const row of raw) {
      if ('error' in row) {
        yield row;
        continue;
      }
      const { values } = row;
      if (values.every((value) => value === '')) continue;
      // Empty cells after the last column are what spreadsheets leave; anything else is a shift.
      let used = values.length;
      while (used > columns.length && values[used - 1] === '') used -= 1;
      if (used !== columns.length) {
        yield {
          rowNumber: row.rowNumber,
          error: {
            code: 'cellCount',
            message: `the row has ${used} cells, the header ${columns.length}`,
          },
        };
        continue;
      }
      // Own properties even for a column named `__proto__`.
      const cells = Object.fromEntries(columns.map((name, index) => [name, values[index] ?? '']));
      yield { rowNumber: row.rowNumber, cells };
    }
  } finally {
    await raw.return(undefined);
  }
}
