import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { countryName } from '../../src/web/format.ts';
import { insertTestPartner, json, signInNewUser } from '../helpers/app.ts';
import { ADDRESS, insertTestPerson } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  dataValue,
  heading,
  navigation,
  pagePerTest,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const BILLING = 'luovuttaja';
const FORM_TITLE = 'Luovuta tietoja';
const EU = { name: 'Kreditinfo AB', country: 'SE' };
const US = { name: 'Legacy Data LLC', country: 'US' };
const ANNA = {
  firstName: 'Anna',
  lastName: 'Aaltonen',
  email: 'anna@example.fi',
  phone: '+358401234567',
};
const BERTTA = {
  firstName: 'Bertta',
  lastName: 'Björk',
  email: 'bertta@example.fi',
  permanentAddress: {
    street: 'Salainen tie 9',
    postalCode: '00100',
    postOffice: 'Helsinki',
    country: 'FI',
  },
  addressProtectionActive: true,
  addressProtectionSource: 'DVV',
};
const NO_SAFEGUARD = 'EU/ETA-alueen ulkopuolelle ei luovuteta tietoja ilman kirjattua suojatoimea.';

const status = (page: Page, text: string) =>
  page.getByRole('status').getByText(text, { exact: true });

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openForm(page: Page) {
  await navigation(page).getByRole('link', { name: 'Luovutusrekisteri', exact: true }).click();
  await heading(page, 'Luovutusrekisteri').waitFor();
  await page.getByRole('link', { name: 'Uusi luovutus', exact: true }).click();
  await heading(page, FORM_TITLE).waitFor();
}

async function addPerson(page: Page, query: string, name: string, count: number) {
  await page.getByRole('textbox', { name: 'Hae henkilö', exact: true }).fill(query);
  await page.getByRole('button', { name: 'Hae', exact: true }).click();
  await page.getByRole('button', { name: `Lisää luovutukseen: ${name}` }).click();
  await status(page, `Lisättiin ${name}. Henkilöitä: ${count}.`).waitFor();
  await persons(page).getByText(name, { exact: true }).waitFor();
}

/** Ticks a field group by its label, as a person clicks it. */
async function tick(page: Page, label: string) {
  await page.locator('label', { hasText: new RegExp(`^${label}$`) }).click();
  assert.ok(await page.getByRole('checkbox', { name: new RegExp(`^${label}`) }).isChecked());
}

const persons = (page: Page) =>
  page.getByRole('list', { name: 'Henkilöt, joiden tietoja luovutetaan' });

describe('making a disclosure in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** The register as the API gives it to another of the billing office. */
  let disclosuresByApi: () => Promise<{ id: string; subjectCount: number }[]>;
  let annaId: string;

  browserSuite({ role: 'billing', username: BILLING }, async (setup) => {
    ({ server, browser } = setup);
    await insertTestPartner(server.database, { ...EU, roles: ['recipient'] });
    // Registered before the registry asked for transfer terms: no safeguard on record.
    await insertTestPartner(server.database, { ...US, roles: ['recipient'] });
    annaId = await insertTestPerson(server.database, ANNA);
    await insertTestPerson(server.database, BERTTA);
    // Anna forbade direct marketing at customer service.
    const service = await signInNewUser(server.app, server.database, server.keys, {
      username: 'asiakaspalvelu',
      role: 'customer_service',
    });
    const objection = await server.app.inject({
      method: 'POST',
      url: `/api/persons/${annaId}/objections`,
      headers: json(service),
      payload: { type: 'direct_marketing', objectedOn: '2026-11-02', source: 'customer_service' },
    });
    assert.equal(objection.statusCode, 201, objection.body);
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username: 'tarkastaja',
      role: 'billing',
    });
    disclosuresByApi = async () => {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/disclosures',
        headers: json(cookie),
      });
      assert.equal(response.statusCode, 200, response.body);
      return (response.json() as { items: { id: string; subjectCount: number }[] }).items;
    };
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /** The new disclosure form, signed in as billing; the username. */
  const openFormAsBilling = async (): Promise<string> => {
    const username = await signInByCookie(page, server, 'billing');
    await page.goto(server.baseUrl);
    await openForm(page);
    return username;
  };

  // First: the register of disclosures is empty until it, and the later tests make some.

  test('to a recipient outside the EU/EEA without a safeguard it is refused with the reason, and nothing is recorded', async () => {
    await openFormAsBilling();
    await checkAccessibility(page, 'the disclosure form');

    // Sent empty, the form says what is missing before asking the server.
    await page.getByRole('button', { name: 'Luovuta tiedot' }).click();
    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (3)' }).waitFor();
    await page
      .getByRole('link', { name: 'Henkilöt: Lisää vähintään yksi henkilö.', exact: true })
      .waitFor();
    await checkAccessibility(page, 'the disclosure form with errors');

    const us = `${US.name} – ${countryName(US.country, 'fi')} (EU/ETA-alueen ulkopuolella)`;
    await choose(page, /Vastaanottaja/, us);
    await page
      .getByText(
        'Vastaanottaja on EU/ETA-alueen ulkopuolella: tietoja luovutetaan vain, jos siirrolle on kirjattu suojatoimi.',
      )
      .waitFor();
    await choose(page, /Peruste/, 'Luottopäätös');
    await page
      .getByRole('textbox', { name: 'Käyttötarkoitus', exact: true })
      .fill('Vuokrasopimuksen luottopäätös');
    await addPerson(page, 'Aaltonen', 'Anna Aaltonen', 1);
    await tick(page, 'Yhteystiedot');
    await page.getByRole('button', { name: 'Luovuta tiedot' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: 'Luovutusta ei tehty' });
    await refusal.getByText('Mitään ei luovutettu eikä kirjattu. Syy:').waitFor();
    await refusal.getByText(NO_SAFEGUARD, { exact: true }).waitFor();
    // At the recipient too, and the form keeps what was filled in.
    assert.equal(await page.getByText(NO_SAFEGUARD, { exact: true }).count(), 2);
    await persons(page).getByText('Anna Aaltonen', { exact: true }).waitFor();
    await heading(page, FORM_TITLE).waitFor();
    await checkAccessibility(page, 'the disclosure form with a refusal');

    assert.deepEqual(await disclosuresByApi(), []);
    // What was filled in is not saved anywhere: leaving asks first.
    await page.getByRole('link', { name: 'Luovutusrekisteri' }).first().click();
    const leave = page.getByRole('dialog', { name: 'Poistutaanko tallentamatta?' });
    await leave.getByRole('button', { name: 'Poistu tallentamatta' }).click();
    await heading(page, 'Luovutusrekisteri').waitFor();
    await status(page, 'Luovutuksia ei löytynyt.').waitFor();
    assert.deepEqual(problems, []);
  });

  test("both persons' name, contact and address go to an EU recipient as CSV; the protected address is withheld", async () => {
    const discloser = await openFormAsBilling();
    await choose(page, /Vastaanottaja/, `${EU.name} – ${countryName(EU.country, 'fi')}`);
    await page
      .getByText('Luovutusten vastaanottajiksi rekisteröidyt kumppanit.', { exact: true })
      .waitFor();
    await choose(page, /Peruste/, 'Luottopäätös');
    await addPerson(page, 'Aaltonen', 'Anna Aaltonen', 1);
    await addPerson(page, 'Björk', 'Bertta Björk', 2);
    // One added by mistake is removed again.
    await page.getByRole('button', { name: 'Poista luovutuksesta: Anna Aaltonen' }).click();
    await status(page, 'Poistettiin Anna Aaltonen. Henkilöitä: 1.').waitFor();
    assert.equal(await persons(page).getByText('Anna Aaltonen').count(), 0);
    await addPerson(page, 'Aaltonen', 'Anna Aaltonen', 2);
    assert.deepEqual(await persons(page).locator('strong').allInnerTexts(), [
      'Bertta Björk',
      'Anna Aaltonen',
    ]);
    const name = page.getByRole('checkbox', { name: /^Nimi/ });
    assert.ok((await name.isChecked()) && (await name.isDisabled()), 'the name always goes');
    await tick(page, 'Osoite');
    await tick(page, 'Yhteystiedot');
    await page.getByRole('button', { name: /Tiedoston muoto/ }).waitFor();
    assert.match(
      await page.getByRole('button', { name: /Tiedoston muoto/ }).innerText(),
      /CSV \(puolipisteillä eroteltu\)/,
    );
    await checkAccessibility(page, 'the filled disclosure form');
    await page.getByRole('button', { name: 'Luovuta tiedot' }).click();

    await page.getByRole('heading', { level: 1, name: /^Luovutus: Kreditinfo AB, / }).waitFor();
    await status(page, 'Luovutus tehty').waitFor();
    const [recorded] = await disclosuresByApi();
    assert.ok(recorded, 'the disclosure is in the register');
    assert.equal(new URL(page.url()).pathname, `/disclosures/${recorded.id}`);
    assert.equal(await dataValue(page, 'Peruste').innerText(), 'Luottopäätös');
    assert.equal(await dataValue(page, 'Vastaanottajan maa').innerText(), countryName('SE', 'fi'));
    assert.equal(await dataValue(page, 'Henkilöitä').innerText(), '2');
    assert.equal(await dataValue(page, 'Luovuttaja').innerText(), discloser);
    assert.equal(await dataValue(page, 'Tarkastettava').innerText(), 'Ei');
    const fields = 'lastName, firstName, email, phone, street, postalCode, postOffice, country';
    assert.equal(await dataValue(page, 'Kentät').innerText(), fields);

    const subjects = page.getByRole('table', {
      name: 'Henkilöt, joiden tietoja luovutettiin, ja kullekin luovutetut kentät',
    });
    const rows = subjects.getByRole('row');
    assert.equal(await rows.count(), 3, 'a header row and the two persons');
    const anna = rows.filter({ has: page.getByRole('rowheader', { name: 'Aaltonen, Anna' }) });
    await anna.getByRole('cell', { name: fields, exact: true }).waitFor();
    await anna.getByRole('cell', { name: 'Ei mitään', exact: true }).waitFor();
    const bertta = rows.filter({ has: page.getByRole('rowheader', { name: 'Björk, Bertta' }) });
    await bertta
      .getByRole('cell', { name: 'lastName, firstName, email, phone', exact: true })
      .waitFor();
    assert.deepEqual(await bertta.getByRole('listitem').allInnerTexts(), [
      'street: turvakielto',
      'postalCode: turvakielto',
      'postOffice: turvakielto',
      'country: turvakielto',
    ]);
    await checkAccessibility(page, 'the disclosure just made');

    const fileName = await dataValue(page, 'Tiedoston nimi').innerText();
    assert.match(fileName, /^luovutus-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.csv$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Lataa tiedosto ${fileName}` }).click(),
    ]);
    assert.equal(download.suggestedFilename(), fileName);
    const body = await fs.promises.readFile(await download.path());
    assert.equal(
      crypto.createHash('sha256').update(body).digest('hex'),
      await dataValue(page, 'SHA-256-tarkistussumma').innerText(),
      'the file is the one the register holds the checksum of',
    );
    // UTF-8 with a BOM, `;` between cells, CRLF; the phone number neutralised as a formula; the
    // protected address and the missing phone number left empty.
    const rowsOfFile = [
      'lastName;firstName;email;phone;street;postalCode;postOffice;country',
      `Björk;Bertta;bertta@example.fi;;;;;`,
      `Aaltonen;Anna;anna@example.fi;'+358401234567;${ADDRESS.street};${ADDRESS.postalCode};${ADDRESS.postOffice};FI`,
    ];
    assert.equal(body.toString('utf8'), `\uFEFF${rowsOfFile.join('\r\n')}\r\n`);

    // The file is offered once: the register does not keep it.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Luovutus: Kreditinfo AB, / }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Lataa tiedosto/ }).count(), 0);
    assert.deepEqual(problems, []);
  });

  test('a value-added service states its use: direct marketing leaves out who forbade it', async () => {
    await openFormAsBilling();
    await choose(page, /Vastaanottaja/, `${EU.name} – ${countryName(EU.country, 'fi')}`);
    // The use is asked of a value-added service only.
    assert.equal(
      await page.getByRole('button', { name: /Lisäarvopalvelun käyttötarkoitus/ }).count(),
      0,
    );
    await choose(page, /Peruste/, 'Lisäarvopalvelu');
    await choose(page, /Lisäarvopalvelun käyttötarkoitus/, 'Suoramarkkinointi');
    await addPerson(page, 'Aaltonen', 'Anna Aaltonen', 1);
    await tick(page, 'Yhteystiedot');
    await checkAccessibility(page, 'the disclosure form with a use');
    const before = (await disclosuresByApi()).length;
    await page.getByRole('button', { name: 'Luovuta tiedot' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Luovutusta ei tehty' });
    await refusal
      .getByText(
        'Kaikki luovutuksen henkilöt jäivät pois kiellon, turvakiellon tai arkistoinnin vuoksi.',
      )
      .first()
      .waitFor();
    assert.equal((await disclosuresByApi()).length, before, 'nothing recorded');

    // Delivering the service she uses is the customer relationship: no objection reaches it.
    await choose(page, /Lisäarvopalvelun käyttötarkoitus/, 'Palvelun tuottaminen asiakkaalle');
    await page.getByRole('button', { name: 'Luovuta tiedot' }).click();
    await page.getByRole('heading', { level: 1, name: /^Luovutus: Kreditinfo AB, / }).waitFor();
    assert.equal(await dataValue(page, 'Peruste').innerText(), 'Lisäarvopalvelu');
    assert.equal(await dataValue(page, 'Henkilöitä').innerText(), '1');
    assert.deepEqual(problems, []);
  });
});
