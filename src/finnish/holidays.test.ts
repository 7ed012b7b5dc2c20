import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  easterSunday,
  finnishHoliday,
  finnishHolidays,
  isFinnishWorkingDay,
  nextFinnishWorkingDay,
} from './holidays.ts';

describe('Finnish public holidays', () => {
  test('Easter Sunday of known years', () => {
    const known: Record<number, string> = {
      2000: '2000-04-23',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known))
      assert.equal(easterSunday(Number(year)), date);
  });

  test('2026: every holiday and eve of Act 150/1930, in order', () => {
    assert.deepEqual(
      finnishHolidays(2026).map((holiday) => `${holiday.date} ${holiday.name.fi}`),
      [
        '2026-01-01 uudenvuodenpäivä',
        '2026-01-06 loppiainen',
        '2026-04-03 pitkäperjantai',
        '2026-04-05 pääsiäispäivä',
        '2026-04-06 toinen pääsiäispäivä',
        '2026-05-01 vappu',
        '2026-05-14 helatorstai',
        '2026-05-24 helluntaipäivä',
        '2026-06-19 juhannusaatto',
        '2026-06-20 juhannuspäivä',
        '2026-10-31 pyhäinpäivä',
        '2026-12-06 itsenäisyyspäivä',
        '2026-12-24 jouluaatto',
        '2026-12-25 joulupäivä',
        '2026-12-26 tapaninpäivä',
      ],
    );
  });

  test('Midsummer and All Saints move: 2025', () => {
    assert.equal(finnishHoliday('2025-06-20')?.name.en, 'Midsummer Eve');
    assert.equal(finnishHoliday('2025-06-21')?.name.sv, 'midsommardagen');
    assert.equal(finnishHoliday('2025-11-01')?.name.en, "All Saints' Day");
    assert.equal(finnishHoliday('2025-10-31'), undefined);
  });

  test('every year: Midsummer Day a Saturday 20–26 June, All Saints a Saturday 31 Oct–6 Nov', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (year) => {
        const byName = new Map(finnishHolidays(year).map((h) => [h.name.en, h.date]));
        const midsummer = byName.get('Midsummer Day') ?? '';
        const allSaints = byName.get("All Saints' Day") ?? '';
        assert.equal(new Date(`${midsummer}T00:00:00Z`).getUTCDay(), 6);
        assert.ok(midsummer >= `${year}-06-20` && midsummer <= `${year}-06-26`);
        assert.equal(new Date(`${allSaints}T00:00:00Z`).getUTCDay(), 6);
        assert.ok(allSaints >= `${year}-10-31` && allSaints <= `${year}-11-06`);
        assert.equal(new Date(`${byName.get('Easter Sunday')}T00:00:00Z`).getUTCDay(), 0);
      }),
    );
  });

  test('working days: not Saturday, Sunday or a holiday', () => {
    assert.equal(isFinnishWorkingDay('2026-12-02'), true); // Wednesday
    assert.equal(isFinnishWorkingDay('2026-12-05'), false); // Saturday
    assert.equal(isFinnishWorkingDay('2026-12-24'), false); // Christmas Eve, a Thursday
    assert.equal(nextFinnishWorkingDay('2026-12-24'), '2026-12-28');
    assert.equal(nextFinnishWorkingDay('2026-12-02'), '2026-12-02');
  });
});
