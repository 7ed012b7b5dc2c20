import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addCalendarMonths,
  extendedDueOn,
  extensionProblems,
  firstDueOn,
  requestDueOn,
} from './deadlines.ts';
import { isFinnishWorkingDay } from '../finnish/holidays.ts';

describe('calendar months (Regulation 1182/71)', () => {
  test('requirements §9: 15 March is due 15 April', () => {
    assert.equal(addCalendarMonths('2026-03-15', 1), '2026-04-15');
    assert.equal(requestDueOn('2026-03-15'), '2026-04-15'); // a Wednesday
  });
  test('month ends: 31 January → 28 February, or 29 in a leap year', () => {
    assert.equal(addCalendarMonths('2027-01-31', 1), '2027-02-28');
    assert.equal(addCalendarMonths('2028-01-31', 1), '2028-02-29');
    assert.equal(addCalendarMonths('2026-03-31', 1), '2026-04-30');
    assert.equal(addCalendarMonths('2026-12-31', 1), '2027-01-31');
    assert.equal(addCalendarMonths('2028-02-29', 1), '2028-03-29');
    assert.equal(addCalendarMonths('2027-11-30', 3), '2028-02-29');
  });
  test('a bad date is refused naming it', () => {
    assert.throws(() => addCalendarMonths('2026-02-30', 1), /calendar date.*2026-02-30/);
    assert.throws(() => requestDueOn('15.3.2026'), /calendar date.*15\.3\.2026/);
  });
});

describe('dueOn: one month, moved past weekends and Finnish holidays', () => {
  const cases: [string, string, string][] = [
    ['2028-01-31', '2028-02-29', 'leap year, a Tuesday'],
    ['2027-01-31', '2027-03-01', '28 February 2027 is a Sunday'],
    ['2026-01-31', '2026-03-02', '28 February 2026 is a Saturday'],
    ['2026-11-24', '2026-12-28', 'Christmas Eve, Christmas Day, St Stephen, Sunday'],
    ['2026-05-19', '2026-06-22', 'Midsummer Eve (Friday), Midsummer Day, Sunday'],
    ['2026-03-03', '2026-04-07', 'Good Friday, Saturday, Easter, Easter Monday'],
    ['2026-04-14', '2026-05-15', 'Ascension Day'],
    ['2026-12-06', '2027-01-07', 'Epiphany'],
    ['2026-04-01', '2026-05-04', 'May Day (Friday) and the weekend'],
    ['2026-11-06', '2026-12-07', 'Independence Day on a Sunday'],
    ['2025-10-01', '2025-11-03', "All Saints' Day 2025 (Saturday) and the Sunday"],
  ];
  for (const [receivedOn, dueOn, why] of cases) {
    test(`received ${receivedOn} → due ${dueOn} (${why})`, () => {
      assert.equal(firstDueOn(receivedOn), dueOn);
      assert.equal(requestDueOn(receivedOn), dueOn);
    });
  }

  test('property: due on a working day, at least a month and at most 5 days after it', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (receivedOn) => {
        const due = requestDueOn(receivedOn);
        const month = addCalendarMonths(receivedOn, 1);
        assert.ok(isFinnishWorkingDay(due), `${due} is a working day`);
        assert.ok(due >= month);
        const gap = (Date.parse(due) - Date.parse(month)) / 86_400_000;
        assert.ok(gap <= 5, `${receivedOn}: ${gap} days moved`);
      }),
    );
  });
});

describe('extension: two further months, told within the first month', () => {
  test('extended: three months from receipt, moved past non-working days', () => {
    const extension = { reason: 'Numerous requests', requesterToldOn: '2026-04-15' };
    assert.equal(requestDueOn('2026-03-15', extension), '2026-06-15');
    assert.equal(extendedDueOn('2026-11-30'), '2027-03-01'); // 28 February 2027 is a Sunday
    assert.equal(extendedDueOn('2027-11-30'), '2028-02-29');
  });
  test('told on the last day of the first month (moved) is in time', () => {
    // Received 24 November 2026: the first month ends 28 December (after Christmas).
    assert.deepEqual(
      extensionProblems('2026-11-24', { reason: 'Complex', requesterToldOn: '2026-12-28' }),
      [],
    );
  });
  test('told after the first month: refused naming the last day', () => {
    const problems = extensionProblems('2026-03-15', {
      reason: 'Complex',
      requesterToldOn: '2026-04-16',
    });
    assert.deepEqual(
      problems.map((p) => [p.field, p.code]),
      [['requesterToldOn', 'extension.toldTooLate']],
    );
    assert.match(problems[0]?.message ?? '', /2026-04-15/);
    assert.throws(
      () => requestDueOn('2026-03-15', { reason: 'Complex', requesterToldOn: '2026-04-16' }),
      /within the first month/,
    );
  });
  test('told before receipt, or without a reason: refused', () => {
    assert.deepEqual(
      extensionProblems('2026-03-15', { reason: '  ', requesterToldOn: '2026-03-14' }).map(
        (p) => p.code,
      ),
      ['extension.reasonRequired', 'extension.toldBeforeReceipt'],
    );
  });
});
