import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import type { Database } from '../src/server/db/client.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { keysFromMaster, type Keys } from '../src/server/lib/crypto.ts';
import type { PersonKeyStore } from '../src/server/keystore/person-key-store.ts';
import type { AccessLog } from '../src/server/modules/access-log/access-log.ts';
import {
  startSealer,
  sealAccessLog,
  verifyAccessLog,
} from '../src/server/modules/access-log/access-log.chain.ts';
import { openLogDatabase, resetChain, type LogDatabase } from './lib/access-log-seed.ts';
import { ensureBenchUser, signInOverHttp } from './lib/app.ts';
import { runLoad, type LoadResult } from './lib/http-load.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';
import { generatePersons, SEED } from './seed/generate.ts';
import { benchKeys, openBenchDatabase, type BenchDatabase } from './seed/load.ts';
import { Random } from './seed/random.ts';

/** Requests in flight at once, each on its own keep-alive connection. */
const CONCURRENCY = 8;
/** Each configuration is started this many times, alternating (ABBA…), M/ROUNDS requests each. */
const ROUNDS = 4;
/** Requests after each start before measuring (JIT, connection pool, caches). */
const WARM_UP = 300;
/** Distinct persons read, drawn from the seeded register. */
const PERSON_SAMPLE = 1_000;
/** run.ts's default of 1,000 requests is too few for a throughput figure at 8 in flight. */
const DEFAULT_REQUESTS = 5_000;
const DEFAULT_ENTRIES = 1_000_000;

const USERNAME = 'benchmark.reader';

const log = (line: string) => process.stderr.write(`${line}\n`);
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const seconds = (start: number) => (performance.now() - start) / 1000;

/** The bench-only switch: an access log that records nothing. The server itself has no such switch. */
const noAccessLog: AccessLog = { record: () => Promise.resolve() };

/** The bench master key as REKISTERI_MASTER_KEY takes it (benchKeys() derives its keys from it). */
function benchMasterKey(): string {
  return crypto.createHash('sha256').update(`${SEED}/master key`).digest().toString('base64');
}

type Configuration = 'logged' | 'unlogged';
type Running = { baseUrl: string; cookie: string; close(): Promise<void> };

/**
 * The app as the server builds it (request log off), on a real socket, signed in as a customer
 * service user. Logged: the real access log, and the sealer every 5 s as start.ts runs it.
 * Unlogged: the no-op log and no sealer.
 */
async function startServer(
  database: Database,
  keys: Keys,
  personKeys: PersonKeyStore,
  configuration: Configuration,
): Promise<Running> {
  const app = await buildApp(
    {
      config: loadConfig({}),
      database,
      keys,
      personKeys,
      clock: systemClock,
      ...(configuration === 'unlogged' ? { accessLog: noAccessLog } : {}),
    },
    { logger: false, serveWeb: false },
  );
  const stopSealer =
    configuration === 'logged'
      ? startSealer(database.db, keys, (error) => log(`sealing failed: ${String(error)}`))
      : () => {};
  const close = async () => {
    stopSealer();
    await app.close();
  };
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const cookie = await signInOverHttp(baseUrl, USERNAME);
    return { baseUrl, cookie, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** PERSON_SAMPLE persons of the register, regenerated from the seed, in a seeded order. */
function personPaths(persons: number): string[] {
  const random = new Random(`${SEED}/access-log reads`);
  const wanted = new Set<number>();
  while (wanted.size < Math.min(PERSON_SAMPLE, persons)) wanted.add(random.int(0, persons - 1));
  const last = Math.max(...wanted);
  const ids: string[] = [];
  let i = 0;
  for (const person of generatePersons(persons)) {
    if (wanted.has(i)) ids.push(person.id);
    if (++i > last) break;
  }
  return random.shuffle(ids).map((id) => `/api/persons/${id}`);
}

type Side = { seconds: number; requests: number; latencies: number[] };
const summary = (side: Side) => ({
  rps: side.requests / side.seconds,
  p50: percentile(side.latencies, 50),
  p95: percentile(side.latencies, 95),
});

async function measureThroughput(bench: BenchDatabase, keys: Keys, requests: number) {
  const { database } = bench;
  await ensureBenchUser(database, USERNAME);
  const paths = personPaths(bench.persons);
  const sides: Record<Configuration, Side> = {
    logged: { seconds: 0, requests: 0, latencies: [] },
    unlogged: { seconds: 0, requests: 0, latencies: [] },
  };
  const perRound = Math.ceil(requests / ROUNDS);
  let offset = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order: Configuration[] =
      round % 2 === 0 ? ['logged', 'unlogged'] : ['unlogged', 'logged'];
    for (const configuration of order) {
      // One server at a time; both read the same persons in the same order in this round.
      const running = await startServer(database, keys, bench.personKeys, configuration);
      let result: LoadResult;
      try {
        const plan = { baseUrl: running.baseUrl, cookie: running.cookie, paths };
        await runLoad({ ...plan, offset, requests: WARM_UP, concurrency: CONCURRENCY });
        result = await runLoad({
          ...plan,
          offset: offset + WARM_UP,
          requests: perRound,
          concurrency: CONCURRENCY,
        });
      } finally {
        await running.close();
      }
      const side = sides[configuration];
      side.seconds += result.seconds;
      side.requests += result.requests;
      side.latencies.push(...result.latencies);
      log(
        `  round ${round + 1}/${ROUNDS} ${configuration.padEnd(8)} ${count(result.requests / result.seconds)} req/s`,
      );
    }
    offset += WARM_UP + perRound;
  }
  const logged = summary(sides.logged);
  const unlogged = summary(sides.unlogged);
  return { logged, unlogged, ratio: logged.rps / unlogged.rps, perSide: sides.logged.requests };
}

/** `node src/cli/rekisteri.ts audit verify` on the log database, as an operator runs it. */
function runCli(logDb: LogDatabase): Promise<{ seconds: number; output: string; code: number }> {
  const started = performance.now();
  const root = path.join(import.meta.dirname, '..');
  const env: NodeJS.ProcessEnv = { ...process.env, REKISTERI_MASTER_KEY: benchMasterKey() };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  Object.assign(env, logDb.cliEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/rekisteri.ts', 'audit', 'verify'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      resolve({ seconds: seconds(started), output: output.trim(), code: code ?? -1 }),
    );
  });
}

async function measureVerify(keys: Keys, entries: number) {
  const logDb = await openLogDatabase(entries, keys);
  const { database } = logDb;
  let seal: { seconds: number; sealed: number };
  let verify: { seconds: number; entries: number };
  try {
    await resetChain(database);
    log(`Sealing ${count(entries)} entries…`);
    let started = performance.now();
    const { sealed } = await sealAccessLog(database.db, keys, { before: new Date() });
    seal = { seconds: seconds(started), sealed };
    log(`Verifying…`);
    started = performance.now();
    const result = await verifyAccessLog(database.db, keys);
    if (!result.ok || result.sealed !== entries) {
      throw new Error(`verifyAccessLog did not accept the bench log: ${JSON.stringify(result)}`);
    }
    verify = { seconds: seconds(started), entries: result.entries };
  } finally {
    // The embedded database opens in one process at a time: the CLI needs it closed.
    await database.close();
  }
  log('Running rekisteri audit verify…');
  const cli = await runCli(logDb);
  if (cli.code !== 0) throw new Error(`rekisteri audit verify exited ${cli.code}: ${cli.output}`);
  return { logDb, seal, verify, cli };
}

/** Flags run.ts does not know about yet, read here: whether --requests was given. */
const givenOnCommandLine = (flag: string) =>
  process.argv.slice(3).some((arg) => arg === flag || arg.startsWith(`${flag}=`));

/**
 * Read throughput of GET /api/persons/{id} with the access log against the same server with a
 * no-op log, and the time to seal and verify a log of BENCH_LOG_ENTRIES entries (1,000,000).
 * See docs/decisions/0005, "Access log".
 */
export async function run(options: BenchOptions): Promise<void> {
  const keys = benchKeys();
  // The CLI gets the master key, not the keys: check that it derives the same ones.
  const probe = ['bench', 'probe'];
  if (
    !keysFromMaster(Buffer.from(benchMasterKey(), 'base64'))
      .auditMac(...probe)
      .equals(keys.auditMac(...probe))
  ) {
    throw new Error('benchMasterKey() does not give benchKeys()');
  }
  const requests = givenOnCommandLine('--requests') ? options.requests : DEFAULT_REQUESTS;
  const entries = Number(process.env.BENCH_LOG_ENTRIES ?? DEFAULT_ENTRIES);
  if (!Number.isSafeInteger(entries) || entries < 1) {
    throw new Error('BENCH_LOG_ENTRIES must be a positive whole number');
  }

  const bench = await openBenchDatabase(options.n, keys);
  let throughput: Awaited<ReturnType<typeof measureThroughput>>;
  try {
    log(
      `GET /api/persons/{id}: ${CONCURRENCY} in flight, ${ROUNDS} alternating rounds, ${WARM_UP} warm-up requests per start, ${count(requests)} measured requests each way`,
    );
    throughput = await measureThroughput(bench, keys, requests);
  } finally {
    await bench.database.close();
  }
  const { logDb, seal, verify, cli } = await measureVerify(keys, entries);

  const engine = bench.database.engine;
  const { logged, unlogged, ratio } = throughput;
  const cell = (value: number) => value.toFixed(2).padStart(8);
  const lines = [
    `access-log · ${engine} (${bench.location}) · ${count(bench.persons)} persons · ${count(throughput.perSide)} requests each way, ${CONCURRENCY} in flight`,
    `  GET /api/persons/{id}        req/s    p50 ms   p95 ms`,
    `  with the access log     ${count(logged.rps).padStart(8)} ${cell(logged.p50)} ${cell(logged.p95)}`,
    `  log switched off        ${count(unlogged.rps).padStart(8)} ${cell(unlogged.p50)} ${cell(unlogged.p95)}`,
    `  ratio logged / off      ${ratio.toFixed(2).padStart(8)}×  (issue #3 asks ≥ 0.70×)`,
    `  log of ${count(entries)} entries (${logDb.location})${logDb.load ? `, loaded in ${logDb.load.seconds.toFixed(1)} s` : ''}`,
    `    seal            ${seal.seconds.toFixed(1).padStart(7)} s  ${count(seal.sealed / seal.seconds).padStart(9)} entries/s`,
    `    verify          ${verify.seconds.toFixed(1).padStart(7)} s  ${count(verify.entries / verify.seconds).padStart(9)} entries/s`,
    `    rekisteri audit verify ${cli.seconds.toFixed(1)} s wall: ${cli.output}`,
  ];
  console.log(lines.join('\n'));
  if (options.json) {
    console.log(
      JSON.stringify({
        benchmark: 'access-log',
        engine,
        n: bench.persons,
        loggedRps: round(logged.rps, 1),
        unloggedRps: round(unlogged.rps, 1),
        ratio: round(ratio),
        loggedP50Ms: round(logged.p50),
        loggedP95Ms: round(logged.p95),
        unloggedP50Ms: round(unlogged.p50),
        unloggedP95Ms: round(unlogged.p95),
        verifyEntries: verify.entries,
        verifySeconds: round(verify.seconds),
        sealSeconds: round(seal.seconds),
        cliVerifySeconds: round(cli.seconds),
      }),
    );
  }
}
