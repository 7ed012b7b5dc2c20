import type { Database } from '../src/server/db/client.ts';
import type { Keys } from '../src/server/lib/crypto.ts';
import {
  searchOrganizationRows,
  searchPersonRows,
} from '../src/server/modules/search/search.queries.ts';
import { understandQuery } from '../src/server/modules/search/search.service.ts';
import { startApi, type RunningApi } from './lib/app.ts';
import {
  buildSearchQueries,
  requestSequence,
  type BenchQuery,
  type QueryKind,
} from './lib/search-queries.ts';
import { percentile, round, since } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';
import { benchKeys, openBenchDatabase, type BenchDatabase } from './seed/load.ts';

/** Rounds over the whole query set before measuring, on each side. */
const WARM_UP_ROUNDS = 2;
/** What the search page asks for (the endpoint's default): 20 results, persons and organisations. */
const LIMIT = 20;

type Measured = { ms: number; hits: () => number };
type Sample = BenchQuery & { ms: number };

const log = (line: string) => process.stderr.write(`${line}\n`);

/** One search through the API: timed until the whole response body has arrived. */
async function viaApi(api: RunningApi, query: BenchQuery): Promise<Measured> {
  const start = performance.now();
  const response = await fetch(`${api.baseUrl}/api/search?q=${encodeURIComponent(query.q)}`, {
    headers: { cookie: api.cookie },
  });
  const body = await response.text();
  const ms = since(start);
  if (response.status !== 200) {
    throw new Error(`GET /api/search?q=${query.q} answered ${response.status}: ${body}`);
  }
  return { ms, hits: () => (JSON.parse(body) as { items: unknown[] }).items.length };
}

/** The same search straight on the database: the service's two queries, run as it runs them. */
async function viaSql(database: Database, keys: Keys, query: BenchQuery): Promise<Measured> {
  const match = understandQuery(query.q, keys);
  const start = performance.now();
  const [persons, organizations] = await Promise.all([
    searchPersonRows(database.db, match, null, LIMIT + 1),
    searchOrganizationRows(database.db, match, null, LIMIT + 1),
  ]);
  const ms = since(start);
  return { ms, hits: () => Math.min(LIMIT, persons.length + organizations.length) };
}

/** Warm-up rounds on both sides; the first also checks that both find the same results. */
async function warmUp(
  queries: readonly BenchQuery[],
  api: (query: BenchQuery) => Promise<Measured>,
  sql: (query: BenchQuery) => Promise<Measured>,
): Promise<void> {
  const empty: string[] = [];
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const query of queries) {
      const viaSqlHits = (await sql(query)).hits();
      const viaApiHits = (await api(query)).hits();
      if (viaApiHits !== viaSqlHits) {
        throw new Error(`"${query.q}": the API found ${viaApiHits}, the SQL ${viaSqlHits}`);
      }
      if (round === 0 && viaSqlHits === 0) empty.push(query.q);
    }
  }
  if (empty.length > 0) log(`No results (still measured): ${empty.join(', ')}`);
}

async function measure(
  sequence: readonly BenchQuery[],
  search: (query: BenchQuery) => Promise<Measured>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (const query of sequence) samples.push({ ...query, ms: (await search(query)).ms });
  return samples;
}

const p50p95 = (samples: readonly Sample[]) => {
  const ms = samples.map((sample) => sample.ms);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
};
const median = (samples: readonly Sample[], q: string) =>
  percentile(
    samples.filter((sample) => sample.q === q).map((sample) => sample.ms),
    50,
  );
const cell = (value: number) => value.toFixed(2).padStart(9);

function report(
  bench: BenchDatabase,
  options: BenchOptions,
  queries: readonly BenchQuery[],
  apiSamples: readonly Sample[],
  sqlSamples: readonly Sample[],
): void {
  const api = p50p95(apiSamples);
  const sql = p50p95(sqlSamples);
  const engine = bench.database.engine;
  const count = (value: number) => value.toLocaleString('en-US');
  const lines = [
    `search · ${engine} (${bench.location}) · ${count(bench.persons)} persons, ${count(bench.organizations)} organisations · ${count(options.requests)} sequential requests each way`,
  ];
  if (bench.load) {
    const load = bench.load;
    lines.push(
      `  seeded in ${load.totalSeconds.toFixed(1)} s, ${count(Math.round(load.rowsPerSecond))} rows/s (insert ${load.insertSeconds.toFixed(1)} s, indexes ${load.indexSeconds.toFixed(1)} s, VACUUM ANALYZE ${load.vacuumSeconds.toFixed(1)} s)`,
    );
  }
  lines.push(
    `                         p50 ms    p95 ms`,
    `  API over HTTP        ${cell(api.p50)} ${cell(api.p95)}`,
    `  SQL direct           ${cell(sql.p50)} ${cell(sql.p95)}`,
    `  ratio API / SQL      ${cell(api.p50 / sql.p50)}×${cell(api.p95 / sql.p95)}×`,
    `  by kind, p50 / p95 ms         API                SQL`,
  );
  for (const kind of new Set<QueryKind>(queries.map((query) => query.kind))) {
    const a = p50p95(apiSamples.filter((sample) => sample.kind === kind));
    const s = p50p95(sqlSamples.filter((sample) => sample.kind === kind));
    lines.push(
      `    ${kind.padEnd(14)} ${cell(a.p50)} / ${a.p95.toFixed(2).padEnd(7)} ${cell(s.p50)} / ${s.p95.toFixed(2)}`,
    );
  }
  const slowest = queries
    .map(({ q }) => ({ q, sql: median(sqlSamples, q), api: median(apiSamples, q) }))
    .sort((a, b) => b.sql - a.sql)
    .slice(0, 3)
    .map((entry) => `"${entry.q}" ${entry.sql.toFixed(1)} / ${entry.api.toFixed(1)}`);
  lines.push(`  slowest, p50 SQL / API ms: ${slowest.join(' · ')}`);
  console.log(lines.join('\n'));
  if (options.json) {
    console.log(
      JSON.stringify({
        benchmark: 'search',
        engine,
        n: bench.persons,
        apiP50Ms: round(api.p50),
        apiP95Ms: round(api.p95),
        sqlP50Ms: round(sql.p50),
        sqlP95Ms: round(sql.p95),
        ratioP95: round(api.p95 / sql.p95),
      }),
    );
  }
}

/**
 * Search latency through the API (HTTP, session, service, serialisation) against the same
 * queries run directly on the database, one request at a time. See docs/decisions/0005.
 */
export async function run(options: BenchOptions): Promise<void> {
  const keys = benchKeys();
  const bench = await openBenchDatabase(options.n, keys);
  const { database } = bench;
  const running = await startApi(database, keys, bench.personKeys).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  try {
    const queries = buildSearchQueries(bench.persons, bench.organizations);
    const sequence = requestSequence(queries, options.requests);
    const kinds = new Map<QueryKind, number>();
    for (const { kind } of queries) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    log(
      `${queries.length} queries (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')}), ${WARM_UP_ROUNDS} warm-up rounds, then ${options.requests} measured requests each way`,
    );
    const api = (query: BenchQuery) => viaApi(running, query);
    const sql = (query: BenchQuery) => viaSql(database, keys, query);
    await warmUp(queries, api, sql);
    log('Measuring the API over HTTP…');
    const apiSamples = await measure(sequence, api);
    log('Measuring the same queries directly on the database…');
    const sqlSamples = await measure(sequence, sql);
    report(bench, options, queries, apiSamples, sqlSamples);
  } finally {
    await running.close();
    await database.close();
  }
}
