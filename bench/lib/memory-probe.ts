import fs from 'node:fs';

/**
 * Loaded into the server by the load bench (`node --import bench/lib/memory-probe.ts`): every
 * BENCH_MEMORY_EVERY_MS (10 s) it appends one JSON line of `process.memoryUsage()` to
 * BENCH_MEMORY_FILE, so that the bench can tell the V8 heap (a leak grows heapUsed) from native
 * memory and from the heap's own growth (heapTotal). Only the bench loads it; the register never
 * does.
 */
const file = process.env.BENCH_MEMORY_FILE;
const every = Number(process.env.BENCH_MEMORY_EVERY_MS ?? 10_000);
if (file) {
  const sample = () => {
    const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const line = { at: Date.now(), rss, heapTotal, heapUsed, external, arrayBuffers };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  sample();
  setInterval(sample, every).unref();
}
