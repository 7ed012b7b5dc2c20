import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { legalHolds } from '../../src/server/db/schema/index.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
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
 * Decision 0034: the administrator sets the retention periods and sees the dry run — who is past
 * retention and who is blocked and why; the register officer erases them and reads the run.
 */

describe('retention of customers in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'admin', username: 'saannonvalvoja' }, async (setup) => {
    ({ server, browser } = setup);
    // Customers since 2015 with nothing after: past any period under eleven years.
    const registered = new Date('2015-03-02T10:00:00Z');
    await insertTestPerson(server.database, {
      firstName: 'Unto',
      lastName: 'Unohdettu',
      createdAt: registered,
    });
    const held = await insertTestPerson(server.database, {
      firstName: 'Pirkko',
      lastName: 'Pidätetty',
      createdAt: registered,
    });
    await server.database.db.insert(legalHolds).values({
      personId: held,
      reason: 'Vireillä oleva oikeudenkäynti',
      fromOn: '2020-01-01',
      createdAt: registered,
    });
    await insertTestPerson(server.database, { firstName: 'Tuore', lastName: 'Asiakas' });
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the administrator sets the retention period and sees the dry run; the register officer erases', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'admin');
    await page.goto(server.baseUrl);
    // Reached from the home page: the menu has no room for it.
    assert.equal(
      await navigation(page).getByRole('link', { name: 'Säilytysajat', exact: true }).count(),
      0,
    );
    await page.getByRole('link', { name: 'Säilytysajat ja poistot' }).click();
    await heading(page, 'Asiakastietojen säilytysajat').waitFor();
    const years = page.getByLabel('Vuotta viimeisestä asiakassuhteen tapahtumasta');
    assert.equal(await years.inputValue(), '6');
    await years.fill('8');
    await page.getByText('Poista säilytysajan ylittäneet asiakkaat joka päivä').click();
    await page.getByRole('button', { name: 'Tallenna säilytysajat' }).click();
    await page.getByText('Säilytysajat on tallennettu.').waitFor();

    const dry = page.getByRole('table', {
      name: 'Säilytysajan ylittäneet asiakkaat ja mitä poisto tekisi',
    });
    await dry.getByText('Unto Unohdettu').waitFor();
    const text = (await dry.innerText()).replace(/\s+/g, ' ');
    assert.match(
      text,
      /Unto Unohdettu Viimeinen tapahtuma 2\.3\.2015 2\.3\.2023 Poistettaisiin kokonaan/,
    );
    assert.match(
      text,
      /Pirkko Pidätetty .* Estetty Tietoja koskee säilyttämisvelvoite \(Vireillä oleva oikeudenkäynti\)/,
    );
    assert.doesNotMatch(text, /Tuore Asiakas/, 'a new customer is not past retention');
    await page
      .getByText(/2 asiakasta on ylittänyt säilytysajan, joista 1 poistoa on estetty/)
      .waitFor();
    await page.getByText('Poistoajoja ei ole vielä tehty.').waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Poista säilytysajan ylittäneet nyt' }).count(),
      0,
      'the administrator sets the periods; the register officer erases',
    );
    await checkAccessibility(page, 'the retention page');
    await picture(page, 'retention-dry-run.png');

    await page.context().clearCookies();
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/retention`);
    await heading(page, 'Asiakastietojen säilytysajat').waitFor();
    await page.getByText('8 vuotta').waitFor();
    await page.getByText('Päivittäin').waitFor();
    await page.getByRole('button', { name: 'Poista säilytysajan ylittäneet nyt' }).click();
    await page.getByRole('button', { name: 'Poista nyt' }).click();
    const runs = page.getByRole('table', { name: 'Poistoajot, uusin ensin' });
    await runs.getByText('1 poistettu, 0 osittain, 1 estetty, 0 epäonnistui').waitFor();
    await page
      .getByText(/1 asiakasta on ylittänyt säilytysajan, joista 1 poistoa on estetty/)
      .waitFor();
    await picture(page, 'retention-runs.png');

    await runs.getByRole('link', { name: 'Poistoajo 1' }).click();
    await heading(page, 'Poistoajo 1').waitFor();
    const outcomes = page.getByRole('table', { name: 'Ajon asiakkaat viitteellä, ilman nimiä' });
    const report = (await outcomes.innerText()).replace(/\s+/g, ' ');
    assert.match(report, /Poistettu/);
    assert.match(report, /Estetty Tietoja koskee voimassa oleva säilyttämisvelvoite\./);
    assert.doesNotMatch(report, /Unohdettu|Pidätetty/, 'the report names no one');
    await checkAccessibility(page, 'a retention run');
    await picture(page, 'retention-run.png');
    assert.deepEqual(problems, []);
  });
});
