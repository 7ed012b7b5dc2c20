import type { Address } from './api.ts';
import type { Language } from './i18n/catalogues.ts';

const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  return Object.fromEntries(helsinkiParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** A date the Finnish way, d.m.yyyy; a timestamp is read in Helsinki time. */
export function formatDate(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${Number(plain[3])}.${Number(plain[2])}.${plain[1]}`;
  const p = partsOf(new Date(value));
  return `${Number(p.day)}.${Number(p.month)}.${p.year}`;
}

/** d.m.yyyy H.MM in Helsinki time (the Finnish way writes the time with a dot). */
export function formatDateTime(value: string): string {
  const p = partsOf(new Date(value));
  return `${formatDate(value)} ${Number(p.hour)}.${p.minute}`;
}

/** H.MM in Helsinki time. */
export function formatTime(value: string): string {
  const p = partsOf(new Date(value));
  return `${Number(p.hour)}.${p.minute}`;
}

/** d.m.yyyy (also dd.mm.yyyy) → YYYY-MM-DD, or null when it is not a real date. */
export function parseFinnishDate(input: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(input.trim());
  if (!match) return null;
  const [, d, m, y] = match as unknown as [string, string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

/** The lines of a postal address; the country is named only when it is not Finland. */
export function addressLines(address: Address, language: Language): string[] {
  const lines = [address.street, `${address.postalCode} ${address.postOffice}`];
  if (address.country !== 'FI') lines.push(countryName(address.country, language));
  return lines;
}

export function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
