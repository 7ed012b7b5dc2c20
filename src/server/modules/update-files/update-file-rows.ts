import { Readable } from 'node:stream';
import { FixedWidthError, readFixedWidth } from '../../lib/tabular/fixed-width.ts';
import { openTable, TabularFileError } from '../../lib/tabular/tabular.ts';
import type { UpdateFileField, UpdateFileProfile } from './profiles.ts';

/**
 * A row of an update file: its line (a CSV row's number) and its mapped fields, or why it could
 * not be read (a CSV row with broken quoting, too many cells, bytes not in its encoding).
 */
export type UpdateFileRow = {
  line: number;
  values: Partial<Record<UpdateFileField, string>>;
  unreadable?: true;
};

/** The file cannot be read as its profile says (encoding, a missing column, not a table). */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/**
 * Reads an update file as its profile declares it, as a stream of rows: fixed width with
 * lib/tabular/fixed-width.ts, CSV with the shared table reader (lib/tabular/tabular.ts).
 */
export async function* readUpdateFile(
  input: AsyncIterable<Uint8Array>,
  profile: UpdateFileProfile,
): AsyncGenerator<UpdateFileRow> {
  const format = profile.format;
  if (format.kind === 'fixed-width') {
    try {
      yield* readFixedWidth(input, {
        encoding: profile.encoding,
        fields: format.fields.map((f) => ({ name: f.field, start: f.start, length: f.length })),
      });
    } catch (error) {
      if (error instanceof FixedWidthError) throw new UnreadableFile(error.message);
      throw error;
    }
    return;
  }
  try {
    const table = await openTable(Readable.from(input), {
      kind: 'csv',
      delimiter: format.delimiter,
      encoding: profile.encoding,
    });
    const byName = new Map(table.columns.map((name) => [name.toLowerCase(), name]));
    const missing = format.columns.filter((c) => !byName.has(c.column.toLowerCase()));
    if (missing.length > 0) {
      throw new UnreadableFile(`The file has no column ${missing.map((c) => c.column).join(', ')}`);
    }
    for await (const row of table.rows) {
      if ('error' in row) {
        yield { line: row.rowNumber, values: {}, unreadable: true };
        continue;
      }
      const values: UpdateFileRow['values'] = {};
      for (const { field, column } of format.columns) {
        values[field] = (row.cells[byName.get(column.toLowerCase()) ?? column] ?? '').trim();
      }
      yield { line: row.rowNumber, values };
    }
  } catch (error) {
    if (error instanceof TabularFileError) throw new UnreadableFile(error.message);
    throw error;
  }
}
