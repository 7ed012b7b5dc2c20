import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { callAs, signInNewUser } from '../helpers/app.ts';
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

const SCREEN = { width: 1366, height: 768 };
const LEAVE_TITLE = 'Poistutaanko tallentamatta?';

/** The text a screen reader reads with the field: the elements its aria-describedby names. */
const description = (field: Locator) =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe(
  "the person page's and the request page's section forms in the browser",
  { skip: chromiumSkip },
  () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    let problems: string[];

    browserSuite({}, (setup) => {
      ({ server, browser } = setup);
    });
    pagePerTest(
      () => browser,
      (opened) => ({ page, problems } = opened),
    );

    test("a legal hold's form: its schema's rules, the server's error at its date, and a warning before it is lost", async () => {
      await signInByCookie(page, server, 'register_officer');
      const id = await insertTestPerson(server.database, { firstName: 'Hilkka', lastName: 'Hold' });
      await page.setViewportSize(SCREEN);
      await page.goto(`${server.baseUrl}/persons/${id}?tab=requests`);
      await heading(page, 'Hilkka Hold').waitFor();
      const holds = page.getByRole('region', { name: 'Säilyttämisvelvoitteet', exact: true });
      await holds.getByRole('button', { name: 'Uusi säilyttämisvelvoite' }).click();
      const reason = holds.getByRole('textbox', { name: 'Peruste' });
      // Required and at most 2000 characters: what the endpoint's schema says, not a copy of it.
      assert.equal(await reason.getAttribute('aria-required'), 'true');
      assert.equal(await reason.getAttribute('maxlength'), '2000');

      // At least three characters, as the schema says, before anything is sent.
      await reason.fill('ab');
      await holds.getByRole('button', { name: 'Lisää säilyttämisvelvoite' }).click();
      await holds.getByRole('heading', { name: /Korjaa lomakkeen virheet/ }).waitFor();
      assert.match(await description(reason), /Tieto puuttuu tai on liian lyhyt\./);

      // The server's refusal of the period lands at the date it names.
      await reason.fill('Oikeudenkäynti vireillä');
      const until = holds.getByRole('textbox', { name: 'Päättyy' });
      await until.fill('1.1.2020');
      await holds.getByRole('button', { name: 'Lisää säilyttämisvelvoite' }).click();
      await holds
        .getByRole('link', { name: /Päättyy: Päättymispäivä ei voi olla ennen alkamispäivää/ })
        .waitFor();
      assert.match(
        await description(until),
        /Päättymispäivä ei voi olla ennen alkamispäivää\./,
        "the server's error is read with the date field",
      );
      await checkAccessibility(page, "a legal hold's form with the server's error");
      await picture(page, 'section-forms-legal-hold-error.png');

      // What was typed is not lost unasked.
      await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
      const leave = page.getByRole('dialog', { name: LEAVE_TITLE });
      await leave.waitFor();
      await leave.getByRole('button', { name: 'Jää sivulle' }).click();
      await leave.waitFor({ state: 'hidden' });
      assert.equal(await reason.inputValue(), 'Oikeudenkäynti vireillä');

      await until.fill('');
      await holds.getByRole('button', { name: 'Lisää säilyttämisvelvoite' }).click();
      await holds.getByText('Säilyttämisvelvoite lisätty.').waitFor();
      await holds.getByText(/Oikeudenkäynti vireillä: .* – toistaiseksi/).waitFor();
      // Saved: leaving asks nothing.
      await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
      await heading(page, 'Asiakashaku').waitFor();
      assert.deepEqual(problems, []);
    });

    test("the mailing list's description: three characters at least, as its schema says", async () => {
      await signInByCookie(page, server, 'customer_service');
      await page.setViewportSize(SCREEN);
      await page.goto(`${server.baseUrl}/exports/mailing-list`);
      await heading(page, 'Postituslista ja osoitetarrat').waitFor();
      const form = page.getByRole('form', { name: 'Tee luettelo' });
      const purpose = form.getByRole('textbox', { name: 'Kuvaus', exact: true });
      assert.equal(await purpose.getAttribute('maxlength'), '500');
      await choose(page, form, /Käyttötarkoitus/, 'Suoramarkkinointi');
      await purpose.fill('ab');
      await form.getByRole('button', { name: 'Tee luettelo' }).click();
      await form.getByRole('link', { name: /Kuvaus: Tieto puuttuu tai on liian lyhyt/ }).waitFor();
      assert.match(await description(purpose), /Tieto puuttuu tai on liian lyhyt\./);
      await checkAccessibility(page, 'the mailing-list form with a too short description');
      await picture(page, 'section-forms-mailing-list-error.png');
      assert.deepEqual(problems, []);
    });

    test('an objection request: its objections are offered once the server allows them', async () => {
      await signInByCookie(page, server, 'register_officer');
      const personId = await insertTestPerson(server.database, {
        firstName: 'Kerttu',
        lastName: 'Kieltäjä',
      });
      const colleague = await signInNewUser(server.app, server.database, server.keys, {
        username: 'sectionformscolleague',
        role: 'register_officer',
      });
      const today = helsinkiDate(new Date());
      const post = async (url: string, payload: object) => {
        const response = await callAs(server, colleague, 'POST', url, payload);
        assert.ok(response.statusCode < 300, response.body);
        return response.json();
      };
      const request = await post('/api/requests', {
        type: 'objection',
        personId,
        receivedOn: today,
        channel: 'letter',
        language: 'fi',
      });
      await page.setViewportSize(SCREEN);
      await page.goto(`${server.baseUrl}/requests/${request.id}`);
      const step = page.getByRole('region', { name: 'Pyynnön kiellot' });
      await step.getByText('Kiellot kirjataan, kun henkilöllisyys on todennettu.').waitFor();
      assert.equal(await step.getByRole('button', { name: 'Kirjaa kiellot' }).count(), 0);

      await post(`/api/requests/${request.id}/identity`, {
        method: 'signed_letter',
        verifiedOn: today,
      });
      await page.reload();
      await step.getByText('Suoramarkkinointi', { exact: true }).click();
      // A ticked box not yet recorded is a change the page asks about before it is lost.
      await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
      const leave = page.getByRole('dialog', { name: LEAVE_TITLE });
      await leave.getByRole('button', { name: 'Jää sivulle' }).click();
      await step.getByRole('button', { name: 'Kirjaa kiellot' }).click();
      await step.getByText(/^Suoramarkkinointi · /).waitFor();
      await page.getByRole('status').getByText('Kiellot kirjattu: suoramarkkinointi.').waitFor();
      // The request is read again: its history has the step.
      await page.getByRole('cell', { name: 'Kiellot kirjattu', exact: true }).waitFor();
      await checkAccessibility(page, 'an objection request with its objection recorded');
      await picture(page, 'section-forms-objection-request.png');
      assert.deepEqual(problems, []);
    });
  },
);
