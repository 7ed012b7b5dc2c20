import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { json, signInNewUser } from '../helpers/app.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  navigation,
  pagePerTest,
  picture,
  signIn,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const PERSON = { firstName: 'Liisa', lastName: 'Lokinen' };
const FULL_NAME = `${PERSON.firstName} ${PERSON.lastName}`;
const IDENTITY_CODE = '131052-308T';
/** As the register shows a code to those who have not asked to see it (search, pickers). */
const MASKED_CODE = '131052-****';

const OFFICER = 'tietosuoja.virtanen';
const auditor = { username: 'tarkastaja', password: 'auditing horse battery staple' };

/** The rows of the log table (header row left out), found by the table's caption. */
const logRows = (page: Page) =>
  page
    .getByRole('table', { name: 'Käyttölokin tapahtumat, uusimmat ensin' })
    .locator('tbody')
    .getByRole('row');

/** The one row whose action cell says `action`. */
const rowOf = (page: Page, action: string) =>
  logRows(page).filter({ has: page.getByRole('cell', { name: action, exact: true }) });

describe('the access log in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** A register officer other than OFFICER, who registers the persons of the later tests. */
  let colleague: { username: string; cookie: string };

  browserSuite(
    {
      role: 'register_officer',
      username: OFFICER,
      others: [{ ...auditor, role: 'auditor' }],
    },
    async (setup) => {
      ({ server, browser } = setup);
      const username = 'tietosuoja.lahtinen';
      const cookie = await signInNewUser(server.app, server.database, server.keys, {
        username,
        role: 'register_officer',
      });
      colleague = { username, cookie };
    },
  );
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /** A person with an identity code, registered by the colleague through the API; their id. */
  const registered = async (person: { firstName: string; lastName: string }, code: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: json(colleague.cookie),
      payload: {
        ...person,
        personalIdentityCode: code,
        personalIdentityCodePurpose: 'consent',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  };

  test("the register officer sees who has processed a person's data", async () => {
    await page.goto(server.baseUrl);
    await signIn(page, server.user.username, server.user.password);
    await navigation(page).getByRole('link', { name: 'Käyttöloki', exact: true }).waitFor();

    await navigation(page).getByRole('link', { name: 'Uusi henkilö', exact: true }).click();
    await heading(page, 'Uusi henkilö').waitFor();
    await page.getByLabel('Etunimi').fill(PERSON.firstName);
    await page.getByLabel('Sukunimi').fill(PERSON.lastName);
    await page.getByLabel('Henkilötunnus', { exact: true }).fill(IDENTITY_CODE);
    await page.getByRole('button', { name: /Henkilötunnuksen käsittelyperuste/ }).click();
    await page.getByRole('option', { name: 'Asiakkaan suostumus' }).click();
    await page.getByRole('button', { name: 'Tallenna henkilö' }).click();
    await heading(page, FULL_NAME).waitFor();
    const personId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    assert.match(personId, /^[0-9a-f-]{36}$/);

    await page.getByRole('tab', { name: 'Käsittely' }).click();
    const processing = page.getByRole('region', { name: 'Käsittelyhistoria' });
    // The timeline: the creation, and the page view as one read.
    await processing.getByText('Luonti', { exact: true }).waitFor();
    await checkAccessibility(page, 'the person page with the processing timeline');
    await processing.getByRole('link', { name: 'Avaa koko loki' }).click();

    await heading(page, 'Käyttöloki').waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.tagName),
      'H1',
      'the focus moves to the heading',
    );
    const url = new URL(page.url());
    assert.equal(url.pathname, '/access-log');
    assert.equal(url.searchParams.get('subjectId'), personId);
    const from = url.searchParams.get('from') ?? '';
    assert.match(from, /^\d{4}-\d{2}-\d{2}$/, 'the last two years by default');
    assert.equal(Number(from.slice(0, 4)), new Date().getFullYear() - 2);
    // The filter names the person, not their id.
    await page.locator('.picker__chosen').getByText(FULL_NAME, { exact: true }).waitFor();
    assert.match(await page.getByLabel('Alkaen').inputValue(), /^\d{1,2}\.\d{1,2}\.\d{4}$/);

    // The page view is one read (decision 0007), and the timeline's reading of the log another.
    await page
      .getByRole('status')
      .getByText(/^3 tapahtumaa\./)
      .waitFor();
    const created = rowOf(page, 'Luonti');
    const reads = rowOf(page, 'Luku');
    assert.equal(await created.count(), 1);
    assert.equal(await reads.count(), 2);
    for (const row of [created, ...(await reads.all())]) {
      await row.getByRole('link', { name: `Näytä käyttäjän ${OFFICER} tapahtumat` }).waitFor();
      await row.getByText('rekisterivastaava', { exact: true }).waitFor(); // the role
      await row.getByRole('link', { name: FULL_NAME }).waitFor(); // whose data, by name, linked
      await row.getByText(MASKED_CODE, { exact: true }).waitFor();
    }
    await created.getByText('Etunimi: tyhjä → Liisa').waitFor();
    await created.getByText('Henkilötunnus: muutettu').waitFor();
    const rowsText = await logRows(page).allInnerTexts();
    assert.ok(!rowsText.join('\n').includes('308T'), 'the identity code is never shown');
    assert.ok(!rowsText.join('\n').includes(personId), 'no raw id as the text of a row');
    assert.deepEqual(await page.getByRole('columnheader').allInnerTexts(), [
      'Aika',
      'Käyttäjä ja rooli',
      'Toiminto',
      'Kenen tiedot',
      'Tiedot',
      'Käyttötarkoitus',
      'Muutokset',
      'Osoite (IP)',
    ]);
    // Newest first: the read after the create.
    assert.match((await logRows(page).first().innerText()).replace(/\s+/g, ' '), /Luku/);
    await checkAccessibility(page, 'the access log of one person');
    await picture(page, 'access-log.png');

    // The person's id leads back to their page.
    await created.getByRole('link', { name: FULL_NAME }).click();
    await heading(page, FULL_NAME).waitFor();
    await page.goBack();
    await heading(page, 'Käyttöloki').waitFor();
    await page.locator('.picker__chosen').getByText(FULL_NAME, { exact: true }).waitFor();

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('the register officer finds a person by typing a name, and reads the log in Swedish', async () => {
    const swede = { firstName: 'Sigrid', lastName: 'Svanström' };
    const swedeName = `${swede.firstName} ${swede.lastName}`;
    const personId = await registered(swede, '010594Y9032');
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/access-log`);
    await heading(page, 'Käyttöloki').waitFor();
    await page.getByRole('button', { name: /valitse kieli/ }).click();
    await page.getByRole('menuitem', { name: 'Svenska (SV)' }).click();
    await heading(page, 'Användningslogg').waitFor();

    await page.getByLabel('Sök person').fill(swede.lastName);
    await page.getByRole('button', { name: 'Sök', exact: true }).first().click();
    await page.getByRole('button', { name: `Välj ${swedeName}` }).click();
    await page.locator('.picker__chosen').getByText(swedeName, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Visa händelserna' }).click();
    await page.waitForURL((url) => url.searchParams.get('subjectId') === personId);

    const rows = page
      .getByRole('table', { name: 'Händelser i användningsloggen, de senaste först' })
      .locator('tbody')
      .getByRole('row');
    const created = rows.filter({ has: page.getByRole('cell', { name: 'Skapande', exact: true }) });
    await created.getByText('Förnamn: tom → Sigrid').waitFor();
    await created.getByText('Personbeteckning: ändrad').waitFor();
    const text = (await rows.allInnerTexts()).join('\n');
    assert.ok(!/\b(firstName|personalIdentityCode|orders|invoices)\b/.test(text), text);
    await checkAccessibility(
      page,
      'the access log in Swedish, filtered by a person picked by name',
    );
    await picture(page, 'access-log-sv.png');

    await page.getByRole('button', { name: /välj språk/ }).click();
    await page.getByRole('menuitem', { name: 'Suomi (FI)' }).click();
    await heading(page, 'Käyttöloki').waitFor();
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('an auditor starts from the access log and filters it by action', async () => {
    const audited = { firstName: 'Aatu', lastName: 'Auditoitava' };
    const auditedName = `${audited.firstName} ${audited.lastName}`;
    await registered(audited, '020516C903K');
    await page.goto(server.baseUrl);
    await signIn(page, auditor.username, auditor.password);
    await heading(page, 'Käyttöloki').waitFor();
    assert.equal(new URL(page.url()).pathname, '/access-log', 'the auditor lands on the log');
    const nav = navigation(page);
    await nav.getByRole('link', { name: 'Käyttöloki', exact: true }).waitFor();
    for (const customerLink of ['Haku', 'Uusi henkilö', 'Uusi organisaatio']) {
      assert.equal(await nav.getByRole('link', { name: customerLink, exact: true }).count(), 0);
    }
    await checkAccessibility(page, 'the access log as an auditor');

    await page.getByRole('button', { name: /Toiminto/ }).click();
    await page.getByRole('option', { name: 'Luonti' }).click();
    await page.getByRole('button', { name: 'Näytä tapahtumat' }).click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'create');
    // Every person the file's tests registered is one creation: only creations are listed.
    await page
      .getByRole('status')
      .getByText(/^\d+ tapahtuma(a)?\./)
      .waitFor();
    assert.equal(await logRows(page).count(), await rowOf(page, 'Luonti').count());
    const created = rowOf(page, 'Luonti').filter({ hasText: auditedName });
    assert.equal(await created.count(), 1);
    await created.getByText(colleague.username, { exact: true }).waitFor();
    await created.getByText('rekisterivastaava', { exact: true }).waitFor();
    await created.getByText(auditedName, { exact: true }).waitFor();
    assert.equal(
      await created.getByRole('link', { name: auditedName }).count(),
      0,
      'an auditor, who reads no customers, gets no link to the person',
    );
    await checkAccessibility(page, 'the access log filtered by action');

    await page.getByRole('button', { name: /Toiminto/ }).click();
    await page.getByRole('option', { name: 'Henkilötunnuksen katselu' }).click();
    await page.getByRole('button', { name: 'Näytä tapahtumat' }).click();
    await page.getByText('Ei tapahtumia näillä rajauksilla.').waitFor();
    await checkAccessibility(page, 'the access log with no events');

    await page.getByLabel('Alkaen').fill('32.1.2026');
    await page.getByRole('button', { name: 'Näytä tapahtumat' }).click();
    await page.getByText('Anna päivämäärä muodossa p.k.vvvv').waitFor();
    await checkAccessibility(page, 'the access log filters with an invalid date');

    // The search is not the auditor's: its address shows the "no permission" page, not the form.
    await page.goto(`${server.baseUrl}/search`);
    await heading(page, 'Ei käyttöoikeutta').waitFor();
    assert.equal(await page.getByRole('searchbox').count(), 0);
    assert.equal(await nav.getByRole('link', { name: 'Haku', exact: true }).count(), 0);

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
