import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { WEB_DIST } from '../../src/server/app.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  homePage,
  pagePerTest,
  picture,
  signIn,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const YEAR = 'public, max-age=31536000, immutable';

/** The page modules App.tsx loads on first use: each is a chunk named after it. */
const ROUTE_MODULES = [
  ...new Set(
    [
      ...fs
        .readFileSync(path.resolve(import.meta.dirname, '../../src/web/App.tsx'), 'utf8')
        .matchAll(/import\('\.\/routes\/(?:[\w-]+\/)*(\w+)\.tsx'\)/g),
    ].map((match) => match[1] ?? ''),
  ),
];

/** The route module a script of the build belongs to, if it is one (`SearchPage-<hash>.js`). */
const routeOf = (url: string) =>
  ROUTE_MODULES.find((name) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`).test(url)) ?? null;

/**
 * The route chunks this document has loaded, from the browser's resource timing: it lists a
 * file whether it came over the network or from the cache.
 */
async function routeChunksLoaded(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  return urls.flatMap((url) => routeOf(url) ?? []);
}

/**
 * The catalogue chunks this document has loaded (loadCatalogue, loadFirstScreenCatalogue): `fi`,
 * `sv` or `en` for a whole catalogue, `sv first screen` for a first-screen part.
 */
async function catalogueChunksLoaded(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => entry.name),
  );
  return urls.flatMap((url) => {
    const match = /\/assets\/(first-screen-)?(fi|sv|en)-[\w-]+\.js$/.exec(url);
    return match ? [`${match[2]}${match[1] ? ' first screen' : ''}`] : [];
  });
}

/** Whole catalogues and other languages' parts: Finnish's first-screen part is the first chunk's. */
const beyondFinnishFirstScreen = async (page: Page) =>
  (await catalogueChunksLoaded(page)).filter((chunk) => chunk !== 'fi first screen');

describe('the web app, delivered', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'customer_service' }, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  const get = (url: string, acceptEncoding?: string) =>
    server.app.inject({
      url,
      headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
    });

  test('assets in brotli or gzip as asked, hashed ones cached for a year, index.html revalidated', async () => {
    assert.ok(ROUTE_MODULES.includes('SearchPage') && ROUTE_MODULES.includes('SignInPage'));
    const index = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
    const entry = /src="(\/assets\/index-[\w-]+\.js)"/.exec(index.toString('utf8'))?.[1];
    assert.ok(entry, 'index.html names its script');
    const script = fs.readFileSync(path.join(WEB_DIST, entry));

    const br = await get(entry, 'gzip, deflate, br, zstd');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.equal(br.headers['cache-control'], YEAR);
    assert.ok(br.rawPayload.length < script.length / 2, 'the brotli copy is much smaller');
    assert.deepEqual(zlib.brotliDecompressSync(br.rawPayload), script);

    const gz = await get(entry, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['cache-control'], YEAR);
    assert.deepEqual(zlib.gunzipSync(gz.rawPayload), script);

    const plain = await get(entry);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /accept-encoding/i, 'a cache keeps them apart');
    assert.equal(plain.headers['cache-control'], YEAR);
    assert.deepEqual(plain.rawPayload, script);

    for (const url of ['/', '/index.html', '/search?q=Virtanen', '/persons/new']) {
      const page = await get(url, 'br, gzip');
      assert.equal(page.statusCode, 200, url);
      assert.equal(page.headers['content-encoding'], 'br', url);
      assert.match(String(page.headers['content-type']), /text\/html/, url);
      assert.equal(page.headers['cache-control'], 'no-cache', url);
      assert.deepEqual(zlib.brotliDecompressSync(page.rawPayload), index, url);
    }

    for (const url of ['/assets/index-gone0000.js', `${entry}.br`, `${entry}.gz`]) {
      const missing = await get(url, 'br');
      assert.equal(missing.statusCode, 404, `${url} is not a page of the app`);
      assert.notEqual(missing.headers['cache-control'], YEAR, url);
    }
    const api = await get('/api/auth/me', 'br, gzip');
    assert.equal(api.statusCode, 401);
    assert.equal(api.headers['cache-control'], 'no-store', 'the API stays uncached');
  });

  test('the sign-in page fetches only its own route’s code, the search page only its own', async () => {
    await page.goto(server.baseUrl);
    await heading(page, 'Kirjaudu sisään').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await routeChunksLoaded(page), ['SignInPage']);
    assert.deepEqual(
      await beyondFinnishFirstScreen(page),
      [],
      'in Finnish, no Swedish or English catalogue, and only the first screen’s part of Finnish',
    );

    await signIn(page, server.user.username, server.user.password);
    await homePage(page).waitFor();
    await page.goto(`${server.baseUrl}/search`);
    await heading(page, 'Asiakashaku').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(
      await routeChunksLoaded(page),
      ['SearchPage'],
      'signed in, the search page needs no sign-in code',
    );
    assert.deepEqual(await beyondFinnishFirstScreen(page), [], 'nor more of the catalogue');
    await picture(page, 'search-first-screen.png');
    assert.deepEqual(problems, []);
  });

  test('the rest of the catalogue comes with the first page that needs it, in the page’s language', async () => {
    await signInByCookie(page, server, 'customer_service');
    await page.goto(`${server.baseUrl}/search`);
    await heading(page, 'Asiakashaku').waitFor();
    await page.getByRole('button', { name: /valitse kieli/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await heading(page, 'Kundsökning').waitFor();
    assert.deepEqual(await beyondFinnishFirstScreen(page), ['sv first screen']);

    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await heading(page, 'Mitt konto').waitFor();
    await page.getByRole('heading', { name: 'Byt lösenord' }).waitFor();
    assert.deepEqual(
      await beyondFinnishFirstScreen(page),
      ['sv first screen', 'sv'],
      'the whole Swedish catalogue with the account page, no Finnish',
    );
    await checkAccessibility(page, 'the account page in Swedish');
    await picture(page, 'catalogue-rest-in-swedish.png');

    // Back to Finnish: the whole Finnish catalogue now, as a page that needs it is open.
    await page.getByRole('button', { name: /välj språk/ }).click();
    await page.getByRole('menuitem', { name: 'Suomi (FI)' }).click();
    await heading(page, 'Oma tili').waitFor();
    await page.getByRole('heading', { name: 'Vaihda salasana' }).waitFor();
    assert.deepEqual(await beyondFinnishFirstScreen(page), ['sv first screen', 'sv', 'fi']);
    assert.deepEqual(problems, []);
  });

  test('a page’s code is fetched on first use, with a spinner; when it cannot be, a notice', async () => {
    // Held back for a moment: on a page opened at its address the spinner stands in for it.
    // (Moving within the app, React keeps the last page up until the next one's code is in.)
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/PersonFormPage-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await signInByCookie(page, server, 'customer_service');
    await page.goto(`${server.baseUrl}/persons/new`);
    const spinner = page.getByRole('status').filter({ hasText: 'Ladataan…' });
    await spinner.waitFor();
    await checkAccessibility(page, 'a page whose code is loading');
    await picture(page, 'page-code-loading.png');
    release();
    await heading(page, 'Uusi henkilö').waitFor();
    assert.equal(await spinner.count(), 0);
    assert.deepEqual(await routeChunksLoaded(page), ['PersonFormPage']);
    await page.unrouteAll();

    // A version installed since the page was opened: its old chunks are gone.
    await page.goto(`${server.baseUrl}/search`);
    await heading(page, 'Asiakashaku').waitFor();
    await page.route(/\/assets\/AccountPage-[\w-]+\.js$/, (route) => route.abort());
    await page.getByRole('link', { name: 'Oma tili' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'Sivua ei voitu ladata.' });
    await notice.waitFor();
    await checkAccessibility(page, 'a page whose code could not be fetched');
    await picture(page, 'page-code-unavailable.png');
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Lataa sivu uudelleen' }).click();
    await heading(page, 'Oma tili').waitFor();
    assert.equal(await notice.count(), 0);
  });
});
