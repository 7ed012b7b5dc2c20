import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PartnerView } from '../../../contract/partners/partners.schemas.ts';
import {
  BUSINESS_ID_PATH,
  partnerCreateInput,
  partnerFormFrom,
  partnerFormProblems,
  partnerPatchInput,
} from './partner-form.ts';

const stored: PartnerView = {
  id: '6f1c1f0e-6c1a-4b7e-9a57-2d1b2f0c9a11',
  name: 'Cloud Hosting Inc.',
  businessId: 'EIN 12-3456789',
  country: 'US',
  inEea: false,
  contractFields: ['name'],
  contractEndsOn: null,
  contractInForce: true,
  roles: ['processor'],
  processingAgreementOn: '2026-01-15',
  transferSafeguard: 'standard_contractual_clauses',
  transferNecessity: 'Backups run in the US only',
  customerCount: 0,
  accountCount: 0,
  createdAt: '2026-01-15T10:00:00.000Z',
};

describe('the partner form', () => {
  test('outside the EU/EEA a recipient or processor needs a safeguard and its necessity', () => {
    const values = { name: 'Credit Ltd', [BUSINESS_ID_PATH]: 'GB-1', country: 'GB' };
    assert.deepEqual(Object.keys(partnerFormProblems(values, ['recipient'])).sort(), [
      'transferNecessity',
      'transferSafeguard',
    ]);
    assert.deepEqual(partnerFormProblems(values, ['source']), {}, 'a source gets no data');
    assert.deepEqual(Object.keys(partnerFormProblems(values, [])), ['roles']);
    const complete = {
      ...values,
      transferSafeguard: 'adequacy_decision',
      transferNecessity: 'The register is in the UK',
      processingAgreementOn: '1.2.2026',
    };
    assert.deepEqual(partnerFormProblems(complete, ['recipient']), {});
    assert.deepEqual(
      Object.keys(partnerFormProblems({ ...complete, processingAgreementOn: '2026-02-01' })),
      ['processingAgreementOn'],
    );
  });

  test('moving a partner into the EU/EEA sends its transfer terms away', () => {
    const form = partnerFormFrom(stored);
    assert.deepEqual(form.roles, ['processor']);
    assert.equal(form.values.processingAgreementOn, '15.1.2026');
    const moved = { ...form, values: { ...form.values, country: 'SE' } };
    assert.deepEqual(partnerFormProblems(moved.values, moved.roles), {});
    assert.deepEqual(partnerPatchInput(moved, stored), {
      country: 'SE',
      transferSafeguard: null,
      transferNecessity: null,
    });
    const recipient = { ...form, roles: ['recipient' as const, 'processor' as const] };
    assert.deepEqual(partnerCreateInput(recipient).roles, ['processor', 'recipient']);
  });
});
