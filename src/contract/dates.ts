const helsinkiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Finland at the given instant. */
export function helsinkiDate(instant: Date): string {
  return helsinkiDay.format(instant);
}

const helsinkiOffset = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Helsinki',
  timeZoneName: 'longOffset',
});

/**
 * The instant of midnight in Helsinki at the start of `date` (YYYY-MM-DD). Finland changes its
 * clocks at 03:00 or 04:00, never around midnight, so the offset at 00:00 UTC of the same date is
 * the offset at local midnight.
 */
export function helsinkiStartOfDay(date: string): Date {
  const name = helsinkiOffset
    .formatToParts(new Date(`${date}T00:00:00Z`))
    .find((part) => part.type === 'timeZoneName');
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name?.value ?? '')?.[1] ?? '+00:00';
  return new Date(`${date}T00:00:00${offset}`);
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** The same calendar day `years` earlier; 29 February becomes 28 February. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The same calendar day `years` later; 29 February becomes 28 February. */
export function yearsAfter(date: string, years: number): string {
  return yearsBefore(date, -years);
}
