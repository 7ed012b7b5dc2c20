import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import ts from 'typescript';
import { build, type Rollup } from 'vite';
import { fi } from '../../src/web/i18n/fi.ts';
import { fiFirstScreen } from '../../src/web/i18n/first-screen-fi.ts';

const root = path.join(import.meta.dirname, '..', '..');
const relative = (id: string) => path.relative(root, id.replace(/^\0/, ''));

let chunks: Rollup.OutputChunk[] = [];

before(async () => {
  const output = (await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  chunks = ([output].flat() as Rollup.RollupOutput[])
    .flatMap((o) => o.output)
    .flatMap((chunk) => (chunk.type === 'chunk' ? [chunk] : []));
});

/**
 * Decision 0004: the browser bundle holds the web app, the contract and the Finnish identifiers,
 * and nothing of the server. Lint refuses such an import in src/web; this reads what the build
 * actually bundled, so a path lint does not see (a re-export, a transitive import) is caught too.
 */
test('the built web bundle holds no server module and nothing of Node', () => {
  const modules = chunks.flatMap((chunk) => chunk.moduleIds).map(relative);
  const ours = modules.filter((id) => id.startsWith('src/'));
  assert.ok(
    ours.some((id) => id.startsWith('src/web/')),
    'the bundle holds the web app',
  );
  assert.ok(
    ours.some((id) => id.startsWith('src/contract/')),
    'and the contract',
  );
  const foreign = ours.filter(
    (id) => !/^src\/(web|contract|finnish)\//.test(id) || id.endsWith('.test.ts'),
  );
  assert.deepEqual(foreign, [], 'modules of src/ outside web, contract and finnish');
  const node = modules.filter((id) => /^node:|__vite-browser-external/.test(id));
  assert.deepEqual(node, [], "Node's own modules");
});

/** The pages App.tsx declares with firstScreenPage, as paths from the root. */
function firstScreenPages(): string[] {
  const app = fs.readFileSync(path.join(root, 'src/web/App.tsx'), 'utf8');
  return [...app.matchAll(/firstScreenPage\(\s*\(\) => import\('\.\/([^']+)'\)/g)].map(
    (match) => `src/web/${match[1]}`,
  );
}

/** String literals, and the fixed starts of template literals (`role.${role}` gives `role.`). */
function literalsOf(file: string): { strings: string[]; prefixes: string[] } {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const strings: string[] = [];
  const prefixes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      strings.push(node.text);
    } else if (ts.isTemplateExpression(node) && /^\w+(\.\w+)*\.$/.test(node.head.text)) {
      prefixes.push(node.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { strings, prefixes };
}

/**
 * Decision 0004: the first screens (the shell, sign-in, search) carry only the first-screen part
 * of the catalogue; every other page waits for the rest (lazyPage). A key the first screens use
 * that is not in that part would show as its name, so every string of their code that is a key
 * of the catalogue, and every key a template like `role.${role}` can make, must be in it.
 */
test('the first screens carry only the first-screen part of the catalogue, and it has their texts', () => {
  const pages = firstScreenPages();
  assert.deepEqual(
    pages.map((page) => path.basename(page)),
    ['SearchPage.tsx', 'SignInPage.tsx'],
  );
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const starts = chunks.filter(
    (chunk) =>
      chunk.isEntry || (chunk.facadeModuleId && pages.includes(relative(chunk.facadeModuleId))),
  );
  assert.equal(starts.length, 1 + pages.length, 'the first chunk and a chunk per first screen');
  const loaded = new Set<string>();
  const load = (name: string) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of byName.get(name)?.imports ?? []) load(imported);
  };
  for (const chunk of starts) load(chunk.fileName);
  const modules = [...loaded].flatMap((name) => byName.get(name)?.moduleIds ?? []).map(relative);

  assert.ok(modules.includes('src/web/i18n/first-screen-fi.ts'), 'the first-screen part');
  const catalogues = modules.filter((id) =>
    /^src\/web\/i18n\/(fi|sv|en|first-screen-sv|first-screen-en)\.ts$/.test(id),
  );
  assert.deepEqual(catalogues, [], 'no whole catalogue, no other language');

  const messages = new Set(Object.keys(fi.messages));
  const errors = new Set(Object.keys(fi.errors));
  const firstMessages = new Set(Object.keys(fiFirstScreen.messages));
  const firstErrors = new Set(Object.keys(fiFirstScreen.errors));
  const missing = new Set<string>();
  const code = modules.filter((id) => /^src\/web\/.*\.tsx?$/.test(id) && !id.includes('/i18n/'));
  assert.ok(code.includes('src/web/routes/search/SearchPage.tsx'), 'the pages’ own code is read');
  for (const id of code) {
    const { strings, prefixes } = literalsOf(path.join(root, id));
    for (const text of strings) {
      if (messages.has(text) && !firstMessages.has(text)) missing.add(`${id}: ${text}`);
      if (errors.has(text) && !firstErrors.has(text)) missing.add(`${id}: error ${text}`);
    }
    for (const prefix of prefixes) {
      for (const key of messages) {
        if (key.startsWith(prefix) && !firstMessages.has(key)) missing.add(`${id}: ${key}`);
      }
    }
  }
  assert.deepEqual([...missing], [], 'keys the first screens use, not in first-screen-fi.ts');
});
