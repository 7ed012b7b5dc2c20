import fs from 'node:fs';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import type { ImportProfileBody } from '../../src/contract/move-in/move-in.schemas.ts';

/** The profile of the generated old-register export: `;`-separated, Windows-1252, Finnish headers. */
export const OLD_REGISTER_PROFILE: ImportProfileBody = {
  target: 'person',
  format: { kind: 'csv', delimiter: ';', encoding: 'windows-1252' },
  columns: {
    lastName: 'Sukunimi',
    firstName: 'Etunimet',
    personalIdentityCode: 'Hetu',
    email: 'Sähköposti',
    street: 'Lähiosoite',
    postalCode: 'Postinumero',
    postOffice: 'Postitoimipaikka',
  },
  identityCodePurpose: 'unambiguous_identification',
};

/** A row the generator broke on purpose, and the code its report row must carry. */
export type Planted = { rowNumber: number; outcome: 'invalid' | 'duplicate'; code: string };

const FIRST = ['Matti', 'Liisa', 'Åke', 'Päivi', 'Jussi', 'Sirpa', 'Öysti', 'Anna-Maija'];
const LAST = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Öhman', 'Lindström', 'Hämäläinen'];
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1940, 0, 1);

/** The n-th distinct identity code (day of birth 1940–1999, individual number 2–899). */
export function nthIdentityCode(n: number): string {
  const days = 21_900;
  return makeIdentityCode(new Date(FIRST_DAY + (n % days) * DAY), 2 + Math.floor(n / days));
}

/**
 * Writes an old register's export of `rows` persons (row numbers 2…rows+1) with an error or a
 * duplicate planted every `every` rows, cycling through the kinds; returns what was planted.
 * Written as a stream, so a million rows take no memory.
 */
export async function writeOldRegisterExport(
  file: string,
  rows: number,
  every = 1000,
): Promise<{ planted: Planted[]; clean: number }> {
  const out = fs.createWriteStream(file);
  const write = (line: string) =>
    out.write(Buffer.from(`${line}\r\n`, 'latin1'))
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('Sukunimi;Etunimet;Hetu;Sähköposti;Lähiosoite;Postinumero;Postitoimipaikka');
  const planted: Planted[] = [];
  for (let i = 0; i < rows; i += 1) {
    const rowNumber = i + 2;
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
    let cells = [
      last,
      first,
      nthIdentityCode(i),
      `asiakas${i}@example.fi`,
      `Kotikatu ${1 + (i % 97)} A ${1 + (i % 13)}`,
      String(100 + (i % 900)).padStart(5, '0'),
      'Helsinki',
    ];
    let line: string | undefined;
    if (i > 0 && i % every === 0) {
      switch ((i / every) % 6) {
        case 0: {
          const code = nthIdentityCode(i);
          cells[2] = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
          planted.push({ rowNumber, outcome: 'invalid', code: 'identityCode.checkCharacter' });
          break;
        }
        case 1:
          cells[0] = '';
          planted.push({ rowNumber, outcome: 'invalid', code: 'required' });
          break;
        case 2:
          cells[5] = '';
          planted.push({ rowNumber, outcome: 'invalid', code: 'address.incomplete' });
          break;
        case 3:
          cells[2] = nthIdentityCode(i - 1);
          planted.push({ rowNumber, outcome: 'duplicate', code: 'duplicate.identityCode' });
          break;
        case 4:
          line = `${cells.slice(0, 6).join(';')};"Helsinki"x`;
          planted.push({ rowNumber, outcome: 'invalid', code: 'row.quoting' });
          break;
        default:
          cells = cells.slice(0, 5);
          planted.push({ rowNumber, outcome: 'invalid', code: 'row.cellCount' });
      }
    }
    await write(line ?? cells.join(';'));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { planted, clean: rows - planted.length };
}
