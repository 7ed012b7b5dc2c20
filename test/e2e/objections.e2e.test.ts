import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { addDays } from '../../src/web/routes/access-log/access-log.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  navigation,
  picture,
  signIn,
  signOut,
  type TestServer,
} from './helpers.ts';

const CLERK = 'asiakaspalvelu';
const OFFICER = { username: 'rekisterivastaava', password: 'toinen hevonen akku niitti' };
const OBJECTOR = { firstName: 'Kalle', lastName: 'Kieltäjä' };
const OTHER = { firstName: 'Sanna', lastName: 'Sallija' };
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
    let page: Page;
    let problems: string[];
    let objectorId: string;
    let objectionRequest: string;
    let erasureRequest: string;

    browserSuite(
      {
        role: 'customer_service',
        username: CLERK,
        others: [{ ...OFFICER, role: 'register_officer' }],
      },
      async (setup) => {
        ({ server, page, problems } = setup);
        objectorId = await insertTestPerson(server.database, OBJECTOR);
        await insertTestPerson(server.database, OTHER);
        const requesterId = await insertTestPerson(server.database, REQUESTER);
        const colleague = await signInNewUser(server.app, server.database, server.keys, {
          username: 'kollega',
          role: 'register_officer',
        });
        const receivedOn = addDays(helsinkiDate(new Date()), -2);
        const receive = async (type: string) => {
          const response = await server.app.inject({
            method: 'POST',
            url: '/api/requests',
            headers: json(colleague),
            payload: { type, personId: requesterId, receivedOn, channel: 'letter', language: 'fi' },
          });
          assert.equal(response.statusCode, 201, response.body);
          return response.json().id as string;
        };
        objectionRequest = await receive('objection');
        erasureRequest = await receive('erasure');
        const verified = await server.app.inject({
          method: 'POST',
          url: `/api/requests/${objectionRequest}/identity`,
          headers: json(colleague),
          payload: { method: 'signed_letter', verifiedOn: receivedOn },
        });
        assert.equal(verified.statusCode, 200, verified.body);
      },
    );

    test('customer service records a direct-marketing objection on the person page', async () => {
      await page.goto(server.baseUrl);
      await signIn(page, CLERK, server.user.password);
      await page.goto(`${server.baseUrl}/persons/${objectorId}`);
      await heading(page, `${OBJECTOR.firstName} ${OBJECTOR.lastName}`).waitFor();
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
    });

    test('the mailing list for direct mail leaves the objecting person out and says how many', async () => {
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
    });

    test('the register officer records an objection request and attaches the scanned letter', async () => {
      await signOut(page);
      await signIn(page, OFFICER.username, OFFICER.password);
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
