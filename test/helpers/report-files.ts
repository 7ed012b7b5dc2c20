import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { WIN_ANSI_EXTRAS } from '../../src/server/lib/pdf-pages.ts';
import { pdftotext } from './invoice-fixtures.ts';

/** Windows-1252 bytes as text (Node's TextDecoder treats windows-1252 as Latin-1). */
function windows1252(bytes: Buffer): string {
  const extras = [...WIN_ANSI_EXTRAS];
  const codes = [
    0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93,
    0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f,
  ];
  return [...bytes]
    .map((byte) => {
      const extra = codes.indexOf(byte);
      return extra >= 0 ? extras[extra] : String.fromCharCode(byte);
    })
    .join('');
}

/**
 * The text a PDF shows, line by line: each content stream (inflated when compressed) has its
 * TJ arrays of hex strings in WinAnsiEncoding (Windows-1252), which the standard fonts use.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const latin = pdf.toString('latin1');
  const streams = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streams.exec(latin))) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = zlib.inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(array[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(windows1252(Buffer.from(hex, 'hex')));
    }
  }
  return lines.join('\n');
}

/** The document information dictionary (Title, Author, CreationDate …) as text. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const latin = pdf.toString('latin1');
  const object = (n: string) =>
    new RegExp(`(?:^|\\n)${n} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(latin)?.[1] ?? '';
  const infoRef = /\/Info (\d+) 0 R/.exec(latin)?.[1] ?? '';
  const info: Record<string, string> = {};
  for (const [, key = '', ref = ''] of object(infoRef).matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const literal = /^\(([\s\S]*)\)$/.exec(object(ref))?.[1] ?? '';
    const bytes = Buffer.from(literal.replace(/\\([()\\])/g, '$1'), 'latin1');
    info[key] =
      bytes[0] === 0xfe && bytes[1] === 0xff
        ? bytes.subarray(2).swap16().toString('utf16le')
        : bytes.toString('latin1');
  }
  return info;
}

/** Cells of a `;`-separated CSV (RFC 4180 quoting), after its byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  assert.equal(cell, '', 'the last row ends with CRLF');
  return rows;
}

/**
 * Requirements §7: a printed page of personal data carries the confidentiality marking. Reads the
 * PDF as a reader does (poppler's pdftotext, pages split at form feeds) and checks that every
 * page — or, for address labels, the cover page — shows the marking, and that the metadata has it.
 */
export function assertMarked(
  pdf: Buffer,
  marking: string,
  pages: 'everyPage' | 'coverPage' = 'everyPage',
): void {
  const plain = pdftotext(pdf);
  assert.ok(plain !== null, 'pdftotext is installed');
  const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
  const sheets = plain.split('\f').filter((page) => page.trim() !== '');
  assert.ok(sheets.length > 0, 'the PDF has a page with text');
  const marked = pages === 'everyPage' ? sheets : sheets.slice(0, 1);
  marked.forEach((page, index) => {
    assert.ok(
      squeeze(page).includes(squeeze(marking)),
      `page ${index + 1} of ${sheets.length} carries "${marking}"`,
    );
  });
  assert.equal(pdfInfo(pdf).Subject, marking, 'the metadata names the marking');
}
