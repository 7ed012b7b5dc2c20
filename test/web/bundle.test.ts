import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { build, type Rollup } from 'vite';

/**
 * Decision 0004: the browser bundle holds the web app, the contract and the Finnish identifiers,
 * and nothing of the server. Lint refuses such an import in src/web; this reads what the build
 * actually bundled, so a path lint does not see (a re-export, a transitive import) is caught too.
 */
const root = path.join(import.meta.dirname, '..', '..');

test('the built web bundle holds no server module and nothing of Node', async () => {
  const output = (await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = [output].flat() as Rollup.RollupOutput[];
  const modules = outputs
    .flatMap((o) => o.output)
    .flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : []))
    .map((id) => path.relative(root, id.replace(/^\0/, '')));
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
