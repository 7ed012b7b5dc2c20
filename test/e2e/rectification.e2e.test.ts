import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { signInNewUser } from '../helpers/app.ts';
import { pdftotext } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  dataValue,
  heading,
  pagePerTest,
  postAs,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const OFFICER = 'rekisterivastaava';
const PERSON = {
  firstName: 'Rauni',
  lastName: 'Rättelse',
  email: 'rauni.vanha@example.fi',
  phone: '0401112222',
};
const NAME = `${PERSON.firstName} ${PERSON.lastName}`;

const textbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('textbox', { name, exact: true });
const statusLine = (page: Page, text: string) =>
  page.getByRole('status').getByText(text, { exact: true });

async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('rectification in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** A clerk's and a fellow register officer's sessions, for what a test starts from. */
  let clerk: string;
  let colleague: string;

  browserSuite({ role: 'register_officer', username: OFFICER }, async (setup) => {
    ({ server, browser } = setup);
    clerk = await signInNewUser(server.app, server.database, server.keys, {
      username: 'asiakaspalvelu',
      role: 'customer_service',
    });
    colleague = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kollega',
      role: 'register_officer',
    });
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  const call = (cookie: string, url: string, payload: object) =>
    postAs(server, cookie, url, payload);

  /** A person a clerk registered: the test's own. */
  const registered = async (): Promise<string> => (await call(clerk, '/api/persons', PERSON)).id;

  /** The person's rectification request, come by letter in Swedish and in progress. */
  const requestInProgress = async () => {
    const personId = await registered();
    const today = helsinkiDate(new Date());
    const request = await call(colleague, '/api/requests', {
      type: 'rectification',
      personId,
      receivedOn: today,
      channel: 'letter',
      language: 'sv',
    });
    const requestId: string = request.id;
    await call(colleague, `/api/requests/${requestId}/identity`, {
      method: 'signed_letter',
      verifiedOn: today,
    });
    await call(colleague, `/api/requests/${requestId}/start`, {});
    return { personId, requestId, number: request.number as number };
  };

  /**
   * What the first test does in the browser, through the API: the email granted and applied, the
   * surname refused.
   */
  const rectified = async () => {
    const request = await requestInProgress();
    const items = `/api/requests/${request.requestId}/rectification-items`;
    await call(colleague, items, {
      field: 'email',
      value: 'rauni.rattelse@example.fi',
      grounds: 'Gammal adress',
    });
    const view = await call(colleague, items, {
      field: 'lastName',
      value: 'Rättelsesson',
      grounds: 'Namnbyte',
    });
    const itemOf = (field: string): string =>
      view.items.find((item: { field: string }) => item.field === field).id;
    await call(colleague, `${items}/${itemOf('email')}/decision`, { decision: 'granted' });
    await call(colleague, `${items}/${itemOf('lastName')}/decision`, {
      decision: 'refused',
      reason: 'Namnbytet har inte registrerats hos DVV',
    });
    await call(colleague, `/api/requests/${request.requestId}/rectification/apply`, {});
    return request;
  };

  test('the officer records two fields, grants one and refuses one, and applies the grant', async () => {
    const { requestId, number } = await requestInProgress();
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/requests/${requestId}`);
    await heading(page, `Oikaisupyyntö ${number}: ${NAME}`).waitFor();
    const panel = page.getByRole('region', { name: 'Oikaisupyyntö' });
    await panel.getByText('Pyyntöön ei ole vielä kirjattu oikaistavia tietoja.').waitFor();

    const add = panel.getByRole('form', { name: 'Lisää oikaistava tieto' });
    await choose(page, add, /Oikaistava tieto/, 'Sähköposti');
    await textbox(add, 'Ehdotettu arvo').fill('rauni@example');
    await textbox(add, 'Perusteet').fill('Gammal adress');
    await add.getByRole('button', { name: 'Lisää tieto' }).click();
    // The proposed value is checked as the person form checks it.
    await add.getByRole('heading', { name: /Korjaa lomakkeen virheet/ }).waitFor();
    await checkAccessibility(page, 'a rectification item with an invalid value');
    await textbox(add, 'Ehdotettu arvo').fill('rauni.rattelse@example.fi');
    await add.getByRole('button', { name: 'Lisää tieto' }).click();
    await panel.getByRole('heading', { name: 'Sähköposti', level: 3, exact: true }).waitFor();

    const second = panel.getByRole('form', { name: 'Lisää oikaistava tieto' });
    await choose(page, second, /Oikaistava tieto/, 'Sukunimi');
    await textbox(second, 'Ehdotettu arvo').fill('Rättelsesson');
    await textbox(second, 'Perusteet').fill('Namnbyte');
    await second.getByRole('button', { name: 'Lisää tieto' }).click();
    await panel.getByRole('heading', { name: 'Sukunimi', level: 3, exact: true }).waitFor();

    const email = panel.getByRole('form', { name: 'Päätös: Sähköposti' });
    await choose(page, email, /Päätös/, 'Hyväksytty');
    await email.getByRole('button', { name: 'Tallenna päätös' }).click();
    const surname = panel.getByRole('form', { name: 'Päätös: Sukunimi' });
    await surname.waitFor();
    await choose(page, surname, /Päätös/, 'Hylätty');
    await textbox(surname, 'Hylkäämisen syy').fill('Namnbytet har inte registrerats hos DVV');
    await surname.getByRole('button', { name: 'Tallenna päätös' }).click();
    await panel
      .getByText('Tietokohtaisten päätösten mukaan pyynnön ratkaisu on: osittain hyväksytty.')
      .waitFor();
    await checkAccessibility(page, 'a rectification request with decisions');
    await picture(page, 'rectification-decided.png');

    await panel
      .getByRole('form', { name: 'Tee hyväksytyt oikaisut' })
      .getByRole('button', { name: 'Tee oikaisut' })
      .click();
    await panel.getByRole('heading', { name: 'Vanhan arvon lähteet' }).waitFor();
    await panel.getByText(/^Henkilökunta \(kirjaaja itse\) · /).waitFor();
    await panel.getByText('Tietoa ei ollut luovutettu kenellekään.').waitFor();
    assert.equal(await panel.getByRole('form', { name: 'Tee hyväksytyt oikaisut' }).count(), 0);
    await picture(page, 'rectification-applied.png');
    assert.deepEqual(problems, []);
  });

  test('the refusal certificate downloads in Swedish, with the reason and the Ombudsman', async () => {
    const { requestId, number } = await rectified();
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/requests/${requestId}`);
    await heading(page, `Oikaisupyyntö ${number}: ${NAME}`).waitFor();
    const panel = page.getByRole('region', { name: 'Oikaisupyyntö' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Lataa todistus (PDF)' }).click(),
    ]);
    assert.equal(
      download.suggestedFilename(),
      `intyg-over-avslag-pa-begaran-om-rattelse-${number}.pdf`,
    );
    const bytes = await fs.promises.readFile(await download.path());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdftotext(bytes);
    if (text !== null) {
      assert.match(text, /Intyg över avslag på begäran om rättelse/);
      assert.match(text, /Namnbytet har inte registrerats hos DVV/);
      assert.match(text, /Dataombudsmannens byrå/);
    }
    await statusLine(page, `Ladattu: ${download.suggestedFilename()}`).waitFor();
    assert.deepEqual(problems, []);
  });

  test("the person's page shows the new email, the old surname, and the request as the source", async () => {
    const { personId, number } = await rectified();
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/persons/${personId}`);
    await heading(page, NAME).waitFor();
    assert.equal(await dataValue(page, 'Sähköposti').innerText(), 'rauni.rattelse@example.fi');
    const sources = page.getByRole('region', { name: 'Tietojen lähteet' });
    await sources.getByRole('button', { name: 'Näytä tietojen lähteet' }).click();
    await sources
      .getByRole('row', { name: new RegExp(`Sähköposti Oikaisupyyntö \\(pyyntö ${number}\\)`) })
      .waitFor();
    await checkAccessibility(page, "the person's page with the sources of the values");
    await picture(page, 'rectification-person.png');
    assert.deepEqual(problems, []);
  });

  test('a change from the population register is saved with DVV as its source', async () => {
    const personId = await registered();
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/persons/${personId}`);
    await heading(page, NAME).waitFor();
    await page.getByRole('button', { name: 'Muokkaa', exact: true }).click();
    await heading(page, `Muokkaa henkilöä: ${NAME}`).waitFor();
    await textbox(page, 'Puhelin').fill('040 765 4321');
    const source = page.getByRole('region', { name: 'Tietojen lähde' });
    await choose(page, source, /Lähde/, 'Väestötietojärjestelmä (DVV)');
    await textbox(source, 'Viite (esim. päivitystiedoston nimi tai kirje)').fill('VTJ-muutos');
    await checkAccessibility(page, 'the person form with its source');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await heading(page, NAME).waitFor();
    assert.equal(await dataValue(page, 'Puhelin').innerText(), '040 765 4321');
    const sources = page.getByRole('region', { name: 'Tietojen lähteet' });
    await sources.getByRole('button', { name: 'Näytä tietojen lähteet' }).click();
    await sources
      .getByRole('row', { name: /^Puhelin Väestötietojärjestelmä \(DVV\) · VTJ-muutos/ })
      .waitFor();
    // The clerk's registration gave the old number: it is an earlier source now.
    await sources.getByRole('button', { name: /^Näytä aiemmat lähteet/ }).click();
    await sources.getByRole('row', { name: /^Puhelin Henkilökunta \(kirjaaja itse\)/ }).waitFor();
    assert.deepEqual(problems, []);
  });
});
