import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { ROLE_PERMISSIONS, type Role } from '../contract/auth/permissions.ts';
import { menuItems, missingPermission, ROUTE_ACCESS } from './route-access.ts';

const canAs = (role: Role) => (permission: string) =>
  (ROLE_PERMISSIONS[role] as readonly string[]).includes(permission);

describe('route access', () => {
  test('declares every route of App.tsx, and only those', () => {
    const app = fs.readFileSync(path.join(import.meta.dirname, 'App.tsx'), 'utf8');
    const routes = [...app.matchAll(/<Route\s+path="([^"]+)"/g)]
      .map((match) => match[1])
      .filter((route) => route !== '*');
    assert.ok(routes.length > 30, 'App.tsx routes are found');
    assert.deepEqual(
      [...routes].sort(),
      ROUTE_ACCESS.map((route) => route.path).sort(),
      'a route added to App.tsx is declared in route-access.ts with its permission',
    );
  });

  test('a role without the permission is stopped, one with it passes', () => {
    assert.equal(missingPermission('/access-log', canAs('customer_service')), 'accessLog.read');
    assert.equal(missingPermission('/access-log', canAs('auditor')), null);
    assert.equal(missingPermission('/billing/invoice-run', canAs('admin')), 'invoices.write');
    assert.equal(missingPermission('/staff/1/edit', canAs('register_officer')), 'staff.manage');
  });

  test('a static segment outranks a parameter, as <Routes> ranks them', () => {
    // A social worker reads customers but may not create them.
    assert.equal(missingPermission('/persons/new', canAs('social_worker')), 'customers.write');
    assert.equal(missingPermission('/persons/0195', canAs('social_worker')), null);
    assert.equal(missingPermission('/requests/new', canAs('auditor')), 'requests.manage');
  });

  test('an own account page and an unknown address need no permission', () => {
    assert.equal(missingPermission('/account', canAs('auditor')), null);
    assert.equal(missingPermission('/', canAs('contractor')), null);
    assert.equal(missingPermission('/no/such/page', canAs('contractor')), null);
  });

  test('the menu lists only what the role may open, in the declared order', () => {
    assert.deepEqual(
      menuItems(canAs('auditor')).map((item) => item.to),
      ['/access-log', '/disclosures'],
    );
    assert.deepEqual(
      menuItems(canAs('contractor')).map((item) => item.to),
      ['/search'],
    );
    for (const item of menuItems(canAs('billing'))) {
      assert.equal(missingPermission(item.to, canAs('billing')), null, item.to);
    }
  });
});
