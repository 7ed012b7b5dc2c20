/**
 * The register's server for `npm run bench -- invoicing`, in a process of its own so that its
 * memory is measured apart from the bench's client: the app as the server builds it (request log
 * off, the real access log) on the bench database, on a free port of 127.0.0.1. It samples its
 * own RSS every 50 ms and answers the parent over IPC:
 *   → { port } when listening;  'reset' → peak from now;  'report' → { peakRss, rss, maxRss };
 *   'stop' → closes the database and exits.
 */
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { benchKeys, openBenchDatabase } from '../seed/load.ts';

export type ServerReport = {
  peakRss: number;
  rss: number;
  maxRss: number;
  /** Where the memory is: V8's heap (committed and used), and outside it. */
  heapTotal: number;
  heapUsed: number;
  external: number;
};
export type ServerMessage = { port: number } | ServerReport;

const SAMPLE_MS = 50;

const n = Number(process.argv[2]);
if (!Number.isSafeInteger(n) || n < 1 || !process.send) {
  throw new Error('usage: fork(invoicing-server.ts, [n]) from bench/invoicing.ts');
}
const send = (message: ServerMessage) => process.send?.(message);

const bench = await openBenchDatabase(n, benchKeys());
const app = await buildApp(
  {
    config: loadConfig({}),
    database: bench.database,
    keys: benchKeys(),
    personKeys: bench.personKeys,
    clock: systemClock,
  },
  { logger: false, serveWeb: false },
);
await app.listen({ port: 0, host: '127.0.0.1' });

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, SAMPLE_MS);

process.on('message', (message: unknown) => {
  if (message === 'reset') {
    peak = process.memoryUsage().rss;
  } else if (message === 'report') {
    peak = Math.max(peak, process.memoryUsage().rss);
    // With --expose-gc (BENCH_SERVER_NODE_OPTIONS), the heap figures are what is still alive.
    global.gc?.();
    const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
    peak = Math.max(peak, rss);
    send({
      peakRss: peak,
      rss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      heapTotal,
      heapUsed,
      external,
    });
  } else if (message === 'stop') {
    clearInterval(sampler);
    void app
      .close()
      .then(() => bench.database.close())
      .then(() => process.disconnect());
  }
});
send({ port: (app.server.address() as AddressInfo).port });
