import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { sharedPageSuites, sharedStateAssignments } from '../scripts/shared-test-state.ts';

/**
 * Files where a test still hands state to the tests after it through a suite's `let` (decision
 * 0023): each is to be converted, and then leaves this list. A new file never joins it.
 */
const NOT_YET_ALONE = [
  // PostgreSQL only: one database and its two roles, carried through the steps of their setup.
  'test/cli/database-roles.test.ts',
];

test('no test hands a suite variable to the tests after it', () => {
  const files = fs.globSync(['test/**/*.test.ts', 'src/**/*.test.ts']).sort();
  const found = files.flatMap(sharedStateAssignments);
  const offending = found.filter((f) => !NOT_YET_ALONE.includes(f.file));
  assert.deepEqual(
    offending.map((f) => `${f.file}:${f.line}: "${f.test}" assigns \`let ${f.name}\``),
    [],
    'each test makes what it needs, or a hook (before, beforeEach, prepare) makes it for all',
  );
  const converted = NOT_YET_ALONE.filter((file) => !found.some((f) => f.file === file));
  assert.deepEqual(converted, [], 'converted: take them off NOT_YET_ALONE');
});

/**
 * Browser files whose tests share one page (decision 0023): a later test may start from the page,
 * or the sign-in, an earlier one left. Each is to give its tests a page each (`pagePerTest`), and
 * then leaves this list. A new file never joins it.
 */
const SHARED_PAGE = ['test/e2e/billing-admin.e2e.test.ts', 'test/e2e/billing.e2e.test.ts'];

test('every browser suite gives each test a page of its own', () => {
  const found = fs.globSync('test/e2e/*.test.ts').sort().flatMap(sharedPageSuites);
  const offending = found.filter((f) => !SHARED_PAGE.includes(f.file));
  assert.deepEqual(
    offending.map((f) => `${f.file}:${f.line}: a browserSuite without pagePerTest`),
    [],
    'pagePerTest in the block of browserSuite: each test opens its own page',
  );
  const converted = SHARED_PAGE.filter((file) => !found.some((f) => f.file === file));
  assert.deepEqual(converted, [], 'converted: take them off SHARED_PAGE');
});

test('the scan finds a browser suite without a page per test, and not one with it', () => {
  const dir = fs.mkdtempSync('/tmp/stand-alone-');
  const file = `${dir}/example.e2e.test.ts`;
  fs.writeFileSync(
    file,
    [
      "describe('shared', () => {",
      '  browserSuite({}, () => {});',
      "  test('a', async () => {});",
      '});',
      "describe('own', () => {",
      '  browserSuite({}, () => {});',
      '  pagePerTest(() => browser, () => {});',
      '});',
    ].join('\n'),
  );
  try {
    assert.deepEqual(
      sharedPageSuites(file).map((f) => f.line),
      [2],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the scan finds a test that assigns a suite variable, and not one that declares its own', () => {
  const dir = fs.mkdtempSync('/tmp/stand-alone-');
  const file = `${dir}/example.test.ts`;
  fs.writeFileSync(
    file,
    [
      "describe('suite', () => {",
      '  let id: string;',
      '  let count = 0;',
      '  beforeEach(() => { count = 0; });',
      "  test('makes', () => { id = 'x'; });",
      "  test('counts', () => { count++; });",
      "  test('own', () => { let id = 'y'; id = 'z'; });",
      "  test('destructures', () => { ({ id } = { id: 'w' }); });",
      '});',
    ].join('\n'),
  );
  try {
    assert.deepEqual(
      sharedStateAssignments(file).map((f) => [f.name, f.test, f.line]),
      [
        ['id', 'makes', 2],
        ['count', 'counts', 3],
        ['id', 'destructures', 2],
      ],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
