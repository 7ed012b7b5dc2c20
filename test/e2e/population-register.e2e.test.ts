import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { dvvDay, dvvRecord, startDvvStandIn, type DvvStandIn } from '../helpers/dvv-stand-in.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  navigation,
  pagePerTest,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

/*
 * Decision 0026: the register officer fetches the population register's changes in the web app
 * (against a local stand-in of DVV's change interface) and reads the run's report.
 */

const CODE = makeIdentityCode('1975-03-14', 931);
const OTHER_CODE = makeIdentityCode('1990-07-01', 942);

describe('population-register updates in the browser', { skip: chromiumSkip }, () => {
  let standIn: DvvStandIn;
  const env: Record<string, string> = {};
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let personId: string;

  before(async () => {
    standIn = await startDvvStandIn({ pageSize: 2 });
    Object.assign(env, standIn.env, { DVV_SYNC_FROM: '2026-11-01' });
  });
  after(async () => {
    await standIn?.close();
  });

  browserSuite({ role: 'register_officer', username: 'rekisterivastaava', env }, async (setup) => {
    ({ server, browser } = setup);
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kirjaaja',
      role: 'register_officer',
    });
    for (const [code, firstName] of [
      [CODE, 'Vanha'],
      [OTHER_CODE, 'Toinen'],
    ] as const) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: {
          firstName,
          lastName: 'Äijälä',
          personalIdentityCode: code,
          personalIdentityCodePurpose: 'unambiguous_identification',
          permanentAddress: { street: 'Vanhatie 1', postalCode: '00100', postOffice: 'Helsinki' },
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      if (code === CODE) personId = created.json().id as string;
    }
    standIn.reset({ positionsByDay: { '2026-11-01': 500 }, head: 500 });
    standIn.append(
      {
        position: 501,
        identityCode: CODE,
        record: dvvRecord(CODE, [
          {
            tietoryhma: 'HENKILON_NIMI',
            muutosattribuutti: 'MUUTETTU',
            etunimi: 'Uusi',
            sukunimi: 'Äijälä',
            alkupv: dvvDay('2026-11-30'),
          },
        ]),
      },
      {
        position: 502,
        identityCode: OTHER_CODE,
        record: dvvRecord(OTHER_CODE, [
          {
            tietoryhma: 'SUORAMARKKINOINTIKIELTO',
            muutosattribuutti: 'LISATTY',
            kieltoAktiivinen: true,
          },
          { tietoryhma: 'UUSI_TIETORYHMA', muutosattribuutti: 'LISATTY' },
        ]),
      },
      { position: 503, identityCode: CODE, record: { henkilotunnus: CODE, tietoryhmat: 'rikki' } },
    );
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the register officer runs a sync against the stand-in and reads its report', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'register_officer');
    await page.goto(server.baseUrl);
    await navigation(page).getByRole('link', { name: 'Tuonnit', exact: true }).click();
    await page.getByRole('link', { name: /^Väestötiedot \(DVV\)/ }).click();
    await heading(page, 'Väestötietojen päivitykset').waitFor();
    await page.getByText('Muutoksia ei ole vielä haettu.').waitFor();
    await page.getByText('Hakuja ei ole vielä tehty.').waitFor();
    await checkAccessibility(page, 'the population-register page');

    await page.getByRole('button', { name: 'Hae muutokset nyt' }).click();
    await heading(page, 'Haku 1').waitFor();
    await page
      .locator('.dvv-summary dd', { hasText: /^Valmis$/ })
      .first()
      .waitFor();
    const report = page.getByRole('table', { name: 'Haun 1 muutostietueet' });
    const rows = report.locator('tbody tr');
    await rows.nth(2).waitFor();
    assert.equal(await rows.count(), 3);
    const updated = rows.filter({ hasText: 'Uusi Äijälä' });
    const updatedText = (await updated.innerText()).replace(/\s+/g, ' ');
    assert.match(updatedText, /Päivitetty etunimi/);
    assert.doesNotMatch(updatedText, /sukunimi/, 'only the first name changed');
    const prohibited = rows.filter({ hasText: 'Toinen Äijälä' });
    const prohibitedText = (await prohibited.innerText()).replace(/\s+/g, ' ');
    assert.match(prohibitedText, /suoramarkkinointikielto alkoi/);
    assert.match(prohibitedText, /tuntematon tietoryhmä UUSI_TIETORYHMA: ohitettu/);
    assert.match(
      (await rows.filter({ hasText: 'Virheellinen tietue' }).innerText()).replace(/\s+/g, ' '),
      /tietue ei ole luettavissa/,
    );
    await page.getByText('2 päivitetty, 0 ennallaan, 1 muuta').waitFor();
    await checkAccessibility(page, 'a sync run’s report');
    await picture(page, 'dvv-sync-report.png');

    await updated.getByRole('link', { name: 'Uusi Äijälä' }).click();
    await heading(page, 'Uusi Äijälä').waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Kaikki haut' }).click();
    await heading(page, 'Väestötietojen päivitykset').waitFor();
    const list = page.getByRole('table', { name: 'Väestötietojen haut, uusin ensin' });
    // The list may first show the run as it was cached when it started; the page polls a running
    // run until it is done.
    await list.getByText('Valmis', { exact: true }).waitFor();
    assert.match((await list.innerText()).replace(/\s+/g, ' '), /Haku 1 .* Valmis 2 2 päivitetty/);
    await page.getByText('Seuraava haku alkaa muutoslokin kohdasta 503.').waitFor();
    await picture(page, 'dvv-sync-list.png');
    assert.ok(personId);
    assert.deepEqual(problems, []);
  });

  test('a customer-service clerk has no population-register page', async () => {
    await signInByCookie(page, server, 'customer_service');
    await page.goto(`${server.baseUrl}/population-register`);
    await heading(page, 'Ei käyttöoikeutta').waitFor();
    assert.equal(await navigation(page).getByRole('link', { name: 'Tuonnit' }).count(), 0);
  });
});
