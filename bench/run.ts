/**
 * `npm run bench -- <name> [--n N] [--requests M] [--json]`: runs bench/<name>.ts. Benchmarks
 * print figures as ratios against the raw database in the same run; they are never tests.
 */

export type BenchOptions = {
  /** Persons in the register (organisations: n/50). */
  n: number;
  /** Measured requests on each side. */
  requests: number;
  /** End stdout with one JSON line of the figures. */
  json: boolean;
};

type Benchmark = { run(options: BenchOptions): Promise<void> };

const BENCHMARKS = ['search', 'access-log', 'invoicing'] as const;
const USAGE = `usage: npm run bench -- <${BENCHMARKS.join('|')}> [--n N] [--requests M] [--json]`;

function parse(argv: string[]): { name: string; options: BenchOptions } | null {
  const [name, ...rest] = argv;
  if (!name || !(BENCHMARKS as readonly string[]).includes(name)) return null;
  const options: BenchOptions = { n: 1_000_000, requests: 1_000, json: false };
  for (let i = 0; i < rest.length; i++) {
    const [flag = '', inline] = (rest[i] ?? '').split('=', 2);
    if (flag === '--json' && inline === undefined) {
      options.json = true;
      continue;
    }
    if (flag !== '--n' && flag !== '--requests') return null;
    const value = Number(inline ?? rest[++i]);
    if (!Number.isSafeInteger(value) || value < 1) return null;
    if (flag === '--n') options.n = value;
    else options.requests = value;
  }
  return { name, options };
}

const parsed = parse(process.argv.slice(2));
if (!parsed) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  const benchmark = (await import(`./${parsed.name}.ts`)) as Benchmark;
  await benchmark.run(parsed.options);
}
