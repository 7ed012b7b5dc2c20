import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FINNISH_IDENTIFIER_ERRORS } from '../finnish/index.ts';
import { FIELD_ERROR_CODES } from './field-errors.ts';

/**
 * The type checks every FieldError the server builds; a rule code a zod schema carries
 * (`params: { code }`) or a parser returns reaches the problem document as a plain string, so
 * this reads the sources: every such code named in the server or the contract is in the list,
 * and so is translated by the web (src/web/i18n/i18n.test.ts).
 */
const root = path.join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts'))
    .map((file) => path.join(root, dir, file));
}

test('every rule code the server and the contract name is a declared field error code', () => {
  const known = new Set<string>([...FIELD_ERROR_CODES, ...FINNISH_IDENTIFIER_ERRORS]);
  const named = new Set<string>();
  for (const file of [...sources('server'), ...sources('contract')]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bcode: '([a-z][A-Za-z]*\.[A-Za-z.]+)'/g)) {
      named.add(match[1] ?? '');
    }
  }
  assert.ok(named.size > 100, `${named.size} codes found`);
  assert.deepEqual([...named].filter((code) => !known.has(code)).sort(), []);
});
