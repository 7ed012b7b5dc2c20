import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey, lockedUntil, oneAtATime, type ThrottlePolicy } from './sign-in-throttle.ts';

const policy: ThrottlePolicy = {
  maxFailures: 3,
  maxFailuresPerAddress: 10,
  windowMinutes: 15,
  lockMinutes: 10,
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 10, minute));

test('locks when the failures fall within one window, for the lock period from the last', () => {
  const failures = [at(0), at(5), at(14)];
  assert.deepEqual(lockedUntil(failures, 3, policy, at(14)), at(24));
  assert.deepEqual(lockedUntil(failures, 3, policy, at(23)), at(24));
  assert.equal(lockedUntil(failures, 3, policy, at(24)), null);
});

test('failures spread wider than the window do not lock', () => {
  assert.equal(lockedUntil([at(0), at(10), at(15)], 3, policy, at(15)), null);
  assert.equal(lockedUntil([at(0), at(10)], 3, policy, at(10)), null);
});

test('one more failure soon after a lock locks again (back-off)', () => {
  // Locked from 14 to 24; a failure at 25 has two others within 15 minutes.
  assert.deepEqual(lockedUntil([at(10), at(12), at(14), at(25)], 3, policy, at(25)), at(35));
});

test('an address counts as itself; an IPv6 client as its /64', () => {
  assert.equal(addressKey('192.0.2.7'), 'ip:192.0.2.7');
  assert.equal(addressKey('::ffff:192.0.2.7'), 'ip:192.0.2.7');
  assert.equal(addressKey('2001:db8:1:2:3:4:5:6'), 'ip:2001:0db8:0001:0002::/64');
  assert.equal(addressKey('2001:db8:1:2::9'), addressKey('2001:db8:1:2:ffff::1'));
  assert.notEqual(addressKey('2001:db8:1:2::9'), addressKey('2001:db8:1:3::9'));
});

test('sign-ins for one key run one at a time; other keys are not held up', async () => {
  const events: string[] = [];
  const slow = (name: string, ms: number) => async () => {
    events.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    events.push(`${name} end`);
    if (name === 'a1') throw new Error('a1 failed');
    return name;
  };
  const results = await Promise.allSettled([
    oneAtATime('a', slow('a1', 30)),
    oneAtATime('a', slow('a2', 1)),
    oneAtATime('b', slow('b1', 1)),
  ]);
  assert.deepEqual(
    results.map((r) => r.status),
    ['rejected', 'fulfilled', 'fulfilled'],
  );
  assert.ok(events.indexOf('a2 start') > events.indexOf('a1 end'), events.join(', '));
  assert.ok(events.indexOf('b1 end') < events.indexOf('a1 end'), events.join(', '));
});
