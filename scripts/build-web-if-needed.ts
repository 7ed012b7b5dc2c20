import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRECOMPRESSED_LAST } from './vite-precompress.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The last file a build writes (the brotli copy of index.html, vite-precompress.ts): when it is
 * missing the build was cut short, and is made again.
 */
const builtLast = path.join(projectRoot, 'dist/web', `${PRECOMPRESSED_LAST}.br`);
/**
 * What the bundle is made of: the web app, the contract and the Finnish identifiers (all it may
 * import, as lint and test/web/bundle.test.ts hold), its config and its dependencies.
 */
const sources = [
  path.join(projectRoot, 'src/web'),
  path.join(projectRoot, 'src/contract'),
  path.join(projectRoot, 'src/finnish'),
  path.join(projectRoot, 'vite.config.ts'),
  path.join(projectRoot, 'scripts/vite-precompress.ts'),
  path.join(projectRoot, 'package-lock.json'),
];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return entry.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), 0);
}

/** True when dist/web is missing, incomplete or older than any of its sources. */
export function webBuildIsStale(): boolean {
  const built = fs.statSync(builtLast, { throwIfNoEntry: false });
  if (!built) return true;
  return sources.some((source) => newestChange(source) > built.mtimeMs);
}

/** Builds the web app into dist/web with Vite when it is stale; returns whether it built. */
export async function buildWebIfNeeded(
  options: {
    logLevel?: 'info' | 'warn' | 'error' | 'silent';
    /** Told when a build begins: it takes some seconds, and the first start always builds. */
    onBuild?: () => void;
  } = {},
): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  options.onBuild?.();
  // Vite loads only when there is something to build: `npm start` stays quick.
  const { build } = await import('vite');
  await build({
    configFile: path.join(projectRoot, 'vite.config.ts'),
    logLevel: options.logLevel ?? 'warn',
  });
  return true;
}

if (import.meta.main) {
  const started = Date.now();
  buildWebIfNeeded({
    onBuild: () =>
      console.log('Building the web app into dist/web (first start, or its sources changed)…'),
  }).then(
    (built) => {
      if (built) console.log(`Built the web app into dist/web in ${Date.now() - started} ms`);
    },
    (error: unknown) => {
      console.error('The web app could not be built:', error);
      process.exit(1);
    },
  );
}
