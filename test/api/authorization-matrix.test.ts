import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, roleHas } from '../../src/server/modules/auth/permissions.ts';
import { forEachEngine, json } from '../helpers/app.ts';

/**
 * Every /api route × every role, and anonymous: built from the routes' own declarations, so a
 * new route is in the matrix the moment it exists. Allowed means "not 401/403" (the unknown id
 * used here may well give 404 or 400); refused means 401/403 and no data in the body.
 */
const ID = '00000000-0000-4000-8000-000000000000';

forEachEngine('authorisation matrix', ({ ctx }) => {
  test('every route declares its access, and the matrix holds for every role', async () => {
    const routes = ctx().app.routeAccess;
    assert.ok(routes.length >= 14, `${routes.length} routes`);
    const cookies = new Map<string, string>();
    for (const role of ROLES) cookies.set(role, await ctx().signIn(role));
    let checked = 0;
    for (const route of routes) {
      const url = route.url.replace(':id', ID) + (route.url === '/api/search' ? '?q=virtanen' : '');
      const call = (cookie?: string) =>
        ctx().app.inject({
          method: route.method as 'GET',
          url,
          headers:
            route.method === 'GET' || route.method === 'DELETE'
              ? { ...(cookie ? { cookie } : {}) }
              : json(cookie),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
      const anonymous = await call();
      if ('public' in route.access) {
        assert.notEqual(anonymous.statusCode, 401, `${route.method} ${route.url} is public`);
        continue;
      }
      assert.equal(anonymous.statusCode, 401, `anonymous ${route.method} ${route.url}`);
      for (const role of ROLES) {
        // Signing out (here or everywhere) would end the session the rest of the matrix uses.
        if (
          route.method === 'POST' &&
          ['/api/auth/logout', '/api/auth/logout-everywhere'].includes(route.url)
        ) {
          continue;
        }
        const response = await call(cookies.get(role));
        const allowed = 'signedIn' in route.access || roleHas(role, route.access.permission);
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode}`;
        if (allowed) assert.ok(![401, 403].includes(response.statusCode), label);
        else {
          assert.equal(response.statusCode, 403, label);
          assert.deepEqual(
            Object.keys(response.json()).sort(),
            ['detail', 'instance', 'status', 'title', 'type'],
            label,
          );
        }
        checked++;
      }
    }
    assert.ok(checked > 80, `${checked} checks`);
  });
});
