import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addCalendarMonths } from '../../src/contract/deadlines.ts';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { invoiceRuns, staffUsers } from '../../src/server/db/schema/index.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { insertOrder, insertTestPerson } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  pagePerTest,
  picture,
  signInByCookie,
  signOut,
  type TestServer,
} from './helpers.ts';

describe("each role's work list in the browser", { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let number: number;
  let requestId: string;

  browserSuite({ role: 'register_officer' }, async (setup) => {
    ({ server, browser } = setup);
    const personId = await insertTestPerson(server.database, { lastName: 'Myöhäinen' });
    const colleague = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kollega',
      role: 'register_officer',
    });
    // Received two months ago: a month past its deadline.
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: json(colleague),
      payload: {
        type: 'access',
        personId,
        receivedOn: addCalendarMonths(helsinkiDate(new Date()), -2),
        channel: 'letter',
        language: 'fi',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    ({ number, id: requestId } = created.json());
    await insertOrder(server.database, { personId });
    await server.database.db.insert(invoiceRuns).values({
      startedAt: new Date('2026-12-01T08:00:00Z'),
      finishedAt: new Date('2026-12-01T08:01:00Z'),
      invoiceDate: '2026-12-01',
      invoiceCount: 4,
    });
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the register officer sees the overdue request first and opens it', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/work`);
    await heading(page, 'Työlista').waitFor();
    const requests = page.getByRole('region', { name: 'Rekisteröityjen pyynnöt' });
    await requests.getByText('1 myöhässä, 0 määräpäivä 7 päivän sisällä.').waitFor();
    const item = requests.getByRole('listitem').first();
    assert.match(
      await item.innerText(),
      /Tarkastuspyyntö · Saapunut · Myöhässä: Määräpäivä .* · Ei käsittelijää/,
    );
    assert.equal(
      await page.getByRole('region', { name: 'Laskutus' }).count(),
      0,
      'no billing work',
    );
    await checkAccessibility(page, 'the register officer’s work list');
    await picture(page, 'work-register-officer.png');
    await requests.getByRole('link', { name: `Pyyntö ${number}` }).click();
    await page.waitForURL(`**/requests/${requestId}`);
    await signOut(page);
  });

  test('billing sees the orders to invoice and the past runs with their archives', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'billing');
    await page.goto(`${server.baseUrl}/work`);
    await heading(page, 'Työlista').waitFor();
    const billing = page.getByRole('region', { name: 'Laskutus' });
    await billing.getByText(/Toimitettuja tilauksia laskuttamatta: 1/).waitFor();
    await billing.getByText('Erääntyneitä laskuja: 0', { exact: false }).waitFor();
    const archive = billing.getByRole('link', { name: 'Lataa arkisto (1.12.2026)' });
    assert.match(
      (await archive.getAttribute('href')) ?? '',
      /^\/api\/invoice-runs\/[0-9a-f-]+\/archive$/,
    );
    assert.equal(
      await page.getByRole('region', { name: 'Rekisteröityjen pyynnöt' }).count(),
      0,
      'billing handles no requests',
    );
    await checkAccessibility(page, "billing's work list");
    await picture(page, 'work-billing.png');
    await billing.getByRole('link', { name: 'Laskutusajo', exact: true }).click();
    await page.waitForURL('**/billing/invoice-run');
    assert.deepEqual(problems, []);
  });

  test('customer service lands on its recent customers, by its full name, and searches from there', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const personId = await insertTestPerson(server.database, {
      firstName: 'Viime',
      lastName: 'Avattu',
    });
    const username = await signInByCookie(page, server, 'customer_service');
    await server.database.db
      .update(staffUsers)
      .set({ fullName: 'Paula Palvelu' })
      .where(eq(staffUsers.username, username));
    await page.goto(`${server.baseUrl}/persons/${personId}`);
    await heading(page, 'Viime Avattu').waitFor();
    await page.goto(server.baseUrl);
    await heading(page, 'Työlista').waitFor();
    await page.getByText('Kirjautunut: Paula Palvelu').waitFor();
    const recent = page.getByRole('region', { name: 'Viimeksi käsitellyt asiakkaat' });
    await recent.getByRole('link', { name: 'Viime Avattu' }).waitFor();
    await checkAccessibility(page, "customer service's home page");
    await picture(page, 'home-customer-service.png');
    const box = page.getByRole('searchbox');
    await box.fill('Avattu');
    await box.press('Enter');
    await heading(page, 'Asiakashaku').waitFor();
    await page.waitForURL('**/search?q=Avattu');
    assert.deepEqual(problems, []);
  });

  test('the administrator lands on accounts to see to', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'admin');
    await page.goto(server.baseUrl);
    await heading(page, 'Työlista').waitFor();
    await page.getByRole('region', { name: 'Käyttäjätunnukset' }).waitFor();
    await picture(page, 'home-admin.png');
    assert.deepEqual(problems, []);
  });
});
