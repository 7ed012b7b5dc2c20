/**
 * Preloaded into every test file's process by scripts/test.ts: when the process exits, it
 * appends the file's wall-clock time (process start to exit: imports, databases and tests) and
 * the CPU time its process used to REKISTERI_TEST_TIMES, so the run can print its slowest files.
 * The test runner's own reporters time tests, not the start of the file around them; and on a
 * shared machine the CPU time says more than the wall clock, which grows with others' load.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const timesFile = process.env.REKISTERI_TEST_TIMES;
const testFile = process.argv[1];
/** User and system CPU time of this process (all its threads, PGlite's included), in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * CPU time of the child processes that ended and were waited for (the servers and CLI commands a
 * test starts, Chromium), in ms: fields 16 and 17 of /proc/self/stat, in clock ticks (100 a
 * second on Linux). Processes a child left behind to the system are not counted; 0 elsewhere.
 */
const childCpuMs = () => {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
};

if (timesFile && testFile) {
  process.on('exit', () => {
    fs.appendFileSync(
      timesFile,
      `${JSON.stringify({ file: testFile, ms: performance.now(), cpuMs: cpuMs(), childCpuMs: childCpuMs() })}\n`,
    );
  });
}
