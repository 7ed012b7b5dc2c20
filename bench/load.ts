import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client.ts';
import type { Role } from '../src/contract/auth/permissions.ts';
import {
  searchOrganizationRows,
  searchPersonRows,
} from '../src/server/modules/search/search.queries.ts';
import { understandQuery } from '../src/server/modules/search/search.service.ts';
import { newTotpSecret, totpCode, totpStep } from '../src/server/lib/totp.ts';
import { ensureBenchUser, signInOverHttp } from './lib/app.ts';
import { buildSearchQueries, requestSequence, type BenchQuery } from './lib/search-queries.ts';
import { serverNodeFlags } from './lib/server-flags.ts';
import { percentile, round, since } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';
import { generatePersons, SEED, type SeedPerson } from './seed/generate.ts';
import { benchKeys, benchMasterKey, createScratchPostgresBench } from './seed/load.ts';
import { Random } from './seed/random.ts';

/** What the issue asks for, unless the command line says otherwise. */
const DEFAULTS = { clients: 50, seconds: 600, persons: 100_000 };
/** The issue's targets: no failed request over ten minutes, and the server's RSS grows < 20 %. */
const TARGET_ERRORS = 0;
const TARGET_RSS_GROWTH_PERCENT = 20;
/** The server when DATABASE_URL does not name one. */
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The mix: what one staff member does next, in percent. */
const KINDS = ['search', 'read', 'update', 'create'] as const;
type Kind = (typeof KINDS)[number];
const MIX: Record<Kind, number> = { search: 50, read: 30, update: 15, create: 5 };
/** Of the reads of a person with an identity code, this share also reveals the code. */
const REVEAL_SHARE = 0.05;
/** One staff member in this many is a register officer (the rest customer service). */
const REGISTER_OFFICER_EVERY = 5;
/** What the search page asks for (src/web/routes/search/SearchPage.tsx). */
const SEARCH_LIMIT = 20;
/** A request that takes longer than this counts as an error ("timeout"); the loops stay bounded. */
const REQUEST_TIMEOUT_MS = 30_000;
const RSS_SAMPLE_MS = 1_000;

const log = (line: string) => process.stderr.write(`${line}\n`);
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const mb = (kb: number) => kb / 1024;

type Method = 'GET' | 'POST' | 'PATCH';

type Options = { clients: number; seconds: number; persons: number; json: boolean };

/** The register as the bench knows it from the seed: nothing is read back from the database. */
type Register = {
  /** Persons not archived (archived ones cannot be changed), and which of them have a code. */
  persons: { id: string; hasCode: boolean }[];
  /** Identity codes in use: a created person never gets one of them (that would be a 409). */
  codes: Set<string>;
  queries: BenchQuery[];
};

type Staff = { username: string; role: Role; secret: string | null; cookie: string };

type Client = {
  index: number;
  /** Clients in this phase: client i updates only persons i, i + clients, … (no two at once). */
  of: number;
  staff: Staff;
  random: Random;
  /** New persons to create, from a seed of their own. */
  newcomers: Generator<SeedPerson>;
};

/** Latencies (ms) by kind and errors by status, for one phase. */
class Recorder {
  readonly latencies: Record<Kind, number[]> = { search: [], read: [], update: [], create: [] };
  readonly errors = new Map<string, number>();
  readonly samples: string[] = [];

  add(kind: Kind, ms: number): void {
    this.latencies[kind].push(ms);
  }

  fail(status: string, what: string): void {
    this.errors.set(status, (this.errors.get(status) ?? 0) + 1);
    if (this.samples.length < 5) this.samples.push(`${status} ${what}`);
  }

  get requests(): number {
    return KINDS.reduce((sum, kind) => sum + this.latencies[kind].length, 0);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((sum, n) => sum + n, 0);
  }
}

/** The server's resident set, from /proc (kB). */
function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
}

/**
 * The server's CPU time so far (user + system, s), from /proc/<pid>/stat: over a phase, divided by
 * its wall time, the cores the server kept busy (2 on this machine means it was the bottleneck).
 */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After the command name, from field 3 (state): utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  // USER_HZ: 100 on every Linux architecture Node supports.
  return ticks / 100;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Server = {
  child: ChildProcess;
  pid: number;
  baseUrl: string;
  logFile: string;
  /** False once the process has exited. */
  alive(): boolean;
  stop(): Promise<void>;
};

/**
 * The register's server as `npm start` runs it: `node <its flags> src/server/main.ts` in a
 * process of its own, configured only through the environment (the bench's databases, key store,
 * key ring and master key), logging as in production (info, to a file the bench reads after).
 */
async function startServer(
  env: Record<string, string>,
  dataDir: string,
  logFile: string,
  memoryFile: string,
): Promise<Server> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'LANG', 'TZ'].flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const probe = ['--import', './bench/lib/memory-probe.ts'];
  const child = spawn(process.execPath, [...serverNodeFlags(), ...probe, 'src/server/main.ts'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: {
      ...inherited,
      ...env,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      BENCH_MEMORY_FILE: memoryFile,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = async () => {
    if (gone) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (gone) {
      throw new Error(`The server exited before it answered:\n${logTail(logFile)}`);
    }
    const ok = await fetch(`${baseUrl}/health`).then(
      (response) => response.body?.cancel().then(() => response.ok) ?? response.ok,
      () => false,
    );
    if (ok) break;
    if (since(started) > 120_000) {
      await stop();
      throw new Error('The server did not answer /health within two minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (child.pid === undefined) throw new Error('The server has no process id');
  return { child, pid: child.pid, baseUrl, logFile, alive: () => !gone, stop };
}

const logTail = (logFile: string) =>
  fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');

/** Lines of the server's log at level error or fatal (pino: 50, 60). */
function errorLogLines(logFile: string): string[] {
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /"level":(50|60)\b/.test(line));
}

/** One pass over the seed: the persons a client may open or change, and the codes in use. */
function knowRegister(persons: number, organizations: number): Register {
  const register: Register = { persons: [], codes: new Set(), queries: [] };
  for (const person of generatePersons(persons)) {
    if (person.identityCode) register.codes.add(person.identityCode);
    if (person.archivedAt === null) {
      register.persons.push({ id: person.id, hasCode: person.identityCode !== null });
    }
  }
  register.queries = buildSearchQueries(persons, organizations);
  return register;
}

/**
 * One request as the web app makes it, timed from the first byte sent to the last byte of the
 * body read. Anything but 2xx (or no answer within REQUEST_TIMEOUT_MS) is an error by status.
 */
async function call(
  base: string,
  client: Client,
  recorder: Recorder,
  { kind, method, url, body }: { kind: Kind; method: Method; url: string; body?: object },
): Promise<void> {
  const start = performance.now();
  let status: string;
  let detail: string;
  try {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie: client.staff.cookie,
        // The web app's own origin, as a browser sends it with a change.
        ...(body ? { 'content-type': 'application/json', origin: base } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    recorder.add(kind, since(start));
    if (response.ok) return;
    status = String(response.status);
    detail = text.slice(0, 200);
  } catch (error) {
    recorder.add(kind, since(start));
    status = error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network';
    detail = error instanceof Error ? error.message : String(error);
  }
  recorder.fail(status, `${method} ${url.split('?')[0]}: ${detail}`);
}

/** The reads of src/web's person page, in parallel as the page makes them, for the user's role. */
function personPage(client: Client, id: string): string[] {
  const officer = client.staff.role === 'register_officer';
  const person = `/api/persons/${id}`;
  return [
    person,
    `${person}/orders?limit=50`,
    `${person}/invoices?limit=50`,
    ...(officer ? [`${person}/disclosures`] : []),
    ...(officer ? [`${person}/requests?status=all&limit=50`, `${person}/legal-holds`] : []),
    `${person}/objections`,
    `${person}/value-sources`,
  ];
}

const PURPOSES = [
  'Asiakkaan tunnistaminen puhelimessa',
  'Laskun kohdistaminen',
  'Henkilöllisyyden tarkistus',
];
const NOTES = [
  'Soitti ja kysyi laskusta.',
  'Toivoo yhteydenottoa sähköpostilla.',
  'Asioi palvelupisteessä, tiedot tarkistettu.',
  'Osoitteenmuutos tulossa ensi kuussa.',
];

/** The next thing one staff member does: search, open a person's page, change one, or add one. */
async function act(
  base: string,
  client: Client,
  register: Register,
  recorder: Recorder,
): Promise<void> {
  const send = (kind: Kind, method: Method, url: string, body?: object) =>
    call(base, client, recorder, { kind, method, url, body });
  const random = client.random;
  const roll = random.int(0, 99);
  if (roll < MIX.search) {
    const q = encodeURIComponent(random.pick(register.queries).q);
    await send('search', 'GET', `/api/search?q=${q}&kind=all&limit=${SEARCH_LIMIT}`);
  } else if (roll < MIX.search + MIX.read) {
    const person = random.pick(register.persons);
    const reads = personPage(client, person.id).map((url) => send('read', 'GET', url));
    if (person.hasCode && random.chance(REVEAL_SHARE)) {
      const url = `/api/persons/${person.id}/reveal-identity-code`;
      reads.push(send('read', 'POST', url, { purpose: random.pick(PURPOSES) }));
    }
    await Promise.all(reads);
  } else if (roll < MIX.search + MIX.read + MIX.update) {
    // Only this client's share of the persons: two clients never change one person at once.
    const slots = Math.floor((register.persons.length - 1 - client.index) / client.of) + 1;
    const person = register.persons[random.int(0, slots - 1) * client.of + client.index];
    if (!person) return;
    const patch = random.chance(0.5)
      ? { notes: `${new Date().toISOString().slice(0, 10)}: ${random.pick(NOTES)}` }
      : { phone: `04${random.int(0, 5)} ${random.digits(7)}` };
    await send('update', 'PATCH', `/api/persons/${person.id}`, patch);
  } else {
    const next = client.newcomers.next();
    if (next.done) return;
    const person = next.value;
    const code =
      person.identityCode && !register.codes.has(person.identityCode) ? person.identityCode : null;
    if (code) register.codes.add(code);
    await send('create', 'POST', '/api/persons', {
      firstName: person.firstName,
      lastName: person.lastName,
      ...(code
        ? { personalIdentityCode: code, personalIdentityCodePurpose: person.identityCodePurpose }
        : {}),
      email: person.email,
      phone: person.phone,
      permanentAddress: person.permanentAddress,
      contactAddress: person.contactAddress,
      language: person.language,
    });
  }
}

/** `clients` staff members, each looping over the mix until `seconds` have passed. */
async function drive(
  server: Server,
  staff: Staff[],
  register: Register,
  seconds: number,
  phase: string,
): Promise<{ recorder: Recorder; seconds: number }> {
  const recorder = new Recorder();
  const clients: Client[] = staff.map((member, index) => ({
    index,
    of: staff.length,
    staff: member,
    random: new Random(`${SEED}/load/${phase}/${index}`),
    newcomers: generatePersons(1_000_000, `${SEED}/load/${phase}/newcomers/${index}`),
  }));
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      // A server that died would otherwise be asked in a tight loop until the time is up.
      while (performance.now() < deadline && server.alive()) {
        await act(server.baseUrl, client, register, recorder);
      }
    }),
  );
  if (!server.alive()) {
    throw new Error(`The server exited during the ${phase} phase:\n${logTail(server.logFile)}`);
  }
  return { recorder, seconds: since(started) / 1000 };
}

type PhaseFigures = {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  byKind: Record<Kind, { requests: number; p50: number; p95: number; p99: number }>;
  errors: number;
  errorsByStatus: Record<string, number>;
  /** The cores the server process kept busy, on average. */
  serverCpuCores: number;
  /** The first few failed requests, for the reader (not in the JSON). */
  errorSamples: string[];
};

function figures(
  clients: number,
  run: { recorder: Recorder; seconds: number },
  serverCpu: number,
): PhaseFigures {
  const { recorder } = run;
  const all = KINDS.flatMap((kind) => recorder.latencies[kind]);
  const pct = (sample: number[]) => ({
    requests: sample.length,
    p50: round(percentile(sample, 50), 1),
    p95: round(percentile(sample, 95), 1),
    p99: round(percentile(sample, 99), 1),
  });
  return {
    clients,
    seconds: round(run.seconds, 1),
    ...pct(all),
    requestsPerSecond: round(all.length / run.seconds, 1),
    byKind: Object.fromEntries(
      KINDS.map((kind) => [kind, pct(recorder.latencies[kind])]),
    ) as Record<Kind, ReturnType<typeof pct>>,
    errors: recorder.errorCount,
    errorsByStatus: Object.fromEntries(recorder.errors),
    serverCpuCores: round(serverCpu / run.seconds, 2),
    errorSamples: recorder.samples,
  };
}

const withoutSamples = ({ errorSamples: _, ...rest }: PhaseFigures) => rest;

function table(phase: PhaseFigures): string[] {
  const row = (label: string, f: { requests: number; p50: number; p95: number; p99: number }) =>
    `      ${label.padEnd(8)}${count(f.requests).padStart(10)}${f.p50.toFixed(1).padStart(9)}${f.p95.toFixed(1).padStart(9)}${f.p99.toFixed(1).padStart(9)}`;
  return [
    `      ${'kind'.padEnd(8)}${'requests'.padStart(10)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'p99 ms'.padStart(9)}`,
    row('all', phase),
    ...KINDS.map((kind) => row(kind, phase.byKind[kind])),
  ];
}

const byStatus = (errors: Record<string, number>) =>
  Object.keys(errors).length === 0
    ? ''
    : ` (${Object.entries(errors)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')})`;

/** The search page's query straight on the database, as searchCustomers runs it. */
async function searchSqlAlone(
  database: Database,
  queries: readonly BenchQuery[],
  requests: number,
) {
  const keys = benchKeys();
  const run = async (query: BenchQuery) => {
    const match = understandQuery(query.q, keys);
    const start = performance.now();
    await Promise.all([
      searchPersonRows(database.db, match, null, SEARCH_LIMIT + 1),
      searchOrganizationRows(database.db, match, null, SEARCH_LIMIT + 1),
    ]);
    return since(start);
  };
  for (const query of queries) await run(query);
  const latencies: number[] = [];
  for (const query of requestSequence(queries, requests)) latencies.push(await run(query));
  return {
    requests,
    p50: round(percentile(latencies, 50), 2),
    p95: round(percentile(latencies, 95), 2),
  };
}

/** Staff for the work: customer service, and every REGISTER_OFFICER_EVERY-th a register officer. */
async function makeStaff(database: Database, clients: number): Promise<Staff[]> {
  const keys = benchKeys();
  const staff: Staff[] = Array.from({ length: clients }, (_, i) => {
    const role: Role =
      i % REGISTER_OFFICER_EVERY === REGISTER_OFFICER_EVERY - 1
        ? 'register_officer'
        : 'customer_service';
    return {
      username: `load.${role === 'register_officer' ? 'officer' : 'service'}.${i + 1}`,
      role,
      // Register officers sign in with a second factor (TOTP_REQUIRED_ROLES).
      secret: role === 'register_officer' ? newTotpSecret() : null,
      cookie: '',
    };
  });
  // Two at a time: hashing a password takes a core.
  for (let i = 0; i < staff.length; i += 2) {
    await Promise.all(
      staff
        .slice(i, i + 2)
        .map((member) =>
          ensureBenchUser(
            database,
            member.username,
            member.role,
            member.secret ? { secret: member.secret, keys } : undefined,
          ),
        ),
    );
  }
  return staff;
}

/**
 * The unmeasured warm-up (all clients, so that the JIT, the pools and the caches are warm before
 * the RSS at the start is read) and the phase of one client alone, from the measured seconds.
 */
function phaseSeconds(options: Options) {
  return {
    oneClientSeconds: Math.max(5, Math.round(Math.min(60, options.seconds / 5))),
    warmUpSeconds: Math.max(5, Math.round(Math.min(30, options.seconds / 20))),
  };
}

/**
 * `npm run bench -- load`: the register under a day's work of `--clients` staff members at once
 * for `--seconds`, on PostgreSQL with `--persons` persons, through the server as `npm start` runs
 * it; then one staff member alone, for the p95 ratio. See docs/decisions/0005.
 */
export async function run(benchOptions: BenchOptions): Promise<void> {
  const options: Options = {
    clients: benchOptions.clients ?? DEFAULTS.clients,
    seconds: benchOptions.seconds ?? DEFAULTS.seconds,
    persons: benchOptions.persons ?? DEFAULTS.persons,
    json: benchOptions.json,
  };
  const { oneClientSeconds, warmUpSeconds } = phaseSeconds(options);
  const serverUrl = process.env.DATABASE_URL?.trim() || DEFAULT_SERVER_URL;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-load-'));
  const logFile = path.join(workDir, 'server.log');
  const memoryFile = path.join(workDir, 'memory.jsonl');
  const bench = await createScratchPostgresBench(serverUrl, options.persons, benchKeys(), 'load');
  let server: Server | null = null;
  try {
    // Seeded identity codes, each under its person's own key in the key store.
    const codes = await bench.database.rows<{ codes: number }>(
      sql`select count(identity_code_encrypted)::int as codes from person`,
    );
    log('Knowing the register from its seed, and making the staff…');
    const register = knowRegister(options.persons, bench.organizations);
    const staff = await makeStaff(bench.database, options.clients);

    log('Starting the server…');
    server = await startServer(
      {
        DATABASE_URL: bench.databaseUrl,
        KEYSTORE_DATABASE_URL: bench.keyStoreUrl,
        REKISTERI_MASTER_KEY: benchMasterKey().toString('base64'),
        REKISTERI_WRAPPING_KEY_DIR: bench.ringDir,
      },
      path.join(workDir, 'data'),
      logFile,
      memoryFile,
    );
    const base = server.baseUrl;
    for (const member of staff) {
      member.cookie = await signInOverHttp(
        base,
        member.username,
        member.secret ? totpCode(member.secret, totpStep(new Date())) : undefined,
      );
    }
    const serverPid = server.pid;
    const loadAverageAtStart = round(os.loadavg()[0] ?? 0, 1);
    const rssAtBoot = rssKb(serverPid);

    const phaseStarts = { warmUp: Date.now(), many: 0, one: 0 };
    log(`Warming up: ${options.clients} clients for ${warmUpSeconds} s…`);
    await drive(server, staff, register, warmUpSeconds, 'warm-up');

    log(`Measuring: ${options.clients} clients for ${options.seconds} s…`);
    phaseStarts.many = Date.now();
    const rssStart = rssKb(serverPid);
    let rssPeak = rssStart;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssKb(serverPid));
    }, RSS_SAMPLE_MS);
    let many: PhaseFigures;
    let rssEnd: number;
    try {
      const cpu = cpuSeconds(serverPid);
      const driven = await drive(server, staff, register, options.seconds, 'many');
      many = figures(options.clients, driven, cpuSeconds(serverPid) - cpu);
      rssEnd = rssKb(serverPid);
      rssPeak = Math.max(rssPeak, rssEnd);
    } finally {
      clearInterval(sampler);
    }
    log(`One client for ${oneClientSeconds} s…`);
    phaseStarts.one = Date.now();
    const cpuBeforeOne = cpuSeconds(serverPid);
    const alone = await drive(server, staff.slice(0, 1), register, oneClientSeconds, 'one');
    const one = figures(1, alone, cpuSeconds(serverPid) - cpuBeforeOne);
    const rssAfterOne = rssKb(serverPid);

    await server.stop();
    const memory = memorySeries(memoryFile, phaseStarts);
    const errorLines = errorLogLines(logFile);
    server = null;

    log('The search SQL alone, one query at a time…');
    const sqlSearch = await searchSqlAlone(
      bench.database,
      register.queries,
      Math.min(2_000, Math.max(register.queries.length * 2, one.byKind.search.requests)),
    );

    // Whatever else the machine did: the figures of a run on a busy machine are not comparable.
    const loadAverage = round(os.loadavg()[0] ?? 0, 1);
    const growth = ((rssEnd - rssStart) / rssStart) * 100;
    const ratio = many.p95 / one.p95;
    const kindRatio = (kind: Kind) => many.byKind[kind].p95 / one.byKind[kind].p95;
    const lines = [
      `load · PostgreSQL (${bench.location}) · ${count(bench.persons)} persons (${count(codes[0]?.codes ?? 0)} with identity codes under per-person keys), ${count(bench.organizations)} organisations; seeded in ${(bench.load?.totalSeconds ?? 0).toFixed(1)} s`,
      `  server: node ${serverNodeFlags().join(' ')} src/server/main.ts (pid ${serverPid}), RSS ${mb(rssAtBoot).toFixed(0)} MB after start; machine: ${os.availableParallelism()} cores, load average ${loadAverageAtStart} before the clients, ${loadAverage} after; ${staff.length} staff signed in over HTTP (${staff.filter((s) => s.role === 'customer_service').length} customer_service, ${staff.filter((s) => s.role === 'register_officer').length} register_officer)`,
      `  each client loops: ${MIX.search} % search, ${MIX.read} % a person's page (its reads in parallel, as src/web makes them; ${REVEAL_SHARE * 100} % of those with a code reveal it), ${MIX.update} % PATCH notes or phone, ${MIX.create} % POST a new person`,
      `  ${options.clients} clients, ${many.seconds} s (after ${warmUpSeconds} s of warm-up): ${count(many.requests)} requests, ${many.requestsPerSecond.toFixed(1)} requests/s; the server kept ${many.serverCpuCores.toFixed(2)} of ${os.availableParallelism()} cores busy`,
      ...table(many),
      `    errors: ${many.errors}${byStatus(many.errorsByStatus)}   target ${TARGET_ERRORS} over 600 s${options.seconds < 600 ? ` (this run: ${options.seconds} s)` : ''}: ${many.errors <= TARGET_ERRORS ? 'met' : 'NOT met'}`,
      `    server RSS: start ${mb(rssStart).toFixed(0)} MB, end ${mb(rssEnd).toFixed(0)} MB, peak ${mb(rssPeak).toFixed(0)} MB; growth ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %   target < ${TARGET_RSS_GROWTH_PERCENT} %: ${growth < TARGET_RSS_GROWTH_PERCENT ? 'met' : 'NOT met'}`,
      `  1 client, ${one.seconds} s: ${count(one.requests)} requests, ${one.requestsPerSecond.toFixed(1)} requests/s, server ${one.serverCpuCores.toFixed(2)} cores; errors: ${one.errors}${byStatus(one.errorsByStatus)}; server RSS after: ${mb(rssAfterOne).toFixed(0)} MB`,
      ...table(one),
      `  p95 ratio ${options.clients} clients : 1 client = ${ratio.toFixed(2)}× (search ${kindRatio('search').toFixed(2)}×, read ${kindRatio('read').toFixed(2)}×, update ${kindRatio('update').toFixed(2)}×, create ${kindRatio('create').toFixed(2)}×)`,
      `  the search SQL alone (${count(sqlSearch.requests)} queries one at a time): p50 ${sqlSearch.p50.toFixed(2)} ms, p95 ${sqlSearch.p95.toFixed(2)} ms; API p95 / SQL p95: 1 client ${(one.byKind.search.p95 / sqlSearch.p95).toFixed(2)}×, ${options.clients} clients ${(many.byKind.search.p95 / sqlSearch.p95).toFixed(2)}×`,
      `  server log lines at level error or fatal: ${errorLines.length}`,
      ...memoryTable(memory),
    ];
    console.log(lines.join('\n'));
    for (const sample of [...many.errorSamples, ...one.errorSamples]) log(`  error: ${sample}`);
    for (const line of errorLines.slice(0, 5)) log(`  server log: ${line.slice(0, 500)}`);
    if (options.json) {
      console.log(
        JSON.stringify({
          benchmark: 'load',
          engine: 'postgres',
          persons: bench.persons,
          identityCodes: codes[0]?.codes ?? 0,
          seedSeconds: round(bench.load?.totalSeconds ?? 0, 1),
          warmUpSeconds,
          serverRssAfterStartMb: round(mb(rssAtBoot), 1),
          cores: os.availableParallelism(),
          loadAverage: { start: loadAverageAtStart, end: loadAverage },
          many: {
            ...withoutSamples(many),
            rssStartMb: round(mb(rssStart), 1),
            rssEndMb: round(mb(rssEnd), 1),
            rssPeakMb: round(mb(rssPeak), 1),
            rssGrowthPercent: round(growth, 1),
          },
          one: withoutSamples(one),
          p95Ratio: round(ratio, 2),
          sqlSearch,
          searchApiVsSqlP95: {
            one: round(one.byKind.search.p95 / sqlSearch.p95, 2),
            many: round(many.byKind.search.p95 / sqlSearch.p95, 2),
          },
          serverErrorLogLines: errorLines.length,
          memory,
          targets: {
            errors: TARGET_ERRORS,
            overSeconds: 600,
            rssGrowthPercent: TARGET_RSS_GROWTH_PERCENT,
          },
          met: {
            errors: many.errors <= TARGET_ERRORS,
            rssGrowth: growth < TARGET_RSS_GROWTH_PERCENT,
          },
        }),
      );
    }
  } finally {
    await server?.stop();
    await bench.database.close();
    await bench.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

type MemorySample = {
  phase: 'warm-up' | 'many' | 'one';
  /** Seconds since the phase began. */
  second: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
};

/** The probe's samples (bench/lib/memory-probe.ts), one a minute, by phase. */
function memorySeries(
  file: string,
  starts: { warmUp: number; many: number; one: number },
): MemorySample[] {
  const toMb = (bytes: number) => round(bytes / 1024 / 1024, 1);
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  const samples: MemorySample[] = [];
  let lastMinute = '';
  for (const line of lines.filter(Boolean)) {
    const raw = JSON.parse(line) as Record<string, number>;
    const at = raw.at ?? 0;
    if (at < starts.warmUp) continue;
    const [phase, start] =
      starts.one && at >= starts.one
        ? (['one', starts.one] as const)
        : starts.many && at >= starts.many
          ? (['many', starts.many] as const)
          : (['warm-up', starts.warmUp] as const);
    const second = Math.round((at - start) / 1000);
    const minute = `${phase}:${Math.floor(second / 60)}`;
    if (minute === lastMinute) continue;
    lastMinute = minute;
    samples.push({
      phase,
      second,
      rssMb: toMb(raw.rss ?? 0),
      heapUsedMb: toMb(raw.heapUsed ?? 0),
      heapTotalMb: toMb(raw.heapTotal ?? 0),
      externalMb: toMb(raw.external ?? 0),
      arrayBuffersMb: toMb(raw.arrayBuffers ?? 0),
    });
  }
  return samples;
}

function memoryTable(samples: MemorySample[]): string[] {
  if (samples.length === 0) return [];
  const cell = (value: number) => value.toFixed(0).padStart(6);
  return [
    '  server memory, MB, the first sample of each minute (RSS; V8 heap used / heap reserved; external incl. array buffers):',
    ...samples.map(
      (s) =>
        `    ${s.phase.padEnd(7)} ${String(s.second).padStart(5)} s  rss ${cell(s.rssMb)}  heap ${cell(s.heapUsedMb)} /${cell(s.heapTotalMb)}  external ${cell(s.externalMb)} (${cell(s.arrayBuffersMb).trim()} buffers)`,
    ),
  ];
}
