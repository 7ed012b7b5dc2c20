/**
 * `npm test`: prepares the run's template databases once (scripts/test-templates.ts), then runs
 * every test file with Node's test runner, and prints the slowest files. Arguments pick files and
 * pass options to the runner: `npm test -- test/api/x.test.ts --test-name-pattern "a test"`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { run, type RunOptions } from 'node:test';
import { dot, spec, tap } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { prepareTestTemplates, splitTestArguments } from './test-templates.ts';

type FileTime = { file: string; ms: number; cpuMs: number; childCpuMs?: number };

/**
 * Where the time goes: the slowest files, so whoever makes the run slower sees it. The CPU time
 * is the file's process and the child processes it waited for (servers, CLI commands, Chromium).
 */
function printSlowestFiles(file: string) {
  if (!fs.existsSync(file)) return;
  const times = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FileTime)
    .sort((a, b) => b.ms - a.ms);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const sum = (pick: (t: FileTime) => number) => times.reduce((total, t) => total + pick(t), 0);
  const own = sum((t) => t.cpuMs);
  const children = sum((t) => t.childCpuMs ?? 0);
  console.log(
    `\nnpm test took ${seconds(performance.now())} (load average ${os.loadavg()[0]!.toFixed(2)}); ` +
      `${times.length} test files: wall clock, process start to exit, ${seconds(sum((t) => t.ms))} ` +
      `in all; CPU time ${seconds(own + children)} in all (${seconds(own)} the test files' own ` +
      `processes, ${seconds(children)} the processes they started). The slowest:`,
  );
  for (const t of times.slice(0, 10)) {
    console.log(
      `${seconds(t.ms).padStart(8)}  ${`CPU ${seconds(t.cpuMs + (t.childCpuMs ?? 0))}`.padStart(11)}  ` +
        path.relative(process.cwd(), t.file),
    );
  }
}

/**
 * Where the last whole run's per-file wall-clock times are kept (not committed): the next run
 * starts the longest first.
 */
const lastTimesFile = path.join('.test-tmp', 'file-times.json');

/** A file's wall-clock time before any run measured it: the command-line and browser tests are long. */
function guessedMs(file: string): number {
  if (file.startsWith('test/cli/')) return 60_000;
  if (file.startsWith('test/e2e/')) return 40_000;
  return 5_000;
}

/**
 * Every test file, the longest first (by the last whole run's times, else by `guessedMs`).
 * `run({ files })` starts files in the order given, two at a time, and the run ends when its last
 * file does: the long files start first and the short ones fill the other slot around them,
 * instead of the run ending with one long file on one core and the other core idle.
 * (`node --test a b c` would sort the files by name, whatever order they are given in.)
 */
function longestFirst(globs: string[]): string[] {
  const last = fs.existsSync(lastTimesFile)
    ? (JSON.parse(fs.readFileSync(lastTimesFile, 'utf8')) as Record<string, number>)
    : {};
  const expected = (file: string) => last[file] ?? guessedMs(file);
  return fs
    .globSync(globs)
    .sort()
    .sort((a, b) => expected(b) - expected(a));
}

/** Keeps a whole run's per-file times for the next run's order. */
function keepTimes(timesFile: string) {
  if (!fs.existsSync(timesFile)) return;
  const times: Record<string, number> = {};
  for (const line of fs.readFileSync(timesFile, 'utf8').split('\n').filter(Boolean)) {
    const t = JSON.parse(line) as FileTime;
    times[path.relative(process.cwd(), t.file)] = Math.round(t.ms);
  }
  fs.mkdirSync(path.dirname(lastTimesFile), { recursive: true });
  fs.writeFileSync(lastTimesFile, `${JSON.stringify(times, null, 1)}\n`);
}

/** The runner's command-line options that `npm test -- …` passes on, as `run()` takes them. */
function runOptions(options: string[]): Partial<RunOptions> & { reporter: string } {
  const given: Partial<RunOptions> & { reporter: string } = { reporter: 'spec' };
  const patterns = (name: string) =>
    options.filter((o) => o.startsWith(`${name}=`)).map((o) => o.slice(name.length + 1));
  const number = (name: string) => {
    const value = patterns(name).at(-1);
    return value === undefined ? undefined : Number(value);
  };
  for (const option of options) {
    const name = option.split('=')[0]!;
    if (!KNOWN_OPTIONS.has(name)) {
      console.error(
        `npm test: ${option} is not an option it knows (${[...KNOWN_OPTIONS].join(', ')})`,
      );
      process.exit(2);
    }
  }
  const names = patterns('--test-name-pattern');
  if (names.length > 0) given.testNamePatterns = names;
  const skips = patterns('--test-skip-pattern');
  if (skips.length > 0) given.testSkipPatterns = skips;
  if (options.includes('--test-only')) given.only = true;
  const concurrency = number('--test-concurrency');
  if (concurrency !== undefined) given.concurrency = concurrency;
  const timeout = number('--test-timeout');
  if (timeout !== undefined) given.timeout = timeout;
  given.reporter = patterns('--test-reporter').at(-1) ?? 'spec';
  return given;
}

const KNOWN_OPTIONS = new Set([
  '--test-name-pattern',
  '--test-skip-pattern',
  '--test-only',
  '--test-concurrency',
  '--test-timeout',
  '--test-reporter',
]);

const templates = await prepareTestTemplates();
console.log(
  `Testing on PGlite${templates.postgres ? ' and PostgreSQL' : ' (set TEST_DATABASE_URL to test on PostgreSQL too)'}`,
);

const { options, files } = splitTestArguments(process.argv.slice(2));
const { reporter, ...given } = runOptions(options);
// REKISTERI_TEST_TIMES, when set, keeps every file's figures after the run (to compare runs).
const timesFile =
  process.env.REKISTERI_TEST_TIMES ?? path.join(templates.runDir, 'file-times.jsonl');
templates.env.REKISTERI_TEST_TIMES = timesFile;
// The test files' processes inherit this environment (it names the run's templates).
Object.assign(process.env, templates.env);
const timeTestFile = fileURLToPath(new URL('./time-test-file.ts', import.meta.url));
const whole = files.length === 0;

let failed = false;
const stream = run({
  files: whole ? longestFirst(['src/**/*.test.ts', 'test/**/*.test.ts']) : files,
  // Two at a time: the machine has two cores.
  concurrency: 2,
  timeout: 300_000,
  execArgv: [`--import=${timeTestFile}`],
  ...given,
});
stream.on('test:fail', (event) => {
  if (!event.todo) failed = true;
});
type Reporter = Parameters<typeof stream.compose>[0];
const builtIn: Record<string, Reporter> = { spec, tap, dot };
const chosen =
  builtIn[reporter] ?? ((await import(path.resolve(reporter))) as { default: Reporter }).default;
await pipeline(stream.compose(chosen), process.stdout, { end: false });
printSlowestFiles(timesFile);
if (whole && !failed) keepTimes(timesFile);
await templates.remove();
process.exit(failed ? 1 : 0);
