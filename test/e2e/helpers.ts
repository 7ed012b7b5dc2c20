import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach } from 'node:test';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWebIfNeeded } from '../../scripts/build-web-if-needed.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import { keysFromMaster, type Keys } from '../../src/server/lib/crypto.ts';
import { totpCode, totpStep } from '../../src/server/lib/totp.ts';
import { TOTP_REQUIRED_ROLES, type Role } from '../../src/contract/auth/permissions.ts';
import { json, signInNewUser, TEST_TOTP_SECRET } from '../helpers/app.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { createTestPersonKeys } from '../helpers/person-keys.ts';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';
import { makeBusinessId } from '../../src/finnish/index.ts';

/** Debian's Chromium; the browser tests skip (not fail) where it is not installed. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumSkip: string | false = fs.existsSync(CHROMIUM_PATH)
  ? false
  : 'Chromium not found: apt-get install chromium';

/** Headless Chromium that reaches nothing but localhost on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type TestServer = {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  keys: Keys;
  user: { username: string; password: string };
  close: () => Promise<void>;
};

/**
 * A staff account with a signed commitment; where the role requires TOTP, the authenticator is
 * already set up with TEST_TOTP_SECRET, and `signIn` types its code.
 */
export async function createTestStaffUser(
  database: Database,
  keys: Keys,
  user: { username: string; password: string; role: Role; partnerId?: string },
): Promise<void> {
  await createStaffUser(
    database.db,
    { ...user, commitmentSignedOn: '2026-01-02' },
    TOTP_REQUIRED_ROLES.includes(user.role) ? { totp: { secret: TEST_TOTP_SECRET, keys } } : {},
  );
}

/**
 * The real server, in this process, on a free port: the built web app, a temporary DATA_DIR, a
 * fresh embedded database (from the run's migrated dump, as the API tests', which saves an
 * initdb and the migrations per file), and one staff account with a signed commitment.
 */
export async function startServer(
  options: {
    role?: Role;
    username?: string;
    password?: string;
    /** More of the server's environment (e.g. DVV_CHANGES_URL for a stand-in), read at the start. */
    env?: Record<string, string>;
  } = {},
): Promise<TestServer> {
  await buildWebIfNeeded();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rekisteri-e2e-'));
  const cleanUp: (() => Promise<void>)[] = [
    () => fs.promises.rm(dataDir, { recursive: true, force: true }),
  ];
  const close = async () => {
    for (const step of cleanUp.reverse()) await step();
  };
  try {
    const config = loadConfig({ ...options.env, DATA_DIR: dataDir });
    const database = await createTestDatabase('pglite');
    cleanUp.push(() => database.drop());
    const user = {
      username: options.username ?? 'virkailija',
      password: options.password ?? 'correct horse battery staple',
    };
    const keys = keysFromMaster(crypto.randomBytes(32));
    const personKeys = await createTestPersonKeys('pglite', { legacyKeys: keys });
    cleanUp.push(() => personKeys.close());
    await createTestStaffUser(database, keys, { ...user, role: options.role ?? 'admin' });
    const app = await buildApp(
      { config, database, keys, personKeys: personKeys.personKeys, clock: systemClock },
      { logger: false },
    );
    cleanUp.push(() => app.close());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return { baseUrl: `http://127.0.0.1:${port}`, app, database, keys, user, close };
  } catch (error) {
    await close();
    throw error;
  }
}

const axeSource = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'),
  'utf8',
);

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation,
 * printing each. axe is evaluated through the DevTools protocol: an inline <script>
 * (page.addScriptTag) is refused by the server's Content-Security-Policy, and bypassing the
 * policy would also hide the app's own violations, which the tests watch for.
 */
export async function checkAccessibility(page: Page, where: string): Promise<void> {
  // A select's option list (suomifi's `#field-…-popover`) stays in the page for a moment after an
  // option is chosen, without its name: axe would judge a closing list, so let it close first.
  await page
    .locator('[role="listbox"][id$="-popover"]')
    .first()
    .waitFor({ state: 'detached', timeout: 2_000 })
    .catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    const report = serious
      .map(
        (v) =>
          `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes
            .map((n) => `    ${JSON.stringify(n.target)}\n      ${n.failureSummary ?? ''}`)
            .join('\n'),
      )
      .join('\n');
    console.error(`Accessibility violations on ${where}:\n${report}`);
  }
  assert.equal(serious.length, 0, `serious or critical accessibility violations on ${where}`);
}

/** Collects Content-Security-Policy violations and uncaught errors the page reports. */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`${error.name}: ${error.message}`));
  return problems;
}

/** The page's h1 by its text. */
export const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

const lastTotpStep = new Map<string, number>();

/**
 * A code the server has not seen for this user: a code is accepted once, so a second sign-in in
 * the same 30 seconds uses the next step's code (accepted one step early), and a third waits.
 */
export async function unusedTotpCode(
  username: string,
  secret: string = TEST_TOTP_SECRET,
): Promise<string> {
  const current = totpStep(new Date());
  const step = Math.max(current, (lastTotpStep.get(username) ?? -1) + 1);
  if (step > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 100));
  }
  lastTotpStep.set(username, step);
  return totpCode(secret, step);
}

/** A six-digit code that is not the code of any step the server accepts now. */
export function wrongTotpCode(secret: string = TEST_TOTP_SECRET): string {
  const step = totpStep(new Date());
  const near = [-1, 0, 1, 2].map((d) => totpCode(secret, step + d));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.includes(code)) return code;
  }
}

/**
 * The page a signed-in user lands on, whatever it is: a page heading that is not the sign-in's.
 * A role with work lands on its home page ('Työlista'), a social worker or a contractor on the
 * customer search, an auditor on the access log, and a step after sign-in (a password change,
 * the authenticator, the commitment) takes over the screen.
 */
export async function landed(page: Page): Promise<void> {
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasNotText: /^Kirjaudu sisään$/ })
    .waitFor();
}

/**
 * Signs in through the sign-in page, as a person does, and waits for the page the user lands on.
 * When the page asks for the authenticator code, types the current code of `totpSecret`.
 */
export async function signIn(
  page: Page,
  username: string,
  password: string,
  totpSecret: string = TEST_TOTP_SECRET,
): Promise<void> {
  await heading(page, 'Kirjaudu sisään').waitFor();
  await page.getByLabel('Käyttäjätunnus').fill(username);
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  // The header names the user by full name, or by username when the account has none.
  const signedIn = page.getByText('Kirjautunut:');
  const codeField = page.getByLabel('Vahvistuskoodi');
  await signedIn.or(codeField).waitFor();
  if (await codeField.isVisible()) {
    await codeField.fill(await unusedTotpCode(username, totpSecret));
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  }
  await signedIn.waitFor();
  await landed(page);
}

/** The home page a role with work lands on after signing in. */
export const homePage = (page: Page) => heading(page, 'Työlista');

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Kirjaudu ulos', exact: true }).click();
  await heading(page, 'Kirjaudu sisään').waitFor();
}

export const E2E_TIMEOUT = 20_000;

export type BrowserTest = {
  server: TestServer;
  browser: Browser;
  page: Page;
  /** Script errors and CSP violations the page reported. */
  problems: string[];
  close(): Promise<void>;
};

/**
 * The server and Chromium for one test file, with one page watched for problems; `others` are
 * more staff accounts (signed commitments) for the steps that change who is signed in.
 */
export async function startBrowserTest(
  options: Parameters<typeof startServer>[0] & {
    others?: { username: string; password: string; role: Role }[];
  } = {},
): Promise<BrowserTest> {
  const { others = [], ...serverOptions } = options;
  // Whatever fails on the way, what did start is closed: a server or a browser left open keeps
  // the test file's process alive until the runner's timeout, hiding the error for minutes.
  const [started, launched] = await Promise.allSettled([
    startServer(serverOptions),
    launchChromium(),
  ]);
  const close = async () => {
    if (launched.status === 'fulfilled') await launched.value.close();
    if (started.status === 'fulfilled') await started.value.close();
  };
  try {
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const [server, browser] = [started.value, launched.value];
    for (const user of others) {
      await createTestStaffUser(server.database, server.keys, user);
    }
    const { page, problems } = await openPage(browser);
    return { server, browser, page, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * A page in a browser context of its own (no cookies or storage of another page), watched for
 * problems; closing it closes its context.
 */
export async function openPage(
  browser: Browser,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(E2E_TIMEOUT);
  const page = await context.newPage();
  return { page, problems: watchPageProblems(page), close: () => context.close() };
}

/**
 * Gives each test of the enclosing describe block a page of its own, signed in to nothing, so no
 * test depends on where an earlier one left the page or who it signed in; `use` takes it over.
 */
export function pagePerTest(
  browser: () => Browser,
  use: (opened: { page: Page; problems: string[] }) => void,
): void {
  let close: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const opened = await openPage(browser());
    close = opened.close;
    use(opened);
  });
  afterEach(async () => {
    await close?.();
    close = undefined;
  });
}

let sessionUsers = 0;

/**
 * Signs the page in as a new staff account of the role through the API and hands the browser its
 * session cookie: for tests about what a signed-in person does, not about signing in (those go
 * through the sign-in page with `signIn`). A new account each time, so no TOTP code is reused.
 */
export async function signInByCookie(page: Page, server: TestServer, role: Role): Promise<string> {
  const username = `${role.replace('_', '')}e2e${++sessionUsers}`;
  const cookie = await signInNewUser(server.app, server.database, server.keys, { username, role });
  await page.context().addCookies([
    {
      name: 'rekisteri_session',
      value: cookie.slice(cookie.indexOf('=') + 1),
      url: server.baseUrl,
    },
  ]);
  return username;
}

/**
 * Starts the server and Chromium before the tests of the enclosing describe block and closes them
 * after; `ready` takes them over, and adds what the tests need, before the first test.
 */
export function browserSuite(
  options: Parameters<typeof startBrowserTest>[0],
  ready: (setup: BrowserTest) => void | Promise<void>,
): void {
  let setup: BrowserTest | undefined;
  before(async () => {
    setup = await startBrowserTest(options);
    try {
      await ready(setup);
    } catch (error) {
      await setup.close();
      setup = undefined;
      throw error;
    }
  });
  after(async () => {
    await setup?.close();
  });
}

/** The main menu. */
export const navigation = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

/** Set E2E_SCREENSHOTS to a directory to keep pictures of the pages. */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

/** A picture of the whole page, kept when E2E_SCREENSHOTS names a directory. */
export async function picture(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value of a label–value row of a data list, by its label. */
export const dataValue = (page: Page, label: string) =>
  page
    .locator('.data-list__row')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .locator('dd');

/**
 * A valid business ID of its own for each `n` (a check digit of 1 is never valid: skipped), for a
 * test's own organisation or partner (business IDs are unique).
 */
export function businessIdOf(n: number): string {
  for (let k = 0; k < 10; k++) {
    const id = makeBusinessId(2_000_000 + n * 10 + k);
    if (id) return id;
  }
  throw new Error(`no business ID for ${n}`);
}

/**
 * Posts to the API in the session of `cookie`, as a colleague would have done what a test starts
 * from, and fails unless the server took it; the answer's body.
 */
export async function postAs(server: TestServer, cookie: string, url: string, payload: object) {
  const response = await server.app.inject({ method: 'POST', url, headers: json(cookie), payload });
  assert.ok(response.statusCode < 300, response.body);
  return response.json();
}
