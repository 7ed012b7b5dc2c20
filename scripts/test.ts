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

/** Where the time goes: the slowest files, so whoever makes the run slower sees it. */
function printSlowestFiles(file: string) {
  if (!fs.existsSync(file)) return;
  const times = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; ms: number; cpuMs: number })
    .sort((a, b) => b.ms - a.ms);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const total = times.reduce((sum, t) => sum + t.ms, 0);
  const cpu = times.reduce((sum, t) => sum + t.cpuMs, 0);
  console.log(
    `\nnpm test took ${seconds(performance.now())} (load average ${os.loadavg()[0]!.toFixed(2)}); ` +
      `slowest of ${times.length} test files (wall clock, process start to exit: ` +
      `${seconds(total)} in all; CPU time: ${seconds(cpu)} in all):`,
  );
  for (const t of times.slice(0, 10)) {
    console.log(
      `${seconds(t.ms).padStart(8)}  ${`CPU ${seconds(t.cpuMs)}`.padStart(11)}  ` +
        path.relative(process.cwd(), t.file),
    );
  }
}

const templates = await prepareTestTemplates();
console.log(
  `Testing on PGlite${templates.postgres ? ' and PostgreSQL' : ' (set TEST_DATABASE_URL to test on PostgreSQL too)'}`,
);

const { options, files } = splitTestArguments(process.argv.slice(2));
const timesFile = path.join(templates.runDir, 'file-times.jsonl');
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
    ...(files.length > 0 ? files : ['src/**/*.test.ts', 'test/**/*.test.ts']),
  ],
  { stdio: 'inherit', env: templates.env },
);
printSlowestFiles(timesFile);
await templates.remove();
process.exit(result.status ?? 1);
