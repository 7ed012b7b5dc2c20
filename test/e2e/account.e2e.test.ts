import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  createTestStaffUser,
  E2E_TIMEOUT,
  heading,
  homePage,
  pagePerTest,
  signIn,
  signOut,
  type TestServer,
  unusedTotpCode,
} from './helpers.ts';

const TEMPORARY_PASSWORD = 'väliaikainen tunnussana 7';
const NEW_PASSWORD = 'kolme iloista kirahvia';
const ADMIN = 'uusi.paakayttaja';
const PASSWORD = 'pitkä ja oma salasana';

describe('own account in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let page: Page;
  let problems: string[];
  let browser: Browser;

  browserSuite({}, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /** A customer-service account of the test's own, with a commitment signed on paper. */
  const colleague = async (username: string) => {
    const user = { username, password: PASSWORD, role: 'customer_service' as const };
    await createTestStaffUser(server.database, server.keys, user);
    return user;
  };

  test('a new administrator changes the password, sets up the authenticator and signs the commitment, then signs in with a code', async () => {
    // Created as `rekisteri user add` would for a reset: no authenticator, no commitment, and a
    // temporary password to change.
    await createStaffUser(server.database.db, {
      username: ADMIN,
      role: 'admin',
      password: TEMPORARY_PASSWORD,
      mustChangePassword: true,
    });
    await page.goto(server.baseUrl);
    await signIn(page, ADMIN, TEMPORARY_PASSWORD);

    // 1. The password: nothing else is reachable until it is changed.
    await heading(page, 'Vaihda salasanasi').waitFor();
    assert.equal(
      await page.getByRole('navigation', { name: 'Päävalikko' }).count(),
      0,
      'no menu while a step is pending',
    );
    await checkAccessibility(page, 'the forced password change');
    await page.goto(`${server.baseUrl}/search`);
    await heading(page, 'Vaihda salasanasi').waitFor();

    await page.getByLabel('Nykyinen salasana').fill(TEMPORARY_PASSWORD);
    await page.getByLabel('Uusi salasana', { exact: true }).fill('salasana1234');
    await page.getByLabel('Uusi salasana uudelleen').fill('salasana1234');
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    const common = 'Salasana on yleisesti käytettyjen salasanojen listalla.';
    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (1)' }).waitFor();
    assert.ok(
      (await page.getByText(common).count()) >= 1,
      'the rule that failed is named next to the field',
    );
    await checkAccessibility(page, 'the password change with an error');

    await page.getByLabel('Nykyinen salasana').fill(TEMPORARY_PASSWORD);
    await page.getByLabel('Uusi salasana', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Uusi salasana uudelleen').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();

    // 2. The authenticator app the role requires.
    await heading(page, 'Ota todennussovellus käyttöön').waitFor();
    await checkAccessibility(page, 'the required authenticator set-up');
    await page.getByRole('button', { name: 'Aloita' }).click();
    const qr = page.getByRole('img', { name: 'QR-koodi, jonka todennussovellus lukee' });
    await qr.waitFor();
    assert.ok(
      await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'the QR code image loads under the Content-Security-Policy',
    );
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    assert.match(secret, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, 'the key is shown for typing');
    await checkAccessibility(page, 'the QR code and the key');
    const codeField = page.getByLabel('Sovelluksen näyttämä koodi');
    await codeField.fill('12345');
    await page.getByRole('button', { name: 'Vahvista' }).click();
    await page.getByText('Koodi on kuusi numeroa.').first().waitFor();
    await codeField.fill(await unusedTotpCode(ADMIN, secret.replaceAll(' ', '')));
    await page.getByRole('button', { name: 'Vahvista' }).click();

    // 3. The confidentiality commitment.
    await heading(page, 'Salassapitositoumus').waitFor();
    const text = page.locator('.commitment-text');
    await text.waitFor();
    assert.match(
      await text.innerText(),
      /^SALASSAPITOSITOUMUS\n\nSitoudun pitämään salassa/,
      'the text keeps its line breaks',
    );
    await page.getByText('Et ole allekirjoittanut sitoumuksen nykyistä versiota (1).').waitFor();
    await checkAccessibility(page, 'the commitment to sign');
    await page.getByLabel('Salasana', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Allekirjoita' }).click();
    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (1)' }).waitFor();
    await checkAccessibility(page, 'the commitment without the checkbox');
    const read = page.getByRole('checkbox', {
      name: 'Olen lukenut salassapitositoumuksen ja sitoudun noudattamaan sitä',
    });
    assert.equal(await read.getAttribute('aria-invalid'), 'true');
    await page
      .getByText('Olen lukenut salassapitositoumuksen ja sitoudun noudattamaan sitä', {
        exact: true,
      })
      .click();
    assert.equal(await read.isChecked(), true);
    await page.getByLabel('Salasana', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Allekirjoita' }).click();

    // The address opened before the steps (the search) opens once they are done.
    await heading(page, 'Asiakashaku').waitFor();
    assert.equal(await page.getByText('Et ole allekirjoittanut salassapitositoumusta').count(), 0);

    // My account tells what was done.
    await page.getByRole('link', { name: 'Oma tili' }).click();
    await heading(page, 'Oma tili').waitFor();
    await page
      .getByText(/Allekirjoitit version 1 sovelluksessa \d+\.\d+\.\d{4} \d+\.\d\d\./)
      .waitFor();
    await page.getByText(/Todennussovellus on käytössä/).waitFor();
    await page.getByText(/Roolisi edellyttää todennussovellusta/).waitFor();
    await checkAccessibility(page, 'my account');

    // Signing in again takes the password and a code from the new app.
    await signOut(page);
    await page.goto(server.baseUrl);
    await page.getByLabel('Käyttäjätunnus').fill(ADMIN);
    await page.getByLabel('Salasana').fill(TEMPORARY_PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
    await page.getByText('Käyttäjätunnus tai salasana on väärin.').waitFor();
    await signIn(page, ADMIN, NEW_PASSWORD, secret.replaceAll(' ', ''));
    await homePage(page).waitFor();
    await signOut(page);
    await page.goto(server.baseUrl);
    assert.deepEqual(problems, []);
  });

  test('sign out everywhere from My account ends the session in another browser', async () => {
    const user = await colleague('palvelu.neuvoja');
    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    other.setDefaultTimeout(E2E_TIMEOUT);
    try {
      const elsewhere = await other.newPage();
      await elsewhere.goto(server.baseUrl);
      await signIn(elsewhere, user.username, user.password);
      await homePage(elsewhere).waitFor();

      await page.goto(server.baseUrl);
      await signIn(page, user.username, user.password);
      await page.getByRole('link', { name: 'Oma tili' }).click();
      await heading(page, 'Oma tili').waitFor();
      await page.getByText(/Todennussovellus on roolissasi vapaaehtoinen/).waitFor();
      await page.getByRole('button', { name: 'Kirjaudu ulos kaikkialta' }).click();
      const dialog = page.getByRole('dialog', { name: 'Kirjaudutaanko ulos kaikkialta?' });
      await dialog.waitFor();
      await checkAccessibility(page, 'the sign-out-everywhere dialog');
      await dialog.getByRole('button', { name: 'Kirjaudu ulos kaikkialta' }).click();
      await heading(page, 'Kirjaudu sisään').waitFor();

      await elsewhere.reload();
      await heading(elsewhere, 'Kirjaudu sisään').waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await other.close();
    }
  });

  test('from My account: change the password, set up an optional authenticator app and remove it', async () => {
    const user = await colleague('palvelu.neuvoja2');
    const newPassword = 'syksyn ensimmäinen pakkasaamu';
    await page.goto(server.baseUrl);
    await signIn(page, user.username, user.password);
    await page.getByRole('link', { name: 'Oma tili' }).click();
    await heading(page, 'Oma tili').waitFor();
    await page.getByText('Paperille allekirjoittamasi sitoumus (versio 1) on kirjattu').waitFor();

    await page.getByLabel('Nykyinen salasana').fill('not my password');
    await page.getByLabel('Uusi salasana', { exact: true }).fill(newPassword);
    await page.getByLabel('Uusi salasana uudelleen').fill(`${newPassword}!`);
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.getByText('Salasanat eivät ole samat.').first().waitFor();
    await page.getByLabel('Uusi salasana uudelleen').fill(newPassword);
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.getByText('Salasana on väärin.').first().waitFor();
    await checkAccessibility(page, 'my account with a wrong current password');
    await page.getByLabel('Nykyinen salasana').fill(user.password);
    await page.getByLabel('Uusi salasana', { exact: true }).fill(newPassword);
    await page.getByLabel('Uusi salasana uudelleen').fill(newPassword);
    await page.getByRole('button', { name: 'Vaihda salasana' }).click();
    await page.getByText('Salasana vaihdettiin. Muut istuntosi päätettiin.').waitFor();
    assert.equal(await page.getByLabel('Nykyinen salasana').inputValue(), '', 'the form empties');
    await checkAccessibility(page, 'my account after the password change');

    await page.getByRole('link', { name: 'Ota todennussovellus käyttöön' }).click();
    await heading(page, 'Ota todennussovellus käyttöön').waitFor();
    await page.getByRole('button', { name: 'Aloita' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replaceAll(
      ' ',
      '',
    );
    await page.getByLabel('Sovelluksen näyttämä koodi').fill('000000');
    await page.getByRole('button', { name: 'Vahvista' }).click();
    const wrong = page.getByText('Koodi on väärin tai jo käytetty.', { exact: false }).first();
    // 000000 is the right code once in a million steps; then the app is simply set up.
    await wrong.or(page.getByText('Todennussovellus on nyt käytössä.')).waitFor();
    if (await wrong.isVisible()) {
      await checkAccessibility(page, 'the authenticator set-up with a wrong code');
      await page
        .getByLabel('Sovelluksen näyttämä koodi')
        .fill(await unusedTotpCode(user.username, secret));
      await page.getByRole('button', { name: 'Vahvista' }).click();
    }
    await page.getByText('Todennussovellus on nyt käytössä.', { exact: false }).waitFor();
    await checkAccessibility(page, 'the authenticator set up');

    await page.getByRole('link', { name: 'Takaisin omaan tiliin' }).click();
    await heading(page, 'Oma tili').waitFor();
    await page.getByText(/Todennussovellus on käytössä/).waitFor();
    await page.getByRole('link', { name: /Vaihda todennussovellus/ }).click();
    await heading(page, 'Vaihda todennussovellus').waitFor();
    await checkAccessibility(page, 'replacing or removing the authenticator app');
    const removal = page.getByRole('region', { name: 'Poista todennussovellus' });
    await removal.getByLabel('Salasana').fill(newPassword);
    await removal.getByLabel('Sovelluksen koodi').fill(await unusedTotpCode(user.username, secret));
    await removal.getByRole('button', { name: 'Poista todennussovellus' }).click();
    await page.getByText('Todennussovellus poistettiin.').waitFor();
    await checkAccessibility(page, 'the authenticator removed');

    // Without the app, the new password alone signs in.
    await signOut(page);
    await page.goto(server.baseUrl);
    await signIn(page, user.username, newPassword);
    await homePage(page).waitFor();
    assert.deepEqual(problems, []);
  });
});
