import { Worker } from 'node:worker_threads';

export type LoadPlan = {
  baseUrl: string;
  /** Sent as the Cookie header of every request. */
  cookie: string;
  /** Request paths, cycled through in order from `offset`. */
  paths: readonly string[];
  offset: number;
  requests: number;
  /** Requests in flight at any time, each on its own keep-alive connection. */
  concurrency: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  /** Latency of each request, first byte sent to last byte of the body read, in ms. */
  latencies: number[];
};

/**
 * Drives GET requests from a worker thread, so that the client does not share the server's
 * event loop: the server is measured, not the client queued behind it (or it behind the client).
 */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./http-load.worker.ts', import.meta.url), {
      workerData: plan,
    });
    let result: LoadResult | null = null;
    worker.once('message', (message: LoadResult | { error: string }) => {
      if ('error' in message) reject(new Error(message.error));
      else result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`The load worker exited with ${code} and no result`));
    });
  });
}
