import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { disclosuresApi } from '../../../../contract/disclosures/disclosures.endpoints.ts';
import type { DisclosureMade } from '../../../../contract/disclosures/disclosures.schemas.ts';
import { errorsBeforeSending } from '../../../components/contract-form.ts';
import type { FormValues } from '../../../components/form.ts';
import { fieldRules } from '../../../components/schema-rules.ts';
import {
  DISCLOSURE_FORM_INITIAL,
  disclosureInput,
  disclosureProblems,
  keepMadeFile,
  takeMadeFile,
} from './disclosure-form.ts';

const PARTNER = '2b1f0c56-6d0e-4d8a-9a57-0d3c2f4b8e11';
const anna = {
  id: 'a6a5e1f2-1c1b-4f0e-8f3e-7d8c9b0a1e2f',
  firstName: 'Anna',
  lastName: 'Aaltonen',
};
const bertta = {
  id: 'b7b6f2a3-2d2c-4a1f-9a4f-8e9d0c1b2f3a',
  firstName: 'Bertta',
  lastName: 'Björk',
};
const filled = { ...DISCLOSURE_FORM_INITIAL, partnerId: PARTNER, legalBasis: 'credit_decision' };
const codes = (errors: Record<string, { field: string; code?: string }>) =>
  Object.values(errors).map((e) => [e.field, e.code]);

describe('the disclosure form', () => {
  test("asks for a recipient and a legal basis (the schema's) and at least one person", () => {
    const check = (values: FormValues) =>
      Object.values(disclosureProblems(values, { persons: [], groups: [] }));
    assert.deepEqual(
      codes(
        errorsBeforeSending(DISCLOSURE_FORM_INITIAL, fieldRules(disclosuresApi.make.body), check),
      ),
      [
        ['partnerId', 'required'],
        ['legalBasis', 'required'],
        ['subjectIds', 'disclosure.subjectsRequired'],
      ],
    );
    assert.deepEqual(disclosureProblems(filled, { persons: [anna], groups: [] }), {});
  });

  test("checks the identity code by the server's rules: a basis that allows it, and a purpose", () => {
    const choices = { persons: [anna], groups: ['identityCode' as const] };
    assert.deepEqual(codes(disclosureProblems({ ...filled, legalBasis: 'billing' }, choices)), [
      ['fields', 'disclosure.identityCodeBasis'],
      ['purpose', 'disclosure.purposeRequired'],
    ]);
    assert.deepEqual(
      disclosureProblems({ ...filled, purpose: ' Vuokrasopimus ' }, choices),
      {},
      'a credit decision with its purpose',
    );
  });

  test('sends the persons in their order, the name with the groups, the purpose trimmed', () => {
    assert.deepEqual(
      disclosureInput(
        { ...filled, purpose: '  ', format: 'json' },
        { persons: [bertta, anna], groups: ['address', 'contact'] },
      ),
      {
        partnerId: PARTNER,
        legalBasis: 'credit_decision',
        subjectIds: [bertta.id, anna.id],
        fields: ['name', 'contact', 'address'],
        format: 'json',
      },
    );
    assert.equal(
      disclosureInput({ ...filled, purpose: ' Luottopäätös ' }, { persons: [anna], groups: [] })
        .purpose,
      'Luottopäätös',
    );
  });

  test("states a value-added service's use, and only a value-added service's", () => {
    const choices = { persons: [anna], groups: [] };
    const marketing = { ...filled, legalBasis: 'value_added_service', use: 'direct_marketing' };
    assert.equal(disclosureInput(marketing, choices).use, 'direct_marketing');
    // Without a use the server applies every objection; no use is invented here.
    assert.equal(disclosureInput({ ...marketing, use: '' }, choices).use, undefined);
    // A use left chosen after the basis changed is not sent: the basis is its own use.
    assert.equal(disclosureInput({ ...marketing, legalBasis: 'billing' }, choices).use, undefined);
  });

  test("offers the file once, and only on its disclosure's page", () => {
    const file = { fileName: 'luovutus.csv', contentType: 'text/csv', sha256: '', base64: '' };
    keepMadeFile({ disclosure: { id: 'd1' }, file } as unknown as DisclosureMade);
    assert.equal(takeMadeFile('d2'), null);
    assert.deepEqual(takeMadeFile('d1'), file);
    assert.equal(takeMadeFile('d1'), null);
  });
});
