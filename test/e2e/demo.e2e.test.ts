import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildWebIfNeeded } from '../../scripts/build-web-if-needed.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openRegister } from '../../src/server/start.ts';
import {
  checkAccessibility,
  chromiumSkip,
  E2E_TIMEOUT,
  heading,
  launchChromium,
  navigation,
  picture,
  signIn,
  unusedTotpCode,
  watchPageProblems,
} from './helpers.ts';

const CLI = path.resolve(import.meta.dirname, '../../src/cli/rekisteri.ts');

/** Runs `rekisteri demo` on the data directory as a newcomer would, and returns what it printed. */
function runDemo(dataDir: string): Promise<string> {
  const env: Record<string, string | undefined> = { ...process.env, DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'REKISTERI_MASTER_KEY', 'KEYSTORE_DATABASE_URL']) {
    delete env[name];
  }
  const child = spawn(process.execPath, [CLI, 'demo'], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`demo exited ${code}:\n${stderr}`)),
    );
  });
}

describe('the demo register in the browser', { skip: chromiumSkip }, () => {
  let dataDir: string;
  let report: string;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;
  let baseUrl: string;
  let page: Page;
  let problems: string[];

  before(async () => {
    dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'rekisteri-demo-e2e-'));
    [report] = await Promise.all([runDemo(dataDir), buildWebIfNeeded()]);
    // The server as `npm start` runs it on that directory.
    ({ app } = await openRegister(loadConfig({ DATA_DIR: dataDir }), { logger: false }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    context.setDefaultTimeout(E2E_TIMEOUT);
    page = await context.newPage();
    problems = watchPageProblems(page);
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  });

  test('the demo register officer signs in with the printed password and key, and finds the demo data', async () => {
    const password = /Password of every demo account: (\S+)/.exec(report)?.[1];
    const key = /demo\.register_officer\n {4}key: {2}([A-Z2-7 ]+)\n/.exec(report)?.[1];
    assert.ok(password && key, `the report names the password and the key:\n${report}`);

    await page.goto(baseUrl);
    // The demo itself signed in as this account a moment ago, with the current step's code,
    // and a code is never accepted twice: count that step as used, as the demo used it.
    await unusedTotpCode('demo.register_officer', key.replaceAll(' ', ''));
    await signIn(page, 'demo.register_officer', password, key.replaceAll(' ', ''));
    // The commitment is signed and the authenticator set up: the register opens at once.
    const search = page.getByRole('searchbox');
    await search.fill('Esimerkki');
    await search.press('Enter');
    const aino = page.getByRole('link', { name: 'Esimerkki, Aino' });
    await aino.waitFor();
    await checkAccessibility(page, 'the demo register’s search results');
    await picture(page, 'demo-search.png');

    await aino.click();
    await heading(page, 'Aino Esimerkki').waitFor();
    assert.equal(await page.getByTestId('identity-code').textContent(), '140358-****');
    await picture(page, 'demo-person.png');

    // The officer's own work: the demo's access request, due within the month.
    await navigation(page)
      .getByRole('link', { name: 'Rekisteröityjen pyynnöt', exact: true })
      .click();
    await page.getByRole('link', { name: 'Oskar Testberg', exact: true }).waitFor();
    await picture(page, 'demo-requests.png');
    assert.deepEqual(problems, []);
  });
});
