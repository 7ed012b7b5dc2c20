import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { addDays } from '../../src/web/routes/access-log/access-log.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  pagePerTest,
  picture,
  signIn,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const OFFICER = 'rekisterivastaava';
const SUBJECT = { firstName: 'Elina', lastName: 'Poistettava', email: 'elina@example.fi' };

const erasureSection = (page: Page) =>
  page.getByRole('region', { name: 'Tietojen poistaminen', exact: true });

describe('erasure in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let colleague: string;
  const today = helsinkiDate(new Date());

  const api = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await server.app.inject({
      method,
      url,
      headers: json(colleague),
      ...(payload ? { payload } : {}),
    });
    assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
    return response.json();
  };

  browserSuite({ role: 'register_officer', username: OFFICER }, async (setup) => {
    ({ server, browser } = setup);
    colleague = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kollega',
      role: 'register_officer',
    });
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /**
   * Each test's own person, and an erasure request of theirs received, identified and started by
   * a colleague. The last test searches for SUBJECT's name, so the others' persons have others.
   */
  const erasureRequestOf = async (lastName: string) => {
    const personId = await insertTestPerson(server.database, { ...SUBJECT, lastName });
    const requestId = (
      await api('POST', '/api/requests', {
        type: 'erasure',
        personId,
        receivedOn: addDays(today, -3),
        channel: 'letter',
        language: 'fi',
      })
    ).id;
    await api('POST', `/api/requests/${requestId}/identity`, {
      method: 'signed_letter',
      verifiedOn: addDays(today, -2),
    });
    await api('POST', `/api/requests/${requestId}/start`, {});
    return { personId, requestId: requestId as string };
  };
  const placeHold = async (personId: string) =>
    (
      await api('POST', `/api/persons/${personId}/legal-holds`, {
        reason: 'Vireillä oleva oikeudenkäynti',
        fromOn: addDays(today, -1),
      })
    ).id as string;

  test('the officer places a legal hold on the person’s page', async () => {
    const { personId } = await erasureRequestOf('Lukkari');
    await page.goto(server.baseUrl);
    await signIn(page, OFFICER, server.user.password);
    await page.goto(`${server.baseUrl}/persons/${personId}?tab=requests`);
    const holds = page.getByRole('region', { name: 'Säilyttämisvelvoitteet', exact: true });
    await holds.getByText('Ei säilyttämisvelvoitteita.').waitFor();
    await holds.getByRole('button', { name: 'Uusi säilyttämisvelvoite' }).click();
    await holds.getByRole('textbox', { name: 'Peruste' }).fill('Vireillä oleva oikeudenkäynti');
    await holds.getByRole('button', { name: 'Lisää säilyttämisvelvoite' }).click();
    await holds.getByRole('status').getByText('Säilyttämisvelvoite lisätty.').waitFor();
    await holds.getByText(/Vireillä oleva oikeudenkäynti: .* – toistaiseksi/).waitFor();
    await checkAccessibility(page, 'the person page with a legal hold');
    const listed = await api('GET', `/api/persons/${personId}/legal-holds`);
    assert.equal(listed.items.length, 1);
    assert.equal(listed.items[0].active, true);
  });

  test('the officer runs the dry run and sees the legal hold that blocks the erasure', async () => {
    const { personId, requestId } = await erasureRequestOf('Kielto');
    await placeHold(personId);
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/requests/${requestId}`);
    const section = erasureSection(page);
    await section.getByText('Tietoja ei voi poistaa nyt', { exact: false }).waitFor();
    const blockers = section.getByRole('list', { name: 'Esteet' });
    await blockers.getByText(/säilyttämisvelvoite \(Vireillä oleva oikeudenkäynti\)/).waitFor();
    assert.equal(
      await section.getByRole('button', { name: 'Poista henkilön tiedot' }).count(),
      0,
      'no erasure while something blocks it',
    );
    await checkAccessibility(page, 'the erasure request with a blocker');
    await picture(page, 'erasure-blocked.png');
  });

  test('with the hold released, the dry run shows nothing blocking; the officer erases, and the person is gone from search', async () => {
    const { personId, requestId } = await erasureRequestOf(SUBJECT.lastName);
    const holdId = await placeHold(personId);
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/requests/${requestId}`);
    await erasureSection(page).getByText('Tietoja ei voi poistaa nyt', { exact: false }).waitFor();
    await api('POST', `/api/persons/${personId}/legal-holds/${holdId}/release`, {});
    const section = erasureSection(page);
    await section.getByRole('button', { name: 'Tee koeajo uudelleen' }).click();
    await section.getByText('Esteitä ei ole: kaikki henkilön tiedot voidaan poistaa.').waitFor();
    await section.getByRole('button', { name: 'Poista henkilön tiedot' }).click();
    await section.getByRole('status').getByText('Tiedot poistettu.').waitFor();
    await section.getByText(/Kaikki henkilön tiedot on poistettu/).waitFor();
    await section.getByText('Henkilön salausavain on hävitetty.').waitFor();
    await checkAccessibility(page, 'the erasure done');
    await picture(page, 'erasure-done.png');

    await page.goto(`${server.baseUrl}/search`);
    const box = page.getByRole('searchbox');
    await box.fill(SUBJECT.lastName);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === SUBJECT.lastName);
    await page.getByText(`Haulla ”${SUBJECT.lastName}” ei löytynyt asiakkaita.`).waitFor();
    assert.deepEqual(problems, []);
  });
});
