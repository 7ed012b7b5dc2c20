import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PersonView } from '../../api.ts';
import {
  emptyPersonForm,
  personCreateInput,
  personFormFrom,
  personPatchInput,
  type PersonForm,
} from './person-form.ts';

const stored: PersonView = {
  id: '6f1c1f0e-6c1a-4b7e-9a57-2d1b2f0c9a11',
  firstName: 'Matti',
  lastName: 'Virtanen',
  personalIdentityCode: '131052-****',
  personalIdentityCodePurpose: 'consent',
  personalIdentityCodeTemporary: false,
  email: 'matti@example.fi',
  phone: '+358401234567',
  phoneDisplay: '040 123 4567',
  permanentAddress: {
    street: 'Kotikatu 1',
    postalCode: '00100',
    postOffice: 'Helsinki',
    country: 'FI',
  },
  contactAddress: null,
  addressProtected: false,
  addressProtection: null,
  language: 'fi',
  organizations: [],
  billing: null,
  notes: null,
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
  archivedAt: null,
};

const edit = (form: PersonForm, changes: Record<string, string>): PersonForm => ({
  ...form,
  values: { ...form.values, ...changes },
});

describe('the person form', () => {
  test('a new person sends only what was given', () => {
    const form = edit(emptyPersonForm(), {
      firstName: ' Liisa ',
      lastName: 'Korhonen',
      personalIdentityCode: '131052-308T',
      personalIdentityCodePurpose: 'consent',
      'permanentAddress.street': 'Kotikatu 1',
      'permanentAddress.postalCode': '00100',
      'permanentAddress.postOffice': 'Helsinki',
    });
    assert.deepEqual(personCreateInput(form), {
      firstName: 'Liisa',
      lastName: 'Korhonen',
      personalIdentityCode: '131052-308T',
      personalIdentityCodePurpose: 'consent',
      language: 'fi',
      permanentAddress: {
        street: 'Kotikatu 1',
        postalCode: '00100',
        postOffice: 'Helsinki',
        country: 'FI',
      },
    });
  });

  test('a purpose without an identity code is not sent', () => {
    const form = edit(emptyPersonForm(), {
      firstName: 'Liisa',
      lastName: 'Korhonen',
      personalIdentityCodePurpose: 'consent',
    });
    assert.equal(personCreateInput(form).personalIdentityCodePurpose, undefined);
  });

  test('an unchanged person sends an empty patch; a change sends only itself', () => {
    const form = personFormFrom(stored);
    assert.deepEqual(personPatchInput(form, stored), {});
    assert.deepEqual(personPatchInput(edit(form, { phone: '050 765 4321' }), stored), {
      phone: '050 765 4321',
    });
    assert.deepEqual(personPatchInput(edit(form, { email: '' }), stored), { email: null });
  });

  test('address protection sends its end date as an ISO date', () => {
    const form = { ...edit(personFormFrom(stored), { 'addressProtection.endsOn': '1.2.2027' }) };
    form.protectionActive = true;
    assert.deepEqual(personPatchInput(form, stored).addressProtection, {
      active: true,
      endsOn: '2027-02-01',
      source: null,
    });
  });

  test('removing the identity code sends null for it', () => {
    const form = { ...personFormFrom(stored), removeIdentityCode: true };
    const patch = personPatchInput(form, stored);
    assert.equal(patch.personalIdentityCode, null);
  });

  test('addresses hidden by address protection are never sent back (that would erase them)', () => {
    const hidden: PersonView = {
      ...stored,
      permanentAddress: null,
      contactAddress: null,
      addressProtected: true,
      addressProtection: { active: true, endsOn: null, source: 'DVV' },
      billing: {
        billingAddress: null,
        eInvoiceAddress: null,
        eInvoiceIntermediator: null,
        ovt: '003702015513',
      },
    };
    const patch = personPatchInput(
      edit(personFormFrom(hidden), { notes: 'Soittaa aamuisin' }),
      hidden,
    );
    assert.deepEqual(patch, { notes: 'Soittaa aamuisin' });
  });
});
