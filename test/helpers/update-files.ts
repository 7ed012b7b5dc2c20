/** Rows of the shipped Posti-like profile (src/server/modules/update-files/profiles/posti.json). */
export type PostiRow = {
  identityCode?: string;
  lastName: string;
  firstName: string;
  previousStreet?: string;
  previousPostalCode?: string;
  street: string;
  postalCode: string;
  postOffice: string;
  country?: string;
};

const WIDTHS: [keyof PostiRow, number][] = [
  ['identityCode', 11],
  ['lastName', 30],
  ['firstName', 30],
  ['previousStreet', 50],
  ['previousPostalCode', 5],
  ['street', 50],
  ['postalCode', 5],
  ['postOffice', 30],
  ['country', 2],
];

/** A Posti file in ISO-8859-1, CRLF after each line. */
export function postiFile(rows: PostiRow[]): Buffer {
  const text = rows
    .map((row) => WIDTHS.map(([field, width]) => (row[field] ?? '').padEnd(width)).join(''))
    .join('\r\n');
  return Buffer.from(`${text}\r\n`, 'latin1');
}
