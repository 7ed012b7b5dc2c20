import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../lib/errors.ts';
import { checkNewStaffUser } from './staff.service.ts';

test('a new account with a common password is refused, naming the field and why', () => {
  assert.throws(
    () => checkNewStaffUser({ username: 'liisa', role: 'billing', password: 'Salasana2025!' }),
    (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'validation');
      assert.equal(error.errors?.[0]?.field, 'password');
      assert.match(error.errors?.[0]?.message ?? '', /commonly used password/);
      return true;
    },
  );
});

test('a new account with a passphrase is accepted', () => {
  const user = checkNewStaffUser({
    username: 'Liisa',
    role: 'billing',
    password: 'correct horse battery staple',
  });
  assert.equal(user.username, 'liisa');
});
