import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import {
  decodeWindows1252,
  FixedWidthError,
  readFixedWidth,
  type FixedWidthEncoding,
} from '../../lib/tabular/fixed-width.ts';
import type { UpdateFileField, UpdateFileProfile } from './profiles.ts';

/** A row of an update file: its line (the first of a CSV record) and its mapped fields. */
export type UpdateFileRow = { line: number; values: Partial<Record<UpdateFileField, string>> };

/** The file cannot be read as its profile says (encoding, CSV syntax, a missing column). */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

/** Decodes a byte stream as text, chunk by chunk (UTF-8 across chunk boundaries, strictly). */
async function* decodeStream(
  input: AsyncIterable<Uint8Array>,
  encoding: FixedWidthEncoding,
): AsyncGenerator<string> {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    try {
      for await (const chunk of input) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    } catch (error) {
      if (error instanceof TypeError) throw new UnreadableFile('The file is not valid UTF-8');
      throw error;
    }
    return;
  }
  for await (const chunk of input) {
    yield encoding === 'windows-1252'
      ? decodeWindows1252(chunk)
      : Buffer.from(chunk).toString('latin1');
  }
}

/** Reads an update file as its profile declares it, as a stream of rows. */
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
  const parser = parse({
    delimiter: format.delimiter,
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  });
  const source = Readable.from(decodeStream(input, profile.encoding));
  // pipe() does not pass a source's error on: the parser is ended with it, so the loop sees it.
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let checked = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string | undefined>;
      info: { lines: number };
    }>) {
      if (!checked) {
        const missing = format.columns.filter((c) => !(c.column.toLowerCase() in record));
        if (missing.length > 0) {
          throw new UnreadableFile(
            `The file has no column ${missing.map((c) => c.column).join(', ')}`,
          );
        }
        checked = true;
      }
      const values: UpdateFileRow['values'] = {};
      for (const { field, column } of format.columns) {
        values[field] = record[column.toLowerCase()] ?? '';
      }
      yield { line: info.lines, values };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('CSV_')) {
      const lines = (error as { lines?: unknown }).lines;
      throw new UnreadableFile(`The CSV does not parse at line ${String(lines)} (${code})`);
    }
    throw error;
  }
}
