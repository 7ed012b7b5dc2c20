/**
 * `npm test`: prepares the run's template databases once (scripts/test-templates.ts), then runs
 * every test file with Node's test runner, and prints the slowest files. Arguments pick files and
 * pass options to the runner: `npm test -- test/api/x.test.ts --test-name-pattern "a test"`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
 * Every test file, the longest first. The runner starts files in the order given, two at a time,
 * and the run ends when its last file does: the command-line and browser tests take the longest
 * (their wall clock is mostly waiting for the server, the CLI or Chromium, with little CPU), so
 * they start first and the short API and unit tests fill the other slot around them, instead of
 * the run ending with one long file on one core and the other core idle.
 */
function longestFirst(globs: string[]): string[] {
  const longDirectories = ['test/cli/', 'test/e2e/'];
  const rank = (file: string) => {
    const index = longDirectories.findIndex((dir) => file.startsWith(dir));
    return index === -1 ? longDirectories.length : index;
  };
  return fs
    .globSync(globs)
    .sort()
    .sort((a, b) => rank(a) - rank(b));
}

const templates = await prepareTestTemplates();
console.log(
  `Testing on PGlite${templates.postgres ? ' and PostgreSQL' : ' (set TEST_DATABASE_URL to test on PostgreSQL too)'}`,
);

const { options, files } = splitTestArguments(process.argv.slice(2));
// REKISTERI_TEST_TIMES, when set, keeps every file's figures after the run (to compare runs).
const timesFile =
  process.env.REKISTERI_TEST_TIMES ?? path.join(templates.runDir, 'file-times.jsonl');
templates.env.REKISTERI_TEST_TIMES = timesFile;
const timeTestFile = fileURLToPath(new URL('./time-test-file.ts', import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    `--import=${timeTestFile}`,
    '--test',
    '--test-concurrency=2',
    '--test-timeout=300000',
    ...options,
    ...(files.length > 0 ? files : longestFirst(['src/**/*.test.ts', 'test/**/*.test.ts'])),
  ],
  { stdio: 'inherit', env: templates.env },
);
printSlowestFiles(timesFile);
await templates.remove();
process.exit(result.status ?? 1);
