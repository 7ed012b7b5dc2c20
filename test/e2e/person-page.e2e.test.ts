import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { helsinkiDate } from '../../src/contract/dates.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  pagePerTest,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

/** The screen the issue measures the page at. */
const SCREEN = { width: 1366, height: 768 };

describe("a person's page in the browser", { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'register_officer' }, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  const openPerson = async (id: string, name: string) => {
    await page.setViewportSize(SCREEN);
    await page.goto(`${server.baseUrl}/persons/${id}`);
    await heading(page, name).waitFor();
  };

  test('one page view is one entry in the access log, its data named in Swedish', async () => {
    await signInByCookie(page, server, 'register_officer');
    const id = await insertTestPerson(server.database, {
      firstName: 'Selma',
      lastName: 'Sivunen',
      email: 'selma@example.fi',
    });
    await openPerson(id, 'Selma Sivunen');
    const tabs = page.getByRole('tablist', { name: 'Tietojen osat' });
    await tabs.getByRole('tab', { name: 'Perustiedot', selected: true }).waitFor();
    // The summary and the tabs fit the first screen.
    const box = await tabs.boundingBox();
    assert.ok(box && box.y + box.height <= SCREEN.height, `the tabs end at ${box?.y}`);
    await page.getByRole('region', { name: 'Yhteenveto' }).getByText('selma@example.fi').waitFor();
    // No form is open before its button is pressed.
    assert.equal(await page.locator('form').count(), 0);
    await checkAccessibility(page, "a person's page, its details tab");
    await picture(page, 'person-page.png');

    await page.goto(`${server.baseUrl}/access-log`);
    await heading(page, 'Käyttöloki').waitFor();
    await page.getByRole('button', { name: /valitse kieli/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await heading(page, 'Användningslogg').waitFor();
    await page.getByLabel('Sök person').fill('Sivunen');
    await page.getByRole('button', { name: 'Sök', exact: true }).first().click();
    await page.getByRole('button', { name: 'Välj Selma Sivunen' }).click();
    await page.getByRole('button', { name: 'Visa händelserna' }).click();
    await page.waitForURL((url) => url.searchParams.get('subjectId') === id);

    const rows = page
      .getByRole('table', { name: 'Händelser i användningsloggen, de senaste först' })
      .locator('tbody')
      .getByRole('row');
    const reads = rows.filter({ has: page.getByRole('cell', { name: 'Läsning', exact: true }) });
    await reads.first().waitFor();
    // Besides the page view, the log's own first page named her: reading the log is logged too.
    const logReads = reads.filter({
      has: page.getByRole('cell', { name: 'Användningslogg', exact: true }),
    });
    const views = reads.filter({ hasNot: page.getByRole('cell', { name: 'Användningslogg' }) });
    assert.equal(await logReads.count(), 1, 'the access log page read her entry once');
    assert.equal(await views.count(), 1, 'the page view is one entry');
    const text = await views.innerText();
    for (const field of ['Förnamn', 'Beställningar', 'Fakturor', 'Utlämnanden']) {
      assert.ok(text.includes(field), `${field} in ${text}`);
    }
    assert.ok(!/\b(firstName|orders|invoices|disclosure)\b/.test(text), text);
    await picture(page, 'person-page-log-sv.png');
    assert.deepEqual(problems, []);
  });

  test("the summary's badges: a protected address and an overdue invoice", async () => {
    await signInByCookie(page, server, 'register_officer');
    const id = await insertTestPerson(server.database, {
      firstName: 'Sulo',
      lastName: 'Suojattu',
      addressProtectionActive: true,
    });
    await insertTestInvoice(server.database, { personId: id, dueDate: '2026-01-15' });
    await openPerson(id, 'Sulo Suojattu');
    const head = page.locator('.record__head');
    await head.getByText('Turvakielto', { exact: true }).waitFor();
    await head.getByText('Erääntyneitä laskuja: 1', { exact: true }).waitFor();
    await picture(page, 'person-page-badges.png');

    // The billing tab shows the invoice, read with the page.
    await page.getByRole('tab', { name: 'Laskutus' }).click();
    await page.getByRole('tab', { name: 'Laskutus', selected: true }).waitFor();
    await page.getByRole('region', { name: 'Laskut' }).getByText('Erääntynyt').waitFor();
    // The arrow keys move between the tabs.
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tab', { name: 'Pyynnöt', selected: true }).waitFor();
    await checkAccessibility(page, "a person's page, its requests tab");
    assert.deepEqual(problems, []);
  });

  test('a form opens from its button, saves, and closes', async () => {
    await signInByCookie(page, server, 'register_officer');
    const id = await insertTestPerson(server.database, { firstName: 'Pia', lastName: 'Pidätetty' });
    await page.setViewportSize(SCREEN);
    await page.goto(`${server.baseUrl}/persons/${id}?tab=requests`);
    await heading(page, 'Pia Pidätetty').waitFor();
    const holds = page.getByRole('region', { name: 'Säilyttämisvelvoitteet' });
    await holds.getByRole('button', { name: 'Uusi säilyttämisvelvoite' }).click();
    await holds.getByLabel('Peruste').fill('Oikeudenkäynti vireillä');
    await picture(page, 'person-page-form.png');
    await holds.getByRole('button', { name: 'Lisää säilyttämisvelvoite' }).click();
    await holds.getByText('Säilyttämisvelvoite lisätty.').waitFor();
    await holds.getByText(/Oikeudenkäynti vireillä/).waitFor();
    assert.equal(await holds.locator('form').count(), 0, 'the form closed');
    await page
      .locator('.record__head')
      .getByText('Säilyttämisvelvoite voimassa', { exact: true })
      .waitFor();
    assert.deepEqual(problems, []);
  });

  test('the requests tab shows what the page read: opening it reads nothing again', async () => {
    await signInByCookie(page, server, 'register_officer');
    const id = await insertTestPerson(server.database, { firstName: 'Rauni', lastName: 'Pyytäjä' });
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: json(
        await signInNewUser(server.app, server.database, server.keys, {
          username: `pyyntokollega${Date.now()}`,
          role: 'register_officer',
        }),
      ),
      payload: {
        type: 'access',
        personId: id,
        receivedOn: helsinkiDate(new Date()),
        channel: 'letter',
        language: 'fi',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const reads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) reads.push(request.url());
    });
    await openPerson(id, 'Rauni Pyytäjä');
    await page.getByRole('tab', { name: 'Pyynnöt' }).click();
    const requests = page.getByRole('region', { name: 'Rekisteröidyn pyynnöt' });
    await requests.getByRole('link', { name: new RegExp(`${created.json().number}`) }).waitFor();
    await picture(page, 'person-page-requests.png');
    assert.deepEqual(
      reads.filter((url) => url.includes(`/api/persons/${id}/requests`)),
      [],
      'the tab reads no requests of its own',
    );
    assert.equal(reads.filter((url) => url.includes(`/api/persons/${id}/page`)).length, 1);
    assert.deepEqual(problems, []);
  });
});
