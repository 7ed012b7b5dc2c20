import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDays,
  describeChanges,
  filtersFrom,
  filtersToParams,
  helsinkiMidnight,
  helsinkiToday,
  timeRange,
  yearsBefore,
} from './access-log.ts';

describe('the access log filters', () => {
  test('start a day at midnight in Helsinki, summer and winter time', () => {
    assert.equal(helsinkiMidnight('2026-01-15'), '2026-01-15T00:00:00+02:00');
    assert.equal(helsinkiMidnight('2026-07-01'), '2026-07-01T00:00:00+03:00');
    // The days the clocks change: still the offset of the night before the change.
    assert.equal(helsinkiMidnight('2026-03-29'), '2026-03-29T00:00:00+02:00');
    assert.equal(helsinkiMidnight('2026-10-25'), '2026-10-25T00:00:00+03:00');
  });

  test('include the whole "to" day', () => {
    assert.deepEqual(timeRange({ from: '2026-02-01', to: '2026-02-28' }), {
      from: '2026-02-01T00:00:00+02:00',
      to: '2026-03-01T00:00:00+02:00',
    });
    assert.deepEqual(timeRange({ from: '', to: '' }), {});
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });

  test('go back two years from today in Helsinki', () => {
    assert.equal(yearsBefore('2026-05-10', 2), '2024-05-10');
    assert.equal(yearsBefore('2028-02-29', 2), '2026-02-28');
    assert.equal(helsinkiToday(new Date('2026-05-10T22:30:00Z')), '2026-05-11');
  });

  test('round-trip through the URL, dropping what is unset or malformed', () => {
    const filters = filtersFrom(
      new URLSearchParams('subjectId=abc&action=create&from=2026-01-01&to=1.2.2026&x=1'),
    );
    assert.deepEqual(filters, {
      subjectId: 'abc',
      userId: '',
      action: 'create',
      flag: '',
      from: '2026-01-01',
      to: '',
    });
    assert.deepEqual(filtersToParams(filters), {
      subjectId: 'abc',
      action: 'create',
      from: '2026-01-01',
    });
    assert.equal(filtersFrom(new URLSearchParams('action=delete')).action, '');
    const flagged = filtersFrom(new URLSearchParams('action=breakGlass&flag=breakGlass'));
    assert.deepEqual([flagged.action, flagged.flag], ['breakGlass', 'breakGlass']);
    assert.deepEqual(filtersToParams(flagged), { action: 'breakGlass', flag: 'breakGlass' });
    assert.equal(filtersFrom(new URLSearchParams('flag=other')).flag, '');
  });
});

describe('the changes of an entry', () => {
  const texts = { changed: 'muutettu', empty: 'tyhjä', field: (name: string) => name };

  test('show ordinary fields as old → new, addresses by their parts', () => {
    assert.deepEqual(
      describeChanges(
        {
          firstName: { old: 'Matti', new: 'Matias' },
          email: { old: null, new: 'matti@example.fi' },
          permanentAddress: {
            old: null,
            new: { street: 'Mannerheimintie 12', postalCode: '00100', postOffice: 'Helsinki' },
          },
        },
        texts,
      ),
      [
        'firstName: Matti → Matias',
        'email: tyhjä → matti@example.fi',
        'permanentAddress: tyhjä → Mannerheimintie 12, 00100, Helsinki',
      ],
    );
  });

  test('put a value in words where the field has a vocabulary', () => {
    const value = (field: string, v: unknown) =>
      field === 'language' && v === 'sv' ? 'ruotsi' : null;
    assert.deepEqual(describeChanges({ language: { old: null, new: 'sv' } }, { ...texts, value }), [
      'language: tyhjä → ruotsi',
    ]);
  });

  test('never show a value of the identity code', () => {
    assert.deepEqual(describeChanges({ personalIdentityCode: 'changed' }, texts), [
      'personalIdentityCode: muutettu',
    ]);
    assert.deepEqual(
      describeChanges({ personalIdentityCode: { old: '131052-308T', new: 'x' } }, texts),
      ['personalIdentityCode: muutettu'],
    );
    assert.deepEqual(describeChanges(null, texts), []);
  });
});
