/**
 * Fixed-width files (decision 0029): each line a record, each field at a declared position. Read
 * as a stream, line by line, so memory stays constant in the file's size. The three encodings
 * update services send are ASCII-compatible, so lines are split on the LF byte before decoding.
 */

/** The encodings a file may declare. ISO-8859-1 is the real one, not WHATWG's alias of 1252. */
export const FIXED_WIDTH_ENCODINGS = ['utf-8', 'iso-8859-1', 'windows-1252'] as const;
export type FixedWidthEncoding = (typeof FIXED_WIDTH_ENCODINGS)[number];

/** A field: its name, its first position (1-based, in characters) and its length. */
export type FixedWidthField = { name: string; start: number; length: number };

export type FixedWidthLayout = {
  encoding: FixedWidthEncoding;
  fields: readonly FixedWidthField[];
};

/** A line read: its number in the file (1-based) and its fields, trimmed. */
export type FixedWidthRow = { line: number; values: Record<string, string> };

/** A line that cannot be read (not valid in its encoding): the line's number, never its text. */
export class FixedWidthError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'FixedWidthError';
    this.line = line;
  }
}

const LF = 0x0a;
const CR = 0x0d;
/** A line longer than this is not a fixed-width record: stop rather than buffer the file. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * Windows-1252's characters at 0x80–0x9F (WHATWG's table: the five unassigned bytes are the C1
 * controls). Node 24's TextDecoder('windows-1252') decodes them as ISO-8859-1 (measured: 0x80
 * gives U+0080, not €), so the table is ours; the other bytes are ISO-8859-1's.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(
      byte >= 0x80 && byte < 0xa0 ? (WINDOWS_1252_HIGH[byte - 0x80] as number) : byte,
    );
  }
  return text;
}

function decoderFor(encoding: FixedWidthEncoding): (bytes: Buffer) => string | null {
  switch (encoding) {
    case 'iso-8859-1':
      return (bytes) => bytes.toString('latin1');
    case 'windows-1252':
      return decodeWindows1252;
    case 'utf-8': {
      const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      return (bytes) => {
        try {
          return decoder.decode(bytes);
        } catch {
          return null;
        }
      };
    }
  }
}

/** Checks a layout: positions from 1, lengths from 1, names unique. Throws naming the field. */
export function checkLayout(fields: readonly FixedWidthField[]): void {
  const names = new Set<string>();
  for (const field of fields) {
    if (!Number.isInteger(field.start) || field.start < 1) {
      throw new Error(`Field ${field.name}: start must be a whole number from 1`);
    }
    if (!Number.isInteger(field.length) || field.length < 1) {
      throw new Error(`Field ${field.name}: length must be a whole number from 1`);
    }
    if (names.has(field.name)) throw new Error(`Field ${field.name} is declared twice`);
    names.add(field.name);
  }
}

/** Cuts one decoded line into its fields, by characters (code points), each trimmed. */
export function cutLine(text: string, fields: readonly FixedWidthField[]): Record<string, string> {
  const chars = Array.from(text);
  const values: Record<string, string> = {};
  for (const field of fields) {
    values[field.name] = chars
      .slice(field.start - 1, field.start - 1 + field.length)
      .join('')
      .trim();
  }
  return values;
}

/**
 * Reads a fixed-width file as rows. Lines end in LF or CRLF; a UTF-8 byte-order mark is skipped;
 * blank lines are skipped (their numbers still count). A line not valid in the encoding throws
 * FixedWidthError with its number.
 */
export async function* readFixedWidth(
  input: AsyncIterable<Uint8Array | string>,
  layout: FixedWidthLayout,
): AsyncGenerator<FixedWidthRow> {
  checkLayout(layout.fields);
  const decode = decoderFor(layout.encoding);
  let pending: Buffer = Buffer.alloc(0);
  let line = 0;

  const emit = (raw: Buffer): FixedWidthRow | null => {
    line++;
    let bytes = raw.at(-1) === CR ? raw.subarray(0, -1) : raw;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bytes = bytes.subarray(3);
    }
    if (bytes.every((b) => b === 0x20 || b === 0x09)) return null;
    const text = decode(bytes);
    if (text === null) throw new FixedWidthError(line, `not valid ${layout.encoding}`);
    return { line, values: cutLine(text, layout.fields) };
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    let data = pending.length > 0 ? Buffer.concat([pending, buffer]) : buffer;
    let at = data.indexOf(LF);
    while (at >= 0) {
      const row = emit(data.subarray(0, at));
      if (row) yield row;
      data = data.subarray(at + 1);
      at = data.indexOf(LF);
    }
    if (data.length > MAX_LINE_BYTES) {
      throw new FixedWidthError(line + 1, `longer than ${MAX_LINE_BYTES} bytes`);
    }
    pending = Buffer.from(data);
  }
  if (pending.length > 0) {
    const row = emit(pending);
    if (row) yield row;
  }
}
