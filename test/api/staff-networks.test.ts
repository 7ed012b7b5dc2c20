import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine, TEST_PASSWORD } from '../helpers/app.ts';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';

forEachEngine(
  'firewall clause: staff use the register only from the configured networks',
  ({ ctx }) => {
    test('sign-in and the API answer 403 outside the networks; public pages stay reachable', async () => {
      await createStaffUser(ctx().database.db, {
        username: 'verkossa',
        role: 'customer_service',
        password: TEST_PASSWORD,
        commitmentSignedOn: '2026-01-02',
      });
      const login = (remoteAddress: string) =>
        ctx().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          payload: { username: 'verkossa', password: TEST_PASSWORD },
        });
      const outside = await login('198.51.100.7');
      assert.equal(outside.statusCode, 403);
      assert.match(outside.json().detail, /only from the municipality's networks/);
      assert.equal(outside.cookies.length, 0);

      const inside = await login('10.1.2.3');
      assert.equal(inside.statusCode, 200);
      const cookie = `rekisteri_session=${inside.cookies[0]?.value}`;
      const fromInside = await ctx().app.inject({
        url: '/api/persons',
        remoteAddress: '10.1.2.3',
        headers: { cookie },
      });
      assert.equal(fromInside.statusCode, 200);
      const stolenSession = await ctx().app.inject({
        url: '/api/persons',
        remoteAddress: '198.51.100.7',
        headers: { cookie },
      });
      assert.equal(stolenSession.statusCode, 403, 'a session does not carry outside the networks');

      for (const url of ['/health', '/health/live', '/health/ready', '/api/openapi.json']) {
        const open = await ctx().app.inject({ url, remoteAddress: '198.51.100.7' });
        assert.equal(open.statusCode, 200, url);
      }
    });
  },
  { env: { STAFF_NETWORKS: '10.0.0.0/8, 2001:db8::/32' } },
);
