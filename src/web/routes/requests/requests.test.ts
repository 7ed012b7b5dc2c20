import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translate, type MessageKey } from '../../i18n/catalogues.ts';
import { en } from '../../i18n/en.ts';
import {
  deadlineText,
  isoDate,
  requestFiltersFrom,
  requestFiltersToParams,
  staffDisplay,
} from './requests.ts';

const t = (key: MessageKey, params?: Record<string, number>) => translate(en, key, params);

describe('a request on its page', () => {
  test('the deadline in words: days left, due today, overdue, or nothing once answered', () => {
    assert.equal(deadlineText({ daysLeft: 12, overdue: false }, t), '12 days left');
    assert.equal(deadlineText({ daysLeft: 1, overdue: false }, t), '1 day left');
    assert.equal(deadlineText({ daysLeft: 0, overdue: false }, t), 'Due today');
    assert.equal(deadlineText({ daysLeft: -1, overdue: true }, t), 'Due date passed yesterday');
    assert.equal(deadlineText({ daysLeft: -30, overdue: true }, t), 'Due date passed 30 days ago');
    assert.equal(deadlineText({ daysLeft: null, overdue: false }, t), null);
  });

  test('staff by full name, by username when none is recorded', () => {
    assert.equal(staffDisplay({ username: 'rea', fullName: 'Rea Rekisteri' }), 'Rea Rekisteri');
    assert.equal(staffDisplay({ username: 'rea', fullName: null }), 'rea');
  });
});

describe("the requests' forms and filters", () => {
  test("a date as typed becomes the API's YYYY-MM-DD", () => {
    assert.equal(isoDate({ answeredOn: '2.12.2026' }, 'answeredOn'), '2026-12-02');
    assert.equal(isoDate({ answeredOn: '31.2.2026' }, 'answeredOn'), '');
  });

  test('the list keeps its tab and "only mine" in the URL, open by default', () => {
    assert.deepEqual(requestFiltersFrom(new URLSearchParams()), { status: 'open', mine: false });
    assert.deepEqual(requestFiltersFrom(new URLSearchParams('status=answered&mine=true')), {
      status: 'answered',
      mine: true,
    });
    assert.deepEqual(requestFiltersFrom(new URLSearchParams('status=bogus')).status, 'open');
    assert.deepEqual(requestFiltersToParams({ status: 'open', mine: false }), {});
    assert.deepEqual(requestFiltersToParams({ status: 'all', mine: true }), {
      status: 'all',
      mine: 'true',
    });
  });
});
