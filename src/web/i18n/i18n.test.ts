import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FINNISH_IDENTIFIER_ERRORS } from '../../finnish/index.ts';
import { catalogues, errorText, LANGUAGES, translate } from './catalogues.ts';
import { SERVER_ERROR_CODES, WEB_ERROR_CODES } from './error-codes.ts';

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('the fi, sv and en catalogues', () => {
  test('have the same message keys', () => {
    const finnish = Object.keys(catalogues.fi.messages).sort();
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(catalogues[language].messages).sort(), finnish, language);
    }
  });

  test('have the same error codes', () => {
    const finnish = Object.keys(catalogues.fi.errors).sort();
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(catalogues[language].errors).sort(), finnish, language);
    }
  });

  test('translate every code an identifier parser, the server or the web app gives', () => {
    const codes = [...FINNISH_IDENTIFIER_ERRORS, ...SERVER_ERROR_CODES, ...WEB_ERROR_CODES];
    for (const language of LANGUAGES) {
      for (const code of codes) {
        const text = catalogues[language].errors[code];
        assert.ok(text && text.trim() !== '', `${language} has no text for ${code}`);
      }
    }
  });

  test('have no empty texts, and the same placeholders in every language', () => {
    for (const [key, finnish] of Object.entries(catalogues.fi.messages)) {
      for (const language of LANGUAGES) {
        const text = catalogues[language].messages[key as keyof typeof catalogues.fi.messages];
        assert.ok(text.trim() !== '', `${language} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(finnish), `${language} ${key}`);
      }
    }
  });

  test('differ between languages where the words differ', () => {
    assert.notEqual(catalogues.sv.messages['search.title'], catalogues.fi.messages['search.title']);
    assert.notEqual(catalogues.en.messages['search.title'], catalogues.fi.messages['search.title']);
    assert.equal(catalogues.fi.messages['protection.addressProtected'], 'Osoite suojattu');
    assert.equal(catalogues.sv.messages['protection.addressProtected'], 'Adressen skyddad');
    assert.equal(catalogues.en.messages['protection.addressProtected'], 'Address protected');
  });
});

describe('translate and errorText', () => {
  test('fill placeholders and leave unknown ones visible', () => {
    assert.equal(translate(catalogues.fi, 'search.countMany', { count: 3 }), '3 tulosta.');
    assert.equal(translate(catalogues.en, 'search.countMany'), '{count} results.');
  });

  test("translate a field error by its code, else show the server's message", () => {
    const problem = { code: 'identityCode.checkCharacter', message: 'The check character…' };
    assert.match(errorText(catalogues.fi, problem), /tarkistusmerkki/);
    assert.match(errorText(catalogues.sv, problem), /Kontrolltecknet/);
    assert.equal(
      errorText(catalogues.fi, { code: 'no.suchCode', message: 'As the server said' }),
      'As the server said',
    );
    assert.equal(errorText(catalogues.fi, { message: 'No code at all' }), 'No code at all');
    assert.equal(
      errorText(catalogues.fi, { code: 'toString', message: 'Not a code' }),
      'Not a code',
      'inherited object members are not codes',
    );
  });
});
