import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { addDays } from '../../src/web/routes/access-log/access-log.ts';
import { signInNewUser } from '../helpers/app.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  navigation,
  pagePerTest,
  postAs,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const CLERK = 'asiakaspalvelu';
const OBJECTOR = { firstName: 'Kalle', lastName: 'Kieltäjä' };
const OTHER = { firstName: 'Sanna', lastName: 'Sallija' };
const CALLER = { firstName: 'Olli', lastName: 'Omakielto' };
const REQUESTER = { firstName: 'Pirjo', lastName: 'Pyytäjä' };

const textbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('textbox', { name, exact: true });
const statusLine = (page: Page, text: string) =>
  page.getByRole('status').getByText(text, { exact: true });

async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A scanned letter as far as the server's check goes: a PDF header and some bytes. */
const LETTER = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('skannattu kirje '.repeat(200)),
]);

describe(
  'objections, the mailing list and request attachments in the browser',
  { skip: chromiumSkip },
  () => {
    let server: TestServer;
    let browser: Browser;
    let page: Page;
    let problems: string[];
    /** A register officer's session: a colleague who registered what a test starts from. */
    let colleague: string;

    const post = async (url: string, payload: object): Promise<string> =>
      (await postAs(server, colleague, url, payload)).id;

    browserSuite({ role: 'customer_service', username: CLERK }, async (setup) => {
      ({ server, browser } = setup);
      colleague = await signInNewUser(server.app, server.database, server.keys, {
        username: 'kollega',
        role: 'register_officer',
      });
      // The register the mailing list is drawn from: one person objected to direct marketing.
      const objector = await insertTestPerson(server.database, OBJECTOR);
      await post(`/api/persons/${objector}/objections`, {
        type: 'direct_marketing',
        objectedOn: helsinkiDate(new Date()),
        source: 'customer_service',
      });
      await insertTestPerson(server.database, OTHER);
      await insertTestPerson(server.database, REQUESTER);
    });
    pagePerTest(
      () => browser,
      (opened) => ({ page, problems } = opened),
    );

    // First: the list is drawn from the whole register, where the later tests add persons of
    // their own (one of them objecting).
    test('the mailing list for direct mail leaves the objecting person out and says how many', async () => {
      await signInByCookie(page, server, 'customer_service');
      await page.goto(server.baseUrl);
      await navigation(page).getByRole('link', { name: 'Postituslista', exact: true }).click();
      await heading(page, 'Postituslista ja osoitetarrat').waitFor();
      const form = page.getByRole('form', { name: 'Tee luettelo' });
      await choose(page, form, /Käyttötarkoitus/, 'Suoramarkkinointi');
      await textbox(form, 'Kuvaus').fill('Kunnan tiedote kotitalouksiin');
      await checkAccessibility(page, 'the mailing-list form');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        form.getByRole('button', { name: 'Tee luettelo' }).click(),
      ]);
      const file = await download.path();
      const csv = fs.readFileSync(file, 'utf8');
      assert.match(csv, /Sallija;Sanna/);
      assert.match(csv, /Pyytäjä;Pirjo/);
      assert.doesNotMatch(csv, /Kieltäjä/);
      await page
        .getByRole('status')
        .getByText(/: 2 henkilöä\. Pois jätettiin 1: kielto 1, turvakielto 0, arkistoitu 0/)
        .waitFor();
      await picture(page, 'objections-mailing-list.png');
      assert.deepEqual(problems, []);
    });

    test('customer service records a direct-marketing objection on the person page', async () => {
      const personId = await insertTestPerson(server.database, CALLER);
      await signInByCookie(page, server, 'customer_service');
      await page.goto(`${server.baseUrl}/persons/${personId}`);
      await heading(page, `${CALLER.firstName} ${CALLER.lastName}`).waitFor();
      await page.getByRole('tab', { name: 'Kiellot' }).click();
      const section = page.getByRole('region', { name: 'Kiellot ja vastustukset' });
      await section.getByText('Ei kieltoja.').waitFor();
      await section.getByRole('button', { name: 'Kirjaa kielto' }).click();
      const form = section.getByRole('form', { name: 'Kirjaa kielto' });
      await choose(page, form, /Kielto/, 'Suoramarkkinointi');
      await choose(page, form, /Lähde/, 'Asiakaspalvelu');
      await textbox(form, 'Lisätieto').fill('Soitti asiakaspalveluun');
      await form.getByRole('button', { name: 'Kirjaa kielto' }).click();
      await statusLine(page, 'Kielto kirjattu.').waitFor();
      const item = section.locator('.objections__item').filter({ hasText: 'Suoramarkkinointi' });
      await item.getByText('Voimassa', { exact: true }).waitFor();
      await item.getByText(/Asiakaspalvelu/).waitFor();
      await checkAccessibility(page, 'the objections section');
      await picture(page, 'objections-person.png');
      assert.deepEqual(problems, []);
    });

    test('the register officer records an objection request and attaches the scanned letter', async () => {
      const requesterId = await insertTestPerson(server.database, REQUESTER);
      const receivedOn = addDays(helsinkiDate(new Date()), -2);
      const receive = (type: string) =>
        post('/api/requests', {
          type,
          personId: requesterId,
          receivedOn,
          channel: 'letter',
          language: 'fi',
        });
      const objectionRequest = await receive('objection');
      const erasureRequest = await receive('erasure');
      await post(`/api/requests/${objectionRequest}/identity`, {
        method: 'signed_letter',
        verifiedOn: receivedOn,
      });
      await signInByCookie(page, server, 'register_officer');
      await page.goto(`${server.baseUrl}/requests/${objectionRequest}`);
      const step = page.getByRole('region', { name: 'Pyynnön kiellot' });
      await step.getByText('Tähän pyyntöön ei ole kirjattu kieltoja.').waitFor();
      await step.getByText('Luettelot ja osoitetarrat', { exact: true }).click();
      await step.getByText('Markkina- ja mielipidetutkimus', { exact: true }).click();
      await step.getByRole('button', { name: 'Kirjaa kiellot' }).click();
      await statusLine(
        page,
        'Kiellot kirjattu: markkina- ja mielipidetutkimus, luettelot ja osoitetarrat.',
      ).waitFor();
      await step.getByText(/^Luettelot ja osoitetarrat · /).waitFor();
      await checkAccessibility(page, 'the objection request step');

      await page.goto(`${server.baseUrl}/requests/${erasureRequest}`);
      const attachments = page.getByRole('region', { name: 'Liitteet' });
      await attachments.getByText('Ei liitteitä.').waitFor();
      await attachments.getByLabel('Tiedosto').setInputFiles({
        name: 'kirje äö.pdf',
        mimeType: 'application/pdf',
        buffer: LETTER,
      });
      await attachments.getByRole('button', { name: 'Lisää liite' }).click();
      await statusLine(page, 'Liite kirje äö.pdf lisätty.').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        attachments.getByRole('button', { name: 'Lataa kirje äö.pdf' }).click(),
      ]);
      assert.ok(fs.readFileSync(await download.path()).equals(LETTER), 'the exact bytes');

      await attachments.getByLabel('Tiedosto').setInputFiles({
        name: 'kirje.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('not a letter'),
      });
      await attachments.getByRole('button', { name: 'Lisää liite' }).click();
      await attachments.getByText('Liitteen on oltava PDF, JPEG, PNG tai TIFF.').waitFor();
      await checkAccessibility(page, 'the attachments section');
      await picture(page, 'request-attachments.png');
      assert.deepEqual(problems, []);
    });
  },
);
