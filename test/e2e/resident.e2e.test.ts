import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  openPage,
  pagePerTest,
  picture,
  postAs,
  signInByCookie,
  type TestServer,
} from './helpers.ts';
import { signInNewUser } from '../helpers/app.ts';

/*
 * Issue #17, items 2, 3, 4 and 6: a resident signs in through the stand-in identity provider,
 * registers, sees their data, corrects their phone number, sets a direct-marketing prohibition,
 * files an erasure request, sees who has processed their data and signs out (at the identity
 * provider too) — on a phone in Finnish and on a desktop in Swedish, chosen with the language
 * menu; the register officer sees the request, and the mailing list honours the prohibition.
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
      correct: 'Korjaa yhteystietoja',
      saveContact: 'Tallenna yhteystiedot',
      contactSaved: 'Yhteystietosi on tallennettu',
      setProhibition: 'Aseta kielto: Suoramarkkinointi',
      withdrawProhibition: 'Peru kielto: Suoramarkkinointi',
      requestType: /Pyynnön laji/,
      erasure: 'Poistopyyntö',
      send: 'Lähetä pyyntö',
      sent: /Pyyntösi nro \d+ on vastaanotettu/,
      processing: 'Näytä kahden viime vuoden käsittelyt',
      processingEntry: 'Tietojen tallennus',
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
      correct: 'Rätta kontaktuppgifter',
      saveContact: 'Spara kontaktuppgifterna',
      contactSaved: 'Dina kontaktuppgifter har sparats',
      setProhibition: 'Ställ förbud: Direktmarknadsföring',
      withdrawProhibition: 'Återkalla förbudet: Direktmarknadsföring',
      requestType: /Typ av begäran/,
      erasure: 'Begäran om radering',
      send: 'Skicka begäran',
      sent: /Din begäran nr \d+ har tagits emot/,
      processing: 'Visa behandlingarna under de två senaste åren',
      processingEntry: 'Registrering av uppgifter',
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

    await page.getByRole('heading', { name: t.myData, level: 1 }).waitFor();
    await page.getByText(t.registered).waitFor();
    await page.getByText('asukas@example.fi').waitFor();
    await page.getByText('040 765 4321').waitFor();
    await page.getByText('Asukkaankatu 5 A 1').waitFor();
    await checkAccessibility(page, `the resident's own data (${language})`);
    await shot('4-my-data');

    // Corrects the phone number: the person is its source (the API test checks the source).
    await page.getByRole('button', { name: t.correct }).click();
    await page.getByRole('textbox', { name: t.phone }).fill('050 111 2233');
    await checkAccessibility(page, `the contact correction form (${language})`);
    await page.getByRole('button', { name: t.saveContact }).click();
    await page.getByText(t.contactSaved).waitFor();
    await page.getByText('050 111 2233').waitFor();
    assert.equal(await page.getByText('040 765 4321').count(), 0, 'the old number is gone');

    // Sets a direct-marketing prohibition.
    await page.getByRole('button', { name: t.setProhibition }).click();
    await page.getByRole('button', { name: t.withdrawProhibition }).waitFor();

    // Files an erasure request.
    await page.getByRole('button', { name: t.requestType }).click();
    await page.getByRole('option', { name: t.erasure }).click();
    await page.getByRole('button', { name: t.send }).click();
    await page.getByText(t.sent).waitFor();
    await page.getByRole('listitem').filter({ hasText: t.erasure }).first().waitFor();

    // Who has processed my data: at least the registration, by the person themself.
    await page.getByRole('button', { name: t.processing }).click();
    await page.getByText(t.processingEntry).first().waitFor();
    await checkAccessibility(
      page,
      `the resident's prohibitions, requests and processing (${language})`,
    );
    await shot('5-rights');

    await page.getByRole('button', { name: t.signOut }).click();
    await page.getByRole('button', { name: t.idpSignOut }).click();
    // Back on the start page, in the language the resident chose.
    await page.getByRole('heading', { name: t.start }).waitFor();
    await page.getByRole('button', { name: t.signIn }).waitFor();
    await shot('6-signed-out');
    const cookies = await page.context().cookies();
    assert.ok(
      !cookies.some((cookie) => cookie.name === 'rekisteri_resident'),
      'session cookie gone',
    );
    assert.deepEqual(problems, []);
  }

  test('on a phone: a resident signs in, registers, corrects their phone, sets a prohibition and files an erasure request; the register officer sees it, and the mailing list honours the prohibition', async () => {
    const person = {
      firstName: 'Pirjo',
      lastName: 'Puhelinkäyttäjä',
      code: makeIdentityCode('1993-04-05', 961),
    };
    await signInRegisterAndSignOut('fi', { width: 390, height: 844 }, person);

    const officer = await openPage(browser);
    try {
      await signInByCookie(officer.page, server, 'register_officer');
      await officer.page.goto(`${server.baseUrl}/requests`);
      const row = officer.page
        .getByRole('row')
        .filter({ hasText: `${person.firstName} ${person.lastName}` });
      await row
        .filter({ hasText: 'Poistopyyntö' })
        .filter({ hasText: 'Sähköinen asiointi' })
        .waitFor();
      await picture(officer.page, 'resident-officer-requests.png');
      assert.deepEqual(officer.problems, []);
    } finally {
      await officer.close();
    }

    // The mailing list: left out of direct marketing, on a research list (no prohibition there).
    const clerk = await signInNewUser(server.app, server.database, server.keys, {
      username: 'postittaja',
      role: 'customer_service',
    });
    const list = async (use: string) => {
      const answer = await postAs(server, clerk, '/api/exports/mailing-list', {
        use,
        purpose: 'Kunnan asukaskirje',
        selection: { kind: 'all' },
      });
      return Buffer.from(answer.file.base64, 'base64').toString('utf8');
    };
    assert.ok((await list('market_research')).includes(person.lastName), 'on a research list');
    assert.ok(!(await list('direct_marketing')).includes(person.lastName), 'not on direct mail');
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
