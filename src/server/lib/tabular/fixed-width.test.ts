import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  FixedWidthError,
  readFixedWidth,
  type FixedWidthEncoding,
  type FixedWidthField,
} from './fixed-width.ts';

const FIELDS: FixedWidthField[] = [
  { name: 'code', start: 1, length: 11 },
  { name: 'lastName', start: 12, length: 10 },
  { name: 'street', start: 22, length: 12 },
];

async function* chunks(bytes: Buffer, cuts: number[] = []): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function readAll(bytes: Buffer, encoding: FixedWidthEncoding, cuts: number[] = []) {
  const rows = [];
  for await (const row of readFixedWidth(chunks(bytes, cuts), { encoding, fields: FIELDS })) {
    rows.push(row);
  }
  return rows;
}

const line = (code: string, lastName: string, street: string) =>
  code.padEnd(11) + lastName.padEnd(10) + street.padEnd(12);

test('ISO-8859-1: ä, ö and å are one byte each; 0x80 is a control character, not the euro sign', async () => {
  const bytes = Buffer.from(`${line('010180-900A', 'Öhman', 'Åkertie 5')}\n`, 'latin1');
  assert.equal(bytes.length, 34);
  const [row] = await readAll(bytes, 'iso-8859-1');
  assert.deepEqual(row, {
    line: 1,
    values: { code: '010180-900A', lastName: 'Öhman', street: 'Åkertie 5' },
  });
  const [euro] = await readAll(Buffer.from([0x80, 0x0a]), 'iso-8859-1');
  assert.equal(euro?.values.code, '\u0080');
});

test('Windows-1252: 0x80 is €, 0x8A is Š, 0x9E is ž; the letters of ISO-8859-1 stay as they were', async () => {
  const bytes = Buffer.concat([
    Buffer.from('010180-900A'),
    Buffer.from([0x8a, 0x74, 0x9e, 0x80]),
    Buffer.from(' '.repeat(6)),
    Buffer.from('Äijälä 1', 'latin1'),
    Buffer.from('\r\n'),
  ]);
  const [row] = await readAll(bytes, 'windows-1252');
  assert.deepEqual(row?.values, { code: '010180-900A', lastName: 'Štž€', street: 'Äijälä 1' });
});

test('UTF-8: positions count characters, not bytes; a byte-order mark is skipped', async () => {
  const text = `\uFEFF${line('010180-900A', 'Öhman', 'Åkertie 5')}\n${line('020280-901B', 'Šarić', 'Kuja 1')}\n`;
  const rows = await readAll(Buffer.from(text, 'utf8'), 'utf-8');
  assert.deepEqual(
    rows.map((r) => r.values.lastName),
    ['Öhman', 'Šarić'],
  );
  assert.deepEqual(
    rows.map((r) => r.values.street),
    ['Åkertie 5', 'Kuja 1'],
  );
});

test('UTF-8: a line that is not valid UTF-8 is refused with its number (and never its text)', async () => {
  const bytes = Buffer.concat([
    Buffer.from(`${line('010180-900A', 'Virtanen', 'Tie 1')}\n`),
    Buffer.from(`${line('020280-901B', 'M', 'Tie 2')}\n`, 'latin1'),
    Buffer.from('010180-900A\xff\n', 'latin1'),
  ]);
  await assert.rejects(readAll(bytes, 'utf-8'), (error: unknown) => {
    assert.ok(error instanceof FixedWidthError);
    assert.equal(error.line, 3);
    assert.doesNotMatch(error.message, /010180/);
    return true;
  });
});

test('blank lines are skipped but counted; a short line gives empty fields; CRLF and a last line without LF are read', async () => {
  const text = `${line('010180-900A', 'A', 'B')}\r\n\r\n   \n010180-900A\n${line('020280-901B', 'C', 'D')}`;
  const rows = await readAll(Buffer.from(text), 'utf-8');
  assert.deepEqual(
    rows.map((r) => [r.line, r.values.code, r.values.lastName, r.values.street]),
    [
      [1, '010180-900A', 'A', 'B'],
      [4, '010180-900A', '', ''],
      [5, '020280-901B', 'C', 'D'],
    ],
  );
});

test('a bad layout names the field', async () => {
  await assert.rejects(
    readFixedWidth(chunks(Buffer.from('x')), {
      encoding: 'utf-8',
      fields: [{ name: 'code', start: 0, length: 3 }],
    }).next(),
    /code: start/,
  );
});

const latinText = fc
  .array(fc.constantFrom(...'abcxyzÄÖÅäöå-. 019Éü'.split('')), { maxLength: 10 })
  .map((chars) => chars.join('').trim());

test('property: any rows, in any of the three encodings, cut into chunks anywhere, read back as written', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(latinText, latinText, latinText), { minLength: 1, maxLength: 20 }),
      fc.constantFrom<FixedWidthEncoding>('utf-8', 'iso-8859-1', 'windows-1252'),
      fc.array(fc.nat({ max: 800 }), { maxLength: 8 }),
      async (rows, encoding, cuts) => {
        const text = rows.map(([a, b, c]) => line(a.slice(0, 11), b, c)).join('\n') + '\n';
        const bytes = Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'latin1');
        const read = await readAll(bytes, encoding, cuts);
        const expected = rows
          .map(([a, b, c], i) => ({ line: i + 1, values: { code: a, lastName: b, street: c } }))
          .filter((r) => Object.values(r.values).some((v) => v !== ''));
        assert.deepEqual(read, expected);
      },
    ),
    { numRuns: 200 },
  );
});
