import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { json, signInNewUser, insertTestPartner } from '../helpers/app.ts';
import { insertTestInvoice } from '../helpers/billing-fixtures.ts';
import {
  E_INVOICE_BILLING,
  insertBillingSettings,
  insertOrder,
  insertTestOrganization,
  insertTestPerson,
  SELLER,
  tarMembers,
} from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  dataValue,
  heading,
  navigation,
  pagePerTest,
  picture,
  signIn,
  signInByCookie,
  signOut,
  type TestServer,
} from './helpers.ts';

const ADMIN = 'paakayttaja';
const BILLING = { username: 'laskuttaja', password: 'billing horse battery staple' };

const status = (page: Page) => page.getByRole('status');
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const servicesTable = (page: Page) =>
  page.getByRole('table', { name: 'Palveluluettelo tunnuksen mukaan' });
const serviceRow = (page: Page, name: string) =>
  servicesTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function openFromMenu(page: Page, name: string) {
  await navigation(page).getByRole('link', { name, exact: true }).click();
  await heading(page, name).waitFor();
}

describe('billing administration in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite(
    {
      role: 'admin',
      username: ADMIN,
      others: [{ ...BILLING, role: 'billing' }],
    },
    (setup) => {
      ({ server, browser, page, problems } = setup);
    },
  );

  test('the administrator sets the municipality up as the seller; a wrong IBAN is explained', async () => {
    await page.goto(server.baseUrl);
    await signIn(page, ADMIN, server.user.password);
    // The administrator keeps the seller and the catalogue, and does not invoice.
    await navigation(page).getByRole('link', { name: 'Palveluluettelo', exact: true }).waitFor();
    assert.equal(await navigation(page).getByRole('link', { name: 'Laskutusajo' }).count(), 0);
    assert.equal(
      await navigation(page).getByRole('link', { name: 'Luovutusrekisteri' }).count(),
      0,
    );

    await openFromMenu(page, 'Laskutusasetukset');
    await page.getByText('Laskutusasetuksia ei ole vielä tallennettu.').waitFor();
    await checkAccessibility(page, 'the billing settings before the first save');

    await textbox(page, 'Myyjän nimi').fill(SELLER.sellerName);
    await textbox(page, 'Y-tunnus').fill(SELLER.sellerBusinessId);
    await textbox(page, 'Katuosoite').fill(SELLER.sellerAddress.street);
    await textbox(page, 'Postinumero').fill(SELLER.sellerAddress.postalCode);
    await textbox(page, 'Postitoimipaikka').fill(SELLER.sellerAddress.postOffice);
    // The last digit mistyped: the check digits no longer match.
    await textbox(page, 'Tilinumero (IBAN)').fill('FI37 1590 3000 0007 77');
    await textbox(page, 'BIC').fill('ndeafihh');
    await textbox(page, 'Maksuaika (päivää)').fill('21');
    await textbox(page, 'Verkkolaskuosoite (OVT)').fill(SELLER.eInvoiceAddress);
    await textbox(page, 'Välittäjä').fill(SELLER.eInvoiceIntermediator);
    // The retention periods erasure keeps records for: accounting's, and the client records'.
    assert.equal(await textbox(page, 'Laskujen säilytysaika (vuotta)').inputValue(), '6');
    const socialRetention = 'Sosiaalihuollon asiakasasiakirjojen säilytysaika (vuotta)';
    assert.equal(await textbox(page, socialRetention).inputValue(), '12');
    await textbox(page, socialRetention).fill('15');
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();

    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (1)' }).waitFor();
    const ibanError = 'Tilinumeron tarkistusnumerot eivät täsmää. Tarkista kirjoitusvirheet.';
    await page.getByRole('link', { name: `Tilinumero (IBAN): ${ibanError}` }).waitFor();
    await page.getByText(ibanError, { exact: true }).waitFor();
    await checkAccessibility(page, 'the billing settings with a wrong IBAN');
    await picture(page, 'billing-settings-error.png');

    await textbox(page, 'Tilinumero (IBAN)').fill('FI37 1590 3000 0007 76');
    await page.getByRole('button', { name: 'Tallenna asetukset' }).click();
    await status(page).getByText('Laskutusasetukset tallennettiin.').waitFor();
    await page.getByText(/^Muutettu viimeksi /).waitFor();
    await checkAccessibility(page, 'the billing settings after saving');

    // Stored as the server normalised them, and shown again on the next visit.
    await page.reload();
    await heading(page, 'Laskutusasetukset').waitFor();
    assert.equal(await textbox(page, 'Tilinumero (IBAN)').inputValue(), SELLER.iban);
    assert.equal(await textbox(page, 'BIC').inputValue(), 'NDEAFIHH');
    assert.equal(await textbox(page, 'Maksuaika (päivää)').inputValue(), '21');
    assert.equal(await textbox(page, 'Myyjän nimi').inputValue(), SELLER.sellerName);
    assert.equal(
      await textbox(page, 'Sosiaalihuollon asiakasasiakirjojen säilytysaika (vuotta)').inputValue(),
      '15',
    );
  });

  test('the administrator adds a service to the catalogue and changes its price', async () => {
    await openFromMenu(page, 'Palveluluettelo');
    await page.getByText('Palveluluettelossa ei ole palveluita.').waitFor();
    await page.getByRole('button', { name: 'Uusi palvelu' }).click();
    const form = page.getByRole('form', { name: 'Uusi palvelu' });
    await textbox(page, 'Tunnus').fill('siivous-h');
    await textbox(page, 'Yksikkö').fill('h');
    await textbox(page, 'Nimi suomeksi').fill('Siivouspalvelu');
    await textbox(page, 'Nimi ruotsiksi').fill('Städtjänst');
    await textbox(page, 'Nimi englanniksi').fill('Cleaning service');
    await textbox(page, 'Yksikköhinta (€, veroton)').fill('38,5');
    await textbox(page, 'Arvonlisäverokanta (%)').fill('25,5');
    await checkAccessibility(page, 'the new service form');
    await form.getByRole('button', { name: 'Lisää palvelu' }).click();

    await status(page).getByText('Palvelu lisättiin: Siivouspalvelu.').waitFor();
    const row = serviceRow(page, 'Siivouspalvelu');
    await row.getByRole('cell', { name: 'siivous-h', exact: true }).waitFor();
    await row.getByRole('cell', { name: /^38,50\s€$/ }).waitFor();
    await row.getByRole('cell', { name: /^25,5\s%$/ }).waitFor();
    await row.getByText('Käytössä', { exact: true }).waitFor();
    await checkAccessibility(page, 'the service catalogue with a service');
    await picture(page, 'service-catalogue.png');

    await row.getByRole('button', { name: 'Muokkaa palvelua Siivouspalvelu' }).click();
    const edit = page.getByRole('form', { name: 'Muokkaa palvelua Siivouspalvelu' });
    assert.equal(await textbox(page, 'Yksikköhinta (€, veroton)').inputValue(), '38,50');
    // Cents are the smallest unit: a third decimal is refused with the reason.
    await textbox(page, 'Yksikköhinta (€, veroton)').fill('42,125');
    await edit.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await edit.getByText('Hinnassa voi olla enintään kaksi desimaalia.', { exact: true }).waitFor();
    await checkAccessibility(page, 'the service form with a price of three decimals');
    await picture(page, 'service-form-error.png');
    await textbox(page, 'Yksikköhinta (€, veroton)').fill('42,10');
    await edit.getByRole('button', { name: 'Tallenna muutokset' }).click();

    await status(page).getByText('Palvelun muutokset tallennettiin: Siivouspalvelu.').waitFor();
    await serviceRow(page, 'Siivouspalvelu')
      .getByRole('cell', { name: /^42,10\s€$/ })
      .waitFor();
    const stored = await server.app.inject({
      method: 'GET',
      url: '/api/services',
      headers: {
        cookie: await signInNewUser(server.app, server.database, server.keys, {
          username: 'tilaaja',
          role: 'customer_service',
        }),
      },
    });
    const service = (
      stored.json() as { items: { code: string; unitPriceCents: number }[] }
    ).items.find((item) => item.code === 'siivous-h');
    assert.equal(service?.unitPriceCents, 4210);
    await signOut(page);
  });

  test('the billing office runs the invoices of delivered orders and downloads the documents', async () => {
    const person = await insertTestPerson(server.database, {
      firstName: 'Laura',
      lastName: 'Laskutettava',
    });
    await insertOrder(
      server.database,
      { personId: person },
      { lines: [{ description: 'Kotihoidon käynti', quantity: '2', unitPriceCents: 4590 }] },
    );
    const organization = await insertTestOrganization(server.database, {
      name: 'Verkkolasku Oy',
      billing: E_INVOICE_BILLING,
    });
    await insertOrder(
      server.database,
      { organizationId: organization },
      { lines: [{ description: 'Kokoustila', quantity: '1', unitPriceCents: 10_000 }] },
    );
    // Not delivered yet: not invoiced.
    await insertOrder(server.database, { personId: person }, { status: 'confirmed' });

    await signIn(page, BILLING.username, BILLING.password);
    assert.equal(
      await navigation(page).getByRole('link', { name: 'Laskutusasetukset' }).count(),
      0,
    );
    await openFromMenu(page, 'Laskutusajo');
    await checkAccessibility(page, 'the invoice run');
    const invoiceDate = textbox(page, 'Laskun päiväys');
    const today = await invoiceDate.inputValue();
    assert.match(today, /^\d{1,2}\.\d{1,2}\.\d{4}$/, 'the date is today by default');
    const dialog = page.getByRole('dialog');
    // The server refuses a date in the future, and the field says so.
    await invoiceDate.fill('1.1.2099');
    await page.getByRole('button', { name: 'Käynnistä laskutusajo' }).click();
    await dialog.getByRole('button', { name: 'Laskuta', exact: true }).click();
    await page.getByText('Päivämäärä ei voi olla tulevaisuudessa.', { exact: true }).waitFor();
    await checkAccessibility(page, 'the invoice run with a date in the future');

    await invoiceDate.fill(today);
    await page.getByRole('button', { name: 'Käynnistä laskutusajo' }).click();
    await dialog.getByText(/^Laskutetaanko kaikki toimitetut tilaukset päiväyksellä/).waitFor();
    await checkAccessibility(page, 'the invoice run confirmation');
    await dialog.getByRole('button', { name: 'Laskuta', exact: true }).click();

    await page.getByRole('heading', { name: 'Laskutusajon tulos' }).waitFor();
    assert.equal(await dataValue(page, 'Laskuja yhteensä').innerText(), '2');
    assert.equal(await dataValue(page, 'Paperilaskuja').innerText(), '1');
    assert.equal(await dataValue(page, 'Verkkolaskuja').innerText(), '1');
    // 2 h × 45,90 € + 25,5 % VAT = 115,21 €; 100,00 € + 25,5 % VAT = 125,50 €.
    assert.match(
      await dataValue(page, 'Laskutettu yhteensä (sis. alv)').innerText(),
      /^240,71\s€$/,
    );
    await checkAccessibility(page, 'the invoice run summary');
    await picture(page, 'invoice-run.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Lataa laskuaineisto (tar.gz)' }).click(),
    ]);
    const members = tarMembers(await fs.promises.readFile(await download.path()));
    assert.equal(
      members.filter((name) => /^paper\/\d+\.pdf$/.test(name)).length,
      1,
      members.join(),
    );
    assert.equal(
      members.filter((name) => /^einvoice\/\d+\.xml$/.test(name)).length,
      1,
      members.join(),
    );

    // A second run finds nothing left to invoice.
    await page.getByRole('button', { name: 'Käynnistä laskutusajo' }).click();
    await dialog.getByRole('button', { name: 'Laskuta', exact: true }).click();
    await page.getByText('Laskutettavia tilauksia ei ollut: yhtään laskua ei tehty.').waitFor();
  });

  test('the disclosures register lists what went to whom, filters by legal basis and opens one', async () => {
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username: 'luovuttaja',
      role: 'billing',
    });
    const partnerId = await insertTestPartner(server.database, {
      name: 'Perintätoimisto Oy',
      roles: ['recipient'],
    });
    const subject = await insertTestPerson(server.database, {
      firstName: 'Ville',
      lastName: 'Vastaanottaja',
      email: 'ville@example.fi',
    });
    for (const body of [
      { legalBasis: 'billing', fields: ['contact'] },
      {
        legalBasis: 'legal_obligation',
        purpose: 'Ulosottoviranomaisen tietopyyntö',
        fields: ['address'],
      },
    ]) {
      const made = await server.app.inject({
        method: 'POST',
        url: '/api/disclosures',
        headers: json(cookie),
        payload: { partnerId, subjectIds: [subject], ...body },
      });
      assert.equal(made.statusCode, 201, made.body);
    }

    await openFromMenu(page, 'Luovutusrekisteri');
    await status(page).getByText('2 luovutusta.').waitFor();
    const table = page.getByRole('table', { name: 'Luovutukset, uusin ensin' });
    const billingRow = table.getByRole('row').filter({ hasText: 'Laskutus' });
    await billingRow
      .getByRole('link', { name: /Perintätoimisto Oy/ })
      .first()
      .waitFor();
    await billingRow.getByText('lastName, firstName, email, phone', { exact: true }).waitFor();
    await billingRow.getByRole('cell', { name: '1', exact: true }).waitFor();
    await billingRow.getByText('luovuttaja', { exact: true }).waitFor();
    await billingRow.getByText('Ei', { exact: true }).waitFor();
    await checkAccessibility(page, 'the disclosures register');
    await picture(page, 'disclosure-register.png');

    await page.getByRole('button', { name: /Peruste/ }).click();
    await page.getByRole('option', { name: 'Lakisääteinen velvoite' }).click();
    await page.getByRole('button', { name: 'Näytä', exact: true }).click();
    await status(page).getByText('1 luovutus.').waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Lakisääteinen velvoite' });
    await row.getByText('Ulosottoviranomaisen tietopyyntö').waitFor();
    assert.equal(await table.getByRole('row').filter({ hasText: 'Laskutus' }).count(), 0);

    // The recipient's name narrows the list to its disclosures, with the legal basis kept.
    await row
      .getByRole('link', { name: 'Näytä vain vastaanottajan Perintätoimisto Oy luovutukset' })
      .click();
    await page.getByText('Vastaanottaja: Perintätoimisto Oy.').waitFor();
    await status(page).getByText('1 luovutus.').waitFor();
    await checkAccessibility(page, 'the disclosures register filtered by a recipient');

    await row.getByRole('link', { name: /^Avaa luovutus .*: Perintätoimisto Oy$/ }).click();
    await page
      .getByRole('heading', { level: 1, name: /^Luovutus: Perintätoimisto Oy, / })
      .waitFor();
    assert.equal(await dataValue(page, 'Peruste').innerText(), 'Lakisääteinen velvoite');
    assert.equal(await dataValue(page, 'Luovuttaja').innerText(), 'luovuttaja');
    assert.match(await dataValue(page, 'SHA-256-tarkistussumma').innerText(), /^[0-9a-f]{64}$/);
    const subjects = page.getByRole('table', {
      name: 'Henkilöt, joiden tietoja luovutettiin, ja kullekin luovutetut kentät',
    });
    const subjectRow = subjects.getByRole('row').filter({ hasText: 'Vastaanottaja, Ville' });
    await subjectRow
      .getByText('lastName, firstName, street, postalCode, postOffice, country', { exact: true })
      .waitFor();
    await subjectRow.getByRole('link', { name: 'Vastaanottaja, Ville' }).waitFor();
    await checkAccessibility(page, 'a disclosure');
    await picture(page, 'disclosure.png');

    assert.deepEqual(problems, []);
  });

  describe('billing at 1366×768, a page of its own per test', () => {
    let own: Page;
    let ownProblems: string[];
    pagePerTest(
      () => browser,
      (opened) => ({ page: own, problems: ownProblems } = opened),
    );

    test('billing starts an invoice run and confirms it with the mouse; the run is listed with its archive', async () => {
      await own.setViewportSize({ width: 1366, height: 768 });
      await insertBillingSettings(server.database);
      const person = await insertTestPerson(server.database, { lastName: 'Hiirinen' });
      await insertOrder(server.database, { personId: person });
      await signInByCookie(own, server, 'billing');
      await own.goto(server.baseUrl);
      await heading(own, 'Työlista').waitFor();
      await picture(own, 'home-billing.png');
      await navigation(own).getByRole('link', { name: 'Laskutusajo', exact: true }).click();
      await heading(own, 'Laskutusajo').waitFor();
      // The sticky action bar stays below the dialog: a click that lands on anything else fails.
      await own.getByRole('button', { name: 'Käynnistä laskutusajo' }).click();
      const dialog = own.getByRole('dialog');
      const confirm = dialog.getByRole('button', { name: 'Laskuta', exact: true });
      await confirm.waitFor();
      await picture(own, 'invoice-run-confirm-1366.png');
      await confirm.click({ timeout: 5000 });
      await own.getByRole('heading', { name: 'Laskutusajon tulos' }).waitFor();

      await own.getByRole('link', { name: 'Laskutus', exact: true }).click();
      await heading(own, 'Laskut').waitFor();
      const lists = own.getByRole('navigation', { name: 'Laskutuksen listat' });
      await lists.getByRole('link', { name: 'Laskutusajot' }).click();
      await heading(own, 'Laskutusajot').waitFor();
      const runs = own.getByRole('table', { name: 'Laskutusajot' });
      const archive = runs.getByRole('link', { name: /^Lataa arkisto/ }).first();
      assert.match(
        (await archive.getAttribute('href')) ?? '',
        /^\/api\/invoice-runs\/[0-9a-f-]+\/archive$/,
      );
      await checkAccessibility(own, 'the invoice runs');
      await picture(own, 'billing-runs.png');
      await runs
        .getByRole('link', { name: /^Laskut \(/ })
        .first()
        .click();
      await own.getByText('Näytetään yhden laskutusajon laskut.').waitFor();
      await own
        .getByRole('table', { name: 'Laskut' })
        .getByRole('link', { name: 'Laura Hiirinen' })
        .waitFor();
      assert.deepEqual(ownProblems, []);
    });

    test("billing's lists of orders and invoices across customers, filtered by name, each row to its customer", async () => {
      await own.setViewportSize({ width: 1366, height: 768 });
      const person = await insertTestPerson(server.database, {
        firstName: 'Lista',
        lastName: 'Laskulainen',
      });
      await insertOrder(server.database, { personId: person }, { status: 'confirmed' });
      await insertTestInvoice(server.database, { personId: person, dueDate: '2026-01-31' });
      await signInByCookie(own, server, 'billing');
      await own.goto(`${server.baseUrl}/billing/invoices`);
      await heading(own, 'Laskut').waitFor();
      await own.getByRole('textbox', { name: 'Asiakkaan nimi' }).fill('laskulai');
      await own.getByRole('button', { name: 'Näytä', exact: true }).click();
      await own.waitForURL('**/billing/invoices?customer=laskulai');
      const invoices = own.getByRole('table', { name: 'Laskut' });
      await invoices.getByRole('link', { name: 'Lista Laskulainen' }).waitFor();
      await invoices.getByText('Erääntynyt').waitFor();
      await checkAccessibility(own, 'the invoices across customers');
      await picture(own, 'billing-invoices.png');

      await own
        .getByRole('navigation', { name: 'Laskutuksen listat' })
        .getByRole('link', { name: 'Tilaukset' })
        .click();
      await heading(own, 'Tilaukset').waitFor();
      await own.getByRole('textbox', { name: 'Asiakkaan nimi' }).fill('Laskulainen');
      await own.getByRole('button', { name: 'Näytä', exact: true }).click();
      // The unfiltered list (every customer's confirmed orders) is gone once the address is.
      await own.waitForURL('**/billing/orders?customer=Laskulainen');
      const orders = own.getByRole('table', { name: 'Tilaukset' });
      // Lista Laskulainen's own confirmed order (another test's customers may match in part).
      await orders
        .getByRole('row', { name: /Lista Laskulainen/ })
        .getByText('Vahvistettu')
        .waitFor();
      await checkAccessibility(own, 'the orders across customers');
      await picture(own, 'billing-orders.png');
      await orders.getByRole('link', { name: 'Lista Laskulainen' }).click();
      await own.waitForURL(`**/persons/${person}`);
      assert.deepEqual(ownProblems, []);
    });
  });
});
