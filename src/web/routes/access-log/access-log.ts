/** The access log's filters and how an entry's changes are shown; pure, so unit-tested. */
import { ACCESS_ACTIONS, type AccessAction } from '../../../contract/enums.ts';

/** The actions an entry can have: the contract's list (src/contract/enums.ts). */
export const ACTIONS = ACCESS_ACTIONS;
export type Action = AccessAction;

export const isAction = (value: string | null): value is Action =>
  (ACTIONS as readonly (string | null)[]).includes(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Entries flagged for review: a social worker broke the glass. */
export const FLAGS = ['breakGlass'] as const;
export type Flag = (typeof FLAGS)[number];

export const isFlag = (value: string | null): value is Flag =>
  (FLAGS as readonly (string | null)[]).includes(value);

/**
 * The filters as the URL keeps them: ids, an action, a flag, and dates as YYYY-MM-DD
 * (Helsinki).
 */
export type Filters = {
  subjectId: string;
  userId: string;
  action: Action | '';
  flag: Flag | '';
  from: string;
  to: string;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFrom(params: URLSearchParams): Filters {
  const text = (key: string) => (params.get(key) ?? '').trim();
  const date = (key: string) => (ISO_DATE.test(text(key)) ? text(key) : '');
  const action = params.get('action');
  const flag = params.get('flag');
  return {
    subjectId: text('subjectId'),
    userId: text('userId'),
    action: isAction(action) ? action : '',
    flag: isFlag(flag) ? flag : '',
    from: date('from'),
    to: date('to'),
  };
}

/** Only the filters that are set, for the URL. */
export function filtersToParams(filters: Filters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
}

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Helsinki',
  timeZoneName: 'longOffset',
});

/**
 * Midnight in Helsinki at the start of `date` (YYYY-MM-DD), as ISO 8601 with its offset. Finland
 * changes its clocks at 03:00 or 04:00, never around midnight, so the offset at 00:00 UTC of the
 * same date is the offset at local midnight.
 */
export function helsinkiMidnight(date: string): string {
  const instant = new Date(`${date}T00:00:00Z`);
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(name?.value ?? '')?.[1] ?? '+00:00';
  return `${date}T00:00:00${offset}`;
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** Today in Helsinki, YYYY-MM-DD. */
export function helsinkiToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(now);
}

/** The same day `years` earlier; 29 February becomes 28 February. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The API's time range: from the start of `from` to the end of `to` (both Helsinki days). */
export function timeRange(filters: Pick<Filters, 'from' | 'to'>): { from?: string; to?: string } {
  return {
    ...(filters.from ? { from: helsinkiMidnight(filters.from) } : {}),
    ...(filters.to ? { to: helsinkiMidnight(addDays(filters.to, 1)) } : {}),
  };
}

/** The value of a logged change, compactly: addresses and links as their parts. */
export function formatValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (Array.isArray(value)) {
    return value.length === 0 ? empty : value.map((v) => formatValue(v, empty)).join('; ');
  }
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map((v) => formatValue(v, empty));
    return parts.length === 0 ? empty : parts.join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One line per changed field: "field: old → new". An encrypted field (the identity code) is
 * logged only as "changed", and shown only as `changedText`, never with values.
 */
export function describeChanges(
  changes: Record<string, unknown> | null,
  texts: {
    changed: string;
    empty: string;
    field: (name: string) => string;
    /** A value in words where the field has a vocabulary (language, purpose); else null. */
    value?: (field: string, value: unknown) => string | null;
  },
): string[] {
  if (!changes) return [];
  return Object.entries(changes).map(([field, change]) => {
    const name = texts.field(field);
    if (
      change === 'changed' ||
      field === 'personalIdentityCode' ||
      change === null ||
      typeof change !== 'object' ||
      !('old' in change || 'new' in change)
    ) {
      return `${name}: ${texts.changed}`;
    }
    const { old: before, new: after } = change as { old?: unknown; new?: unknown };
    const show = (value: unknown) => texts.value?.(field, value) ?? formatValue(value, texts.empty);
    return `${name}: ${show(before)} → ${show(after)}`;
  });
}
