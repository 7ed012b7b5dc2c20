import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import {
  browserSuite,
  businessIdOf,
  checkAccessibility,
  chromiumSkip,
  heading,
  homePage,
  pagePerTest,
  signIn,
  signInByCookie,
  signOut,
  type TestServer,
} from './helpers.ts';

const ORGANIZATION = 'Kuntatekniikka Oy';
const BUSINESS_ID = '0201551-3';
const PERSON = { firstName: 'Matti', lastName: 'Virtanen' };
const FULL_NAME = `${PERSON.firstName} ${PERSON.lastName}`;
const IDENTITY_CODE = '131052-308T';
const STREET = 'Mannerheimintie 12 B 7';
const TITLE = 'toimitusjohtaja';

const customerService = {
  username: 'asiakaspalvelu',
  password: 'another horse battery staple',
};

/** Everything the page shows as text, dialogs included. */
const pageText = (page: Page): Promise<string> => page.locator('body').innerText();

async function search(page: Page, query: string) {
  const box = page.getByRole('searchbox');
  await box.fill(query);
  await box.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === query);
}

async function openFromNavigation(page: Page, link: string) {
  await page
    .getByRole('navigation', { name: 'Päävalikko' })
    .getByRole('link', { name: link, exact: true })
    .click();
}

async function chooseLanguage(page: Page, current: RegExp, option: string) {
  await page.getByRole('button', { name: current }).click();
  await page.getByRole('menuitem', { name: option }).click();
}

/**
 * The open modal dialog whose title is `title`. It is found by its heading, and its accessible
 * name is checked apart, so that a dialog left unnamed fails with a clear message.
 */
async function openDialog(page: Page, title: string) {
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  await dialog.waitFor();
  assert.equal(
    await page.getByRole('dialog', { name: title, exact: true }).count(),
    1,
    `the dialog is named by its title "${title}" (aria-labelledby)`,
  );
  return dialog;
}

/** The organisation form filled with a name, the business ID and a postal address. */
async function fillOrganization(page: Page, name: string) {
  await page.getByLabel('Nimi', { exact: true }).fill(name);
  await page.getByLabel('Y-tunnus', { exact: true }).fill(BUSINESS_ID);
  const postal = page.getByRole('group', { name: 'Postiosoite' });
  await postal.getByLabel('Katuosoite').fill('Teollisuuskatu 5');
  await postal.getByLabel('Postinumero').fill('00510');
  await postal.getByLabel('Postitoimipaikka').fill('Helsinki');
}

/** A person of a test's own: names and an identity code no other test uses. */
type Registered = {
  firstName: string;
  lastName: string;
  fullName: string;
  identityCode: string;
  maskedCode: string;
  personUrl: string;
  organization: string;
};

describe('organisations and persons in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  /** A register officer's session for registering a test's own records through the API. */
  let officerCookie: string;

  browserSuite(
    {
      role: 'register_officer',
      username: 'rekisterivastaava',
      others: [{ ...customerService, role: 'customer_service' }],
    },
    async (setup) => {
      ({ server, browser } = setup);
      officerCookie = await signInNewUser(server.app, server.database, server.keys, {
        username: 'rekisterivastaava.api',
        role: 'register_officer',
      });
    },
  );
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /** Registers through the API, as a colleague would have; the answer's id. */
  const post = async (url: string, payload: object): Promise<string> => {
    const response = await server.app.inject({
      method: 'POST',
      url,
      headers: json(officerCookie),
      payload,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  };

  /**
   * An organisation and a person with an identity code and a permanent address who represents it
   * (`n` makes the business ID, the organisation's name and the identity code the test's own).
   */
  const registered = async (
    n: number,
    person: { firstName: string; lastName: string },
  ): Promise<Registered> => {
    const organization = `Kuntapalvelu ${n} Oy`;
    const organizationId = await post('/api/organizations', {
      name: organization,
      businessId: businessIdOf(n),
    });
    const identityCode = makeIdentityCode('1952-10-13', 300 + n);
    const personId = await post('/api/persons', {
      ...person,
      personalIdentityCode: identityCode,
      personalIdentityCodePurpose: 'consent',
      permanentAddress: { street: STREET, postalCode: '00100', postOffice: 'Helsinki' },
      organizations: [{ organizationId, title: TITLE }],
    });
    return {
      ...person,
      fullName: `${person.firstName} ${person.lastName}`,
      identityCode,
      maskedCode: `${identityCode.slice(0, 7)}****`,
      personUrl: `${server.baseUrl}/persons/${personId}`,
      organization,
    };
  };

  /** The register officer's page, signed in by cookie, on `url`. */
  const openAsOfficer = async (url: string, title: string) => {
    await signInByCookie(page, server, 'register_officer');
    await page.goto(url);
    await heading(page, title).waitFor();
  };

  test('an organisation, and the duplicate business ID leads to it', async () => {
    await page.goto(server.baseUrl);
    await checkAccessibility(page, 'the sign-in page');
    await signIn(page, server.user.username, server.user.password);
    await homePage(page).waitFor();
    await checkAccessibility(page, 'the home page');

    await openFromNavigation(page, 'Uusi organisaatio');
    await heading(page, 'Uusi organisaatio').waitFor();
    await checkAccessibility(page, 'the new organisation form');
    await fillOrganization(page, ORGANIZATION);
    await page.getByRole('button', { name: 'Tallenna organisaatio' }).click();

    await heading(page, ORGANIZATION).waitFor();
    await page.getByText('Tiedot tallennettiin rekisteriin.').waitFor();
    const organizationUrl = page.url();
    assert.match(new URL(organizationUrl).pathname, /^\/organizations\/[^/]+$/);
    const basics = page.getByRole('region', { name: 'Perustiedot' });
    await basics.getByText(BUSINESS_ID, { exact: true }).waitFor();
    const addresses = page.getByRole('region', { name: 'Osoitteet' });
    await addresses.getByText('Teollisuuskatu 5').waitFor();
    await addresses.getByText('00510 Helsinki').waitFor();
    await page.getByText('Organisaatiolle ei ole kirjattu edustajia.').waitFor();
    await checkAccessibility(page, 'the organisation page');

    await openFromNavigation(page, 'Uusi organisaatio');
    await heading(page, 'Uusi organisaatio').waitFor();
    await fillOrganization(page, 'Kuntatekniikka Oy (kaksoiskappale)');
    await page.getByRole('button', { name: 'Tallenna organisaatio' }).click();

    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (1)' }).waitFor();
    await page
      .getByRole('link', {
        name: 'Y-tunnus: Tällä Y-tunnuksella on jo organisaatio rekisterissä.',
      })
      .waitFor();
    const duplicate = page
      .getByRole('alert')
      .filter({ hasText: 'Tällä Y-tunnuksella on jo organisaatio rekisterissä.' });
    await duplicate.waitFor();
    assert.equal(
      await page.getByLabel('Y-tunnus', { exact: true }).getAttribute('aria-invalid'),
      'true',
    );
    await checkAccessibility(page, 'the organisation form with a duplicate business ID');

    await duplicate.getByRole('link', { name: 'Avaa rekisterissä jo oleva tieto' }).click();
    // What was typed is not saved anywhere: the app asks before it is left behind.
    await page
      .getByRole('dialog', { name: 'Poistutaanko tallentamatta?' })
      .getByRole('button', { name: 'Poistu tallentamatta' })
      .click();
    await heading(page, ORGANIZATION).waitFor();
    assert.equal(page.url(), organizationUrl, 'the link leads to the first organisation');
    await page.getByRole('region', { name: 'Perustiedot' }).getByText(BUSINESS_ID).waitFor();
    await checkAccessibility(page, 'the existing organisation opened from the duplicate notice');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('a person who represents the organisation, linked both ways', async () => {
    const organization = 'Kuntatekniikka Palvelut Oy';
    const organizationId = await post('/api/organizations', {
      name: organization,
      businessId: businessIdOf(0),
    });
    const organizationUrl = `${server.baseUrl}/organizations/${organizationId}`;
    await openAsOfficer(organizationUrl, organization);
    await openFromNavigation(page, 'Uusi henkilö');
    await heading(page, 'Uusi henkilö').waitFor();
    await page.getByLabel('Etunimi').fill(PERSON.firstName);
    await page.getByLabel('Sukunimi').fill(PERSON.lastName);
    await page.getByLabel('Henkilötunnus', { exact: true }).fill(IDENTITY_CODE);
    await page.getByRole('button', { name: /Henkilötunnuksen käsittelyperuste/ }).click();
    await page.getByRole('option', { name: 'Asiakkaan suostumus' }).click();
    const permanent = page.getByRole('group', { name: 'Vakinainen osoite' });
    await permanent.getByLabel('Katuosoite').fill(STREET);
    await permanent.getByLabel('Postinumero').fill('00100');
    await permanent.getByLabel('Postitoimipaikka').fill('Helsinki');

    const organizations = page.getByRole('region', { name: 'Organisaatiot' });
    await organizations.getByText('Henkilö ei edusta yhtään organisaatiota.').waitFor();
    await organizations.getByLabel('Lisää organisaatio').fill('Kuntatekniikka Palvelut');
    await organizations.getByRole('button', { name: 'Hae', exact: true }).click();
    await organizations.getByRole('button', { name: `Lisää ${organization}` }).click();
    await organizations.getByText('Lisätty', { exact: true }).waitFor();
    await organizations.getByLabel(`Tehtävänimike: ${organization}`).fill(TITLE);
    await checkAccessibility(page, 'the new person form with an organisation picked');

    await page.getByRole('button', { name: 'Tallenna henkilö' }).click();
    await heading(page, FULL_NAME).waitFor();
    await page.getByText('Tiedot tallennettiin rekisteriin.').waitFor();
    const personUrl = page.url();
    assert.match(new URL(personUrl).pathname, /^\/persons\/[^/]+$/);
    await page.getByText('Asiakkaan suostumus').waitFor();
    const represents = page.getByRole('region', { name: 'Organisaatiot' }).getByRole('listitem');
    assert.equal(await represents.count(), 1);
    assert.match(await represents.innerText(), new RegExp(`${organization}.*${businessIdOf(0)}`));
    await represents.getByText(TITLE, { exact: true }).waitFor();
    await checkAccessibility(page, 'the person page');

    await represents.getByRole('link', { name: organization }).click();
    await heading(page, organization).waitFor();
    assert.equal(page.url(), organizationUrl);
    const representatives = page.getByRole('region', { name: 'Edustajat' }).getByRole('listitem');
    assert.equal(await representatives.count(), 1);
    await representatives.getByText(TITLE, { exact: true }).waitFor();
    await checkAccessibility(page, 'the organisation page with a representative');

    await representatives.getByRole('link', { name: FULL_NAME }).click();
    await heading(page, FULL_NAME).waitFor();
    assert.equal(page.url(), personUrl);

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('the full identity code is shown only with a purpose', async () => {
    const person = await registered(1, { firstName: 'Maija', lastName: 'Tunnistettava' });
    const hidden = person.identityCode.slice(-4);
    await openAsOfficer(person.personUrl, person.fullName);
    const code = page.getByTestId('identity-code');
    assert.equal(await code.textContent(), person.maskedCode);
    const shownFirst = await pageText(page);
    assert.ok(shownFirst.includes(person.maskedCode), 'the masked code is shown');
    assert.ok(!shownFirst.includes(hidden), 'the full code is nowhere in the page text');
    assert.ok(!(await page.content()).includes(hidden), 'nor in the page source');

    await page.getByRole('button', { name: 'Näytä henkilötunnus' }).click();
    const dialog = await openDialog(page, 'Näytä koko henkilötunnus');
    const purpose = dialog.getByLabel('Käyttötarkoitus');
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('id')),
      await purpose.getAttribute('id'),
      'the purpose field takes the focus',
    );
    await checkAccessibility(page, 'the identity code dialog');

    await dialog.getByRole('button', { name: 'Näytä henkilötunnus' }).click();
    await dialog.getByText('Kerro käyttötarkoitus (vähintään 3 merkkiä).').waitFor();
    assert.equal(await code.textContent(), person.maskedCode, 'no purpose, no code');
    await checkAccessibility(page, 'the identity code dialog without a purpose');

    await purpose.fill('Henkilöllisyyden varmistaminen puhelimessa');
    await dialog.getByRole('button', { name: 'Näytä henkilötunnus' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(person.identityCode, { exact: true }).waitFor();
    assert.equal(await code.textContent(), person.identityCode);
    await page.getByRole('button', { name: 'Piilota' }).waitFor();
    await checkAccessibility(page, 'the person page with the full identity code');

    await page.getByRole('button', { name: 'Piilota' }).click();
    assert.equal(await code.textContent(), person.maskedCode);
    assert.ok(!(await pageText(page)).includes(hidden), 'hidden again');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('address protection hides the address from customer service, in Finnish and Swedish', async () => {
    const person = await registered(2, { firstName: 'Pekka', lastName: 'Suojattava' });
    const { fullName, personUrl } = person;
    await openAsOfficer(personUrl, fullName);
    await page.getByRole('button', { name: 'Muokkaa' }).click();
    await heading(page, `Muokkaa henkilöä: ${fullName}`).waitFor();
    await checkAccessibility(page, 'the person edit form');
    await page.getByLabel('Puhelin').fill('0401234567');
    const protection = page.getByRole('checkbox', { name: 'Henkilöllä on turvakielto' });
    assert.equal(await protection.isChecked(), false);
    await page.getByText('Henkilöllä on turvakielto', { exact: true }).click();
    assert.equal(await protection.isChecked(), true);
    await page.getByLabel('Tiedon lähde').fill('Digi- ja väestötietovirasto');
    // Only the population register's word sets a protection (decision 0006).
    const source = page.getByRole('region', { name: 'Tietojen lähde' });
    await source.getByRole('button', { name: /Lähde/ }).click();
    await page.getByRole('option', { name: 'Väestötietojärjestelmä (DVV)', exact: true }).click();
    await checkAccessibility(page, 'the person edit form with address protection');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();

    await heading(page, fullName).waitFor();
    await page.getByText('Muutokset tallennettiin.').waitFor();
    const contact = page.getByRole('region', { name: 'Yhteystiedot' });
    await contact.getByText('040 123 4567', { exact: true }).waitFor();
    await page.getByText('Turvakielto on voimassa toistaiseksi.', { exact: false }).waitFor();
    await contact.getByText(STREET).waitFor(); // the register officer may see it
    await checkAccessibility(page, 'the protected person as the register officer');

    await signOut(page);
    await checkAccessibility(page, 'the sign-in page after signing out');
    await signIn(page, customerService.username, customerService.password);
    await heading(page, fullName).waitFor();
    assert.equal(page.url(), personUrl, 'the same address opens after signing in');
    await contact.getByText('Osoite suojattu').first().waitFor();
    await page.getByText('Henkilön osoite on suojattu. Osoitetta ei näytetä sinulle').waitFor();
    await contact.getByText('040 123 4567', { exact: true }).waitFor();
    const shown = await pageText(page);
    assert.ok(!shown.includes('Mannerheimintie'), 'the street address is not shown');
    assert.ok(!shown.includes('00100'), 'nor the postal code');
    assert.ok(!(await page.content()).includes('Mannerheimintie'), 'nor in the page source');
    await checkAccessibility(page, 'the protected person as customer service');

    await openFromNavigation(page, 'Haku');
    await heading(page, 'Asiakashaku').waitFor();
    await search(page, person.lastName);
    const result = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `${person.lastName}, ${person.firstName}` }) });
    await result.waitFor();
    await result.getByText('Osoite suojattu').waitFor();
    await result.getByText('040 123 4567').waitFor();
    await result.getByText(person.maskedCode).waitFor();
    assert.ok(!(await result.innerText()).includes('Mannerheimintie'));
    await checkAccessibility(page, 'the search result of a protected person');

    await chooseLanguage(page, /valitse kieli/, 'Svenska (SV)');
    await heading(page, 'Kundsökning').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'sv');
    await result.getByText('Adressen skyddad').waitFor();
    assert.ok(!(await result.innerText()).includes('Osoite suojattu'));
    await checkAccessibility(page, 'the search result of a protected person in Swedish');

    await result.getByRole('link', { name: `${person.lastName}, ${person.firstName}` }).click();
    await heading(page, fullName).waitFor();
    await page.getByRole('region', { name: 'Kontaktuppgifter' }).waitFor();
    await page.getByText('Adressen skyddad').first().waitFor();
    assert.ok(!(await pageText(page)).includes('Osoite suojattu'));
    await checkAccessibility(page, 'the protected person in Swedish');

    await chooseLanguage(page, /välj språk/, 'Suomi (FI)');
    await heading(page, fullName).waitFor();
    await page.getByText('Osoite suojattu').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'fi');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('the register officer archives the person, who drops out of the search', async () => {
    const person = await registered(3, { firstName: 'Arto', lastName: 'Arkistoitava' });
    const { fullName } = person;
    await openAsOfficer(person.personUrl, fullName);

    await page.getByRole('button', { name: 'Arkistoi' }).click();
    const dialog = await openDialog(page, `Arkistoidaanko ${fullName}?`);
    await dialog.getByText('Arkistoitu henkilö säilyy rekisterissä').waitFor();
    await checkAccessibility(page, 'the archive dialog');
    await dialog.getByRole('button', { name: 'Arkistoi' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByText(/^Henkilö arkistoitiin \d+\.\d+\.\d{4}\./).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Muokkaa' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Arkistoi' }).count(), 0);
    await checkAccessibility(page, 'the archived person');

    // The archived person stays linked on their own page, but no longer represents the organisation.
    await page
      .getByRole('region', { name: 'Organisaatiot' })
      .getByRole('link', { name: person.organization })
      .click();
    await heading(page, person.organization).waitFor();
    await page.getByText('Organisaatiolle ei ole kirjattu edustajia.').waitFor();
    assert.equal(await page.getByRole('link', { name: fullName }).count(), 0);

    await openFromNavigation(page, 'Haku');
    await search(page, person.lastName);
    await page.getByText(`Haulla ”${person.lastName}” ei löytynyt asiakkaita.`).waitFor();
    assert.equal(
      await page.getByRole('link', { name: `${person.lastName}, ${person.firstName}` }).count(),
      0,
    );
    await search(page, person.identityCode);
    await page.getByText(`Haulla ”${person.identityCode}” ei löytynyt asiakkaita.`).waitFor();
    await checkAccessibility(page, 'the search without the archived person');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
