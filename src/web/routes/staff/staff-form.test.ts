import assert from 'node:assert/strict';
import { test } from 'node:test';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import type { StaffView } from '../../../contract/staff/staff.schemas.ts';
import { errorsBeforeSending } from '../../components/contract-form.ts';
import type { FormValues } from '../../components/form.ts';
import { fieldRules } from '../../components/schema-rules.ts';
import { checkStaffForm, createInput, patchInput, staffFormValues } from './staff-form.ts';

const account: StaffView = {
  id: '6f1c2f8e-9a43-4c1e-bb1e-0a4a9c1e2d11',
  username: 'liisa.laine',
  fullName: 'Liisa Laine',
  role: 'contractor',
  partnerId: '0b7d4b8c-8d0e-4a55-9d38-6c1f25f5a0aa',
  partnerName: 'Siivous Oy',
  expiresOn: '2027-06-30',
  deactivatedAt: null,
  status: 'active',
  totpEnabled: false,
  mustChangePassword: true,
  currentCommitment: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  passwordChangedAt: null,
  currentCommitmentVersion: 1,
  signatures: [],
};

test('a new account needs a username, a role, a temporary password, and a partner for a contractor', () => {
  const rules = fieldRules(staffApi.create.body);
  const check = (values: FormValues) => Object.values(checkStaffForm(values));
  const errors = errorsBeforeSending({ ...staffFormValues(), role: 'contractor' }, rules, check);
  assert.deepEqual(Object.keys(errors).sort(), ['partnerId', 'temporaryPassword', 'username']);
  assert.equal(errors.username?.code, 'required');
  const other = errorsBeforeSending({ ...staffFormValues(), role: 'billing' }, rules, check);
  assert.ok(!('partnerId' in other));
});

test('a last day the form cannot read is named before sending', () => {
  const errors = checkStaffForm({ ...staffFormValues(account), expiresOn: '31.2.2027' });
  assert.deepEqual(errors, {
    expiresOn: { field: 'expiresOn', code: 'date.format', message: 'd.m.yyyy' },
  });
});

test('a new account leaves out what was left empty and sends dates as YYYY-MM-DD', () => {
  assert.deepEqual(
    createInput({
      username: ' uusi ',
      fullName: ' ',
      role: 'billing',
      partnerId: 'left over from choosing contractor first',
      expiresOn: '1.7.2027',
      temporaryPassword: ' with spaces kept ',
    }),
    {
      username: 'uusi',
      role: 'billing',
      temporaryPassword: ' with spaces kept ',
      expiresOn: '2027-07-01',
    },
  );
});

test('a change sends only what changed; emptied fields become null', () => {
  const values = staffFormValues(account);
  assert.equal(values.expiresOn, '30.6.2027');
  assert.deepEqual(patchInput(account, values), {});
  assert.deepEqual(patchInput(account, { ...values, fullName: '', expiresOn: '' }), {
    fullName: null,
    expiresOn: null,
  });
  // A contractor who becomes municipal staff leaves the partner.
  assert.deepEqual(patchInput(account, { ...values, role: 'customer_service' }), {
    role: 'customer_service',
    partnerId: null,
  });
});
