import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError, type CsvErrorCode } from 'csv-parse';
import { TabularFileError, type CsvFormat, type RawRow, type TextEncoding } from './tabular.ts';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Bytes to text in the declared encoding. UTF-8 is decoded leniently (an invalid byte becomes
 * U+FFFD, which marks its row as an encoding error) and loses its byte-order mark; ISO-8859-1 is
 * Node's `latin1`; Windows-1252 is the WHATWG decoder's. A UTF-8 byte-order mark on a file
 * declared in a one-byte encoding means the profile is wrong: the file is refused.
 */
export function decoder(encoding: TextEncoding): Transform {
  const text = encoding === 'iso-8859-1' ? null : new TextDecoder(encoding);
  let first = true;
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (first && chunk.length > 0) {
        first = false;
        if (encoding !== 'utf-8' && chunk.subarray(0, 3).equals(UTF8_BOM)) {
          callback(
            new TabularFileError(
              'encodingMismatch',
              `the file starts with a UTF-8 byte-order mark but is declared ${encoding}`,
            ),
          );
          return;
        }
      }
      callback(
        null,
        text === null ? chunk.toString('latin1') : text.decode(chunk, { stream: true }),
      );
    },
    flush(callback: TransformCallback) {
      callback(null, text === null ? '' : text.decode());
    },
  });
}

/** The longest row read: far over any register's, short enough to keep memory bounded. */
export const MAX_ROW_CHARACTERS = 1_000_000;

/** The part of csv-parse's state (public for compatibility, untyped) this reader resets. */
type ParserState = { state: { quoting: boolean } };

/** A record csv-parse could not read, put in the output in its place by `on_skip`. */
type Skipped = { skipped: CsvError | undefined };

export async function* readCsv(input: Readable, format: CsvFormat): AsyncGenerator<RawRow> {
  // Rows the parser has read, ahead of those taken from it.
  let parsed = 0;
  const parser = parse({
    delimiter: format.delimiter,
    quote: format.quote ?? '"',
    escape: format.quote ?? '"',
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_ROW_CHARACTERS,
    on_record: (record: string[]) => {
      parsed += 1;
      return record;
    },
    on_skip: (error) => {
      // An endless row (an unclosed quote in a large file) would hold the file in memory.
      if (error?.code === 'CSV_MAX_RECORD_SIZE') {
        throw new TabularFileError(
          'rowTooLong',
          `row ${parsed + 1} is longer than ${MAX_ROW_CHARACTERS.toLocaleString('en')} characters (is a quote left open?)`,
        );
      }
      // csv-parse stays inside the quotes after a stray closing quote, which would swallow the
      // rest of the file into one broken row: leave them, so the damage ends with the line.
      if (error?.code === 'CSV_INVALID_CLOSING_QUOTE')
        (parser as unknown as ParserState).state.quoting = false;
      parsed += 1;
      // Pushed by the parser itself, so the broken row keeps its place among the good ones.
      parser.push({ skipped: error } satisfies Skipped);
      return undefined;
    },
  });
  let rowNumber = 0;
  const piping = pipeline(input, decoder(format.encoding), parser);
  // The error surfaces through the iteration; the rejection is awaited below only for cleanup.
  piping.catch(() => undefined);
  try {
    for await (const record of parser as AsyncIterable<string[] | Skipped>) {
      rowNumber += 1;
      if (!Array.isArray(record)) {
        yield { rowNumber, error: { code: 'quoting', message: quotingMessage(record.skipped) } };
        continue;
      }
      if (format.encoding === 'utf-8' && record.some((cell) => cell.includes('\uFFFD'))) {
        yield { rowNumber, error: { code: 'encoding', message: 'the row is not valid UTF-8' } };
        continue;
      }
      yield { rowNumber, values: record };
    }
    await piping;
  } finally {
    if (!parser.destroyed) parser.destroy();
    input.destroy();
  }
}

const QUOTING_MESSAGES: Partial<Record<CsvErrorCode, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is not closed before the end of the file',
  CSV_INVALID_CLOSING_QUOTE:
    'a closing quote is followed by something other than the delimiter or a line break',
  INVALID_OPENING_QUOTE: 'a quote stands inside a cell that does not start with one',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by other characters',
};

function quotingMessage(error: CsvError | undefined): string {
  return (error && QUOTING_MESSAGES[error.code]) ?? 'the row cannot be read as CSV';
}
