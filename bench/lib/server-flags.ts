import fs from 'node:fs';
import path from 'node:path';

/**
 * The Node flags `npm start` gives the server (package.json), so that a bench measures the
 * server as it runs; BENCH_SERVER_NODE_OPTIONS adds more (e.g. --expose-gc, which makes the
 * server's memory report count only what is alive).
 */
export function serverNodeFlags(): string[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
  ) as { scripts: Record<string, string> };
  const start = /\bnode ((?:--\S+ )*)src\/server\/main\.ts/.exec(manifest.scripts.start ?? '');
  return [
    ...(start?.[1] ?? '').split(' '),
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' '),
  ].filter(Boolean);
}
