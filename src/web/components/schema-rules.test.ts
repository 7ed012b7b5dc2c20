import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { mailingListCreate } from '../../contract/objections/mailing-list.schemas.ts';
import { organizationCreate } from '../../contract/organizations/organizations.schemas.ts';
import { personCreate, personPatch } from '../../contract/persons/persons.schemas.ts';
import { text } from '../../contract/text.ts';
import { fieldRules } from './schema-rules.ts';

describe('fieldRules', () => {
  test('a person: the names are required, and nothing else', () => {
    const rules = fieldRules(personCreate);
    assert.deepEqual([...rules.required].sort(), ['firstName', 'lastName']);
  });

  test('a patch requires nothing: every member may be left out', () => {
    assert.deepEqual([...fieldRules(personPatch).required], []);
  });

  test('max lengths by dotted path, through optional, nullable and transformed objects', () => {
    const rules = fieldRules(personCreate);
    assert.equal(rules.maxLength.get('firstName'), 100);
    assert.equal(rules.maxLength.get('notes'), 5000);
    assert.equal(rules.maxLength.get('permanentAddress.street'), 200);
    assert.equal(rules.maxLength.get('permanentAddress.postalCode'), 10);
    assert.equal(rules.maxLength.get('billing.billingAddress.postOffice'), 100);
    assert.equal(rules.maxLength.get('addressProtection.source'), 200);
  });

  test('the members of an optional object are not required: the form leaves it out whole', () => {
    const rules = fieldRules(personCreate);
    assert.equal(rules.required.has('permanentAddress.street'), false);
    assert.equal(rules.required.has('addressProtection.active'), false);
  });

  test('defaults as form text', () => {
    const rules = fieldRules(personCreate);
    assert.equal(rules.defaults['permanentAddress.country'], 'FI');
    assert.equal(rules.defaults['contactAddress.country'], 'FI');
  });

  test('an organisation: its name is required', () => {
    assert.ok(fieldRules(organizationCreate).required.has('name'));
  });

  test('a text that accepts "", a checkbox and a value of any shape are never required; an enum and a number are', () => {
    const rules = fieldRules(
      z.strictObject({
        note: text({ max: 10, min: 0 }),
        accepted: z.boolean(),
        kind: z.enum(['a', 'b']),
        count: z.number().int(),
        limit: z.number().default(20),
        tags: z.array(z.string()),
        value: z.unknown(),
      }),
    );
    assert.deepEqual([...rules.required].sort(), ['count', 'kind']);
    assert.equal(rules.maxLength.get('note'), 10);
    assert.equal(rules.defaults.limit, '20');
  });

  test('no schema, no rules', () => {
    const rules = fieldRules(undefined);
    assert.equal(rules.required.size, 0);
    assert.equal(rules.maxLength.size, 0);
    assert.equal(rules.minLength.size, 0);
    assert.equal(rules.range.size, 0);
  });

  test("a text's fewest characters, when more than the one `required` asks", () => {
    const rules = fieldRules(mailingListCreate);
    assert.equal(rules.minLength.get('purpose'), 3);
    assert.equal(rules.maxLength.get('purpose'), 500);
    assert.equal(fieldRules(personCreate).minLength.has('firstName'), false);
  });

  test("a number's bounds: inclusive, exclusive, and an integer's exclusive bound made inclusive", () => {
    const rules = fieldRules(
      z.strictObject({
        days: z.int().min(0).max(365),
        limit: z.coerce.number().int().min(1).max(100).default(50),
        count: z.int().positive(),
        rate: z.number().gt(0).lt(100).optional(),
        plain: z.number(),
      }),
    );
    assert.deepEqual(rules.range.get('days'), { min: 0, max: 365 });
    assert.deepEqual(rules.range.get('limit'), { min: 1, max: 100 });
    assert.deepEqual(rules.range.get('count'), { min: 1 });
    assert.deepEqual(rules.range.get('rate'), {
      min: 0,
      minExclusive: true,
      max: 100,
      maxExclusive: true,
    });
    assert.equal(rules.range.has('plain'), false);
    assert.deepEqual([...rules.required].sort(), ['count', 'days', 'plain']);
  });
});
