import { parentPort, workerData } from 'node:worker_threads';
import type { LoadPlan, LoadResult } from './http-load.ts';

/** The worker side of runLoad: `concurrency` loops, each waiting for its response before the next. */
async function drive(plan: LoadPlan): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const loop = async () => {
    for (let i = next++; i < plan.requests; i = next++) {
      const path = plan.paths[(plan.offset + i) % plan.paths.length] ?? '';
      const start = performance.now();
      const response = await fetch(`${plan.baseUrl}${path}`, {
        headers: { cookie: plan.cookie },
      });
      const body = await response.text();
      latencies.push(performance.now() - start);
      if (response.status !== 200) {
        throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.concurrency }, loop));
  return { requests: plan.requests, seconds: (performance.now() - started) / 1000, latencies };
}

drive(workerData as LoadPlan).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) =>
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
