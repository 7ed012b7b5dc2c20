import assert from 'node:assert/strict';
import { test } from 'node:test';
import { networkFilter, parseNetworks } from './networks.ts';

test('parses CIDR networks and names each bad one', () => {
  assert.deepEqual(parseNetworks(' 10.0.0.0/8, 2001:db8::/32 ,192.168.1.0/24'), {
    networks: ['10.0.0.0/8', '2001:db8::/32', '192.168.1.0/24'],
    problems: [],
  });
  const bad = parseNetworks('10.0.0.0, 10.0.0.0/33, intranet/8, ::1/129');
  assert.deepEqual(bad.networks, []);
  assert.equal(bad.problems.length, 4);
  assert.match(bad.problems[0] ?? '', /"10.0.0.0" is not a network in CIDR form/);
});

test('tells addresses inside the networks from those outside, IPv4 seen through IPv6 too', () => {
  const inside = networkFilter(['10.0.0.0/8', '2001:db8::/32']);
  assert.equal(inside('10.20.30.40'), true);
  assert.equal(inside('::ffff:10.1.1.1'), true);
  assert.equal(inside('2001:db8::1'), true);
  assert.equal(inside('11.0.0.1'), false);
  assert.equal(inside('2001:db9::1'), false);
  assert.equal(inside('not an address'), false);
});
