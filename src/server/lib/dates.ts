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
