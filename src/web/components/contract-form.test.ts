import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { personCreate } from '../../contract/persons/persons.schemas.ts';
import { ApiError, type Problem } from '../client.ts';
import { changedFrom, errorsBeforeSending, outcomeOf } from './contract-form.ts';
import { checkField } from './form.ts';
import { fieldRules } from './schema-rules.ts';

const rules = fieldRules(personCreate);
const apiError = (problem: Partial<Problem> & { status: number }) =>
  new ApiError({ type: 'about:blank', title: '', detail: 'x', ...problem });

describe('errorsBeforeSending', () => {
  test('the schema-required names, empty or blank, stop the send', () => {
    const errors = errorsBeforeSending({ firstName: ' ', lastName: '', email: '' }, rules);
    assert.deepEqual(Object.keys(errors).sort(), ['firstName', 'lastName']);
    assert.equal(errors.firstName?.code, 'required');
  });

  test('a text longer than the schema allows, counted in code points', () => {
    const long = { firstName: 'a'.repeat(101), lastName: 'V' };
    assert.equal(errorsBeforeSending(long, rules).firstName?.code, 'too_big');
    const emoji = { firstName: '😀'.repeat(100), lastName: 'V' };
    assert.deepEqual(errorsBeforeSending(emoji, rules), {});
  });

  test('a malformed value is left to the blur check and the server', () => {
    const values = { firstName: 'M', lastName: 'V', email: 'not-an-email' };
    assert.deepEqual(errorsBeforeSending(values, rules), {});
  });

  test("the form's own check adds its errors", () => {
    const errors = errorsBeforeSending({ firstName: 'M', lastName: 'V' }, rules, () => [
      { field: 'repeat', code: 'password.mismatch', message: 'differ' },
    ]);
    assert.equal(errors.repeat?.code, 'password.mismatch');
  });
});

describe('checkField with the derived rules', () => {
  test('required, too long, and the format parsers on blur', () => {
    const values = { firstName: '', email: 'x@', lastName: 'a'.repeat(101) };
    assert.equal(checkField('firstName', values, rules)?.code, 'required');
    assert.equal(checkField('lastName', values, rules)?.code, 'too_big');
    assert.ok(checkField('email', values, rules));
    assert.equal(checkField('phone', values, rules), null);
  });
});

describe('checkField with lengths and ranges', () => {
  const checks = {
    required: new Set(['purpose']),
    minLength: new Map([['purpose', 3]]),
    range: new Map([
      ['days', { min: 0, max: 365 }],
      ['rate', { min: 0, minExclusive: true }],
    ]),
  };
  test('a text shorter than its fewest characters, counted after trimming', () => {
    assert.equal(checkField('purpose', { purpose: ' ab ' }, checks)?.code, 'too_small');
    assert.equal(checkField('purpose', { purpose: 'abc' }, checks), null);
    assert.equal(checkField('purpose', { purpose: '' }, checks)?.code, 'required');
  });

  test('a number outside its range, typed the Finnish way too; a non-number is left to the server', () => {
    assert.equal(checkField('days', { days: '366' }, checks)?.code, 'number.tooLarge');
    assert.equal(checkField('days', { days: '-1' }, checks)?.code, 'number.tooSmall');
    assert.equal(checkField('days', { days: '1 000' }, checks)?.code, 'number.tooLarge');
    assert.equal(checkField('rate', { rate: '0' }, checks)?.code, 'number.tooSmall');
    assert.equal(checkField('rate', { rate: '0,5' }, checks), null);
    assert.equal(checkField('days', { days: 'many' }, checks), null);
  });

  test('before sending, the range and the fewest characters stop the send', () => {
    const errors = errorsBeforeSending({ purpose: 'ab', days: '400', rate: '2' }, checks);
    assert.deepEqual(Object.keys(errors).sort(), ['days', 'purpose']);
  });

  test("the form's own message for a field wins over the schema's generic one", () => {
    const own = { field: 'days', code: 'billingSettings.paymentTermDays', message: '' };
    const errors = errorsBeforeSending({ purpose: 'abc', days: '400' }, checks, () => [own]);
    assert.equal(errors.days?.code, 'billingSettings.paymentTermDays');
  });
});

describe('outcomeOf', () => {
  test("a 400's field errors go next to their fields, renamed where the form says", () => {
    const outcome = outcomeOf(
      apiError({
        status: 400,
        errors: [
          { field: 'lastName', code: 'text.control', message: '' },
          { field: 'password', code: 'password.wrong', message: '' },
        ],
      }),
      { password: 'currentPassword' },
    );
    assert.deepEqual(Object.keys(outcome.errors).sort(), ['currentPassword', 'lastName']);
    assert.equal(outcome.failure, null);
    assert.equal(outcome.duplicateOf, null);
  });

  test('a 409 names the record that already has the identity code', () => {
    const id = '6f1c1f0e-6c1a-4b7e-9a57-2d1b2f0c9a11';
    const outcome = outcomeOf(
      apiError({
        status: 409,
        existingId: id,
        errors: [{ field: 'personalIdentityCode', code: 'identityCode.duplicate', message: '' }],
      }),
    );
    assert.equal(outcome.duplicateOf, id);
    assert.equal(outcome.errors.personalIdentityCode?.code, 'identityCode.duplicate');
    assert.equal(outcome.failure, null);
  });

  test('a 400 without fields, a 403 or a network failure is a failure of the whole form', () => {
    for (const error of [
      apiError({ status: 400 }),
      apiError({ status: 403 }),
      new TypeError('Failed to fetch'),
    ]) {
      const outcome = outcomeOf(error);
      assert.equal(outcome.failure, error);
      assert.deepEqual(outcome.errors, {});
    }
  });

  test('a date the server could not read is the date format the form asks for', () => {
    const outcome = outcomeOf(
      apiError({
        status: 400,
        errors: [{ field: 'addressProtection.endsOn', code: 'invalid_format', message: '' }],
      }),
    );
    assert.equal(outcome.errors['addressProtection.endsOn']?.code, 'date.format');
  });
});

describe('changedFrom', () => {
  test('a value typed and typed back is no change; a missing path counts as empty', () => {
    assert.equal(changedFrom({ a: 'x', b: '' }, { a: 'x' }), false);
    assert.equal(changedFrom({ a: 'x' }, { a: 'y' }), true);
    assert.equal(changedFrom({ a: 'x' }, { a: 'x', b: 'new' }), true);
  });
});
