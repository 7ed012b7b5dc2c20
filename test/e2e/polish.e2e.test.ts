import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../src/contract/auth/permissions.ts';
import {
  insertBillingSettings,
  insertOrder,
  insertTestPerson,
} from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  dataValue,
  heading,
  landed,
  pagePerTest,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

/** The page at the given size, signed in as a new account of `role`, on `path`. */
async function signedInPage(
  page: Page,
  server: TestServer,
  role: Role,
  viewport: { width: number; height: number },
  path = '/',
): Promise<void> {
  await page.setViewportSize(viewport);
  await signInByCookie(page, server, role);
  await page.goto(`${server.baseUrl}${path}`);
  await landed(page);
}

async function chooseSwedish(page: Page) {
  await page.getByRole('button', { name: /valitse kieli/ }).click();
  await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
}

describe('polish: permissions, dialogs and menus in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'admin' }, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('customer service opening /access-log sees the "no permission" page, not the log', async () => {
    await signedInPage(
      page,
      server,
      'customer_service',
      { width: 1366, height: 768 },
      '/access-log',
    );
    await heading(page, 'Ei käyttöoikeutta').waitFor();
    await page
      .getByText(
        'Roolisi (asiakaspalvelu) ei anna käyttää tätä sivua. Sivu vaatii käyttöoikeuden ”käyttölokin katselu”.',
      )
      .waitFor();
    await page.getByText('Oikeus on näillä rooleilla: rekisterivastaava, tarkastaja.').waitFor();
    // None of the log's search form, and the menu does not offer the log.
    assert.equal(await page.getByRole('button', { name: 'Hae' }).count(), 0);
    const menu = page.getByRole('navigation', { name: 'Päävalikko' });
    assert.equal(await menu.getByRole('link', { name: 'Käyttöloki' }).count(), 0);
    await checkAccessibility(page, 'the no-permission page');
    await picture(page, 'no-permission-fi.png');

    await chooseSwedish(page);
    await heading(page, 'Ingen behörighet').waitFor();
    await page.getByText(/Sidan kräver behörigheten ”visa användningsloggen”/).waitFor();
    await picture(page, 'no-permission-sv.png');

    // The way on is the user's own start page: customer service's home page.
    await page.getByRole('link', { name: 'Arbetslista', exact: true }).click();
    await page.waitForURL(/:\d+\/$/);
    assert.deepEqual(problems, []);
  });

  test('billing starts an invoice run and confirms it with the mouse at 1366×768', async () => {
    await insertBillingSettings(server.database);
    const person = await insertTestPerson(server.database, { lastName: 'Hiirinen' });
    await insertOrder(server.database, { personId: person });
    await signedInPage(
      page,
      server,
      'billing',
      { width: 1366, height: 768 },
      '/billing/invoice-run',
    );
    await heading(page, 'Laskutusajo').waitFor();
    await page.getByRole('button', { name: 'Käynnistä laskutusajo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/^Laskutetaanko kaikki toimitetut tilaukset päiväyksellä/).waitFor();
    await picture(page, 'invoice-run-confirm-1366x768.png');
    // A real mouse click at the button's centre: playwright refuses when another element
    // (the sticky action bar) would take the click.
    await dialog.getByRole('button', { name: 'Laskuta', exact: true }).click({ timeout: 5_000 });
    await page.getByRole('heading', { name: 'Laskutusajon tulos' }).waitFor();
    assert.equal(await dataValue(page, 'Laskuja yhteensä').innerText(), '1');
    assert.deepEqual(problems, []);
  });

  test("the date picker's texts are in the page's language", async () => {
    await signedInPage(
      page,
      server,
      'billing',
      { width: 1366, height: 768 },
      '/billing/invoice-run',
    );
    await heading(page, 'Laskutusajo').waitFor();
    // The calendar button names the date already in the field (today), in the page's language.
    const calendarButton = (name: RegExp) => page.getByRole('button', { name });
    await calendarButton(/^Valitse päivämäärä, Valittu päivä/).click();
    await page.getByRole('button', { name: /^Seuraava kuukausi/ }).waitFor();
    await page.keyboard.press('Escape');

    await chooseSwedish(page);
    await heading(page, 'Faktureringskörning').waitFor();
    await calendarButton(/^Välj datum, Valt datum \d+ \p{L}+dag/u).click();
    await page.getByRole('button', { name: /^Nästa månad/ }).waitFor();
    await picture(page, 'date-picker-sv.png');
    await page.keyboard.press('Escape');

    // Opened in Swedish from the start (the choice is remembered), the button is Swedish too.
    await page.reload();
    await heading(page, 'Faktureringskörning').waitFor();
    await calendarButton(/^Välj datum, Valt datum/).waitFor();
    assert.equal(await calendarButton(/Valitse päivämäärä/).count(), 0);
    assert.deepEqual(problems, []);
  });

  for (const who of [
    // The two longest menus: eight links each.
    { role: 'register officer', as: 'register_officer' as const },
    { role: 'administrator', as: 'admin' as const },
  ]) {
    test(`the Swedish menu of the ${who.role} fits on one line at 1280 px`, async () => {
      await signedInPage(page, server, who.as, { width: 1280, height: 800 });
      await chooseSwedish(page);
      const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
      await menu.getByRole('link', { name: 'Sökning' }).waitFor();
      const layout = await menu.evaluate((nav) => {
        const list = nav.querySelector('ul');
        const links = [...nav.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
        return {
          tops: [...new Set(links.map((box) => Math.round(box.top)))],
          right: Math.max(...links.map((box) => box.right)),
          overflow: list ? list.scrollWidth - list.clientWidth : 0,
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          count: links.length,
          widths: links.map((box) => Math.round(box.width)),
        };
      });
      await picture(page, `menu-sv-1280-${who.as}.png`);
      assert.ok(layout.count >= 8, `the ${who.role} has a full menu (${layout.count} links)`);
      assert.equal(layout.tops.length, 1, `one line, not ${layout.tops.length}: ${layout.widths}`);
      assert.ok(layout.right <= 1280, `the last link ends at ${layout.right} px`);
      assert.equal(layout.overflow, 0, 'the menu does not overflow');
      assert.equal(layout.page, 0, 'the page does not scroll sideways');
    });
  }
});
