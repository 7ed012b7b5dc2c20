import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  pagePerTest,
  picture,
  type TestServer,
} from './helpers.ts';

/*
 * Issue #17, items 2, 3 and 6: a resident signs in through the stand-in identity provider,
 * registers, sees their data and signs out (at the identity provider too) — on a phone in
 * Finnish and on a desktop in Swedish, chosen with the language menu.
 */

describe('the resident e-service in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'register_officer', username: 'kirjaaja' }, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  const texts = {
    fi: {
      banner: 'Testitunnistus on käytössä',
      signIn: 'Tunnistaudu vahvasti',
      idpTitle: 'Testitunnistus',
      other: 'Muu testihenkilö',
      firstName: 'Etunimi',
      lastName: 'Sukunimi',
      code: 'Henkilötunnus (yksilönumero 900–999)',
      identify: 'Tunnistaudu',
      register: 'Rekisteröidy asiakkaaksi',
      email: 'Sähköposti',
      phone: 'Puhelin',
      street: 'Katuosoite',
      postalCode: 'Postinumero',
      postOffice: 'Postitoimipaikka',
      submit: 'Rekisteröidy',
      myData: 'Omat tietoni',
      registered: 'Rekisteröityminen onnistui',
      signOut: 'Kirjaudu ulos',
      idpSignOut: 'Kirjaudu ulos',
      start: 'Omat tietosi kunnan asiakasrekisterissä',
    },
    sv: {
      banner: 'Testidentifieringen används',
      signIn: 'Identifiera dig starkt',
      idpTitle: 'Testidentifiering',
      other: 'Annan testperson',
      firstName: 'Förnamn',
      lastName: 'Efternamn',
      code: 'Personbeteckning (individnummer 900–999)',
      identify: 'Identifiera dig',
      register: 'Registrera dig som kund',
      email: 'E-post',
      phone: 'Telefon',
      street: 'Gatuadress',
      postalCode: 'Postnummer',
      postOffice: 'Postanstalt',
      submit: 'Registrera dig',
      myData: 'Mina uppgifter',
      registered: 'Registreringen lyckades',
      signOut: 'Logga ut',
      // The stand-in's sign-out page is in Finnish only.
      idpSignOut: 'Kirjaudu ulos',
      start: 'Dina uppgifter i kommunens kundregister',
    },
  };

  async function signInRegisterAndSignOut(
    language: 'fi' | 'sv',
    viewport: { width: number; height: number },
    person: { firstName: string; lastName: string; code: string },
  ) {
    const t = texts[language];
    const shot = (name: string) =>
      picture(page, `resident-${language}-${viewport.width}-${name}.png`);
    await page.setViewportSize(viewport);
    await page.goto(`${server.baseUrl}/resident`);
    if (language === 'sv') {
      await page.getByRole('button', { name: /valitse kieli/ }).click();
      await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    }
    await page.getByRole('heading', { name: t.start }).waitFor();
    await page.getByText(t.banner).waitFor();
    await checkAccessibility(page, `the resident start page (${language})`);
    await shot('1-start');

    await page.getByRole('button', { name: t.signIn }).click();
    await page.getByRole('heading', { name: t.idpTitle, level: 1 }).waitFor();
    await page.getByLabel(t.other).check();
    await page.getByLabel(t.firstName).fill(person.firstName);
    await page.getByLabel(t.lastName).fill(person.lastName);
    await page.getByLabel(t.code).fill(person.code);
    await checkAccessibility(page, `the stand-in identity provider (${language})`);
    await shot('2-idp');
    await page.getByRole('button', { name: t.identify, exact: true }).click();

    await page.getByRole('heading', { name: t.register }).waitFor();
    await page.getByText(`${person.firstName} ${person.lastName}`).waitFor();
    assert.ok(!(await page.content()).includes(person.code), 'the identity code is not shown');
    await page.getByRole('textbox', { name: t.email }).fill('asukas@example.fi');
    await page.getByRole('textbox', { name: t.phone }).fill('040 765 4321');
    await page.getByRole('textbox', { name: t.street }).fill('Asukkaankatu 5 A 1');
    await page.getByRole('textbox', { name: t.postalCode }).fill('73900');
    await page.getByRole('textbox', { name: t.postOffice }).fill('Rautavaara');
    await checkAccessibility(page, `the registration page (${language})`);
    await shot('3-register');
    await page.getByRole('button', { name: t.submit, exact: true }).click();

    await page.getByRole('heading', { name: t.myData }).waitFor();
    await page.getByText(t.registered).waitFor();
    await page.getByText('asukas@example.fi').waitFor();
    await page.getByText('040 765 4321').waitFor();
    await page.getByText('Asukkaankatu 5 A 1').waitFor();
    await checkAccessibility(page, `the resident's own data (${language})`);
    await shot('4-my-data');

    await page.getByRole('button', { name: t.signOut }).click();
    await page.getByRole('button', { name: t.idpSignOut }).click();
    // Back on the start page, in the language the resident chose.
    await page.getByRole('heading', { name: t.start }).waitFor();
    await page.getByRole('button', { name: t.signIn }).waitFor();
    await shot('5-signed-out');
    const cookies = await page.context().cookies();
    assert.ok(
      !cookies.some((cookie) => cookie.name === 'rekisteri_resident'),
      'session cookie gone',
    );
    assert.deepEqual(problems, []);
  }

  test('on a phone: a resident signs in through the stand-in, registers, sees their data and signs out', async () => {
    await signInRegisterAndSignOut(
      'fi',
      { width: 390, height: 844 },
      {
        firstName: 'Pirjo',
        lastName: 'Puhelinkäyttäjä',
        code: makeIdentityCode('1993-04-05', 961),
      },
    );
  });

  test('on a desktop, in Swedish: the same way through', async () => {
    await signInRegisterAndSignOut(
      'sv',
      { width: 1366, height: 768 },
      { firstName: 'Stina', lastName: 'Skrivbordsson', code: makeIdentityCode('1968-09-10', 962) },
    );
  });

  test('a refused sign-in says why, and nothing more', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/resident/refused?reason=closed&lang=fi`);
    await page.getByRole('heading', { name: 'Kirjautuminen ei onnistunut' }).waitFor();
    await page.getByText('arkistoitu tai poistettu').waitFor();
    await checkAccessibility(page, 'the refusal page');
    await picture(page, 'resident-fi-390-refused.png');
  });
});
