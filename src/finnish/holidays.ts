/**
 * Finnish public holidays and the days on which a statutory period cannot end (Act 150/1930 on
 * computing statutory periods, § 5): Sundays and the church holidays, Independence Day, May Day,
 * Christmas Eve and Midsummer Eve, and Saturdays. Dates are calendar dates, YYYY-MM-DD.
 */

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** YYYY-MM-DD plus `days`. This module runs in the browser too, so it brings its own. */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return iso(year, month, day + days);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The first date on or after `year-month-from` that falls on `weekday` (0 = Sunday). */
function firstWeekdayFrom(year: number, month: number, from: number, weekday: number): string {
  const start = new Date(Date.UTC(year, month - 1, from));
  const shift = (weekday - start.getUTCDay() + 7) % 7;
  return iso(year, month, from + shift);
}

export type FinnishHoliday = { date: string; name: { fi: string; sv: string; en: string } };

const cache = new Map<number, FinnishHoliday[]>();

/** The year's public holidays and the eves the Act names, in date order. */
export function finnishHolidays(year: number): FinnishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const midsummerDay = firstWeekdayFrom(year, 6, 20, 6);
  const holidays: FinnishHoliday[] = [
    {
      date: iso(year, 1, 1),
      name: { fi: 'uudenvuodenpäivä', sv: 'nyårsdagen', en: "New Year's Day" },
    },
    { date: iso(year, 1, 6), name: { fi: 'loppiainen', sv: 'trettondagen', en: 'Epiphany' } },
    {
      date: addDays(easter, -2),
      name: { fi: 'pitkäperjantai', sv: 'långfredagen', en: 'Good Friday' },
    },
    { date: easter, name: { fi: 'pääsiäispäivä', sv: 'påskdagen', en: 'Easter Sunday' } },
    {
      date: addDays(easter, 1),
      name: { fi: 'toinen pääsiäispäivä', sv: 'annandag påsk', en: 'Easter Monday' },
    },
    { date: iso(year, 5, 1), name: { fi: 'vappu', sv: 'första maj', en: 'May Day' } },
    {
      date: addDays(easter, 39),
      name: { fi: 'helatorstai', sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' },
    },
    {
      date: addDays(easter, 49),
      name: { fi: 'helluntaipäivä', sv: 'pingstdagen', en: 'Whit Sunday' },
    },
    {
      date: addDays(midsummerDay, -1),
      name: { fi: 'juhannusaatto', sv: 'midsommarafton', en: 'Midsummer Eve' },
    },
    {
      date: midsummerDay,
      name: { fi: 'juhannuspäivä', sv: 'midsommardagen', en: 'Midsummer Day' },
    },
    {
      date: firstWeekdayFrom(year, 10, 31, 6),
      name: { fi: 'pyhäinpäivä', sv: 'alla helgons dag', en: "All Saints' Day" },
    },
    {
      date: iso(year, 12, 6),
      name: { fi: 'itsenäisyyspäivä', sv: 'självständighetsdagen', en: 'Independence Day' },
    },
    { date: iso(year, 12, 24), name: { fi: 'jouluaatto', sv: 'julafton', en: 'Christmas Eve' } },
    { date: iso(year, 12, 25), name: { fi: 'joulupäivä', sv: 'juldagen', en: 'Christmas Day' } },
    {
      date: iso(year, 12, 26),
      name: { fi: 'tapaninpäivä', sv: 'annandag jul', en: "St Stephen's Day" },
    },
  ];
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  cache.set(year, holidays);
  return holidays;
}

/** The holiday on `date`, if it is one. */
export function finnishHoliday(date: string): FinnishHoliday | undefined {
  return finnishHolidays(Number(date.slice(0, 4))).find((holiday) => holiday.date === date);
}

/** Whether a statutory period may end on `date`: not a Saturday, Sunday or holiday. */
export function isFinnishWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && finnishHoliday(date) === undefined;
}

/** `date` itself when a period may end on it, else the next day that it may. */
export function nextFinnishWorkingDay(date: string): string {
  let day = date;
  while (!isFinnishWorkingDay(day)) day = addDays(day, 1);
  return day;
}
