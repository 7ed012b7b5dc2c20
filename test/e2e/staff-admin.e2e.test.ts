import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';
import { helsinkiDate } from '../../src/contract/dates.ts';

/** The error of a common password, or of one with a little added. */
const COMMON_PASSWORD = /Salasana on (yleisesti käytettyjen salasanojen listalla|yleinen salasana)/;
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  createTestStaffUser,
  heading,
  navigation,
  pagePerTest,
  picture,
  signIn,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const ADMIN = 'paakayttaja';
const SOCIAL_WORKER = { username: 'sosiaali.sanna', password: 'sanna has a long passphrase' };
const NEW_USER = { username: 'asiakas.anna', fullName: 'Anna Asiakas' };
const TEMPORARY = 'vaihda tämä heti aamulla';

const usersTable = (page: Page) =>
  page.getByRole('table', { name: 'Käyttäjätunnukset aakkosjärjestyksessä' });
/** The row of an account in the users table, by its username. */
const userRow = (page: Page, username: string) =>
  usersTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
const status = (page: Page) => page.getByRole('status');
const dialog = (page: Page) => page.getByRole('dialog');

/** Today in Helsinki as the forms take it, d.m.yyyy. */
function todayFinnish(): string {
  const [year, month, day] = helsinkiDate(new Date()).split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
}

async function openUsers(page: Page) {
  await navigation(page).getByRole('link', { name: 'Käyttäjät', exact: true }).click();
  await heading(page, 'Käyttäjät').waitFor();
  await usersTable(page).waitFor();
}

describe('staff administration in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite(
    {
      role: 'admin',
      username: ADMIN,
      others: [{ ...SOCIAL_WORKER, role: 'social_worker' }],
    },
    (setup) => {
      ({ server, browser } = setup);
    },
  );
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /** The users list, signed in as an administrator of the test's own; their username. */
  const usersAsAdmin = async (): Promise<string> => {
    const admin = await signInByCookie(page, server, 'admin');
    await page.goto(server.baseUrl);
    await openUsers(page);
    return admin;
  };

  test('the administrator creates an account and records its paper commitment', async () => {
    const admin = await usersAsAdmin();
    await userRow(page, SOCIAL_WORKER.username).getByText('sosiaalityöntekijä').waitFor();
    await checkAccessibility(page, 'the users list');

    await page.getByRole('link', { name: 'Uusi käyttäjä' }).click();
    await heading(page, 'Uusi käyttäjä').waitFor();
    await page.getByRole('button', { name: 'Luo käyttäjä' }).click();
    const summary = page.getByRole('heading', { name: /Korjaa lomakkeen virheet \(3\)/ });
    await summary.waitFor();
    await checkAccessibility(page, 'the new user form with the missing fields named');

    await page.getByRole('textbox', { name: 'Käyttäjätunnus' }).fill(NEW_USER.username);
    await page.getByRole('textbox', { name: 'Nimi' }).fill(NEW_USER.fullName);
    await page.getByRole('button', { name: /Rooli/ }).click();
    await page.getByRole('option', { name: 'sopimuskumppani' }).click();
    // A contractor needs a partner: with none in the register the form says so.
    await page.getByText('Rekisterissä ei ole vielä sopimuskumppaneita').waitFor();
    await page.getByRole('button', { name: /Rooli/ }).click();
    await page.getByRole('option', { name: 'asiakaspalvelu' }).click();
    await page.getByLabel('Väliaikainen salasana').fill('Salasana2025!');
    await page.getByRole('button', { name: 'Luo käyttäjä' }).click();
    await page.getByRole('heading', { name: /Korjaa lomakkeen virheet \(1\)/ }).waitFor();
    await page.getByText(COMMON_PASSWORD).first().waitFor();
    await checkAccessibility(page, 'the new user form with a common password');

    await page.getByLabel('Väliaikainen salasana').fill(TEMPORARY);
    await page.getByRole('button', { name: 'Luo käyttäjä' }).click();
    await heading(page, `${NEW_USER.fullName} (${NEW_USER.username})`).waitFor();
    await status(page).getByText('Käyttäjä luotiin').waitFor();
    await page
      .getByText('Käyttäjän on vaihdettava väliaikainen salasana seuraavalla kirjautumisella.')
      .waitFor();
    await page.getByText('Käyttäjä ei ole allekirjoittanut voimassa olevaa versiota 1').waitFor();
    await checkAccessibility(page, "a new user's page");

    // The paper commitment: a date in the future is refused, today's is recorded.
    const signedOn = page.getByRole('textbox', { name: 'Allekirjoituspäivä' });
    await signedOn.fill('1.1.2099');
    await page
      .getByRole('textbox', { name: 'Säilytyspaikka' })
      .fill('Henkilöstöhallinto, kansio 3');
    await page.getByRole('button', { name: 'Kirjaa sitoumus' }).click();
    await page.getByText('Päivämäärä ei voi olla tulevaisuudessa.').first().waitFor();
    await checkAccessibility(page, 'the paper commitment with a date in the future');
    await signedOn.fill(todayFinnish());
    await page.getByRole('button', { name: 'Kirjaa sitoumus' }).click();
    await status(page).getByText('Sitoumus kirjattiin').waitFor();
    await page.getByText('Käyttäjä on allekirjoittanut voimassa olevan version 1.').waitFor();
    const signatures = page.getByRole('table', {
      name: 'Salassapitositoumuksen allekirjoitukset, uusin versio ensin',
    });
    const signature = signatures.getByRole('row').filter({ hasText: 'Paperilla' });
    await signature.getByText('Henkilöstöhallinto, kansio 3').waitFor();
    await signature.getByText(admin, { exact: true }).waitFor();
    await signature.getByText(todayFinnish(), { exact: true }).waitFor();
    await checkAccessibility(page, "the user's page with the signature history");
    await picture(page, 'staff-user.png');

    // The last day of the account, changed on the edit page.
    await page.getByRole('button', { name: 'Muokkaa' }).click();
    await heading(page, `Muokkaa käyttäjää ${NEW_USER.username}`).waitFor();
    await checkAccessibility(page, 'the edit user form');
    await page.getByRole('button', { name: /Rooli/ }).click();
    await page.getByRole('option', { name: 'laskutus' }).click();
    await page.getByRole('textbox', { name: 'Voimassa asti' }).fill('31.12.2027');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await status(page).getByText('Muutokset tallennettiin.').waitFor();
    await page.getByText('31.12.2027', { exact: true }).waitFor();
    await page.getByText('laskutus', { exact: true }).waitFor();
    await checkAccessibility(page, "the user's page after a change");

    await openUsers(page);
    const row = userRow(page, NEW_USER.username);
    await row.getByText('laskutus').waitFor();
    await row.getByText('31.12.2027').waitFor();
    await row.getByText(`Paperilla ${todayFinnish()}`).waitFor();
    await row.getByText('Käytössä', { exact: true }).first().waitFor();
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test("the administrator resets a social worker's authenticator and password, deactivates and reactivates the account", async () => {
    const worker = 'sosiaali.siiri';
    await createTestStaffUser(server.database, server.keys, {
      username: worker,
      password: SOCIAL_WORKER.password,
      role: 'social_worker',
    });
    await usersAsAdmin();
    await userRow(page, worker).getByRole('link', { name: worker }).click();
    await heading(page, worker).waitFor();
    const details = page.getByRole('region', { name: 'Tunnuksen tiedot' });
    await details.getByText('Käytössä', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Nollaa todennussovellus' }).click();
    await dialog(page).getByText(`Nollataanko käyttäjän ${worker} todennussovellus?`).waitFor();
    await checkAccessibility(page, 'the authenticator reset dialog');
    await dialog(page).getByRole('button', { name: 'Nollaa', exact: true }).click();
    await status(page).getByText('Todennussovellus nollattiin').waitFor();
    await details.getByText('Ei käytössä', { exact: true }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Nollaa todennussovellus' }).count(),
      0,
      'nothing left to reset',
    );
    await checkAccessibility(page, 'the user page after the authenticator reset');

    // A temporary password: a common one is refused in the dialog, a good one is set.
    await page.getByRole('button', { name: 'Aseta väliaikainen salasana' }).click();
    const password = dialog(page).getByLabel('Väliaikainen salasana');
    await password.fill('qwertyuiop123');
    await dialog(page).getByRole('button', { name: 'Aseta salasana' }).click();
    await dialog(page).getByText(COMMON_PASSWORD).waitFor();
    await checkAccessibility(page, 'the temporary password dialog with a common password');
    await password.fill(TEMPORARY);
    await dialog(page).getByRole('button', { name: 'Aseta salasana' }).click();
    await status(page).getByText('Väliaikainen salasana asetettiin').waitFor();
    await details
      .getByText('Käyttäjän on vaihdettava väliaikainen salasana seuraavalla kirjautumisella.')
      .waitFor();

    await page.getByRole('button', { name: 'Poista käytöstä' }).click();
    await dialog(page).getByText(`Poistetaanko ${worker} käytöstä?`).waitFor();
    await checkAccessibility(page, 'the deactivation dialog');
    await dialog(page).getByRole('button', { name: 'Poista käytöstä' }).click();
    await status(page).getByText('Tunnus poistettiin käytöstä').waitFor();
    await page.getByRole('button', { name: 'Ota uudelleen käyttöön' }).waitFor();
    await checkAccessibility(page, 'a deactivated user');

    await openUsers(page);
    const row = userRow(page, worker);
    await row.getByText('Poistettu käytöstä').waitFor();
    await row.getByText('Ei käytössä').waitFor();
    await checkAccessibility(page, 'the users list with a deactivated user');
    await picture(page, 'staff-list.png');

    // Reactivated, the account is in use again.
    await row.getByRole('link', { name: worker }).click();
    await page.getByRole('button', { name: 'Ota uudelleen käyttöön' }).click();
    await dialog(page).getByText(`Otetaanko ${worker} uudelleen käyttöön?`).waitFor();
    await dialog(page).getByRole('button', { name: 'Ota uudelleen käyttöön' }).click();
    await status(page).getByText('Tunnus otettiin uudelleen käyttöön.').waitFor();
    await page.getByRole('button', { name: 'Poista käytöstä' }).waitFor();
    await checkAccessibility(page, 'a reactivated user');
    await openUsers(page);
    await userRow(page, worker).getByText('Käytössä', { exact: true }).waitFor();
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('a new version of the commitment text asks everyone to sign again', async () => {
    const admin = await usersAsAdmin();
    await page.getByRole('link', { name: 'Salassapitositoumuksen teksti' }).click();
    await heading(page, 'Salassapitositoumus').waitFor();
    // Everyone has signed: the accounts this test and the tests before it made.
    const signed = page.getByText(/^Voimassa olevan version on allekirjoittanut (\d+)\/(\d+)/);
    const [, count, all] = /(\d+)\/(\d+)/.exec(await signed.innerText()) ?? [];
    assert.ok(Number(all) >= 3, `the accounts: ${all}`);
    assert.equal(count, all, 'all have signed the version in force');
    await checkAccessibility(page, 'the commitment text');

    const text = page.getByRole('textbox', { name: 'Uuden version teksti' });
    await page.getByRole('button', { name: 'Julkaise uusi versio' }).click();
    await page.getByText('Teksti on sama kuin voimassa olevassa versiossa').waitFor();
    await checkAccessibility(page, 'the commitment text unchanged');

    await text.fill(
      `${await text.inputValue()}\n\nEn vie asiakastietoja kunnan järjestelmien ulkopuolelle.`,
    );
    await page.getByRole('button', { name: 'Julkaise uusi versio' }).click();
    await dialog(page).getByText('Julkaistaanko versio 2?').waitFor();
    await dialog(page)
      .getByText('Kaikkien käyttäjien on allekirjoitettava uusi versio.', { exact: false })
      .waitFor();
    await checkAccessibility(page, 'the publish dialog');
    await dialog(page).getByRole('button', { name: 'Julkaise', exact: true }).click();
    await status(page).getByText('Versio 2 julkaistiin').waitFor();
    await page.getByText(`Voimassa olevan version on allekirjoittanut 0/${all}`).waitFor();
    await page.getByRole('heading', { name: 'Voimassa oleva teksti, versio 2' }).waitFor();
    const versions = page.getByRole('table', { name: 'Tekstin versiot, uusin ensin' });
    await versions.getByRole('row').filter({ hasText: admin }).waitFor();
    await checkAccessibility(page, 'the commitment text after publishing');
    await picture(page, 'commitment.png');

    await page.getByRole('link', { name: 'Käyttäjiin' }).click();
    await heading(page, 'Käyttäjät').waitFor();
    await page.getByText('Voimassa on salassapitositoumuksen versio 2.').waitFor();
    for (const username of [ADMIN, admin, SOCIAL_WORKER.username]) {
      await userRow(page, username).getByText('Puuttuu', { exact: true }).waitFor();
    }
    await checkAccessibility(page, 'the users list with the signatures missing');
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('the new user signs in with the temporary password and must change it first', async () => {
    // Created as the first test creates one in the browser: a temporary password to change.
    await createStaffUser(server.database.db, {
      username: 'asiakas.aapo',
      role: 'customer_service',
      password: TEMPORARY,
      mustChangePassword: true,
    });
    await page.goto(server.baseUrl);
    await signIn(page, 'asiakas.aapo', TEMPORARY);
    // The temporary password opens only the change of password, in the screens and in the API.
    await heading(page, 'Vaihda salasanasi').waitFor();
    await checkAccessibility(page, 'the new user signed in');
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/persons?limit=1', { credentials: 'same-origin' });
      return { status: response.status, body: (await response.json()) as { reason?: string } };
    });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.reason, 'password_change_required');
    assert.equal(
      await navigation(page).getByRole('link', { name: 'Käyttäjät', exact: true }).count(),
      0,
      'customer service does not administer users',
    );
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
