import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { formatDate } from '../../src/web/format.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  dataValue,
  heading,
  navigation,
  pagePerTest,
  picture,
  signIn,
  type TestServer,
} from './helpers.ts';

/*
 * Restriction of processing (GDPR Art. 18, decision 0033) as the register officer uses it: a
 * restriction request recorded from a letter, the restriction placed on it, the badge on the
 * person's page, an edit refused with the reason, and the restriction lifted with the notice.
 */

const OFFICER = 'rajoittaja';
const SUBJECT = { firstName: 'Riikka', lastName: 'Rajoitettu', email: 'riikka@example.fi' };
const SUBJECT_NAME = `${SUBJECT.firstName} ${SUBJECT.lastName}`;

const restrictionSection = (page: Page) =>
  page.getByRole('region', { name: 'Käsittelyn rajoittaminen', exact: true });
const statusLine = (scope: Page | Locator, text: string) =>
  scope.getByRole('status').getByText(text, { exact: true });

async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('restriction of processing in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let personId: string;
  const today = helsinkiDate(new Date());

  browserSuite({ role: 'register_officer', username: OFFICER }, async (setup) => {
    ({ server, browser } = setup);
    personId = await insertTestPerson(server.database, SUBJECT);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the officer records a restriction request, places it, sees the badge, is refused an edit, and lifts it', async () => {
    await page.goto(server.baseUrl);
    await signIn(page, OFFICER, server.user.password);
    await navigation(page)
      .getByRole('link', { name: 'Rekisteröityjen pyynnöt', exact: true })
      .click();
    await page.getByRole('link', { name: 'Kirjaa uusi pyyntö' }).click();
    await heading(page, 'Uusi pyyntö').waitFor();
    await page
      .getByRole('textbox', { name: 'Hae rekisteröity', exact: true })
      .fill(SUBJECT.lastName);
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.getByRole('button', { name: `Valitse rekisteröidyksi: ${SUBJECT_NAME}` }).click();
    await choose(page, page, /Pyynnön laji/, 'Käsittelyn rajoittaminen');
    await choose(page, page, /Saapumistapa/, 'Kirje');
    await choose(page, page, /Vastauksen kieli/, 'Suomi');
    await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();
    await page
      .getByRole('heading', {
        level: 1,
        name: new RegExp(`^Käsittelyn rajoittaminen \\d+: ${SUBJECT_NAME}$`),
      })
      .waitFor();
    const requestUrl = page.url();
    const section = restrictionSection(page);
    await section.getByText('Rajoitus asetetaan, kun henkilöllisyys on todennettu.').waitFor();

    await page.getByRole('button', { name: 'Tarkista henkilöllisyys' }).click();
    const verify = page.getByRole('form', { name: 'Tarkista henkilöllisyys' });
    await choose(page, verify, /Tarkistustapa/, 'Allekirjoitettu kirje');
    await verify.getByRole('button', { name: 'Kirjaa tarkistus' }).click();
    await page
      .getByRole('status')
      .getByText('Henkilöllisyyden tarkistus kirjattiin.', { exact: true })
      .waitFor();

    // No ground chosen: the form names the field.
    const place = section.getByRole('form', { name: 'Aseta rajoitus' });
    await place.getByRole('button', { name: 'Aseta rajoitus' }).click();
    await place.getByRole('heading', { name: /Korjaa lomakkeen virheet/ }).waitFor();
    await place.getByText('Henkilö kiistää tietojen paikkansapitävyyden').click();
    await place.getByText('Henkilöllä ei ole oikaisupyyntöä, jota rajoitus odottaisi.').waitFor();
    await checkAccessibility(page, 'the restriction form');
    await picture(page, 'restriction-place.png');
    await place.getByRole('button', { name: 'Aseta rajoitus' }).click();
    await statusLine(section, 'Rajoitus asetettu. Henkilön tietoja vain säilytetään.').waitFor();
    await section.getByText(`Voimassa ${formatDate(today)} alkaen`).waitFor();
    await section.getByRole('button', { name: 'Lataa ilmoitus henkilölle (PDF)' }).waitFor();
    await checkAccessibility(page, 'the restriction in force');
    await picture(page, 'restriction-placed.png');

    // The person's page: the badge, then an edit refused with the reason.
    await page.goto(`${server.baseUrl}/persons/${personId}`);
    await heading(page, SUBJECT_NAME).waitFor();
    await page.getByText(`Käsittelyä rajoitettu ${formatDate(today)} alkaen`).waitFor();
    await checkAccessibility(page, 'the person page with the restriction badge');
    await picture(page, 'restriction-person-badge.png');
    await page.goto(`${server.baseUrl}/persons/${personId}/edit`);
    await page.getByLabel('Puhelin').fill('040 765 4321');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page
      .getByText(/Henkilön tietojen käsittelyä on rajoitettu \(tietosuoja-asetuksen 18 artikla\)/)
      .first()
      .waitFor();
    await checkAccessibility(page, 'the refused edit');
    await picture(page, 'restriction-edit-refused.png');

    // Back on the request: the officer lifts it from today, and downloads the notice.
    await page.goto(requestUrl);
    const again = restrictionSection(page);
    await again.getByRole('button', { name: 'Päätä rajoitus' }).click();
    const lift = again.getByRole('form', { name: 'Päätä rajoitus' });
    await lift
      .getByRole('textbox', { name: 'Syy', exact: true })
      .fill('Tiedot tarkistettu oikeiksi');
    await lift.getByRole('button', { name: 'Päätä rajoitus' }).click();
    await statusLine(
      again,
      'Rajoituksen päättyminen kirjattu. Lähetä henkilölle ilmoitus.',
    ).waitFor();
    await again.getByText(`Päättyi ${formatDate(today)}`).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      again.getByRole('button', { name: 'Lataa ilmoitus henkilölle (PDF)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^kasittelyn-rajoittaminen-\d+\.pdf$/);
    assert.equal(await dataValue(page, 'Tila').first().innerText(), 'Henkilöllisyys tarkistettu');
    await checkAccessibility(page, 'the restriction lifted');
    await picture(page, 'restriction-lifted.png');

    // Lifted: the badge is gone and the edit goes through.
    await page.goto(`${server.baseUrl}/persons/${personId}/edit`);
    await page.getByLabel('Puhelin').fill('040 765 4321');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await heading(page, SUBJECT_NAME).waitFor();
    await page.getByText('040 765 4321').first().waitFor();
    assert.equal(await page.getByText(/Käsittelyä rajoitettu/).count(), 0);
    assert.deepEqual(problems, []);
  });
});
