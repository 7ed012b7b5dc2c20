import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { json, signInNewUser } from '../helpers/app.ts';
import {
  browserSuite,
  businessIdOf,
  checkAccessibility,
  chromiumSkip,
  createTestStaffUser,
  heading,
  navigation,
  pagePerTest,
  postAs,
  picture,
  signIn,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const COVERED = {
  firstName: 'Kalle',
  lastName: 'Kumppaninen',
  email: 'kalle.kumppaninen@example.fi',
  permanentAddress: { street: 'Sopimustie 5', postalCode: '73900', postOffice: 'Rautavaara' },
  notes: 'Vain kunnan omaan käyttöön',
};
const UNCOVERED = {
  firstName: 'Kaija',
  lastName: 'Kumppaninen',
  email: 'kaija.kumppaninen@example.fi',
};
const PARTNER = 'Perintäpalvelu Oy';
/** The partners of the test of the contract's end and the test of the access log. */
const ENDING = 'Päättyvä Perintä Oy';
const LOGGED = 'Lokitettu Perintä Oy';
const contractor = { username: 'urakoitsija', password: 'contractor horse battery staple' };

const covered = (page: Page) => page.getByRole('region', { name: 'Sopimuksen asiakkaat' });

describe('partners and their contractors in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** An administrator's session, for a test's own partner made through the API. */
  let admin: string;
  let coveredId: string;

  browserSuite({ role: 'admin', username: 'paakayttaja' }, async (setup) => {
    ({ server, browser } = setup);
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username: 'asiakaspalvelu',
      role: 'customer_service',
    });
    const ids: string[] = [];
    for (const person of [COVERED, UNCOVERED]) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: person,
      });
      assert.equal(response.statusCode, 201, response.body);
      ids.push(response.json().id);
    }
    coveredId = ids[0] ?? '';
    admin = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kumppanit.admin',
      role: 'admin',
    });
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  const post = async (url: string, payload: object): Promise<string> =>
    (await postAs(server, admin, url, payload)).id;
  /**
   * A partner of the test's own (`n` makes its business ID) whose contract opens names and
   * contact details, as the first test registers one; covering `customers`.
   */
  const partner = async (n: number, name: string, customers: string[] = []) => {
    const partnerId = await post('/api/partners', {
      name,
      businessId: businessIdOf(n),
      country: 'FI',
      contractFields: ['contact'],
    });
    for (const customerId of customers) {
      await post(`/api/partners/${partnerId}/customers`, { customerId });
    }
    return partnerId;
  };
  /** The administrator's page of a partner. */
  const openPartner = async (partnerId: string, name: string) => {
    await signInByCookie(page, server, 'admin');
    await page.goto(`${server.baseUrl}/partners/${partnerId}`);
    await heading(page, name).waitFor();
  };

  // First: the registry is empty until it, and the later tests add partners of their own.
  test('the administrator registers a partner whose contract opens names and contact details', async () => {
    await signInByCookie(page, server, 'admin');
    await page.goto(server.baseUrl);
    await navigation(page).getByRole('link', { name: 'Kumppanit', exact: true }).click();
    await heading(page, 'Kumppanit').waitFor();
    await page.getByText('Kumppaneita ei ole vielä lisätty.').waitFor();
    await checkAccessibility(page, 'the empty partner registry');

    await page.getByRole('link', { name: 'Uusi kumppani' }).click();
    await heading(page, 'Uusi kumppani').waitFor();
    await checkAccessibility(page, 'the new partner form');
    await picture(page, 'partner-form.png');
    await page.getByRole('button', { name: 'Lisää kumppani' }).click();
    await page.getByRole('heading', { name: /Korjaa lomakkeen virheet \(2\)/ }).waitFor();
    await checkAccessibility(page, 'the new partner form with errors');

    await page.getByRole('textbox', { name: 'Nimi', exact: true }).fill(PARTNER);
    // Leaving the field updates the error summary above it before the next click.
    await page.getByLabel('Yritystunnus').fill('0201551-4');
    await page.getByLabel('Yritystunnus').press('Tab');
    await page.getByText('Nimi kuuluu aina sopimukseen.').waitFor();
    // The label covers the box, as a person clicks it.
    await page.locator('label', { hasText: 'Yhteystiedot' }).click();
    assert.equal(await page.getByRole('checkbox', { name: /^Yhteystiedot/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Lisää kumppani' }).click();
    await page
      .getByRole('link', {
        name: 'Yritystunnus: Y-tunnuksen tarkistusnumero ei täsmää. Tarkista tunnus.',
      })
      .waitFor();
    await page.getByLabel('Yritystunnus').fill('0201551-3');
    await page.getByRole('button', { name: 'Lisää kumppani' }).click();

    await heading(page, PARTNER).waitFor();
    const partnerId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    assert.match(partnerId, /^[0-9a-f-]{36}$/);
    const contract = page.getByRole('region', { name: 'Sopimus', exact: true });
    await contract.getByText('Nimi, Yhteystiedot', { exact: true }).waitFor();
    await contract.getByText('Suomi', { exact: true }).waitFor();
    await contract.getByText('Toistaiseksi', { exact: true }).waitFor();
    await covered(page).getByText('Sopimus ei vielä kata yhtään asiakasta.').waitFor();
    await checkAccessibility(page, 'a new partner');
    assert.deepEqual(problems, []);
  });

  test('the administrator puts customers under the contract by searching, and takes one off', async () => {
    const partnerId = await partner(2, PARTNER);
    await openPartner(partnerId, PARTNER);
    const region = covered(page);
    await region.getByLabel('Lisää asiakas sopimukseen').fill('Kumppaninen');
    await region.getByRole('button', { name: 'Hae', exact: true }).click();
    await region.getByRole('button', { name: 'Lisää sopimukseen: Kumppaninen, Kalle' }).click();
    await region.getByText('Kumppaninen, Kalle lisättiin sopimukseen.').waitFor();
    await region.getByRole('button', { name: 'Lisää sopimukseen: Kumppaninen, Kaija' }).click();
    await region.getByText('Kumppaninen, Kaija lisättiin sopimukseen.').waitFor();
    await region.getByText('Sopimus kattaa 2 asiakasta.').waitFor();
    await region.getByText('Sopimuksessa').first().waitFor();
    await checkAccessibility(page, 'the partner with two covered customers');
    await picture(page, 'partner.png');

    await region.getByRole('button', { name: 'Poista sopimuksesta: Kumppaninen, Kaija' }).click();
    await region.getByText('Kumppaninen, Kaija poistettiin sopimuksesta.').waitFor();
    await region.getByText('Sopimus kattaa 1 asiakasta.').waitFor();
    assert.deepEqual(await region.getByRole('listitem').getByRole('link').allInnerTexts(), [
      'Kumppaninen, Kalle',
    ]);
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('role')),
      'status',
      'the focus moves to what happened',
    );
    assert.deepEqual(problems, []);
  });

  test('the administrator sets the contract to end and sees it in the registry', async () => {
    await openPartner(await partner(3, ENDING), ENDING);
    await page.getByRole('button', { name: 'Muokkaa' }).click();
    await heading(page, `Muokkaa kumppania: ${ENDING}`).waitFor();
    await checkAccessibility(page, 'the partner edit form');
    await page.getByLabel('Sopimus päättyy').fill('31.12.2099');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await heading(page, ENDING).waitFor();
    await page.getByText('Muutokset tallennettiin.').waitFor();
    await page
      .getByRole('region', { name: 'Sopimus', exact: true })
      .getByText('31.12.2099')
      .waitFor();

    await page.getByRole('link', { name: 'Kumppanit' }).first().click();
    await heading(page, 'Kumppanit').waitFor();
    const row = page.getByRole('row', { name: new RegExp(ENDING) });
    await row.getByRole('cell', { name: businessIdOf(3) }).waitFor();
    await row.getByRole('cell', { name: '31.12.2099' }).waitFor();
    await checkAccessibility(page, 'the partner registry');
    await picture(page, 'partners.png');
    assert.deepEqual(problems, []);
  });

  test("the partner's contractor finds the covered customer and sees only the contract's fields", async () => {
    await createTestStaffUser(server.database, server.keys, {
      ...contractor,
      role: 'contractor',
      partnerId: await partner(4, PARTNER, [coveredId]),
    });
    // On the registry's address: the contractor signs in there, and may not see it.
    await page.goto(`${server.baseUrl}/partners`);
    await signIn(page, contractor.username, contractor.password);
    await heading(page, 'Ei käyttöoikeutta').waitFor();
    await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
    await heading(page, 'Asiakashaku').waitFor();
    assert.equal(
      await navigation(page).getByRole('link', { name: 'Kumppanit' }).count(),
      0,
      'a contractor does not manage partners',
    );
    const box = page.getByRole('searchbox');
    await box.fill('Kumppaninen');
    await box.press('Enter');
    await page.getByRole('status').getByText('1 tulos.').waitFor();
    const result = page.getByRole('listitem').filter({ hasText: 'Kumppaninen, Kalle' });
    await result.getByText(COVERED.email).waitFor();
    assert.equal(await page.getByText('Kumppaninen, Kaija').count(), 0, 'not under the contract');
    assert.equal(await page.getByText('Sopimustie').count(), 0, 'the address is not in it');
    await checkAccessibility(page, "the contractor's search");

    await result.getByRole('link', { name: 'Kumppaninen, Kalle' }).click();
    await heading(page, 'Kalle Kumppaninen').waitFor();
    await page.getByText('Osa tiedoista ei näy').waitFor();
    // in the basic details' tab (the summary above the tabs shows the email too)
    await page.getByRole('tabpanel', { name: 'Perustiedot' }).getByText(COVERED.email).waitFor();
    for (const hidden of ['Sopimustie', 'Vakinainen osoite', 'Lisätiedot', COVERED.notes]) {
      assert.equal(await page.getByText(hidden).count(), 0, `${hidden} is not shown`);
    }
    assert.equal(await page.getByRole('button', { name: 'Muokkaa' }).count(), 0);
    await checkAccessibility(page, "a covered person's page for the contractor");
    await picture(page, 'contractor-person.png');

    await page.goto(`${server.baseUrl}/search?q=${encodeURIComponent(UNCOVERED.email)}`);
    await page.getByText(`Haulla ”${UNCOVERED.email}” ei löytynyt asiakkaita.`).waitFor();
    await checkAccessibility(page, "the contractor's search that finds no one");
    assert.deepEqual(problems, []);
  });

  test('the register officer sees the partner in the access log', async () => {
    const partnerId = await partner(5, LOGGED, [coveredId]);
    const reader = 'lokin.urakoitsija';
    const contractorCookie = await signInNewUser(server.app, server.database, server.keys, {
      username: reader,
      role: 'contractor',
      partnerId,
    });
    const read = await server.app.inject({
      url: `/api/persons/${coveredId}`,
      headers: { cookie: contractorCookie },
    });
    assert.equal(read.statusCode, 200, read.body);
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/access-log`);
    await heading(page, 'Käyttöloki').waitFor();
    const rows = page
      .getByRole('table', { name: 'Käyttölokin tapahtumat, uusimmat ensin' })
      .locator('tbody')
      .getByRole('row');
    const byContractor = rows.filter({ hasText: reader });
    await byContractor.first().waitFor();
    for (const text of await byContractor.allInnerTexts()) {
      assert.match(text, new RegExp(`Kumppani: ${LOGGED}`), 'each names the partner');
    }
    await rows.getByText(`Kumppanin sopimus: tyhjä → ${LOGGED}, ${partnerId}`).first().waitFor();
    await checkAccessibility(page, 'the access log with a contractor and contract changes');
    assert.deepEqual(problems, []);
  });
});
