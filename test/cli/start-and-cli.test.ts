import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/server/config.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { commitmentSignatures } from '../../src/server/db/schema/index.ts';
import { openPersonKeys } from '../../src/server/keystore/open.ts';
import { openRegister } from '../../src/server/start.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'src/server/main.ts');
const CLI = path.join(ROOT, 'src/cli/rekisteri.ts');

const envFor = (dataDir: string, extra: Record<string, string> = {}) => {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'REKISTERI_MASTER_KEY',
    'KEYSTORE_DATABASE_URL',
    'KEYSTORE_DIR',
    'REKISTERI_WRAPPING_KEY_DIR',
  ]) {
    delete env[name];
  }
  return { ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', ...extra };
};

function cliIn(dataDir: string, args: string[], input = '') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    env: envFor(dataDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the server and resolves with its address once it listens. */
async function startServer(dataDir: string): Promise<{
  child: ChildProcess;
  url: string;
  output: () => string;
  /** Resolves once the server has printed a line matching `pattern`. */
  printed: (pattern: RegExp) => Promise<void>;
}> {
  const child = spawn(process.execPath, [MAIN], { env: envFor(dataDir) });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A server that does not start is stopped: left running, it would keep the test file alive
  // long after the test failed (a first start took over 90 s at load average 30: initdb twice).
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no start in 180 s:\n${output}`));
    }, 180_000);
    const check = () => {
      const match = /running at (http:\/\/[^ ]+) /.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not printed: ${pattern}\n${output}`)),
        30_000,
      );
      const check = () => {
        if (!pattern.test(output)) return;
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve();
      };
      child.stdout?.on('data', check);
      check();
    });
  return { child, url, output: () => output, printed };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

const made: string[] = [];
/** An empty DATA_DIR of the test's own. */
function emptyDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-cli-'));
  made.push(dir);
  return dir;
}

/**
 * The DATA_DIR a first start left (the database, the key store, the master key and the key ring),
 * made once for the file by the start the server makes, in this process; each test that needs one
 * gets a copy of its own, so no test sees what another did to it.
 */
let startedOnce: string;
before(async () => {
  startedOnce = emptyDataDir();
  const { app } = await openRegister(loadConfig(envFor(startedOnce)), {
    logger: false,
    serveWeb: false,
  });
  await app.close();
});
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the DATA_DIR a first start left, for one test. */
function startedDataDir(): string {
  const dir = emptyDataDir();
  fs.cpSync(startedOnce, dir, { recursive: true });
  return dir;
}

test('first start: the log says how to create the first administrator; a key file 0600 appears', async () => {
  const dataDir = emptyDataDir();
  const server = await startServer(dataDir);
  try {
    const health = await fetch(`${server.url}/health`);
    assert.deepEqual(await health.json(), { status: 'ok' });
    // The hint follows the line that says where the server listens.
    await server.printed(/No staff accounts yet/);
    assert.match(server.output(), /npx rekisteri user add admin --role admin/);
    assert.match(server.output(), /fill a register with fictional data .*\n.*npx rekisteri demo/);
    // Progress while the first start creates the databases, before the log begins.
    assert.match(server.output(), /Creating the embedded database in .* \(first start only/);
    assert.match(server.output(), /Applying the database migrations…/);
    assert.match(server.output(), /Creating the key store in .* and the key ring/);
    assert.equal(fs.statSync(path.join(dataDir, 'keys', 'master.key')).mode & 0o777, 0o600);
    // The key ring's first master key, and the key store beside the data, not in it.
    const ring = path.join(dataDir, 'keys', 'wrapping');
    assert.equal(fs.statSync(ring).mode & 0o777, 0o700);
    const [wrappingKey] = fs.readdirSync(ring);
    assert.match(wrappingKey ?? '', /^\d{8}T\d{9}Z-[0-9a-f]{8}\.key$/);
    assert.equal(fs.statSync(path.join(ring, wrappingKey ?? '')).mode & 0o777, 0o600);
    assert.match(server.output(), /Created the first key of the key ring/);
    assert.ok(fs.existsSync(path.join(dataDir, 'keystore', 'pgdata')));
    assert.ok(fs.existsSync(path.join(dataDir, 'keystore', 'rekisteri.lock')));

    const second = spawnSync(process.execPath, [MAIN], {
      env: envFor(dataDir),
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(second.status, 1);
    assert.match(second.stderr, /already in use by another process/);

    const whileRunning = cliIn(
      dataDir,
      ['user', 'add', 'admin', '--role', 'admin', '--password-stdin'],
      'a long enough password',
    );
    assert.equal(whileRunning.status, 2);
    assert.match(whileRunning.stderr, /already in use by another process/);
  } finally {
    assert.equal(await stop(server.child), 0);
  }
  assert.equal(fs.existsSync(path.join(dataDir, 'rekisteri.lock')), false, 'the lock is released');
});

test('rekisteri user add creates an account that signs in; bad input is named', async () => {
  const dataDir = startedDataDir();
  const cli = (args: string[], input = '') => cliIn(dataDir, args, input);
  const bad = cli(['user', 'add', 'bob', '--role', 'wizard', '--password-stdin'], 'short');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /role: The role must be one of admin, customer_service/);
  assert.match(bad.stderr, /password: The password must be at least 12 characters/);
  const noStdin = cli(['user', 'add', 'bob', '--role', 'admin']);
  assert.equal(noStdin.status, 2);
  assert.match(noStdin.stderr, /--password-stdin/);
  const badDate = cli(
    [
      'user',
      'add',
      'bob',
      '--role',
      'admin',
      '--password-stdin',
      '--commitment-signed',
      '2026-02-30',
    ],
    'a long enough password\n',
  );
  assert.equal(badDate.status, 1);
  assert.match(badDate.stderr, /commitmentSignedOn: The date must be a real date/);

  const keptAtAlone = cli(
    ['user', 'add', 'bob', '--role', 'admin', '--password-stdin', '--commitment-kept-at', 'X'],
    'a long enough password\n',
  );
  assert.equal(keptAtAlone.status, 2);
  assert.match(keptAtAlone.stderr, /--commitment-kept-at goes with --commitment-signed/);

  const ok = cli(
    [
      'user',
      'add',
      'admin',
      '--role',
      'admin',
      '--password-stdin',
      '--commitment-signed',
      '2026-11-25',
      '--commitment-kept-at',
      'Henkilöstöhallinto, kansio 1',
    ],
    'a long enough password\n',
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(
    ok.stdout,
    /Created admin account "admin" \(confidentiality commitment signed 2026-11-25, paper kept at Henkilöstöhallinto, kansio 1\)/,
  );
  const again = cli(
    ['user', 'add', 'admin', '--role', 'admin', '--password-stdin'],
    'a long enough password',
  );
  assert.equal(again.status, 1);
  assert.match(again.stderr, /already exists/);
  assert.equal(cli(['migrate']).status, 0);

  const server = await startServer(dataDir);
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'a long enough password' }),
    });
    assert.equal(login.status, 200);
    assert.match(login.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
    assert.doesNotMatch(server.output(), /No staff accounts yet/);
  } finally {
    await stop(server.child);
  }
  // The paper commitment is recorded as the administration screens show it.
  const database = await openDatabase({ dataDir });
  try {
    const signatures = await database.db
      .select({
        method: commitmentSignatures.method,
        version: commitmentSignatures.version,
        paperSignedOn: commitmentSignatures.paperSignedOn,
        paperKeptAt: commitmentSignatures.paperKeptAt,
      })
      .from(commitmentSignatures);
    assert.deepEqual(signatures, [
      {
        method: 'paper',
        version: 1,
        paperSignedOn: '2026-11-25',
        paperKeptAt: 'Henkilöstöhallinto, kansio 1',
      },
    ]);
  } finally {
    await database.close();
  }
});

test('rekisteri keys status and keys rotate on the embedded key store', async () => {
  const dataDir = startedDataDir();
  const cli = (args: string[]) => cliIn(dataDir, args);
  const config = loadConfig(envFor(dataDir));
  let opened = await openPersonKeys(config);
  const personId = crypto.randomUUID();
  const sealed = await opened.personKeys.encrypt(personId, 'erityinen', 'test.value');
  const before = opened.ring.current().id;
  await opened.close();

  const status = cli(['keys', 'status']);
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, new RegExp(`${before} \\(current\\): 1 data keys`));
  assert.match(status.stdout, /Destroyed data keys \(erased persons\): 0/);

  const rotated = cli(['keys', 'rotate']);
  assert.equal(rotated.status, 0, rotated.stderr);
  assert.match(rotated.stdout, /New master key \S+: 1 data keys rewrapped under it in 1 batches/);
  assert.match(rotated.stdout, new RegExp(`Retired ${before}`));
  const ring = fs.readdirSync(path.join(dataDir, 'keys', 'wrapping'));
  assert.equal(ring.length, 1);
  assert.notEqual(ring[0], `${before}.key`);

  opened = await openPersonKeys(config);
  try {
    assert.equal(await opened.personKeys.decrypt(personId, sealed, 'test.value'), 'erityinen');
  } finally {
    await opened.close();
  }
  const server = await startServer(dataDir);
  try {
    const whileRunning = cli(['keys', 'rotate']);
    assert.equal(whileRunning.status, 2);
    assert.match(whileRunning.stderr, /keystore is already in use by another process/);
  } finally {
    await stop(server.child);
  }
});

test('a bad setting stops the start with a message naming it', () => {
  const result = spawnSync(process.execPath, [MAIN], {
    env: envFor(emptyDataDir(), { PORT: 'abc', DATABASE_URL: 'mysql://nope' }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 1);
  assert.match(result.stderr, /PORT must be a whole number from 0 to 65535, got "abc"/);
  assert.match(result.stderr, /DATABASE_URL must start with postgres:\/\//);
});

/** Every path under the directory whose mode gives the group or others anything. */
function looseUnder(dir: string): string[] {
  const loose: string[] = [];
  const walk = (target: string) => {
    const stat = fs.lstatSync(target);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) loose.push(`${target} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory())
      for (const entry of fs.readdirSync(target)) walk(path.join(target, entry));
  };
  walk(dir);
  return loose;
}

test('DATA_DIR and all it holds are the owner’s only, also when an earlier start left them looser', async () => {
  const dataDir = startedDataDir();
  // Loosen what earlier starts made, as an older version or a careless copy would have left it.
  const loosen = (target: string) => {
    const stat = fs.lstatSync(target);
    fs.chmodSync(target, stat.isDirectory() ? 0o755 : 0o644);
    if (stat.isDirectory())
      for (const entry of fs.readdirSync(target)) loosen(path.join(target, entry));
  };
  loosen(dataDir);
  assert.notDeepEqual(looseUnder(dataDir), []);
  const server = await startServer(dataDir);
  try {
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    assert.deepEqual(
      looseUnder(dataDir),
      [],
      'nothing readable by the group or others while running',
    );
  } finally {
    assert.equal(await stop(server.child), 0);
  }
  assert.deepEqual(looseUnder(dataDir), [], 'nor after');
});
