import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonPasswordForms, passwordProblem } from './passwords.ts';

test('passwords people use most are refused, also long ones that pass the length rule', () => {
  for (const password of [
    'salasana1234',
    'qwertyuiop123',
    'password1234',
    '123456789012',
    'tervetuloa2025',
    'passwordpassword',
  ]) {
    assert.match(
      passwordProblem(password, 'someone') ?? '',
      /on the list of commonly used passwords/,
      password,
    );
  }
});

test('the list is checked without regard to case', () => {
  assert.match(passwordProblem('SalaSana1234', 'someone') ?? '', /commonly used passwords/);
  assert.match(passwordProblem('QWERTYUIOP123', 'someone') ?? '', /commonly used passwords/);
});

test('digits, symbols and look-alike characters added to a listed word do not help', () => {
  for (const password of [
    'Salasana2024!!',
    'Kissa123456789',
    'kesä2024!!!!!!',
    'P@ssw0rd!2025',
    '!!Koira2023!!',
    'Perkele.1234567',
  ]) {
    assert.match(
      passwordProblem(password, 'someone') ?? '',
      /commonly used password with digits, symbols, spaces or look-alike characters added/,
      password,
    );
  }
});

test('a passphrase of unrelated words passes', () => {
  assert.equal(passwordProblem('correct horse battery staple', 'someone'), null);
  assert.equal(passwordProblem('mustikka kantele revontuli 7', 'someone'), null);
  assert.equal(passwordProblem('Xk2#vR9p!Lq4mZ', 'someone'), null);
});

test('the length and username rules still come first', () => {
  assert.match(passwordProblem('salasana', 'someone') ?? '', /at least 12 characters/);
  assert.match(
    passwordProblem('xx-matti.m-yy-zz', 'matti.m') ?? '',
    /must not contain the username/,
  );
});

test('the forms looked up: as typed, without the ends, with look-alikes undone', () => {
  assert.deepEqual(commonPasswordForms('P@ssw0rd1234!'), ['p@ssw0rd1234!', 'p@ssw0rd', 'password']);
  assert.deepEqual(commonPasswordForms('Kesä 2024'), ['kesä 2024', 'kesä']);
});
