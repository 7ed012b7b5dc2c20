import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as finnish from './index.ts';

const HERE = new URL('./', import.meta.url);

describe('the finnish identifiers module', () => {
  test('error codes are unique and shaped family.problem', () => {
    const codes = finnish.FINNISH_IDENTIFIER_ERRORS;
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.match(code, /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/, code);
  });

  test('re-exports every parser and schema', () => {
    const names = [
      'parseIdentityCode',
      'maskIdentityCode',
      'makeIdentityCode',
      'identityCodeCheckCharacter',
      'parseBusinessId',
      'makeBusinessId',
      'parseIban',
      'formatIban',
      'parsePostalCode',
      'parsePhone',
      'formatPhoneFinnish',
      'parseEmail',
      'parseOvt',
      'parseEInvoiceAddress',
      'parseIntermediator',
      'nationalReference',
      'parseNationalReference',
      'formatNationalReference',
      'rfReference',
      'rfFromNational',
      'parseRfReference',
      'formatRfReference',
      'parsePaymentReference',
      'virtualBarcode',
      'zIdentityCode',
      'zBusinessId',
      'zIban',
      'zPostalCode',
      'zPhone',
      'zEmail',
      'zOvt',
      'zEInvoiceAddress',
      'zIntermediator',
      'zNationalReference',
      'zRfReference',
      'zPaymentReference',
    ];
    const exported = finnish as Record<string, unknown>;
    for (const name of names) assert.ok(exported[name] !== undefined, name);
  });

  test('runs in the browser: no module imports node: built-ins', () => {
    const sources = readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    assert.ok(sources.length >= 9);
    for (const file of sources) {
      const text = readFileSync(new URL(file, HERE), 'utf8');
      assert.doesNotMatch(text, /from\s+['"]node:|require\(/, file);
      for (const [, spec = ''] of text.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        assert.ok(spec === 'zod' || /^\.\/[a-z-]+\.ts$/.test(spec), `${file} imports ${spec}`);
      }
    }
  });
});
