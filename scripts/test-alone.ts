/**
 * `npm run test:alone -- file...`: proves that each test of the files passes when it runs alone,
 * with no other test before it to leave state behind (issue #15, item 9). It runs each file once
 * to learn its tests' names, then each test by itself with --test-name-pattern, and fails when a
 * test that passes among the others fails alone, or when a pattern runs any other test.
 * `--every=N` runs only every Nth test of a file (and always its last), to keep a check cheap.
 * First it scans the files for a suite's `let` that a test assigns (scripts/shared-test-state.ts):
 * state handed from one test to the next, even where the later test happens to pass alone.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sharedStateAssignments } from './shared-test-state.ts';
import { prepareTestTemplates, splitTestArguments } from './test-templates.ts';

type Ran = { name: string; passed: boolean; skipped: boolean };

const reporter = fileURLToPath(new URL('./test-names-reporter.ts', import.meta.url));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const { options, files } = splitTestArguments(process.argv.slice(2));
const every = Number(options.find((o) => o.startsWith('--every='))?.slice('--every='.length) ?? 1);
if (files.length === 0 || !Number.isInteger(every) || every < 1) {
  console.error('usage: npm run test:alone -- [--every=N] test-file...');
  process.exit(2);
}

const templates = await prepareTestTemplates();

function run(file: string, pattern?: string): Ran[] {
  const result = spawnSync(
    process.execPath,
    [
      '--test',
      '--test-timeout=300000',
      `--test-reporter=${reporter}`,
      ...(pattern ? [`--test-name-pattern=${pattern}`] : []),
      file,
    ],
    { env: templates.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Ran);
}

const problems: string[] = files.flatMap((file) =>
  sharedStateAssignments(file).map(
    (found) =>
      `${file}:${found.line}: the test "${found.test}" assigns the suite's \`let ${found.name}\``,
  ),
);
for (const problem of problems) console.log(`✖ ${problem}`);
let checked = 0;
for (const file of files) {
  const all = run(file).filter((t) => !t.skipped);
  const chosen = all.filter(
    (t, i) => t.passed && (i % every === every - 1 || i === all.length - 1),
  );
  for (const test of chosen) {
    const ran = run(file, `^${escapeRegExp(test.name)}$`);
    checked++;
    const alone = ran.length === 1 && ran[0]!.name === test.name;
    const verdict = !alone
      ? `ran ${ran.length} tests, not this one alone`
      : ran[0]!.passed
        ? 'passes alone'
        : 'FAILS ALONE';
    console.log(`${verdict === 'passes alone' ? '✔' : '✖'} ${file}: ${test.name}: ${verdict}`);
    if (verdict !== 'passes alone') problems.push(`${file}: ${test.name}: ${verdict}`);
  }
  for (const test of all.filter((t) => !t.passed)) {
    problems.push(`${file}: ${test.name}: fails in the whole file`);
  }
}
await templates.remove();
console.log(`\n${checked} tests run alone, ${problems.length} problems`);
for (const problem of problems) console.log(`  ${problem}`);
process.exit(problems.length > 0 ? 1 : 0);
