import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { serverNodeFlags } from './server-flags.ts';
import { since } from './stats.ts';

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

export type Server = {
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
export async function startServer(
  env: Record<string, string>,
  dataDir: string,
  logFile: string,
  /** More Node flags before the entry point (a bench's own `--import`). */
  options: { nodeArgs?: string[] } = {},
): Promise<Server> {
  const port = await freePort();
  const out = fs.openSync(logFile, 'a');
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'LANG', 'TZ'].flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );
  const { nodeArgs = [] } = options;
  const child = spawn(process.execPath, [...serverNodeFlags(), ...nodeArgs, 'src/server/main.ts'], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    env: { ...inherited, ...env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port) },
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

export const logTail = (logFile: string) =>
  fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
