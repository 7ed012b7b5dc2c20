/**
 * `npm run bench -- <name> [--n N] [--requests M] [--json]`: runs bench/<name>.ts. Benchmarks
 * print figures as ratios against the raw database in the same run; they are never tests.
 * `load` takes `--clients`, `--seconds` and `--persons` instead of --n and --requests; `web`
 * takes `--loads`.
 */

export type BenchOptions = {
  /** Persons in the register (organisations: n/50). */
  n: number;
  /** Measured requests on each side. */
  requests: number;
  /** End stdout with one JSON line of the figures. */
  json: boolean;
  /** `load`: concurrent clients, measured seconds and persons seeded, when given. */
  clients?: number;
  seconds?: number;
  persons?: number;
  /** `web`: cold loads of each page, when given. */
  loads?: number;
};

type Benchmark = { run(options: BenchOptions): Promise<void> };

const BENCHMARKS = ['search', 'access-log', 'invoicing', 'import', 'load', 'web'] as const;
const USAGE = [
  `usage: npm run bench -- <${BENCHMARKS.filter((name) => name !== 'load' && name !== 'web').join('|')}> [--n N] [--requests M] [--json]`,
  '       npm run bench -- load [--clients 50] [--seconds 600] [--persons 100000] [--json]',
  '       npm run bench -- web [--loads 7] [--json]',
].join('\n');

/** The whole-number flags and the option each sets. */
const NUMBER_FLAGS = {
  '--n': 'n',
  '--requests': 'requests',
  '--clients': 'clients',
  '--seconds': 'seconds',
  '--persons': 'persons',
  '--loads': 'loads',
} as const satisfies Record<string, keyof BenchOptions>;

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
    if (!Object.hasOwn(NUMBER_FLAGS, flag)) return null;
    const value = Number(inline ?? rest[++i]);
    if (!Number.isSafeInteger(value) || value < 1) return null;
    options[NUMBER_FLAGS[flag as keyof typeof NUMBER_FLAGS]] = value;
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
