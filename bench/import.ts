/**
 * `npm run bench -- import [--n N] [--json]` (decision 0027): moving in an old register's export
 * of N persons through `rekisteri import` on PostgreSQL (DATABASE_URL names the server), against
 * the raw database loading the same file with COPY and a set-based UPDATE of the same rows, in
 * the same run; and the import's peak RSS at N and at N/10 rows (constant memory: the same
 * within 20 %, under 300 MB). Scratch databases, dropped at the end. The CLI runs with the node
 * flags of its `#!` line, as `npx rekisteri` runs it (decision 0027: V8's heap sizing).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { OLD_REGISTER_PROFILE, writeOldRegisterExport } from '../test/helpers/import-files.ts';
import type { BenchOptions } from './run.ts';

const CLI = path.resolve(import.meta.dirname, '../src/cli/rekisteri.ts');
/** The node flags of the CLI's `#!/usr/bin/env -S node …` line. */
const CLI_FLAGS = (fs.readFileSync(CLI, 'utf8').split('\n', 1)[0] ?? '')
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));
const log = (line: string) => process.stderr.write(`${line}\n`);
const mb = (kb: number) => Math.round(kb / 1024);

function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type ImportFigures = { rows: number; seconds: number; rowsPerSecond: number; peakRssMb: number };

/** One clean import of `rows` rows in scratch databases: its time and the process's peak RSS. */
async function measureImport(
  serverUrl: string,
  rows: number,
  dir: string,
): Promise<ImportFigures & { raw: { seconds: number; rowsPerSecond: number } }> {
  const name = `rekisteri_import_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await admin(serverUrl, async (c) => {
    await c.query(`CREATE DATABASE "${name}"`);
    await c.query(`CREATE DATABASE "${name}_keys"`);
  });
  try {
    const file = path.join(dir, `export-${rows}.csv`);
    await writeOldRegisterExport(file, rows, rows + 1);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o644);
    const env = {
      ...process.env,
      DATA_DIR: path.join(dir, name),
      DATABASE_URL: urlOf(serverUrl, name),
      KEYSTORE_DATABASE_URL: urlOf(serverUrl, `${name}_keys`),
      REKISTERI_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    };
    const profile = path.join(dir, 'profile.json');
    fs.writeFileSync(profile, JSON.stringify(OLD_REGISTER_PROFILE));
    const saved = spawnSync(process.execPath, [CLI, 'import-profile', 'save', 'bench', profile], {
      env,
      encoding: 'utf8',
    });
    if (saved.status !== 0) throw new Error(saved.stderr);
    log(`Importing ${rows.toLocaleString('en-US')} rows…`);
    const run = spawnSync(
      '/usr/bin/time',
      [
        '-f',
        'maxrss=%M',
        process.execPath,
        ...CLI_FLAGS,
        CLI,
        'import',
        file,
        '--profile',
        'bench',
        '--json',
        '--batch-size',
        '1000',
      ],
      { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
      seconds: number;
      counts: { created: number };
    };
    if (result.counts.created !== rows)
      throw new Error(`created ${result.counts.created} of ${rows}`);
    const peakKb = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
    // The raw database: the same file by COPY, then a set-based UPDATE of the same rows.
    const raw = await admin(urlOf(serverUrl, name), async (c) => {
      await c.query(`CREATE TABLE bench_raw (last_name text, first_names text, hetu text, email text,
        street text, postal_code text, post_office text, search_text text)`);
      const started = performance.now();
      await c.query(`COPY bench_raw (last_name, first_names, hetu, email, street, postal_code, post_office)
        FROM '${file}' WITH (FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'WIN1252')`);
      await c.query(`UPDATE bench_raw SET search_text = lower(first_names || ' ' || last_name)`);
      return (performance.now() - started) / 1000;
    });
    return {
      rows,
      seconds: result.seconds,
      rowsPerSecond: Math.round(rows / result.seconds),
      peakRssMb: mb(peakKb),
      raw: { seconds: Number(raw.toFixed(2)), rowsPerSecond: Math.round(rows / raw) },
    };
  } finally {
    await admin(serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS "${name}_keys" WITH (FORCE)`);
    });
  }
}

export async function run(options: BenchOptions): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    log(
      'The import bench runs on PostgreSQL: set DATABASE_URL to a server (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
    process.exitCode = 2;
    return;
  }
  const n = options.n;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-import-bench-'));
  try {
    const small = await measureImport(serverUrl, Math.max(1, Math.round(n / 10)), dir);
    const large = await measureImport(serverUrl, n, dir);
    const ratio = large.rowsPerSecond / large.raw.rowsPerSecond;
    const rssGrowth = large.peakRssMb / small.peakRssMb - 1;
    const sizes = [small, large].map((size) => {
      const rows = size.rows.toLocaleString('en-US');
      const sizeRatio = (size.rowsPerSecond / size.raw.rowsPerSecond).toFixed(3);
      return `${rows} rows: import ${size.seconds.toFixed(1)} s, ${size.rowsPerSecond.toLocaleString('en-US')} rows/s; raw ${size.raw.seconds} s, ${size.raw.rowsPerSecond.toLocaleString('en-US')} rows/s; ratio ${sizeRatio}x; peak RSS ${size.peakRssMb} MB`;
    });
    const lines = [
      ...sizes,
      `Import of ${n.toLocaleString('en-US')} rows: ${large.seconds.toFixed(1)} s, ${large.rowsPerSecond.toLocaleString('en-US')} rows/s`,
      `Raw COPY + set-based UPDATE of the same rows: ${large.raw.seconds} s, ${large.raw.rowsPerSecond.toLocaleString('en-US')} rows/s`,
      `Ratio import / raw: ${ratio.toFixed(3)}x (target >= 0.5x)`,
      `Peak RSS: ${small.peakRssMb} MB at ${small.rows.toLocaleString('en-US')} rows, ${large.peakRssMb} MB at ${n.toLocaleString('en-US')} rows (${(rssGrowth * 100).toFixed(0)} %; target within 20 %, under 300 MB)`,
      `Load average: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (the machine is shared: compare ratios)`,
    ];
    for (const line of lines) console.log(line);
    if (options.json) {
      console.log(
        JSON.stringify({
          n,
          small,
          large,
          ratio: Number(ratio.toFixed(4)),
          rssGrowth: Number(rssGrowth.toFixed(3)),
          loadAverage: os.loadavg(),
        }),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
