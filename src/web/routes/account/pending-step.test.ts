import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pendingStep } from './pending-step.ts';

const done = {
  passwordChangeRequired: false,
  totpEnrollmentRequired: false,
  commitmentSigned: true,
};

test('the steps after sign-in come in order: password, authenticator, commitment', () => {
  const all = {
    passwordChangeRequired: true,
    totpEnrollmentRequired: true,
    commitmentSigned: false,
  };
  assert.equal(pendingStep(all, '/search'), 'password');
  assert.equal(pendingStep(all, '/account'), 'password', 'nothing else opens');
  const afterPassword = { ...all, passwordChangeRequired: false };
  assert.equal(pendingStep(afterPassword, '/account'), 'authenticator');
  const afterAuthenticator = { ...afterPassword, totpEnrollmentRequired: false };
  assert.equal(pendingStep(afterAuthenticator, '/'), 'commitment');
  assert.equal(pendingStep(afterAuthenticator, '/persons/x'), 'commitment');
  assert.equal(pendingStep(done, '/search'), null);
});

test('an unsigned commitment leaves the own account pages open', () => {
  const unsigned = { ...done, commitmentSigned: false };
  assert.equal(pendingStep(unsigned, '/account'), null);
  assert.equal(pendingStep(unsigned, '/account/commitment'), null);
  assert.equal(pendingStep(unsigned, '/account/authenticator'), null);
  assert.equal(pendingStep(unsigned, '/accounts'), 'commitment');
});
