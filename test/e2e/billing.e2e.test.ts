import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { addDays, helsinkiDate } from '../../src/contract/dates.ts';
import { insertTestPartner, json, signInNewUser } from '../helpers/app.ts';
import {
  E_INVOICE_BILLING,
  insertBillingSettings,
  insertService,
  insertTestOrganization,
  insertTestPerson,
} from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  picture,
  signIn,
  signOut,
  type TestServer,
} from './helpers.ts';

const BILLING = { username: 'laskuttaja', password: 'billing horse battery staple' };
const SERVICE_DESK = { username: 'asiakaspalvelu', password: 'service horse battery staple' };
const AGENCY = 'Perintätoimisto Oy';
const SERVICE = 'Kotihoidon käynti';
/** d.m.yyyy, as the date fields take a date. */
const finnish = (date: string) => {
  const [y, m, d] = date.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};
/** 1 234,50 € as the Finnish page writes euros (a no-break space before the sign). */
const euros = (text: string) => `${text}\u00a0€`;

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const rowOf = (table: Locator, header: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: header }) });
const dialog = (page: Page) => page.getByRole('dialog');

describe(
  'a customer’s orders, invoices and disclosures in the browser',
  { skip: chromiumSkip },
  () => {
    let server: TestServer;
    let page: Page;
    let problems: string[];
    let personId: string;
    let organizationId: string;
    let api: string;
    const today = helsinkiDate(new Date());
    const invoiceDate = addDays(today, -40);

    browserSuite(
      {
        role: 'billing',
        ...BILLING,
        others: [{ ...SERVICE_DESK, role: 'customer_service' }],
      },
      async (setup) => {
        ({ server, page, problems } = setup);
        // What the administrator has set up: the seller, a service, and a collection agency.
        await insertBillingSettings(server.database, { paymentTermDays: 14 });
        await insertService(server.database, {
          code: 'kotihoito',
          nameFi: SERVICE,
          unit: 'h',
          unitPriceCents: 4590,
          vatRateBasisPoints: 2550,
        });
        await insertTestPartner(server.database, {
          name: AGENCY,
          country: 'FI',
          roles: ['recipient'],
        });
        await insertTestPartner(server.database, { name: 'Tietolähde Oy', roles: ['source'] });
        personId = await insertTestPerson(server.database, {
          firstName: 'Laura',
          lastName: 'Laskutettava',
        });
        // An e-invoice customer: its invoices are Finvoice messages too.
        organizationId = await insertTestOrganization(server.database, {
          billing: E_INVOICE_BILLING,
        });
        api = await signInNewUser(server.app, server.database, server.keys, {
          username: 'rajapinta',
          role: 'billing',
        });
      },
    );

    test('the billing clerk orders a service for a person, confirms and delivers it', async () => {
      await page.goto(`${server.baseUrl}/persons/${personId}?tab=billing`);
      await signIn(page, BILLING.username, BILLING.password);
      await heading(page, 'Laura Laskutettava').waitFor();
      const orders = section(page, 'Tilaukset');
      await orders.getByText('Asiakkaalla ei ole tilauksia.').waitFor();
      await section(page, 'Laskut').getByText('Asiakkaalla ei ole laskuja.').waitFor();
      await section(page, 'Tietojen luovutukset')
        .getByText('Asiakkaan tietoja ei ole luovutettu.')
        .waitFor();
      await checkAccessibility(page, 'a person’s page with empty billing sections');

      await orders.getByRole('button', { name: 'Uusi tilaus' }).click();
      await orders.getByRole('button', { name: 'Tallenna luonnos' }).click();
      await orders.getByRole('heading', { name: /Korjaa lomakkeen virheet \(1\)/ }).waitFor();
      await orders.getByRole('button', { name: /Rivin 1 palvelu/ }).click();
      await page.getByRole('option', { name: `${SERVICE} (${euros('45,90')} / h)` }).click();
      await orders.getByRole('textbox', { name: 'Rivin 1 määrä' }).fill('2,5');
      await checkAccessibility(page, 'the new order form');
      await orders.getByRole('button', { name: 'Tallenna luonnos' }).click();
      await orders.getByRole('status').getByText('Tilaus 1 tallennettiin luonnoksena.').waitFor();

      const table = orders.getByRole('table', { name: 'Tilaukset' });
      const order = rowOf(table, '1');
      await order.getByText('Luonnos', { exact: true }).waitFor();
      await order.getByRole('button', { name: 'Näytä rivit (1)' }).click();
      await order.getByText(`${SERVICE}: 2,5 h à ${euros('45,90')}`).waitFor();
      assert.equal(
        await order
          .getByRole('button', { name: 'Piilota rivit (1)' })
          .getAttribute('aria-expanded'),
        'true',
      );
      // 2.5 × 45.90 = 114.75, VAT 25.5 % 29.26: 144.01 in all.
      await order.getByText(euros('144,01')).waitFor();

      await order.getByRole('button', { name: 'Vahvista tilaus 1' }).click();
      await dialog(page).getByRole('heading', { name: 'Vahvistetaanko tilaus 1?' }).waitFor();
      await checkAccessibility(page, 'the dialog confirming an order');
      await dialog(page).getByRole('button', { name: 'Vahvista', exact: true }).click();
      await orders.getByRole('status').getByText('Tilaus 1 vahvistettiin.').waitFor();
      await order.getByText('Vahvistettu', { exact: true }).waitFor();
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('role')),
        'status',
        'the focus moves to what happened',
      );

      await order.getByRole('button', { name: 'Kirjaa toimitus: tilaus 1' }).click();
      assert.equal(await dialog(page).getByLabel('Toimituspäivä').inputValue(), finnish(today));
      await dialog(page).getByRole('button', { name: 'Kirjaa toimitus' }).click();
      await orders.getByRole('status').getByText('Tilaus 1 merkittiin toimitetuksi.').waitFor();
      await order.getByText('Toimitettu', { exact: true }).waitFor();
      await order.getByText(`Toimitettu ${finnish(today)}`).waitFor();
      assert.equal(await order.getByRole('button', { name: /Peru tilaus/ }).count(), 0);
    });

    test('the order is invoiced 40 days back, and the invoice shows as overdue', async () => {
      const orders = section(page, 'Tilaukset');
      const order = rowOf(orders.getByRole('table', { name: 'Tilaukset' }), '1');
      await order.getByRole('button', { name: 'Laskuta tilaus 1' }).click();
      await dialog(page).getByLabel('Laskun päiväys').fill('1.13.2026');
      await dialog(page).getByRole('button', { name: 'Laskuta', exact: true }).click();
      await dialog(page)
        .getByText('Anna päivämäärä muodossa p.k.vvvv, esim. 31.12.2026.')
        .waitFor();
      await dialog(page)
        .getByLabel('Laskun päiväys')
        .fill(finnish(addDays(today, 1)));
      await dialog(page).getByRole('button', { name: 'Laskuta', exact: true }).click();
      await dialog(page).getByText('Päivämäärä ei voi olla tulevaisuudessa.').waitFor();
      await checkAccessibility(page, 'the invoicing dialog with an error');
      await dialog(page).getByLabel('Laskun päiväys').fill(finnish(invoiceDate));
      await dialog(page).getByRole('button', { name: 'Laskuta', exact: true }).click();
      await orders
        .getByRole('status')
        .getByText(/^Tilauksesta 1 tehtiin lasku \d+\.$/)
        .waitFor();
      await order.getByText('Laskutettu', { exact: true }).waitFor();

      const invoices = await server.app.inject({
        method: 'GET',
        url: `/api/persons/${personId}/invoices`,
        headers: json(api),
      });
      assert.equal(invoices.statusCode, 200, invoices.body);
      const [invoice] = invoices.json().items as {
        id: string;
        number: number;
        reference: string;
      }[];
      assert.ok(invoice);
      const row = rowOf(
        section(page, 'Laskut').getByRole('table', { name: 'Laskut' }),
        String(invoice.number),
      );
      await row.getByText('Erääntynyt', { exact: true }).waitFor();
      await row.getByText(invoice.reference, { exact: true }).waitFor();
      await row.getByText(finnish(invoiceDate), { exact: true }).waitFor();
      await row.getByText(finnish(addDays(invoiceDate, 14)), { exact: true }).waitFor();
      await row.getByText(euros('144,01'), { exact: true }).waitFor();
      const pdf = row.getByRole('link', { name: `Laskun ${invoice.number} PDF` });
      assert.equal(await pdf.getAttribute('href'), `/api/invoices/${invoice.id}/pdf`);
      const file = await page.request.get(`${server.baseUrl}/api/invoices/${invoice.id}/pdf`);
      assert.equal(file.status(), 200);
      assert.equal(file.headers()['content-type'], 'application/pdf');
      await checkAccessibility(page, 'a person’s page with an order and an overdue invoice');
      await picture(page, 'customer-billing.png');
    });

    test('the overdue invoice goes to collection, and the disclosure shows on the page', async () => {
      const invoices = section(page, 'Laskut');
      const row = invoices.getByRole('table', { name: 'Laskut' }).getByRole('row').nth(1);
      const number = (await row.getByRole('rowheader').innerText()).trim();
      await row.getByRole('button', { name: `Siirrä perintään: lasku ${number}` }).click();
      await dialog(page).getByRole('button', { name: 'Siirrä perintään' }).click();
      await dialog(page).getByText('Tämä tieto on pakollinen.').waitFor();
      await dialog(page)
        .getByRole('button', { name: /Perintäyhtiö/ })
        .click();
      // The agencies arrive with the dialog's own request: wait for them before reading the list.
      await page.getByRole('option', { name: AGENCY }).waitFor();
      assert.deepEqual(await page.getByRole('option').allInnerTexts(), [AGENCY]);
      await page.getByRole('option', { name: AGENCY }).click();
      await page.getByRole('option').first().waitFor({ state: 'detached' });
      await checkAccessibility(page, 'the collection dialog');
      await dialog(page).getByRole('button', { name: 'Siirrä perintään' }).click();

      await invoices
        .getByRole('status')
        .getByText(`Lasku ${number} siirrettiin perintään: ${AGENCY}.`)
        .waitFor();
      await invoices.getByText(new RegExp(`^Vastaanottaja ${AGENCY}, .*, laskuja 1\\.$`)).waitFor();
      await invoices.getByRole('button', { name: /Lataa luovutettu tiedosto/ }).waitFor();
      await row.getByText('Perinnässä', { exact: true }).waitFor();
      assert.equal(await row.getByRole('button', { name: /perintään/ }).count(), 0);

      const disclosure = section(page, 'Tietojen luovutukset')
        .getByRole('table', { name: 'Tietojen luovutukset' })
        .getByRole('row')
        .nth(1);
      await disclosure.getByText(AGENCY, { exact: true }).waitFor();
      await disclosure.getByText('Perintä', { exact: true }).waitFor();
      await disclosure.getByText(BILLING.username, { exact: true }).waitFor();
      assert.match(await disclosure.innerText(), /debtorName.*reference/);
      assert.equal(await disclosure.getByText(/Suojattu osoite luovutettu/).count(), 0);
      await checkAccessibility(page, 'a person’s page after the collection');

      // The page as it loads anew says the same.
      await page.reload();
      await heading(page, 'Laura Laskutettava').waitFor();
      await section(page, 'Tietojen luovutukset').getByText(AGENCY, { exact: true }).waitFor();
      await section(page, 'Laskut').getByText('Perinnässä', { exact: true }).waitFor();
    });

    test('an organisation’s page has the same sections', async () => {
      await page.goto(`${server.baseUrl}/organizations/${organizationId}?tab=billing`);
      await heading(page, 'Laskutettava Oy').waitFor();
      await section(page, 'Tilaukset').getByText('Asiakkaalla ei ole tilauksia.').waitFor();
      await section(page, 'Laskut').getByText('Asiakkaalla ei ole laskuja.').waitFor();
      await section(page, 'Tietojen luovutukset')
        .getByText('Asiakkaan tietoja ei ole luovutettu.')
        .waitFor();
      await section(page, 'Tilaukset').getByRole('button', { name: 'Uusi tilaus' }).click();
      await section(page, 'Tilaukset')
        .getByRole('button', { name: /Rivin 1 palvelu/ })
        .click();
      await page.getByRole('option', { name: new RegExp(SERVICE) }).click();
      await section(page, 'Tilaukset').getByRole('button', { name: 'Tallenna luonnos' }).click();
      await section(page, 'Tilaukset').getByText('Tilaus 2 tallennettiin luonnoksena.').waitFor();
      await section(page, 'Tilaukset').getByRole('button', { name: 'Näytä rivit (1)' }).click();
      await section(page, 'Tilaukset')
        .getByText(`${SERVICE}: 1 h à ${euros('45,90')}`)
        .waitFor();
      await checkAccessibility(page, 'an organisation’s page with an order');
    });

    test('the organisation’s order is invoiced today, paid in part and in full, then credited', async () => {
      const orders = section(page, 'Tilaukset');
      const order = rowOf(orders.getByRole('table', { name: 'Tilaukset' }), '2');
      await order.getByRole('button', { name: 'Vahvista tilaus 2' }).click();
      await dialog(page).getByRole('button', { name: 'Vahvista', exact: true }).click();
      await order.getByText('Vahvistettu', { exact: true }).waitFor();
      await order.getByRole('button', { name: 'Kirjaa toimitus: tilaus 2' }).click();
      await dialog(page).getByRole('button', { name: 'Kirjaa toimitus' }).click();
      await order.getByText('Toimitettu', { exact: true }).waitFor();
      await order.getByRole('button', { name: 'Laskuta tilaus 2' }).click();
      await dialog(page).getByRole('button', { name: 'Laskuta', exact: true }).click();
      await orders
        .getByRole('status')
        .getByText(/^Tilauksesta 2 tehtiin lasku \d+\.$/)
        .waitFor();

      const invoices = section(page, 'Laskut');
      const row = invoices.getByRole('table', { name: 'Laskut' }).getByRole('row').nth(1);
      const number = (await row.getByRole('rowheader').innerText()).trim();
      await row.getByText('Avoin', { exact: true }).waitFor();
      await row.getByText(finnish(today), { exact: true }).waitFor();
      await row.getByText(finnish(addDays(today, 14)), { exact: true }).waitFor();
      // 1 h × 45.90 with VAT 25.5 %: 57.60.
      await row.getByText(euros('57,60'), { exact: true }).waitFor();
      const finvoice = row.getByRole('link', { name: `Laskun ${number} Finvoice-verkkolasku` });
      const message = await page.request.get(
        `${server.baseUrl}${await finvoice.getAttribute('href')}`,
      );
      assert.equal(message.status(), 200);
      assert.match(await message.text(), /<Finvoice/);
      assert.equal(await row.getByRole('button', { name: /perintään/ }).count(), 0, 'not overdue');

      await row.getByRole('button', { name: `Kirjaa maksu laskulle ${number}` }).click();
      assert.equal(await dialog(page).getByLabel('Summa euroina').inputValue(), '57,60');
      await dialog(page).getByLabel('Summa euroina').fill('20,5');
      await checkAccessibility(page, 'the payment dialog');
      await dialog(page).getByRole('button', { name: 'Kirjaa maksu' }).click();
      await invoices
        .getByRole('status')
        .getByText(`Laskun ${number} maksu kirjattiin. Tila: Avoin.`)
        .waitFor();
      await row.getByText(`Avoinna ${euros('37,10')}`).waitFor();
      await row.getByRole('button', { name: `Kirjaa maksu laskulle ${number}` }).click();
      assert.equal(await dialog(page).getByLabel('Summa euroina').inputValue(), '37,10');
      await dialog(page).getByRole('button', { name: 'Kirjaa maksu' }).click();
      await invoices
        .getByRole('status')
        .getByText(`Laskun ${number} maksu kirjattiin. Tila: Maksettu.`)
        .waitFor();
      await row.getByText('Maksettu', { exact: true }).waitFor();

      await row.getByRole('button', { name: `Hyvitä lasku ${number}` }).click();
      await dialog(page).getByLabel('Hyvityksen syy').fill('x');
      await dialog(page).getByRole('button', { name: 'Hyvitä', exact: true }).click();
      await dialog(page).getByText('Tieto puuttuu tai on liian lyhyt.').waitFor();
      await dialog(page).getByLabel('Hyvityksen syy').fill('Käynti jäi pitämättä');
      await dialog(page).getByRole('button', { name: 'Hyvitä', exact: true }).click();
      await invoices
        .getByRole('status')
        .getByText(new RegExp(`^Lasku ${number} hyvitettiin hyvityslaskulla \\d+\\.$`))
        .waitFor();
      const table = invoices.getByRole('table', { name: 'Laskut' });
      await rowOf(table, number).getByText('Hyvitetty', { exact: true }).waitFor();
      await table.getByText('Hyvityslasku', { exact: true }).waitFor();
      await table.getByText(euros('−57,60'), { exact: true }).waitFor();
      assert.equal(await table.getByRole('button', { name: /Hyvitä/ }).count(), 0);
      await checkAccessibility(page, 'an organisation’s page with a credited invoice');
    });

    test('customer service sees orders and invoices, but neither records payments nor discloses', async () => {
      await signOut(page);
      await signIn(page, SERVICE_DESK.username, SERVICE_DESK.password);
      await page.goto(`${server.baseUrl}/persons/${personId}?tab=billing`);
      await heading(page, 'Laura Laskutettava').waitFor();
      await section(page, 'Tilaukset').getByText('Laskutettu', { exact: true }).waitFor();
      const invoices = section(page, 'Laskut');
      await invoices.getByText('Perinnässä', { exact: true }).waitFor();
      await invoices.getByRole('link', { name: /PDF$/ }).waitFor();
      assert.equal(await invoices.getByRole('button').count(), 0, 'no invoice actions');
      assert.equal(await section(page, 'Tietojen luovutukset').count(), 0);
      // Creating orders is theirs: the form is there.
      await section(page, 'Tilaukset').getByRole('button', { name: 'Uusi tilaus' }).waitFor();
      await checkAccessibility(page, 'a person’s page for customer service');
      assert.deepEqual(problems, []);
    });
  },
);
