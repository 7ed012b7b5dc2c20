import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proposedValue } from './rectification-form.ts';

test('an address is proposed as the person API takes it, country FI unless given', () => {
  assert.deepEqual(
    proposedValue(
      'contactAddress',
      {
        'r.value.street': ' Uusikatu 5 ',
        'r.value.postalCode': '00200',
        'r.value.postOffice': 'Helsinki',
        'r.value.country': '',
      },
      'r',
    ),
    { street: 'Uusikatu 5', postalCode: '00200', postOffice: 'Helsinki', country: 'FI' },
  );
  assert.equal(proposedValue('permanentAddress', {}, 'r'), null);
});

test('text is trimmed, and an empty value proposes removing it', () => {
  assert.equal(proposedValue('email', { 'r.value': ' aino@example.fi ' }, 'r'), 'aino@example.fi');
  assert.equal(proposedValue('phone', { 'r.value': '  ' }, 'r'), null);
});
