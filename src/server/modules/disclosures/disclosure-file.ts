import { helsinkiDate } from '../../../contract/dates.ts';
import { csvBody, CSV_CONTENT_TYPE } from '../access-log/subject-report.formats.ts';
import { DISCLOSURE_FORMATS, type DisclosureFormat } from '../../../contract/enums.ts';
export { DISCLOSURE_FORMATS, type DisclosureFormat };

/** A record of the file: field → value; a field left out was not sent for this record. */
export type FileRow = Readonly<Record<string, string | null>>;

/** What is handed to the partner: the bytes, their media type and a name without personal data. */
export type DisclosureFile = { fileName: string; contentType: string; body: Buffer };

/**
 * The file as the recipient gets it. CSV as the register's other CSV files (UTF-8 with a BOM, `;`,
 * CRLF, formula-neutralised cells): a header row of the field names, then one row per record, a
 * field not sent left empty. JSON: an array of objects with the fields sent, in the same order.
 */
export function disclosureFile(
  format: DisclosureFormat,
  fields: readonly string[],
  rows: readonly FileRow[],
  name: { prefix: string; disclosureId: string; at: Date },
): DisclosureFile {
  const fileName = `${name.prefix}-${helsinkiDate(name.at)}-${name.disclosureId.slice(0, 8)}.${format}`;
  if (format === 'csv') {
    const cells = rows.map((row) => fields.map((field) => row[field] ?? ''));
    return { fileName, contentType: CSV_CONTENT_TYPE, body: csvBody([fields, ...cells]) };
  }
  const objects = rows.map((row) =>
    Object.fromEntries(fields.filter((field) => field in row).map((field) => [field, row[field]])),
  );
  return {
    fileName,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(`${JSON.stringify(objects, null, 2)}\n`, 'utf8'),
  };
}

/** Cents as euros with two decimals and a point, e.g. 12345 → "123.45": exact, never a float. */
export function euros(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.abs(cents);
  return `${sign}${Math.floor(whole / 100)}.${String(whole % 100).padStart(2, '0')}`;
}
