import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  navigation,
  openPage,
  pagePerTest,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

/*
 * Issue #17, item 1: the administrator sets up the privacy statement in the web app, and anyone
 * reads it, and the cookie notice, without signing in: on a phone and on a desktop, in Finnish
 * and in Swedish.
 */

describe('the public privacy statement in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'admin', username: 'paakayttaja' }, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  async function fill(region: string, label: string, value: string) {
    await page
      .getByRole('region', { name: region })
      .getByRole('textbox', { name: label, exact: true })
      .fill(value);
  }

  async function setUpStatement() {
    await signInByCookie(page, server, 'admin');
    await page.goto(server.baseUrl);
    await navigation(page).getByRole('link', { name: 'Tietosuojaseloste' }).click();
    await heading(page, 'Tietosuojaselosteen asetukset').waitFor();
    await page.getByText('Selostetta ei ole vielä julkaistu').waitFor();
    await fill('Rekisterinpitäjä', 'Nimi', 'Rautavaaran kunta');
    await fill('Rekisterinpitäjä', 'Sähköposti', 'kirjaamo@rautavaara.fi');
    await fill('Rekisterinpitäjä', 'Katuosoite', 'Koulutie 1');
    await fill('Rekisterinpitäjä', 'Postinumero', '73900');
    await fill('Rekisterinpitäjä', 'Postitoimipaikka', 'Rautavaara');
    const contact = 'Yhteyshenkilö rekisteriä koskevissa asioissa';
    await fill(contact, 'Nimi', 'Riku Räsänen');
    await fill(contact, 'Sähköposti', 'riku.rasanen@rautavaara.fi');
    await fill(contact, 'Puhelin', '040 860 8191');
    await fill('Rekisteri', 'Rekisterin nimi (suomeksi)', 'Asiakasrekisteri');
    await fill('Rekisteri', 'Rekisterin nimi (ruotsiksi)', 'Kundregister');
    await fill('Rekisteri', 'Rekisterin nimi (englanniksi)', 'Customer register');
    await page.getByRole('textbox', { name: /Laatimispäivä/ }).fill('19.4.2018');
    await page.getByRole('textbox', { name: /Arvioitu viimeksi/ }).fill('30.11.2026');
    const texts = page.getByRole('region', { name: 'Vapaat tekstit' });
    await texts
      .getByRole('textbox', { name: 'Tarkastusoikeus: miten pyyntö tehdään (suomeksi)' })
      .fill('Pyynnön voi jättää kunnan neuvontaan.');
    await texts.getByRole('tab', { name: 'Svenska' }).click();
    await texts
      .getByRole('textbox', { name: 'Rätt till insyn: hur en begäran görs (ruotsiksi)' })
      .or(texts.getByRole('textbox', { name: 'Tarkastusoikeus: miten pyyntö tehdään (ruotsiksi)' }))
      .fill('Begäran kan lämnas in på kommunens servicepunkt.');
    await page.setViewportSize({ width: 1366, height: 768 });
    await picture(page, 'privacy-settings.png');
    await page.getByRole('button', { name: 'Tallenna' }).click();
    await page.getByText('Tallennettu. Julkinen seloste näyttää muutokset heti.').waitFor();
    await checkAccessibility(page, 'the privacy statement settings');
  }

  test('the administrator sets up the statement, and a resident reads it on a phone in Finnish and Swedish without signing in', async () => {
    await setUpStatement();

    const phone = await openPage(browser);
    try {
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await phone.page.goto(`${server.baseUrl}/public/privacy-statement`);
      await heading(phone.page, 'Tietosuojaseloste').waitFor();
      await phone.page.getByText('Asiakasrekisteri · Rautavaaran kunta').waitFor();
      const contactSection = phone.page.getByRole('region', {
        name: 'Yhteyshenkilö rekisteriä koskevissa asioissa',
      });
      assert.match(await contactSection.innerText(), /Riku Räsänen[\s\S]*040 860 8191/);
      await phone.page
        .getByRole('region', { name: 'Tarkastusoikeus' })
        .getByText('Pyynnön voi jättää kunnan neuvontaan.')
        .waitFor();
      // No staff session was asked for, and none exists.
      assert.deepEqual(await phone.page.context().cookies(), []);
      await picture(phone.page, 'privacy-statement-phone-fi.png');
      await checkAccessibility(phone.page, 'the public privacy statement');
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page is ${width} px wide on a 390 px phone`);

      await phone.page.getByRole('button', { name: /Suomi \(FI\)/ }).click();
      await phone.page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
      await heading(phone.page, 'Dataskyddsbeskrivning').waitFor();
      assert.match(phone.page.url(), /lang=sv/);
      assert.equal(await phone.page.evaluate(() => document.documentElement.lang), 'sv');
      await phone.page
        .getByRole('region', { name: 'Rätt till insyn' })
        .getByText('Begäran kan lämnas in på kommunens servicepunkt.')
        .waitFor();
      await picture(phone.page, 'privacy-statement-phone-sv.png');

      // Feedback on accessibility, in Swedish, from the phone.
      await phone.page
        .getByRole('navigation', { name: 'Om tjänsten' })
        .getByRole('link', { name: 'Tillgänglighetsutlåtande' })
        .click();
      await heading(phone.page, 'Tillgänglighetsutlåtande').waitFor();
      await phone.page.getByRole('button', { name: 'Skicka respons' }).click();
      await phone.page.getByRole('link', { name: /Din respons/ }).waitFor();
      await phone.page
        .getByRole('textbox', { name: /Din respons/ })
        .fill('Kontrasten i sidfoten är för svag.');
      await phone.page.getByRole('textbox', { name: /Din e-postadress/ }).fill('bo@example.fi');
      await phone.page.getByRole('button', { name: 'Skicka respons' }).click();
      await phone.page.getByText('Tack för din respons.').waitFor();
      // The summary of the first send's missing message went with the send that succeeded.
      assert.equal(await phone.page.getByText('Rätta felen i formuläret').count(), 0);
      await phone.page.getByText(/bedömdes senast 30\.11\.2026/).waitFor();
      await checkAccessibility(phone.page, 'the accessibility statement');
      await picture(phone.page, 'accessibility-phone-sv.png');

      await phone.page
        .getByRole('navigation', { name: 'Om tjänsten' })
        .getByRole('link', { name: 'Kakor' })
        .click();
      await heading(phone.page, 'Kakor').waitFor();
      await phone.page.getByText('rekisteri_session').waitFor();
      // Each cookie the service sets is named: staff's session, the resident's, identification's.
      for (const cookie of ['rekisteri_resident', 'rekisteri_resident_oidc']) {
        await phone.page.getByText(cookie, { exact: true }).waitFor();
      }
      await checkAccessibility(phone.page, 'the cookie notice');
      await picture(phone.page, 'cookies-phone-sv.png');
      assert.deepEqual(phone.problems, []);
    } finally {
      await phone.close();
    }

    // The administrator reads the feedback and marks it handled.
    await page.reload();
    const feedback = page.getByRole('region', { name: 'Saavutettavuuspalaute' });
    await feedback.getByText('Kontrasten i sidfoten är för svag.').waitFor();
    await feedback.getByText(/bo@example\.fi/).waitFor();
    await feedback.getByRole('button', { name: 'Merkitse käsitellyksi' }).click();
    await feedback.getByText('Ei käsittelemätöntä palautetta.').waitFor();

    // On a desktop, in English: the contents list leads to a section.
    await page.goto(`${server.baseUrl}/public/privacy-statement?lang=en`);
    await heading(page, 'Privacy statement').waitFor();
    await page.getByRole('link', { name: 'Transfers of data outside the EU or the EEA' }).click();
    await page.waitForURL(/#transfers$/);
    await picture(page, 'privacy-statement-desktop-en.png');
    assert.deepEqual(problems, []);
  });
});
