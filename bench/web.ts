import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { buildWebIfNeeded } from '../scripts/build-web-if-needed.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { ensureBenchUser, signInOverHttp } from './lib/app.ts';
import { serverNodeFlags } from './lib/server-flags.ts';
import { startServer, type Server } from './lib/server-process.ts';
import { percentile, round } from './lib/stats.ts';
import type { BenchOptions } from './run.ts';

/** Cold loads of each page, unless --loads says otherwise; the median is reported. */
const DEFAULT_LOADS = 7;
/** The target: what the first screen needs, JavaScript and CSS, compressed. */
const TARGET_FIRST_SCREEN_KB = 250;
const CHROMIUM_PATH = '/usr/bin/chromium';
const USERNAME = 'benchmark.web';
const log = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number) => bytes / 1000;

/** What one cold load fetched and when it was ready, from the browser's own records. */
type Load = {
  js: Transfer;
  css: Transfer;
  /** Everything else: the HTML, fonts and the API's answers. */
  other: Transfer;
  /** JavaScript or CSS that came without brotli (they should all have it). */
  notBrotli: string[];
  /** Milliseconds from the navigation's start. */
  firstContentfulPaint: number;
  /** The page's h1 is in the document: what the user came for is there. */
  heading: number;
  loadEvent: number;
  /** The app's JavaScript files, by name: to see that no other route's code came along. */
  scripts: string[];
};

/**
 * Bytes on the wire (the compressed body and the response's headers, as DevTools counts a
 * transfer) and the bodies decoded, and the number of files.
 */
type Transfer = { files: number; encoded: number; decoded: number };

type Page = { name: string; path: string; signedIn: boolean };

const PAGES: Page[] = [
  { name: 'sign-in', path: '/', signedIn: false },
  { name: 'search', path: '/search', signedIn: true },
];

/**
 * Records, from the document's start, when the first h1 appears: an init script runs before the
 * page's own code and outside its Content-Security-Policy.
 */
const HEADING_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('h1')) {
      window.__headingAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const emptyTransfer = (): Transfer => ({ files: 0, encoded: 0, decoded: 0 });

/** One load with an empty cache, in a context of its own (no cookies but the session's). */
async function coldLoad(browser: Browser, base: string, page: Page, cookie: string | null) {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1366, height: 768 },
  });
  try {
    if (cookie) {
      const [name = '', value = ''] = cookie.split('=', 2);
      await context.addCookies([{ name, value, url: base }]);
    }
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await tab.addInitScript(HEADING_PROBE);

    const responses: { id: string; url: string; type: string; encoding: string | null }[] = [];
    const sizes = new Map<string, { encoded: number; decoded: number }>();
    cdp.on('Network.responseReceived', (event) => {
      const encoding = Object.entries(event.response.headers).find(
        ([header]) => header.toLowerCase() === 'content-encoding',
      )?.[1];
      responses.push({
        id: event.requestId,
        url: event.response.url,
        type: event.type ?? 'Other',
        encoding: encoding ?? null,
      });
      sizes.set(event.requestId, { encoded: 0, decoded: 0 });
    });
    cdp.on('Network.dataReceived', (event) => {
      const size = sizes.get(event.requestId);
      if (size) size.decoded += event.dataLength;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const size = sizes.get(event.requestId);
      if (size) size.encoded = event.encodedDataLength;
    });

    await tab.goto(`${base}${page.path}`, { waitUntil: 'load' });
    await tab.locator('h1').first().waitFor();
    // Chunks the page imports after the load event (its route's code) are part of its cost.
    await tab.waitForLoadState('networkidle');
    const timing = await tab.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      const paint = performance
        .getEntriesByType('paint')
        .find((entry) => entry.name === 'first-contentful-paint');
      return {
        loadEvent: navigation?.loadEventEnd ?? Number.NaN,
        firstContentfulPaint: paint?.startTime ?? Number.NaN,
        heading: (window as unknown as { __headingAt?: number }).__headingAt ?? Number.NaN,
      };
    });

    const load: Load = {
      js: emptyTransfer(),
      css: emptyTransfer(),
      other: emptyTransfer(),
      notBrotli: [],
      scripts: [],
      ...timing,
    };
    for (const response of responses) {
      const size = sizes.get(response.id) ?? { encoded: 0, decoded: 0 };
      const kind =
        response.type === 'Script' ? load.js : response.type === 'Stylesheet' ? load.css : null;
      const transfer = kind ?? load.other;
      transfer.files++;
      transfer.encoded += size.encoded;
      transfer.decoded += size.decoded;
      if (kind && response.encoding !== 'br') load.notBrotli.push(new URL(response.url).pathname);
      if (response.type === 'Script')
        load.scripts.push(path.basename(new URL(response.url).pathname));
    }
    return load;
  } finally {
    await context.close();
  }
}

/** The median of each figure over the loads; the bytes are the same on every load. */
function summarise(loads: Load[]) {
  const median = (pick: (load: Load) => number) => round(percentile(loads.map(pick), 50), 0);
  const first = loads[0];
  if (!first) throw new Error('No load was measured');
  return {
    loads: loads.length,
    js: first.js,
    css: first.css,
    other: first.other,
    firstScreenKb: round(kb(first.js.encoded + first.css.encoded), 1),
    notBrotli: [...new Set(loads.flatMap((load) => load.notBrotli))],
    scripts: first.scripts.sort(),
    medianMs: {
      firstContentfulPaint: median((load) => load.firstContentfulPaint),
      heading: median((load) => load.heading),
      loadEvent: median((load) => load.loadEvent),
    },
    rangeMs: {
      heading: [
        round(Math.min(...loads.map((load) => load.heading)), 0),
        round(Math.max(...loads.map((load) => load.heading)), 0),
      ],
    },
  };
}

/** A data directory with a migrated embedded database and one signed-up staff member. */
async function prepareDataDir(dataDir: string): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDir });
  const database = await openDatabase({ dataDir });
  try {
    await migrateDatabase(config, database);
    await ensureBenchUser(database, USERNAME);
  } finally {
    await database.close();
  }
}

/**
 * `npm run bench -- web [--loads 7] [--json]`: what the sign-in page and the search page cost a
 * browser on the first visit — the compressed JavaScript and CSS each needs, against the issue's
 * 250 kB, and how soon each is ready — served by the server as `npm start` runs it, on an
 * embedded database, in Chromium with an empty cache. See docs/decisions/0005.
 */
export async function run(options: BenchOptions): Promise<void> {
  const loads = options.loads ?? DEFAULT_LOADS;
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH}`);
  const started = performance.now();
  const built = await buildWebIfNeeded();
  log(
    built
      ? `Built the web app in ${Math.round(performance.now() - started)} ms`
      : 'The web app is built',
  );
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-web-'));
  const dataDir = path.join(workDir, 'data');
  let server: Server | null = null;
  let browser: Browser | null = null;
  try {
    log('Preparing an embedded database…');
    await prepareDataDir(dataDir);
    log('Starting the server…');
    server = await startServer({}, dataDir, path.join(workDir, 'server.log'));
    const cookie = await signInOverHttp(server.baseUrl, USERNAME);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    // One unmeasured load of each page: the server's first answers (JIT, file cache) are not
    // what a browser meets on a running server.
    for (const page of PAGES) {
      await coldLoad(browser, server.baseUrl, page, page.signedIn ? cookie : null);
    }
    const results = [];
    for (const page of PAGES) {
      log(`${loads} cold loads of the ${page.name} page…`);
      const measured: Load[] = [];
      for (let i = 0; i < loads; i++) {
        measured.push(await coldLoad(browser, server.baseUrl, page, page.signedIn ? cookie : null));
      }
      results.push({ page, ...summarise(measured) });
    }
    const loadAverage = round(os.loadavg()[0] ?? 0, 1);
    const lines = [
      `web · the built app served by node ${serverNodeFlags().join(' ')} src/server/main.ts on an embedded database; Chromium ${browser.version()} headless, 1366×768, cache disabled, ${loads} cold loads per page (medians); machine: ${os.availableParallelism()} cores, load average ${loadAverage}`,
    ];
    for (const result of results) {
      const { js, css, other } = result;
      const ratio = (t: Transfer) => (t.decoded > 0 ? (t.encoded / t.decoded) * 100 : 0);
      lines.push(
        `  ${result.page.name} (${result.page.path}${result.page.signedIn ? ', signed in' : ''}):`,
        `    transferred (headers included): JavaScript ${kb(js.encoded).toFixed(1)} kB in ${js.files} files (${kb(js.decoded).toFixed(1)} kB decoded, ${ratio(js).toFixed(0)} %); CSS ${kb(css.encoded).toFixed(1)} kB in ${css.files} (${kb(css.decoded).toFixed(1)} kB decoded, ${ratio(css).toFixed(0)} %); JS + CSS ${result.firstScreenKb.toFixed(1)} kB   target < ${TARGET_FIRST_SCREEN_KB} kB: ${result.firstScreenKb < TARGET_FIRST_SCREEN_KB ? 'met' : 'NOT met'}`,
        `    not brotli: ${result.notBrotli.length === 0 ? 'none' : result.notBrotli.join(', ')}; other responses (HTML, fonts, API): ${kb(other.encoded).toFixed(1)} kB in ${other.files}`,
        `    first contentful paint ${result.medianMs.firstContentfulPaint} ms, h1 in the page ${result.medianMs.heading} ms (${result.rangeMs.heading[0]}–${result.rangeMs.heading[1]}), load event ${result.medianMs.loadEvent} ms`,
        `    scripts: ${result.scripts.join(' ')}`,
      );
    }
    console.log(lines.join('\n'));
    if (options.json) {
      console.log(
        JSON.stringify({
          benchmark: 'web',
          engine: 'pglite',
          loads,
          cores: os.availableParallelism(),
          loadAverage,
          targetFirstScreenKb: TARGET_FIRST_SCREEN_KB,
          pages: results.map(({ page, scripts: _, ...figures }) => ({
            name: page.name,
            path: page.path,
            ...figures,
            met: figures.firstScreenKb < TARGET_FIRST_SCREEN_KB,
          })),
        }),
      );
    }
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
