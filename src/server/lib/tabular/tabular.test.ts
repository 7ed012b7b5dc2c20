import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { openTable, TabularFileError, type TabularFormat, type TabularRow } from './tabular.ts';

const SEMICOLON_UTF8: TabularFormat = { kind: 'csv', delimiter: ';', encoding: 'utf-8' };

/** The bytes as a stream in chunks of the given sizes (cycled), to split characters and rows. */
function chunked(bytes: Buffer, sizes: number[] = [bytes.length || 1]): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i += 1) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(chunks);
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function read(
  text: string | Buffer,
  format: TabularFormat = SEMICOLON_UTF8,
): Promise<{ columns: string[]; rows: TabularRow[] }> {
  const table = await openTable(chunked(Buffer.from(text)), format);
  return { columns: table.columns, rows: await collect(table.rows) };
}

/** A cell written as CSV: quoted when it must be, quotes doubled. */
function csvCell(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || value.trim() !== value
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

function csvText(rows: string[][], delimiter: string, newline: string): string {
  return rows
    .map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter))
    .join(newline);
}

describe('CSV', () => {
  test('reads the header and rows, CRLF, quoted delimiters, quotes and line breaks', async () => {
    const { columns, rows } = await read(
      'Sukunimi ; Etunimi;Osoite\r\n' +
        'Virtanen;Matti;Kotikatu 1\r\n' +
        '"Nieminen; jr";"Anna ""Annu""";"Rivi 1\r\nRivi 2"\r\n',
    );
    assert.deepEqual(columns, ['Sukunimi', 'Etunimi', 'Osoite']);
    assert.deepEqual(rows, [
      { rowNumber: 2, cells: { Sukunimi: 'Virtanen', Etunimi: 'Matti', Osoite: 'Kotikatu 1' } },
      {
        rowNumber: 3,
        cells: { Sukunimi: 'Nieminen; jr', Etunimi: 'Anna "Annu"', Osoite: 'Rivi 1\r\nRivi 2' },
      },
    ]);
  });

  test('counts blank rows as a spreadsheet does and skips them; trailing empty cells are fine', async () => {
    const { rows } = await read('a;b\n\n1;2;;\n;\n3;4\n');
    assert.deepEqual(rows, [
      { rowNumber: 3, cells: { a: '1', b: '2' } },
      { rowNumber: 5, cells: { a: '3', b: '4' } },
    ]);
  });

  test('a row with too few or too many cells is a row error, and reading goes on', async () => {
    const { rows } = await read('a;b\n1\n1;2;3\n4;5\n');
    assert.deepEqual(rows, [
      { rowNumber: 2, error: { code: 'cellCount', message: 'the row has 1 cells, the header 2' } },
      { rowNumber: 3, error: { code: 'cellCount', message: 'the row has 3 cells, the header 2' } },
      { rowNumber: 4, cells: { a: '4', b: '5' } },
    ]);
  });

  test('broken quoting is an error of its row only; an unclosed quote ends the file with one', async () => {
    const { rows } = await read('a;b\n1;"2"x\n3;4\n5;6"7\n"8;9\n');
    assert.deepEqual(
      rows.map((row) => ('error' in row ? `${row.rowNumber}:${row.error.code}` : row.rowNumber)),
      [2, 3, 4, 5].map((n) => (n === 3 ? 3 : `${n}:quoting`)),
    );
  });

  test('a row longer than a million characters stops the file with an error, not the memory', async () => {
    await assert.rejects(read(`a;b\n1;"${'x'.repeat(1_100_000)}`), (error: unknown) => {
      assert.ok(error instanceof TabularFileError);
      assert.equal(error.code, 'rowTooLong');
      assert.match(error.message, /row 2 /);
      return true;
    });
  });

  test('the header must name each column once', async () => {
    for (const [text, code] of [
      ['', 'empty'],
      ['\n\n', 'empty'],
      ['a;;b\n1;2;3', 'columnName'],
      ['a; a\n1;2', 'duplicateColumn'],
    ] as const) {
      await assert.rejects(read(text), (error: unknown) => {
        assert.ok(error instanceof TabularFileError, text);
        assert.equal(error.code, code, text);
        return true;
      });
    }
  });

  test('encodings: ISO-8859-1, Windows-1252 (€, quotes), UTF-8 with its byte-order mark', async () => {
    const latin1 = Buffer.from('nimi\nÅsa Öberg\n', 'latin1');
    assert.deepEqual((await read(latin1, { ...SEMICOLON_UTF8, encoding: 'iso-8859-1' })).rows, [
      { rowNumber: 2, cells: { nimi: 'Åsa Öberg' } },
    ]);
    const cp1252 = Buffer.from([...Buffer.from('nimi\n'), 0x80, 0x93, 0x9a, 0x94]);
    assert.deepEqual((await read(cp1252, { ...SEMICOLON_UTF8, encoding: 'windows-1252' })).rows, [
      { rowNumber: 2, cells: { nimi: '€“š”' } },
    ]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('nimi\nÄ\n')]);
    assert.deepEqual(await read(bom), {
      columns: ['nimi'],
      rows: [{ rowNumber: 2, cells: { nimi: 'Ä' } }],
    });
    await assert.rejects(read(bom, { ...SEMICOLON_UTF8, encoding: 'iso-8859-1' }), {
      code: 'encodingMismatch',
    });
  });

  test('bytes that are not UTF-8 make their row an encoding error', async () => {
    const bytes = Buffer.concat([
      Buffer.from('nimi\n'),
      Buffer.from('Äijä\n', 'latin1'),
      Buffer.from('Äijä\n'),
    ]);
    assert.deepEqual((await read(bytes)).rows, [
      { rowNumber: 2, error: { code: 'encoding', message: 'the row is not valid UTF-8' } },
      { rowNumber: 3, cells: { nimi: 'Äijä' } },
    ]);
  });

  test('stopping early closes the input', async () => {
    const input = chunked(Buffer.from(`a\n${'1\n'.repeat(10_000)}`), [64]);
    const table = await openTable(input, SEMICOLON_UTF8);
    for await (const row of table.rows) {
      assert.equal(row.rowNumber, 2);
      break;
    }
    assert.equal(input.destroyed, true);
  });
});

/** Header names from the cell's characters: non-empty after trimming, each once. */
function headerNames(cell: fc.Arbitrary<string>) {
  return fc.uniqueArray(
    cell.map((name) => name.trim()).filter((name) => name !== ''),
    { minLength: 1, maxLength: 5 },
  );
}

function tableArbitrary(cell: fc.Arbitrary<string>) {
  return headerNames(cell).chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(
        fc
          .array(cell, { minLength: columns.length, maxLength: columns.length })
          .filter((row) => row.some((value) => value !== '')),
        { maxLength: 12 },
      ),
    }),
  );
}

describe('CSV properties (fast-check)', () => {
  const formatArbitrary = fc.record({
    delimiter: fc.constantFrom(';', ',', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    chunks: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
  });

  test('any Unicode table written as CSV in UTF-8 reads back cell for cell, however the bytes are split', async () => {
    const cell = fc
      .string({ unit: 'grapheme', maxLength: 10 })
      .filter((value) => !value.includes('\uFFFD'));
    await fc.assert(
      fc.asyncProperty(tableArbitrary(cell), formatArbitrary, async (table, format) => {
        const text =
          csvText([table.columns, ...table.rows], format.delimiter, format.newline) +
          (format.finalNewline ? format.newline : '');
        const bytes = Buffer.concat([
          format.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
          Buffer.from(text),
        ]);
        const read = await openTable(chunked(bytes, format.chunks), {
          kind: 'csv',
          delimiter: format.delimiter,
          encoding: 'utf-8',
        });
        assert.deepEqual(read.columns, table.columns);
        const rows = await collect(read.rows);
        assert.deepEqual(
          rows.map((row) => ('cells' in row ? table.columns.map((name) => row.cells[name]) : row)),
          table.rows,
        );
      }),
      { numRuns: 150 },
    );
  });

  test('one-byte encodings read back every character they have', async () => {
    const latin1Char = fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c < 0x7f || c > 0x9f)
      .map((c) => String.fromCharCode(c));
    const cell = fc.string({ unit: latin1Char, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(
        tableArbitrary(cell),
        fc.constantFrom('iso-8859-1', 'windows-1252'),
        async (table, encoding) => {
          const bytes = Buffer.from(csvText([table.columns, ...table.rows], ';', '\r\n'), 'latin1');
          const read = await openTable(chunked(bytes, [3]), {
            kind: 'csv',
            delimiter: ';',
            encoding,
          });
          const rows = await collect(read.rows);
          assert.deepEqual(
            rows.map((row) =>
              'cells' in row ? table.columns.map((name) => row.cells[name]) : row,
            ),
            table.rows,
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  test('any bytes at all: rows in order, each a row or a row error; only a file error is thrown', async () => {
    const noise = fc.array(
      fc.oneof(
        fc.constantFrom('"', ';', '\n', '\r', '""', 'a', 'ä', ' '),
        fc.string({ unit: 'binary', maxLength: 3 }),
      ),
      { maxLength: 60 },
    );
    await fc.assert(
      fc.asyncProperty(noise, fc.integer({ min: 1, max: 5 }), async (parts, chunk) => {
        const bytes = Buffer.from(`a;b\n${parts.join('')}`);
        const read = await openTable(chunked(bytes, [chunk]), SEMICOLON_UTF8).catch(
          (error: unknown) => {
            if (error instanceof TabularFileError) return null;
            throw error;
          },
        );
        if (read === null) return;
        let previous = 1;
        for await (const row of read.rows) {
          assert.ok(row.rowNumber > previous, 'row numbers grow');
          previous = row.rowNumber;
          if ('cells' in row) assert.deepEqual(Object.keys(row.cells), ['a', 'b']);
          else assert.ok(['quoting', 'cellCount', 'encoding'].includes(row.error.code));
        }
      }),
      { numRuns: 300 },
    );
  });
});

async function xlsxBytes(sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) workbook.addWorksheet(sheet.name).addRows(sheet.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('XLSX', () => {
  test('reads the first sheet: strings, numbers, dates, rich text, formulas, blank rows skipped', async () => {
    const bytes = await xlsxBytes([
      {
        name: 'Asiakkaat',
        rows: [
          ['Nimi', 'Syntynyt', 'Määrä', 'Huom'],
          ['Åsa "Ö" Öberg', new Date(Date.UTC(1980, 4, 17)), 12.5],
          [],
          [
            { richText: [{ text: 'Rich ' }, { text: 'text' }] },
            null,
            { formula: '1+1', result: 2 },
            'x',
          ],
        ],
      },
      { name: 'Toinen', rows: [['Other'], ['y']] },
    ]);
    const table = await openTable(chunked(bytes, [1000]), { kind: 'xlsx' });
    assert.deepEqual(table.columns, ['Nimi', 'Syntynyt', 'Määrä', 'Huom']);
    assert.deepEqual(await collect(table.rows), [
      {
        rowNumber: 2,
        cells: { Nimi: 'Åsa "Ö" Öberg', Syntynyt: '1980-05-17', Määrä: '12.5', Huom: '' },
      },
      { rowNumber: 4, cells: { Nimi: 'Rich text', Syntynyt: '', Määrä: '2', Huom: 'x' } },
    ]);
    const other = await openTable(chunked(bytes), { kind: 'xlsx', sheet: 'Toinen' });
    assert.deepEqual(await collect(other.rows), [{ rowNumber: 2, cells: { Other: 'y' } }]);
  });

  test('a file that is not an XLSX, or has no such sheet, is a file error', async () => {
    await assert.rejects(openTable(chunked(Buffer.from('a;b\n1;2\n')), { kind: 'xlsx' }), {
      code: 'notXlsx',
    });
    const bytes = await xlsxBytes([{ name: 'A', rows: [['x'], ['1']] }]);
    await assert.rejects(openTable(chunked(bytes), { kind: 'xlsx', sheet: 'B' }), {
      code: 'noSheet',
    });
  });

  test('a cell beyond the header is a row error', async () => {
    const bytes = await xlsxBytes([{ name: 'A', rows: [['x', 'y'], ['1', '2', '3'], ['4']] }]);
    const table = await openTable(chunked(bytes), { kind: 'xlsx' });
    assert.deepEqual(await collect(table.rows), [
      { rowNumber: 2, error: { code: 'cellCount', message: 'the row has 3 cells, the header 2' } },
      { rowNumber: 3, cells: { x: '4', y: '' } },
    ]);
  });
});
