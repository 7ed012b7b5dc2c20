import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { date, dateTime, text, textProblem, zCountryCode, zId, type TextOptions } from './text.ts';

const codeOf = (schema: z.ZodType, value: unknown): string | undefined => {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  const params = (issue as { params?: { code?: string } } | undefined)?.params;
  return params?.code ?? issue?.code;
};

describe('text', () => {
  const name = text({ max: 100, kind: 'name' });
  const notes = text({ max: 5000, min: 0, multiline: true });
  const fileName = text({ max: 255, kind: 'fileName' });

  test('stores NFC, trimmed', () => {
    assert.equal(name.parse('  Mikke\u0301  '), 'Mikké');
    assert.equal(name.parse('Ä'.normalize('NFD')), 'Ä');
  });

  test('refuses NUL and other control characters in a single-line field', () => {
    for (const c of [
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009f',
      '\n',
      '\t',
      '\r',
    ]) {
      assert.equal(codeOf(name, `An${c}na`), 'text.control', JSON.stringify(c));
    }
    assert.equal(codeOf(name, 'An\u2028na'), 'text.control');
  });

  test('a multi-line field keeps newlines and tabs, with line ends as \\n, but no other control', () => {
    assert.equal(notes.parse('first\r\nsecond\rthird\n\tfourth'), 'first\nsecond\nthird\n\tfourth');
    assert.equal(codeOf(notes, 'a\u0000b'), 'text.control');
    assert.equal(codeOf(notes, 'a\u000bb'), 'text.control');
    assert.equal(codeOf(notes, 'a\u0085b'), 'text.control');
  });

  test('refuses a lone surrogate', () => {
    assert.equal(codeOf(name, 'Anna\ud800'), 'text.surrogate');
    assert.equal(codeOf(notes, '\udc00 note'), 'text.surrogate');
    assert.equal(name.parse('Anna 😀'), 'Anna 😀');
  });

  test('refuses bidirectional controls in names and file names, not in free text', () => {
    for (const c of ['\u202e', '\u202a', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c']) {
      assert.equal(codeOf(name, `Anna${c}`), 'text.bidi');
      assert.equal(codeOf(fileName, `scan${c}fdp.exe`), 'text.bidi');
    }
    assert.equal(notes.parse('שלום \u200f(note)'), 'שלום \u200f(note)');
  });

  test('a file name has no path', () => {
    assert.equal(codeOf(fileName, '../etc/passwd'), 'text.path');
    assert.equal(codeOf(fileName, 'C:\\scan.pdf'), 'text.path');
    assert.equal(fileName.parse(' kirje.pdf '), 'kirje.pdf');
  });

  test('refuses a value with no visible character', () => {
    for (const value of [
      '',
      '   ',
      '\u200b',
      '\u200b\u200d\u2060',
      '\ufeff',
      '\u0301',
      '\u3164',
      '\u2800',
      '\u00ad',
    ]) {
      assert.equal(codeOf(name, value), 'text.invisible', JSON.stringify(value));
    }
    assert.equal(notes.parse('   '), '');
    assert.equal(codeOf(notes, '\u200b'), 'text.invisible');
  });

  test('length limits apply to the stored form; a refused value gets one error', () => {
    const short = text({ max: 3 });
    assert.equal(short.parse(' abc '), 'abc');
    assert.equal(codeOf(short, 'abcd'), 'too_big');
    assert.equal(codeOf(text({ max: 10, min: 3 }), 'ab'), 'too_small');
    const result = short.safeParse('\u0000\u0000\u0000\u0000');
    assert.equal(result.error?.issues.length, 1);
  });

  test('the OpenAPI form is a string with its lengths', () => {
    assert.deepEqual(z.toJSONSchema(text({ max: 100 }), { io: 'input' }), {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'string',
      minLength: 1,
      maxLength: 100,
    });
  });
});

const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '\u0000',
      '\u0009',
      '\n',
      '\r',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u00a0',
      '\u00ad',
      '\u0301',
      '\u061c',
      '\u200b',
      '\u200d',
      '\u200e',
      '\u2028',
      '\u202e',
      '\u2066',
      '\u2800',
      '\u3164',
      '\ufeff',
      '\ud800',
      '\udfff',
      'a',
      'Ä',
      'A\u0308',
      ' ',
    ),
    fc.string({ unit: 'binary', maxLength: 2 }),
    fc.string({ unit: 'grapheme-composite', maxLength: 2 }),
  ),
  maxLength: 40,
});

const optionsArbitrary: fc.Arbitrary<TextOptions> = fc.record({
  max: fc.integer({ min: 1, max: 60 }),
  min: fc.integer({ min: 0, max: 2 }),
  multiline: fc.boolean(),
  kind: fc.constantFrom('text', 'name', 'fileName'),
});

describe('text, property-based', () => {
  test('what it accepts is NFC, trimmed, well-formed, visible, and free of what is forbidden', () => {
    fc.assert(
      fc.property(optionsArbitrary, hostile, (options, input) => {
        const result = text(options).safeParse(input);
        if (!result.success) return;
        const value = result.data;
        assert.equal(value, value.normalize('NFC'));
        assert.equal(value, value.trim());
        assert.ok(value.isWellFormed());
        const length = [...value].length;
        assert.ok(length <= options.max && length >= (options.min ?? 1));
        const forbidden = options.multiline
          ? // eslint-disable-next-line no-control-regex -- finding control characters is the point
            /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u
          : // eslint-disable-next-line no-control-regex -- finding control characters is the point
            /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
        assert.ok(!forbidden.test(value), JSON.stringify(value));
        if (options.kind !== 'text')
          assert.ok(!/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u.test(value));
        // Unassigned code points (Cn) count as visible: a newer Unicode may assign them.
        if (value !== '')
          assert.ok(
            /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Default_Ignorable_Code_Point}]/u.test(
              value,
            ),
          );
        // Accepting is idempotent: what is stored is accepted again as itself.
        assert.equal(text(options).parse(value), value);
      }),
      { numRuns: 2000 },
    );
  });

  test('any input, of any type, gets a value or a zod error, never an exception', () => {
    fc.assert(
      fc.property(optionsArbitrary, fc.oneof(hostile, fc.anything()), (options, input) => {
        const result = text(options).safeParse(input);
        if (!result.success) assert.ok(result.error instanceof z.ZodError);
        assert.doesNotThrow(() => textProblem(typeof input === 'string' ? input : '', options));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ids, dates and countries', () => {
  test('an id in upper case is accepted and lower-cased', () => {
    assert.equal(
      zId.parse('0A1B2C3D-4E5F-4A1B-8C2D-3E4F5A6B7C8D'),
      '0a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8d',
    );
    assert.equal(codeOf(zId, '0a1b2c3d-4e5f-4a1b-8c2d-3e4f5a6b7c8'), 'invalid_format');
  });

  test('a date outside the range of its meaning is refused', () => {
    assert.equal(codeOf(date('business'), '0050-01-01'), 'date.range');
    assert.equal(codeOf(date('business'), '1999-12-31'), 'date.range');
    assert.equal(date('business').parse('2026-03-01'), '2026-03-01');
    assert.equal(codeOf(date('life'), '1899-12-31'), 'date.range');
    assert.equal(date('life').parse('1900-01-01'), '1900-01-01');
    assert.equal(codeOf(date('life'), '2101-01-01'), 'date.range');
    assert.equal(codeOf(dateTime('business'), '0050-01-01T00:00:00Z'), 'date.range');
    assert.equal(
      dateTime('business').parse('2026-01-01T00:00:00+02:00'),
      '2026-01-01T00:00:00+02:00',
    );
  });

  test('dates, property-based: what is accepted is in range', () => {
    fc.assert(
      fc.property(
        fc.date({ noInvalidDate: true }),
        fc.constantFrom('life', 'business'),
        (d, range) => {
          const iso = d.toISOString();
          const day = iso.slice(0, 10);
          const result = date(range as 'life' | 'business').safeParse(day);
          const instant = dateTime(range as 'life' | 'business').safeParse(iso);
          if (result.success) assert.ok(day >= '1900-01-01' && day <= '2100-12-31');
          assert.equal(result.success && /^\d{4}-/.test(day), instant.success);
        },
      ),
    );
  });

  test('a country is one of the ISO 3166-1 codes, any case', () => {
    assert.equal(zCountryCode.parse(' se '), 'SE');
    assert.equal(codeOf(zCountryCode, 'XX'), 'country.unknown');
    assert.equal(codeOf(zCountryCode, 'UK'), 'country.unknown');
  });
});
