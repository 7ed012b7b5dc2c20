/**
 * The deadline of a data subject's request (GDPR Art. 12(3)): one calendar month from receipt,
 * extendable by two further months. Months are calendar months (Regulation 1182/71 Art. 3(2)(c)):
 * the period ends on the same day of the month, or on the month's last day when it has no such
 * day (31 January → 28/29 February). A period that would end on a Saturday, a Sunday or a Finnish
 * public holiday — Midsummer Eve and Christmas Eve included — ends on the next working day
 * (Act 150/1930 § 5). An extension counts from receipt (three months in all), not from the
 * moved first deadline, and the requester must be told of it within the first month.
 */
import { nextFinnishWorkingDay } from '../finnish/holidays.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertDate(date: string, name: string): void {
  const match = ISO_DATE.exec(date);
  const valid = match !== null && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!valid) throw new RangeError(`${name} must be a calendar date YYYY-MM-DD, got "${date}"`);
}

/** The same day `months` calendar months later, or that month's last day when it has none. */
export function addCalendarMonths(date: string, months: number): string {
  assertDate(date, 'date');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A request's first deadline: one month from receipt, moved past non-working days. */
export function firstDueOn(receivedOn: string): string {
  return nextFinnishWorkingDay(addCalendarMonths(receivedOn, 1));
}

/** The deadline once extended: three months from receipt, moved past non-working days. */
export function extendedDueOn(receivedOn: string): string {
  return nextFinnishWorkingDay(addCalendarMonths(receivedOn, 3));
}

export type Extension = { reason: string; requesterToldOn: string };

export type ExtensionProblem = {
  field: 'requesterToldOn' | 'reason';
  code: 'extension.toldTooLate' | 'extension.toldBeforeReceipt' | 'extension.reasonRequired';
  message: string;
};

/** Why an extension is not valid for a request received on `receivedOn`; empty when it is. */
export function extensionProblems(receivedOn: string, extension: Extension): ExtensionProblem[] {
  assertDate(receivedOn, 'receivedOn');
  assertDate(extension.requesterToldOn, 'requesterToldOn');
  const problems: ExtensionProblem[] = [];
  if (extension.reason.trim().length === 0) {
    problems.push({
      field: 'reason',
      code: 'extension.reasonRequired',
      message: 'An extension needs its reason (GDPR Art. 12(3): complex or numerous requests)',
    });
  }
  if (extension.requesterToldOn < receivedOn) {
    problems.push({
      field: 'requesterToldOn',
      code: 'extension.toldBeforeReceipt',
      message: `The requester cannot be told of an extension before the request was received (${receivedOn})`,
    });
  } else if (extension.requesterToldOn > firstDueOn(receivedOn)) {
    problems.push({
      field: 'requesterToldOn',
      code: 'extension.toldTooLate',
      message: `The requester must be told of an extension within the first month, by ${firstDueOn(receivedOn)}`,
    });
  }
  return problems;
}

/**
 * `dueOn` of a request: the first deadline, or with a valid extension the extended one.
 * An invalid extension throws: the caller validates it with extensionProblems first.
 */
export function requestDueOn(receivedOn: string, extension?: Extension): string {
  if (!extension) return firstDueOn(receivedOn);
  const problems = extensionProblems(receivedOn, extension);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join('; '));
  return extendedDueOn(receivedOn);
}
