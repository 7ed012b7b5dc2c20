import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { signInNewUser } from '../helpers/app.ts';
import { withKey } from '../helpers/partner-clients.ts';
import {
  browserSuite,
  businessIdOf,
  checkAccessibility,
  chromiumSkip,
  heading,
  pagePerTest,
  postAs,
  picture,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const PARTNER = 'Rajapintapalvelu Oy';
const CLIENT = 'Laskutusjärjestelmä';

const clients = (page: Page) => page.getByRole('region', { name: 'Rajapinta-asiakkaat' });

/**
 * The administrator keeps a partner's machine clients on the partner's page (decision 0028):
 * creates one and copies its key, shown once; changes the key; revokes the client. Each key is
 * then tried against the partners' interface.
 */
describe("a partner's machine clients in the browser", { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** An administrator's session for registering a test's own partner through the API. */
  let admin: string;

  const post = (url: string, payload: object) => postAs(server, admin, url, payload);
  /**
   * A partner of the test's own (`n` makes its business ID), named `name`, whose contract covers
   * a person of its own.
   */
  const partnerCovering = async (n: number, name = PARTNER) => {
    const personId: string = (
      await post('/api/persons', {
        firstName: 'Rainer',
        lastName: `Rajapinta${n}`,
        email: `rainer${n}@example.fi`,
      })
    ).id;
    const partnerId: string = (
      await post('/api/partners', {
        name,
        businessId: businessIdOf(n),
        country: 'FI',
        contractFields: ['contact'],
      })
    ).id;
    await post(`/api/partners/${partnerId}/customers`, { customerId: personId });
    return { partnerId, personId };
  };
  /** A client of the partner made through the API; its key. */
  const clientOf = async (partnerId: string, name: string): Promise<string> =>
    (
      await post(`/api/partners/${partnerId}/clients`, {
        name,
        kind: 'api_key',
        scopes: ['customers.read'],
      })
    ).secret;
  const read = (key: string, personId: string) =>
    server.app.inject({ url: `/api/partner-api/persons/${personId}`, headers: withKey(key) });
  const secretShown = () => clients(page).locator('.secret__values code').last().innerText();

  browserSuite({ role: 'admin', username: 'paakayttaja' }, async (setup) => {
    ({ server, browser } = setup);
    admin = await signInNewUser(server.app, server.database, server.keys, {
      username: 'rajapinta.admin',
      role: 'admin',
    });
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the administrator creates a client and copies its key, shown once', async () => {
    const { partnerId, personId } = await partnerCovering(1);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.baseUrl,
    });
    await signInByCookie(page, server, 'admin');
    await page.goto(`${server.baseUrl}/partners/${partnerId}`);
    await heading(page, PARTNER).waitFor();
    await clients(page).getByText('Kumppanilla ei ole rajapinta-asiakkaita.').waitFor();

    await clients(page).getByRole('button', { name: 'Lisää rajapinta-asiakas' }).click();
    await clients(page).getByRole('button', { name: 'Luo tunnukset' }).click();
    await page.getByRole('heading', { name: /Korjaa lomakkeen virheet \(1\)/ }).waitFor();
    await clients(page).getByRole('textbox', { name: 'Nimi' }).fill(CLIENT);
    await page.locator('label', { hasText: 'Ilmoittaa asiakkaan tietojen muutoksista' }).click();
    await checkAccessibility(page, 'the new client form');
    await picture(page, 'partner-client-form.png');
    await clients(page).getByRole('button', { name: 'Luo tunnukset' }).click();

    await clients(page).getByText('Kopioi avain nyt').waitFor();
    const key = await secretShown();
    assert.match(key, /^rkp_[0-9a-f]{12}_/);
    await clients(page).getByRole('button', { name: 'Kopioi', exact: true }).click();
    await clients(page).getByText('Kopioitu leikepöydälle.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), key);
    const row = clients(page).getByRole('row', { name: new RegExp(CLIENT) });
    await row.getByText('Voimassa').waitFor();
    await row
      .getByText('Lukee sopimuksen kattamat asiakkaat, Ilmoittaa', { exact: false })
      .waitFor();
    await checkAccessibility(page, 'the new key shown once');
    await picture(page, 'partner-client-key.png');
    assert.equal((await read(key, personId)).statusCode, 200, 'the key reads the covered person');

    await clients(page).getByRole('button', { name: 'Avain on tallessa' }).click();
    await clients(page).getByText('Kopioi avain nyt').waitFor({ state: 'detached' });
    await page.reload();
    await clients(page)
      .getByRole('row', { name: new RegExp(CLIENT) })
      .waitFor();
    assert.equal(await clients(page).getByText(key).count(), 0, 'the key is not shown again');
    assert.deepEqual(problems, []);
  });

  test("the register officer sees the client's read in the access log as the partner's system", async () => {
    const { partnerId, personId } = await partnerCovering(2);
    const key = await clientOf(partnerId, 'Lokin lukija');
    assert.equal((await read(key, personId)).statusCode, 200);
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/access-log?subjectId=${personId}`);
    await heading(page, 'Käyttöloki').waitFor();
    const row = page
      .getByRole('table', { name: 'Käyttölokin tapahtumat, uusimmat ensin' })
      .locator('tbody')
      .getByRole('row')
      .filter({ hasText: 'kumppanin järjestelmä' })
      .first();
    await row.waitFor();
    await row.getByText(`Kumppani: ${PARTNER}`).waitFor();
    assert.ok(!(await row.innerText()).includes('partner_client'), 'no raw role name');
    assert.deepEqual(problems, []);
  });

  test('the administrator changes the key; the old one works until the time chosen', async () => {
    const { partnerId, personId } = await partnerCovering(3);
    await clientOf(partnerId, CLIENT);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'admin');
    await page.goto(`${server.baseUrl}/partners/${partnerId}`);
    const row = clients(page).getByRole('row', { name: new RegExp(CLIENT) });
    await row.waitFor();
    const before = (await row.locator('code').first().innerText()).replace('…', '');
    await row.getByRole('button', { name: `Vaihda avain: ${CLIENT}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Vaihdetaanko avain?' });
    await dialog.waitFor();
    await checkAccessibility(page, 'the change-key dialog');
    await picture(page, 'partner-client-rotate.png');
    await dialog.getByRole('button', { name: 'Vaihda avain' }).click();
    await clients(page).getByText('Kopioi avain nyt').waitFor();
    const key = await secretShown();
    assert.equal((await read(key, personId)).statusCode, 200, 'the new key');
    await row.getByText(`${before}…`).waitFor();
    await row.getByText(/\(voimassa .* asti\)/).waitFor();
    assert.deepEqual(problems, []);
  });

  test('the administrator revokes the client, and its keys stop working', async () => {
    const { partnerId, personId } = await partnerCovering(4);
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'admin');
    await page.goto(`${server.baseUrl}/partners/${partnerId}`);
    await clients(page).getByRole('button', { name: 'Lisää rajapinta-asiakas' }).click();
    await clients(page).getByRole('textbox', { name: 'Nimi' }).fill('Vanha integraatio');
    await clients(page).getByRole('button', { name: 'Luo tunnukset' }).click();
    await clients(page).getByText('Kopioi avain nyt').waitFor();
    const key = await secretShown();
    await clients(page).getByRole('button', { name: 'Avain on tallessa' }).click();

    const row = clients(page).getByRole('row', { name: /Vanha integraatio/ });
    await row.getByRole('button', { name: 'Peru: Vanha integraatio' }).click();
    const dialog = page.getByRole('dialog', { name: 'Perutaanko tunnukset?' });
    await dialog.getByRole('button', { name: 'Peru', exact: true }).click();
    await clients(page).getByText('Asiakkaan Vanha integraatio tunnukset peruttiin.').waitFor();
    await row.getByText('Peruttu').waitFor();
    await checkAccessibility(page, 'a revoked client');
    await picture(page, 'partner-clients.png');
    assert.equal((await read(key, personId)).statusCode, 401, 'a revoked key');
    assert.deepEqual(problems, []);
  });
});
