import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { translate, type MessageKey } from '../../i18n/catalogues.ts';
import { en } from '../../i18n/en.ts';
import {
  deadlineText,
  extensionToldBy,
  isoDate,
  nextStep,
  requestFiltersFrom,
  requestFiltersToParams,
  stepProblems,
} from './requests.ts';

const t = (key: MessageKey, params?: Record<string, number>) => translate(en, key, params);

describe("a request's life on its page", () => {
  test('each status leads to one next step, and an answered request to none', () => {
    assert.equal(nextStep('received'), 'verifyIdentity');
    assert.equal(nextStep('identity_verified'), 'start');
    assert.equal(nextStep('in_progress'), 'decide');
    assert.equal(nextStep('decided'), 'answer');
    assert.equal(nextStep('answered'), null);
  });

  test('the deadline in words: days left, due today, overdue, or nothing once answered', () => {
    assert.equal(deadlineText({ daysLeft: 12, overdue: false }, t), '12 days left');
    assert.equal(deadlineText({ daysLeft: 1, overdue: false }, t), '1 day left');
    assert.equal(deadlineText({ daysLeft: 0, overdue: false }, t), 'Due today');
    assert.equal(deadlineText({ daysLeft: -1, overdue: true }, t), 'Due date passed yesterday');
    assert.equal(deadlineText({ daysLeft: -30, overdue: true }, t), 'Due date passed 30 days ago');
    assert.equal(deadlineText({ daysLeft: null, overdue: false }, t), null);
  });

  test('the requester is told of an extension by the first deadline (past Christmas)', () => {
    assert.equal(extensionToldBy({ receivedOn: '2026-11-24' }), '2026-12-28');
  });
});

describe("the requests' forms and filters", () => {
  test('required fields and dates are checked before sending', () => {
    const values = { method: '', verifiedOn: '31.2.2026' };
    assert.deepEqual(
      Object.entries(stepProblems(values, ['method', 'verifiedOn'], ['verifiedOn'])).map(
        ([field, problem]) => [field, problem.code],
      ),
      [
        ['method', 'required'],
        ['verifiedOn', 'date.format'],
      ],
    );
    assert.deepEqual(stepProblems({ answeredOn: '2.12.2026' }, ['answeredOn'], ['answeredOn']), {});
    assert.equal(isoDate({ answeredOn: '2.12.2026' }, 'answeredOn'), '2026-12-02');
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
