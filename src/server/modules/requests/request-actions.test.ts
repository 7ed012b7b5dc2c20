import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { refuseUnlessAllowed, requestActions } from './request-actions.ts';
import type { StoredRequest } from './requests.queries.ts';

const received = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 1,
  type: 'access',
  personId: '00000000-0000-4000-8000-000000000002',
  receivedOn: '2026-11-24',
  channel: 'letter',
  language: 'fi',
  status: 'received',
  dueOn: '2026-12-28',
  assigneeId: null,
  identityMethod: null,
  identityVerifiedOn: null,
  identityVerifiedBy: null,
  extensionReason: null,
  extensionToldOn: null,
  outcome: null,
  decisionReasons: null,
  decidedOn: null,
  answeredOn: null,
  createdAt: new Date('2026-11-25T10:00:00Z'),
  createdBy: null,
  updatedAt: new Date('2026-11-25T10:00:00Z'),
} as StoredRequest;

const names = (request: StoredRequest, canManage = true) =>
  requestActions(request, { canManage }).allowed.map((a) => a.action);

describe("the request's one state machine", () => {
  test('each status offers its one step, and the actions that stay open until the answer', () => {
    assert.deepEqual(names(received), ['verifyIdentity', 'extend', 'assign', 'note']);
    assert.deepEqual(names({ ...received, status: 'identity_verified' }), [
      'start',
      'extend',
      'assign',
      'note',
    ]);
    assert.deepEqual(names({ ...received, status: 'in_progress' }), [
      'decide',
      'extend',
      'assign',
      'note',
    ]);
    assert.deepEqual(names({ ...received, status: 'decided', outcome: 'granted' }), [
      'answer',
      'extend',
      'assign',
      'note',
      'handOver',
    ]);
    assert.deepEqual(names({ ...received, status: 'answered' }), ['note']);
  });

  test('a reader without requests.manage may do nothing', () => {
    for (const status of ['received', 'in_progress', 'answered'] as const) {
      assert.deepEqual(requestActions({ ...received, status }, { canManage: false }), {
        allowed: [],
        blocked: [],
      });
    }
  });

  test('each action says what it needs: the earliest date, the told-by day, outcomes, reasons', () => {
    const { allowed } = requestActions(
      { ...received, status: 'in_progress', identityVerifiedOn: '2026-11-25' },
      { canManage: true },
    );
    assert.deepEqual(
      allowed.find((a) => a.action === 'decide'),
      {
        action: 'decide',
        notBefore: '2026-11-25',
        outcomes: ['granted', 'partly_granted', 'refused'],
        reasonsRequiredFor: ['partly_granted', 'refused'],
      },
    );
    // Christmas Eve, Christmas, St Stephen's Day and a Sunday move the first deadline.
    assert.deepEqual(
      allowed.find((a) => a.action === 'extend'),
      {
        action: 'extend',
        notBefore: '2026-11-24',
        tellBy: '2026-12-28',
      },
    );
  });

  test('extended once; a refused access request has nothing to hand over; erasure in progress', () => {
    assert.ok(!names({ ...received, extensionToldOn: '2026-11-25' }).includes('extend'));
    assert.ok(!names({ ...received, status: 'decided', outcome: 'refused' }).includes('handOver'));
    assert.deepEqual(names({ ...received, type: 'erasure', status: 'in_progress' }), [
      'decide',
      'extend',
      'assign',
      'note',
      'erase',
    ]);
    assert.ok(!names({ ...received, type: 'erasure', status: 'decided' }).includes('handOver'));
  });

  test("an objection request's and a rectification request's own panels, in their statuses only", () => {
    const objection = { ...received, type: 'objection' } as const;
    assert.ok(!names(objection).includes('recordObjections'));
    for (const status of ['identity_verified', 'in_progress'] as const) {
      assert.ok(names({ ...objection, status }).includes('recordObjections'));
    }
    assert.ok(!names({ ...objection, status: 'decided' }).includes('recordObjections'));
    assert.ok(!names({ ...received, status: 'in_progress' }).includes('recordObjections'));

    const rectification = { ...received, type: 'rectification' } as const;
    const panel = (status: StoredRequest['status']) =>
      names({ ...rectification, status }).filter((name) => /Rectification/.test(name));
    assert.deepEqual(panel('received'), ['addRectificationItem']);
    assert.deepEqual(panel('identity_verified'), ['addRectificationItem']);
    assert.deepEqual(panel('in_progress'), [
      'addRectificationItem',
      'decideRectificationItem',
      'applyRectification',
    ]);
    assert.deepEqual(panel('decided'), []);
    assert.deepEqual(names({ ...rectification, status: 'in_progress' }, false), []);
  });

  test("a rectification's decision waits for its fields, then takes the outcome they make", () => {
    const request = { ...received, type: 'rectification', status: 'in_progress' } as const;
    const waiting = requestActions(request, {
      canManage: true,
      rectification: { ready: false, code: 'rectification.undecided', message: 'Decide' },
    });
    assert.ok(!waiting.allowed.some((a) => a.action === 'decide'));
    assert.deepEqual(waiting.blocked, [
      { action: 'decide', code: 'rectification.undecided', message: 'Decide' },
    ]);
    const ready = requestActions(request, {
      canManage: true,
      rectification: { ready: true, outcome: 'partly_granted' },
    });
    assert.deepEqual(ready.allowed.find((a) => a.action === 'decide')?.outcomes, [
      'partly_granted',
    ]);
  });

  test('a restriction is placed once, lifted while it holds, and the decision follows it', () => {
    const request = { ...received, type: 'restriction', status: 'in_progress' } as const;
    const fresh = requestActions(request, {
      canManage: true,
      restriction: { placed: false, liftable: false },
    }).allowed;
    assert.ok(fresh.some((a) => a.action === 'placeRestriction'));
    assert.ok(!fresh.some((a) => a.action === 'liftRestriction'));
    assert.deepEqual(fresh.find((a) => a.action === 'decide')?.outcomes, ['refused']);
    const placed = requestActions(request, {
      canManage: true,
      restriction: { placed: true, liftable: true },
    }).allowed;
    assert.ok(!placed.some((a) => a.action === 'placeRestriction'));
    assert.ok(placed.some((a) => a.action === 'liftRestriction'));
    assert.deepEqual(placed.find((a) => a.action === 'decide')?.outcomes, [
      'granted',
      'partly_granted',
    ]);
    // Lifted long after the answer; never placed before the identity is verified.
    const answered = requestActions(
      { ...request, status: 'answered' },
      { canManage: true, restriction: { placed: true, liftable: true } },
    ).allowed;
    assert.ok(answered.some((a) => a.action === 'liftRestriction'));
    assert.throws(() =>
      refuseUnlessAllowed({ status: 'received', type: 'restriction' }, 'placeRestriction'),
    );
    assert.throws(() =>
      refuseUnlessAllowed({ status: 'in_progress', type: 'access' }, 'placeRestriction'),
    );
  });

  test('what the list does not offer is refused with 409 naming the status', () => {
    assert.throws(
      () => refuseUnlessAllowed({ status: 'received', type: 'access' }, 'start'),
      (error: { statusCode?: number; message: string }) =>
        /received: this can be done only when it is identity verified/.test(error.message),
    );
    assert.throws(() => refuseUnlessAllowed({ status: 'in_progress', type: 'access' }, 'erase'));
    assert.doesNotThrow(() =>
      refuseUnlessAllowed({ status: 'in_progress', type: 'erasure' }, 'erase'),
    );
  });
});
