import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { insertTestPartner, json, signInNewUser } from '../helpers/app.ts';
import { postiFile } from '../helpers/update-files.ts';
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
 * Decision 0029: the register officer makes a dry run of an update-service file, reads its
 * report, filters the refused rows, applies the file and finds it on the imports page.
 */

const PLAIN = makeIdentityCode('1975-03-14', 931);
const PROTECTED = makeIdentityCode('1990-07-01', 942);
const NEW = { street: 'Äijäläntie 3', postalCode: '40100', postOffice: 'Jyväskylä' };

describe('imports and update-service files in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let plainId: string;

  browserSuite({ role: 'register_officer', username: 'rekisterivastaava' }, async (setup) => {
    ({ server, browser } = setup);
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kirjaaja',
      role: 'register_officer',
    });
    await insertTestPartner(server.database, { name: 'Posti Oy', roles: ['source'] });
    for (const [code, firstName, extra] of [
      [PLAIN, 'Ville', {}],
      [
        PROTECTED,
        'Sanna',
        {
          addressProtection: { active: true, endsOn: null, source: 'DVV' },
          source: { kind: 'population_register' },
        },
      ],
    ] as const) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: {
          firstName,
          lastName: 'Virtanen',
          personalIdentityCode: code,
          personalIdentityCodePurpose: 'unambiguous_identification',
          permanentAddress: { street: 'Vanhatie 1', postalCode: '00100', postOffice: 'Helsinki' },
          ...extra,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      if (code === PLAIN) plainId = created.json().id as string;
    }
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the register officer dry-runs a Posti file, reads the report, filters the refused rows and applies it', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'register_officer');
    await page.goto(server.baseUrl);
    await navigation(page).getByRole('link', { name: 'Tuonnit', exact: true }).click();
    await heading(page, 'Tuonnit').waitFor();
    await page.getByText('Tuonteja ei ole vielä tehty.').waitFor();
    await checkAccessibility(page, 'the imports page');

    await page.getByRole('button', { name: /Tiedoston muoto/ }).click();
    await page.getByRole('option', { name: /Posti/ }).click();
    await page.getByRole('button', { name: /Lähettäjä/ }).click();
    await page.getByRole('option', { name: /Posti Oy/ }).click();
    await page.getByLabel('Tiedosto', { exact: true }).setInputFiles({
      name: 'osoitteenmuutokset.txt',
      mimeType: 'text/plain',
      buffer: postiFile([
        { identityCode: PLAIN, lastName: 'Virtanen', firstName: 'Ville', ...NEW },
        { identityCode: PROTECTED, lastName: 'Virtanen', firstName: 'Sanna', ...NEW },
        {
          identityCode: makeIdentityCode('1980-01-01', 955),
          lastName: 'Tuntematon',
          firstName: 'Tuula',
          ...NEW,
        },
      ]),
    });
    await page.getByRole('button', { name: 'Tee koeajo' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Koeajo 1' });
    await status.waitFor();
    assert.match(
      await status.locator('p').first().innerText(),
      /Päivitetty 1, Ei vastaavaa henkilöä 1, Hylätty 1\. Rekisteriin ei ole vielä tehty muutoksia\./,
    );
    const rows = page.getByRole('table', { name: 'Ajon 1 rivit' }).locator('tbody tr');
    await rows.nth(2).waitFor();
    await picture(page, 'update-file-dry-run.png');

    await page.getByRole('button', { name: 'Hylätty', exact: true }).click();
    await page.getByText('1 riviä').waitFor();
    assert.equal(await rows.count(), 1);
    assert.match(
      (await rows.first().innerText()).replace(/\s+/g, ' '),
      /2 Sanna Virtanen Hylätty turvakielto: vain väestötietojärjestelmä voi muuttaa osoitteen/,
    );
    await checkAccessibility(page, 'a dry run’s report, refused rows');
    await picture(page, 'update-file-refused.png');

    await page.getByRole('button', { name: 'Päivitä rekisteri tällä tiedostolla' }).click();
    await heading(page, 'Päivitystiedosto 2').waitFor();
    await page.getByText('Päivitetty 1, Ei vastaavaa henkilöä 1, Hylätty 1').first().waitFor();
    await checkAccessibility(page, 'an update file’s run');
    await picture(page, 'update-file-applied.png');

    await page.getByRole('link', { name: 'Kaikki tuonnit' }).click();
    await heading(page, 'Tuonnit').waitFor();
    const list = page.getByRole('table', { name: 'Tuonnit, uusin ensin' });
    await list.getByText('Päivitystiedosto 1 (koeajo)').waitFor();
    await list.getByText('Päivitystiedosto 2', { exact: true }).waitFor();
    await picture(page, 'imports-list.png');

    const person = await server.app.inject({
      method: 'GET',
      url: `/api/persons/${plainId}`,
      headers: {
        cookie: await signInNewUser(server.app, server.database, server.keys, {
          username: 'tarkastaja',
          role: 'register_officer',
        }),
      },
    });
    assert.equal(person.json().permanentAddress.street, NEW.street);
    assert.deepEqual(problems, []);
  });

  test('a customer-service clerk has no imports page', async () => {
    await signInByCookie(page, server, 'customer_service');
    await page.goto(`${server.baseUrl}/imports`);
    await heading(page, 'Ei käyttöoikeutta').waitFor();
    assert.equal(await navigation(page).getByRole('link', { name: 'Tuonnit' }).count(), 0);
  });
});
