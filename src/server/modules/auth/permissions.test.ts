import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  ROLE_PERMISSIONS,
  ROLES,
  TOTP_REQUIRED_ROLES,
  type Permission,
} from '../../../contract/auth/permissions.ts';

/** The columns of the roles table in docs/operations.md, in order. */
const COLUMNS: (Permission | 'totp')[] = [
  'customers.read',
  'customers.write',
  'customers.archive',
  'customers.revealIdentityCode',
  'customers.readProtectedAddress',
  'accessLog.read',
  'accessLog.subjectReport',
  'staff.manage',
  'partners.manage',
  'socialServices.clientData',
  'socialServices.manageUnits',
  'socialServices.reviewBreakGlass',
  'orders.read',
  'orders.write',
  'invoices.read',
  'invoices.write',
  'disclosures.read',
  'disclosures.make',
  'billing.settings',
  'requests.read',
  'requests.manage',
  'objections.read',
  'objections.write',
  'exports.mailingList',
  'populationRegister.sync',
  'publicPages.manage',
  'imports.read',
  'updateFiles.apply',
  'moveIn.run',
  'retention.read',
  'retention.manage',
  'retention.run',
  'paperDocuments.read',
  'paperDocuments.manage',
  'totp',
];

test('the roles table in docs/operations.md is the table in the code', () => {
  const doc = fs.readFileSync(
    path.resolve(import.meta.dirname, '../../../../docs/operations.md'),
    'utf8',
  );
  for (const role of ROLES) {
    const row = doc.split('\n').find((line) => line.startsWith(`| ${role} `));
    assert.ok(row, `docs/operations.md has a row for ${role}`);
    const cells = row
      .split('|')
      .slice(2, -1)
      .map((cell) => cell.trim().startsWith('✓'));
    const expected = COLUMNS.map((column) =>
      column === 'totp'
        ? TOTP_REQUIRED_ROLES.includes(role)
        : ROLE_PERMISSIONS[role].includes(column),
    );
    assert.deepEqual(cells, expected, `the row of ${role}`);
  }
  const all = new Set(COLUMNS);
  for (const permission of Object.values(ROLE_PERMISSIONS).flat()) {
    assert.ok(all.has(permission), `the table has a column for ${permission}`);
  }
});
