import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  homePage,
  pagePerTest,
  type TestServer,
  unusedTotpCode,
  wrongTotpCode,
} from './helpers.ts';

/** The text of the field's status message (the error shown next to it). */
async function fieldMessage(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(
    ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
}

describe('customers in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({}, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('sign in, register a person, find them, in three languages', async () => {
    await page.goto(server.baseUrl);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fi');
    await page.getByRole('heading', { level: 1, name: 'Kirjaudu sisään' }).waitFor();
    await checkAccessibility(page, 'the sign-in page');

    await page.getByLabel('Käyttäjätunnus').fill(server.user.username);
    await page.getByLabel('Salasana').fill('not the password');
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await page.getByText('Käyttäjätunnus tai salasana on väärin.').waitFor();
    await checkAccessibility(page, 'the sign-in page with an error');

    await page.getByLabel('Salasana').fill(server.user.password);
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    // The administrator has an authenticator app: the right password asks for its code.
    const codeField = page.getByLabel('Vahvistuskoodi');
    await codeField.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'sign-in-code');
    await checkAccessibility(page, 'the sign-in code step');
    await codeField.fill(wrongTotpCode());
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await page.getByText('Vahvistuskoodi on väärin tai jo käytetty. Anna uusi koodi.').waitFor();
    await codeField.fill(await unusedTotpCode(server.user.username));
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await homePage(page).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.tagName),
      'H1',
      'the focus moves to the page heading',
    );
    await search(page, 'Virtanen');
    await page.getByText('Haulla ”Virtanen” ei löytynyt asiakkaita.').waitFor();
    await checkAccessibility(page, 'the search page');

    await page
      .getByRole('navigation', { name: 'Päävalikko' })
      .getByRole('link', { name: 'Uusi henkilö' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Uusi henkilö' }).waitFor();
    await checkAccessibility(page, 'the new person form');
    await page.getByLabel('Etunimi').fill('Matti');
    await page.getByLabel('Sukunimi').fill('Virtanen');
    const identityCode = page.getByLabel('Henkilötunnus', { exact: true });
    await identityCode.fill('131052-308U');
    await page.getByRole('button', { name: /Henkilötunnuksen käsittelyperuste/ }).click();
    await page.getByRole('option', { name: 'Asiakkaan suostumus' }).click();
    await page.getByLabel('Puhelin').fill('040 123 4567');
    await page.getByRole('button', { name: 'Tallenna henkilö' }).click();

    await page.getByRole('heading', { name: /Korjaa lomakkeen virheet/ }).waitFor();
    assert.match(await fieldMessage(identityCode), /tarkistusmerkki ei täsmää/);
    assert.equal(await identityCode.getAttribute('aria-invalid'), 'true');
    await checkAccessibility(page, 'the new person form with an error');

    await identityCode.fill('131052-308T');
    await page.getByRole('button', { name: 'Tallenna henkilö' }).click();
    await page.getByRole('heading', { level: 1, name: 'Matti Virtanen' }).waitFor();
    await page.getByText('Tiedot tallennettiin rekisteriin.').waitFor();
    assert.equal(await page.getByTestId('identity-code').textContent(), '131052-****');
    await page.getByRole('region', { name: 'Yhteystiedot' }).getByText('040 123 4567').waitFor();
    await checkAccessibility(page, 'the person page');

    await page.getByRole('link', { name: 'Haku', exact: true }).click();
    await search(page, 'Virtnen');
    const result = page.getByRole('link', { name: 'Virtanen, Matti' });
    await result.waitFor();
    await page.getByText('Haettu nimellä').waitFor();
    await checkAccessibility(page, 'the search results');

    await search(page, '131052-308T');
    await page.getByText('Haettu henkilötunnuksella.').waitFor();
    await result.waitFor();
    assert.equal(await page.locator('.results > li').count(), 1);

    await page.getByRole('button', { name: /valitse kieli/ }).click();
    await page.getByText('Svenska (SV)').click();
    await page.getByRole('heading', { level: 1, name: 'Kundsökning' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await page.getByText('Sökt på personbeteckning.').waitFor();
    await page.getByRole('searchbox', { name: 'Sök kund' }).waitFor();
    await checkAccessibility(page, 'the search results in Swedish');

    await page.getByRole('button', { name: /välj språk/ }).click();
    await page.getByText('English (EN)').click();
    await page.getByRole('heading', { level: 1, name: 'Customer search' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await result.click();
    await page.getByRole('heading', { level: 1, name: 'Matti Virtanen' }).waitFor();
    await page.getByText('Personal identity code', { exact: true }).waitFor();
    await page.getByText("The customer's consent").waitFor();
    await checkAccessibility(page, 'the person page in English');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Matti Virtanen' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the language is kept');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
