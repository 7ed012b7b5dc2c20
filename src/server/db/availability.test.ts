import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { redactError } from '../lib/log-redaction.ts';
import { isDatabaseUnavailable, trackReachability } from './availability.ts';

const pgError = (fields: Record<string, unknown>, message = 'error') =>
  Object.assign(new Error(message), fields);

test('connection-class errors are told apart from every other failure, through the cause chain', () => {
  for (const error of [
    pgError({ code: 'ECONNREFUSED' }),
    pgError({ code: '57P01', severity: 'FATAL' }),
    pgError({ code: '08006' }),
    pgError({ code: '53300' }),
    pgError(
      { code: '55000', severity: 'FATAL' },
      'database "x" is not currently accepting connections',
    ),
    new Error('Connection terminated unexpectedly'),
    new Error('Client has encountered a connection error and is not queryable'),
    new DrizzleQueryError('select 1', [], pgError({ code: '57P01', severity: 'FATAL' })),
    new AggregateError([pgError({ code: 'ECONNREFUSED' })]),
  ]) {
    assert.equal(isDatabaseUnavailable(error), true, String(error));
  }
  for (const error of [
    pgError({ code: '23505', severity: 'ERROR' }),
    pgError({ code: '55000', severity: 'ERROR' }),
    new DrizzleQueryError('select 1', [], pgError({ code: '42P01', severity: 'ERROR' })),
    new TypeError('x is undefined'),
    'Connection terminated',
    null,
  ]) {
    assert.equal(isDatabaseUnavailable(error), false, String(error));
  }
});

test('an outage is told once, and its end once', () => {
  const reachability = trackReachability('data');
  const told: boolean[] = [];
  reachability.watch((change) => told.push(change.reachable));
  reachability.lost(new Error('Connection terminated'));
  reachability.lost(new Error('Connection terminated'));
  reachability.connected();
  reachability.connected();
  reachability.lost(new Error('Connection terminated'));
  assert.deepEqual(told, [false, true, false]);
});

test('a logged error keeps its kind, code and names, never its SQL, parameters or values', () => {
  const cause = pgError(
    {
      code: '23505',
      severity: 'ERROR',
      constraint: 'person_email_key',
      table: 'person',
      detail: 'Key (email)=(secret@example.test) already exists.',
      where: 'PL/pgSQL function secret_fn',
    },
    'duplicate key value violates unique constraint "person_email_key" for "Secret Person"',
  );
  const error = new DrizzleQueryError('insert into person values ($1)', ['Secret Person'], cause);
  const logged = JSON.stringify(redactError(error));
  assert.doesNotMatch(logged, /[Ss]ecret|insert into|already exists/);
  const redacted = redactError(error);
  assert.equal(redacted.type, 'DrizzleQueryError');
  assert.equal(redacted.cause?.code, '23505');
  assert.equal(redacted.cause?.constraint, 'person_email_key');
  assert.equal(redacted.cause?.table, 'person');
  assert.match(redacted.stack, /\n\s+at /);
  assert.equal(redactError('a thrown string with Secret').message.includes('Secret'), false);
});
