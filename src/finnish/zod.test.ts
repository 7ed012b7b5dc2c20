import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  zBusinessId,
  zEInvoiceAddress,
  zEmail,
  zIban,
  zIdentityCode,
  zIntermediator,
  zNationalReference,
  zOvt,
  zPaymentReference,
  zPhone,
  zPostalCode,
  zRfReference,
} from './zod.ts';

function stableCode(issue: z.core.$ZodIssue): string {
  const code: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
  return typeof code === 'string' ? code : issue.message;
}

function issueMessages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map(stableCode);
}

describe('schemas output the normalised value', () => {
  const cases: [string, z.ZodType, string, unknown][] = [
    ['zIdentityCode', zIdentityCode, ' 131052-308t ', '131052-308T'],
    ['zBusinessId', zBusinessId, '201551-3', '0201551-3'],
    ['zIban', zIban, 'fi21 1234 5600 0007 85', 'FI2112345600000785'],
    ['zPostalCode', zPostalCode, ' 00100 ', '00100'],
    ['zPhone', zPhone, '040 123 4567', '+358401234567'],
    ['zEmail', zEmail, 'Matti@Example.FI', 'Matti@example.fi'],
    ['zOvt', zOvt, '0037 0201551 3', '003702015513'],
    ['zEInvoiceAddress', zEInvoiceAddress, 'FI21 1234 5600 0007 85', 'FI2112345600000785'],
    ['zIntermediator', zIntermediator, 'ndeafihh', 'NDEAFIHH'],
    ['zNationalReference', zNationalReference, ' 12 34561 ', '1234561'],
    ['zRfReference', zRfReference, 'rf98 1111 2', 'RF9811112'],
    ['zPaymentReference', zPaymentReference, '0000 11112', '11112'],
    ['zPaymentReference', zPaymentReference, 'RF98 1111 2', 'RF9811112'],
  ];
  for (const [name, schema, input, output] of cases) {
    test(name, () => {
      assert.deepEqual(schema.safeParse(input), { success: true, data: output });
    });
  }
});

describe('schemas report the stable code as the issue message', () => {
  const cases: [string, z.ZodType, string, string][] = [
    ['zIdentityCode', zIdentityCode, '131052-308U', 'identityCode.checkCharacter'],
    ['zIdentityCode', zIdentityCode, '   ', 'identityCode.empty'],
    ['zBusinessId', zBusinessId, '0737546-1', 'businessId.checkDigit'],
    ['zIban', zIban, 'GB29 NWBK 6016 1331 9268 19', 'iban.countryNotSupported'],
    ['zPostalCode', zPostalCode, 'SW1A 1AA', 'postalCode.format'],
    ['zPhone', zPhone, '040 123 4567 ext 5', 'phone.characters'],
    ['zEmail', zEmail, 'matti@localhost', 'email.domain'],
    ['zOvt', zOvt, '003702015514', 'ovt.businessId'],
    ['zEInvoiceAddress', zEInvoiceAddress, 'matti@example.fi', 'eInvoiceAddress.format'],
    ['zIntermediator', zIntermediator, 'NDEAFIH', 'intermediator.format'],
    ['zNationalReference', zNationalReference, '1234562', 'reference.check'],
    ['zNationalReference', zNationalReference, 'RF9811112', 'reference.format'],
    ['zRfReference', zRfReference, 'RF9711112', 'rfReference.check'],
    ['zPaymentReference', zPaymentReference, '123', 'reference.length'],
    ['zPaymentReference', zPaymentReference, 'rf98', 'rfReference.length'],
  ];
  for (const [name, schema, input, code] of cases) {
    test(`${name}: ${code}`, () => {
      assert.deepEqual(issueMessages(schema, input), [code]);
    });
  }

  test('a non-string is zod’s own type error, not a parser code', () => {
    const r = zIdentityCode.safeParse(131052);
    assert.equal(r.success, false);
    assert.equal(r.error?.issues[0]?.code, 'invalid_type');
  });

  test('inside an object the issue names the field', () => {
    const schema = z.object({ identityCode: zIdentityCode, iban: zIban.optional() });
    const r = schema.safeParse({ identityCode: '310252-308Y', iban: 'FI22 1234 5600 0007 85' });
    assert.equal(r.success, false);
    assert.deepEqual(
      r.error?.issues.map((i) => [i.path.join('.'), stableCode(i)]),
      [
        ['identityCode', 'identityCode.date'],
        ['iban', 'iban.checkDigits'],
      ],
    );
    assert.deepEqual(schema.parse({ identityCode: '131052-308T' }), {
      identityCode: '131052-308T',
    });
  });
});
