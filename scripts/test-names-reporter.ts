/**
 * A test reporter for scripts/test-alone.ts: one JSON line per test (not suite) that ran, with
 * its full name (its suites' names and its own, joined by spaces, as --test-name-pattern
 * matches them) and whether it passed.
 */
import type { TestEvent } from 'node:test/reporters';

export default async function* testNames(source: AsyncIterable<TestEvent>) {
  const suites: string[] = [];
  for await (const event of source) {
    if (event.type === 'test:start') suites[event.data.nesting] = event.data.name;
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details.type === 'suite' || !event.data.file) continue;
    // A file that declares no test is reported as a test named after the file: not a test.
    if (event.data.nesting === 0 && event.data.name === event.data.file.split('/').at(-1)) {
      continue;
    }
    const name = [...suites.slice(0, event.data.nesting), event.data.name].join(' ');
    yield `${JSON.stringify({ name, passed: event.type === 'test:pass', skipped: Boolean(event.data.skip) })}\n`;
  }
}
