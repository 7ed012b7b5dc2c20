import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { addCalendarMonths, requestDueOn } from '../../src/contract/deadlines.ts';
import { formatDate } from '../../src/web/format.ts';
import { addDays } from '../../src/web/routes/access-log/access-log.ts';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { staffUsers } from '../../src/server/db/schema/index.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { insertBillingSettings, insertTestPerson, pdftotext } from '../helpers/invoice-fixtures.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  dataValue,
  heading,
  navigation,
  pagePerTest,
  postAs,
  picture,
  type TestServer,
} from './helpers.ts';

const OFFICER = 'rekisterivastaava';
const OFFICER_NAME = 'Rea Rekisteri';
const TITLE = 'Rekisteröityjen pyynnöt';
const SUBJECT = { firstName: 'Sara', lastName: 'Svensson', email: 'sara.svensson@example.fi' };
const SUBJECT_NAME = `${SUBJECT.firstName} ${SUBJECT.lastName}`;
const LATE = { firstName: 'Otto', lastName: 'Odottaja' };
const LATE_NAME = `${LATE.firstName} ${LATE.lastName}`;

const textbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('textbox', { name, exact: true });
/** The page's h1 by a pattern. */
const headingLike = (page: Page, name: RegExp) => page.getByRole('heading', { level: 1, name });
const statusLine = (page: Page, text: string) =>
  page.getByRole('status').getByText(text, { exact: true });
const requestsTable = (page: Page) =>
  page.getByRole('table', { name: 'Avoimet pyynnöt määräpäivän mukaan, myöhässä olevat ensin' });

async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openDashboard(page: Page) {
  await navigation(page).getByRole('link', { name: TITLE, exact: true }).click();
  await heading(page, TITLE).waitFor();
}

describe("data subjects' requests in the browser", { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const today = helsinkiDate(new Date());
  // Received a few days ago, and one received two months ago (long overdue).
  const receivedOn = addDays(today, -3);
  const lateReceivedOn = addCalendarMonths(today, -2);
  let officers = 0;

  browserSuite({ role: 'register_officer', username: OFFICER }, async (setup) => {
    ({ server, browser } = setup);
    await insertTestPerson(server.database, SUBJECT);
    // The answer package names the municipality from the seller settings.
    await insertBillingSettings(server.database);
    const latePerson = await insertTestPerson(server.database, LATE);
    const colleague = await signInNewUser(server.app, server.database, server.keys, {
      username: 'kollega',
      role: 'register_officer',
    });
    const seeded = await server.app.inject({
      method: 'POST',
      url: '/api/requests',
      headers: json(colleague),
      payload: {
        type: 'erasure',
        personId: latePerson,
        receivedOn: lateReceivedOn,
        channel: 'email',
        language: 'fi',
      },
    });
    assert.equal(seeded.statusCode, 201, seeded.body);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  /**
   * Signs the page in as a register officer of the test's own, shown by full name as staff are;
   * the officer's session, for what they did before through the API.
   */
  const signedInOfficer = async (): Promise<string> => {
    const username = `${OFFICER}${++officers}`;
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username,
      role: 'register_officer',
    });
    await server.database.db
      .update(staffUsers)
      .set({ fullName: OFFICER_NAME })
      .where(eq(staffUsers.username, username));
    await page.context().addCookies([
      {
        name: 'rekisteri_session',
        value: cookie.slice(cookie.indexOf('=') + 1),
        url: server.baseUrl,
      },
    ]);
    return cookie;
  };

  /** The officer's call to the API; its answer. */
  const call = (cookie: string, url: string, payload: object) =>
    postAs(server, cookie, url, payload);

  /**
   * A person of the test's own (the subject's names) and their access request, registered by the
   * officer as the first test does in the browser: by letter, answered in Swedish.
   */
  const accessRequest = async (cookie: string) => {
    const personId = await insertTestPerson(server.database, SUBJECT);
    const request = await call(cookie, '/api/requests', {
      type: 'access',
      personId,
      receivedOn,
      channel: 'letter',
      language: 'sv',
    });
    return { personId, requestId: request.id as string, number: request.number as number };
  };

  // First: the dashboard lists every open request, and the later tests register their own.
  test('the register officer registers an access request; the overdue one is listed first', async () => {
    await signedInOfficer();
    await page.goto(server.baseUrl);
    await openDashboard(page);
    await page.getByRole('link', { name: 'Kirjaa uusi pyyntö' }).click();
    await heading(page, 'Uusi pyyntö').waitFor();
    assert.equal(await textbox(page, 'Saapunut').inputValue(), formatDate(today));

    // Nothing chosen: each required field says so.
    await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();
    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (3)' }).waitFor();
    await checkAccessibility(page, 'the new request form with errors');

    await textbox(page, 'Hae rekisteröity').fill('Svensson');
    await page.getByRole('button', { name: 'Hae', exact: true }).click();
    await page.getByRole('button', { name: `Valitse rekisteröidyksi: ${SUBJECT_NAME}` }).click();
    await page.getByText(`Rekisteröity: ${SUBJECT_NAME}`).waitFor();
    await choose(page, page, /Pyynnön laji/, 'Tarkastuspyyntö');
    await textbox(page, 'Saapunut').fill(formatDate(receivedOn));
    await choose(page, page, /Saapumistapa/, 'Kirje');
    await choose(page, page, /Vastauksen kieli/, 'Ruotsi');
    await checkAccessibility(page, 'the new request form');
    await picture(page, 'request-new.png');
    await page.getByRole('button', { name: 'Kirjaa pyyntö' }).click();

    const title = headingLike(page, new RegExp(`^Tarkastuspyyntö (\\d+): ${SUBJECT_NAME}$`));
    await title.waitFor();
    await page.getByText('Tiedot tallennettiin rekisteriin.').waitFor();
    const dueOn = requestDueOn(receivedOn);
    assert.match(
      await dataValue(page, 'Määräpäivä').innerText(),
      new RegExp(`^${formatDate(dueOn)}`),
    );
    assert.equal(await dataValue(page, 'Vastauksen kieli').innerText(), 'Ruotsi');
    assert.equal(await dataValue(page, 'Tila').innerText(), 'Saapunut');

    await openDashboard(page);
    const rows = requestsTable(page).locator('tbody tr');
    await rows.nth(1).waitFor();
    assert.equal(await rows.count(), 2);
    // The overdue one first, marked in words.
    const late = rows.nth(0);
    await late.getByRole('link', { name: LATE_NAME, exact: true }).waitFor();
    await late.getByText('Myöhässä', { exact: true }).waitFor();
    await late.getByText(/^Määräpäivä ohitettu \d+ päivää sitten$/).waitFor();
    const ours = rows.nth(1);
    await ours.getByRole('link', { name: SUBJECT_NAME, exact: true }).waitFor();
    await ours.getByRole('cell', { name: 'Tarkastuspyyntö', exact: true }).waitFor();
    await ours.getByRole('cell', { name: formatDate(receivedOn), exact: true }).waitFor();
    await ours.getByRole('cell', { name: 'Kirje', exact: true }).waitFor();
    await ours.getByRole('cell', { name: 'Ruotsi', exact: true }).waitFor();
    await ours.getByText(formatDate(dueOn)).waitFor();
    const daysLeft = Math.round((Date.parse(dueOn) - Date.parse(today)) / 86_400_000);
    await ours.getByText(`${daysLeft} päivää jäljellä`, { exact: true }).waitFor();
    assert.equal(await ours.getByText('Myöhässä', { exact: true }).count(), 0);
    await checkAccessibility(page, 'the requests dashboard');
    await picture(page, 'requests-dashboard.png');

    // Assigned to no one yet: "only mine" lists none.
    await page.getByText('Vain minulle osoitetut').click();
    await page.getByText('Avoimia pyyntöjä ei ole.').waitFor();
    await page.getByText('Vain minulle osoitetut').click();
    await rows.nth(1).waitFor();
    assert.deepEqual(problems, []);
  });

  test('an extension told after the first month is refused with the reason', async () => {
    await signedInOfficer();
    await page.goto(server.baseUrl);
    await openDashboard(page);
    await requestsTable(page)
      .getByRole('link', { name: new RegExp(`\\(${LATE_NAME}\\)$`) })
      .click();
    await headingLike(page, new RegExp(`^Poistopyyntö \\d+: ${LATE_NAME}$`)).waitFor();
    // The actions are buttons; the extension's opens its form.
    await page.getByRole('button', { name: 'Jatka määräaikaa' }).click();
    const extension = page.getByRole('form', { name: 'Jatka määräaikaa kahdella kuukaudella' });
    await textbox(extension, 'Jatkamisen syy').fill('Pyyntöjä on tullut paljon.');
    await textbox(extension, 'Pyytäjälle ilmoitettu').fill(formatDate(today));
    await extension.getByRole('button', { name: 'Jatka määräaikaa' }).click();
    const tooLate =
      'Liian myöhään: pyytäjälle on ilmoitettava jatkamisesta ensimmäisen kuukauden aikana, viimeistään alkuperäisenä määräpäivänä.';
    await extension.getByRole('link', { name: `Pyytäjälle ilmoitettu: ${tooLate}` }).waitFor();
    await extension.getByText(tooLate, { exact: true }).waitFor();
    await checkAccessibility(page, 'a refused extension');
    await picture(page, 'request-extension-too-late.png');
    // Cancelled, the form closes and its text is not kept.
    await extension.getByRole('button', { name: 'Peruuta' }).click();
    assert.equal(await extension.count(), 0);
    assert.deepEqual(problems, []);
  });

  test('the request goes from receipt to answer, with its history', async () => {
    const { number } = await accessRequest(await signedInOfficer());
    await page.goto(server.baseUrl);
    await openDashboard(page);
    const ours = requestsTable(page).getByRole('link', {
      name: `Avaa pyyntö ${number} (${SUBJECT_NAME})`,
    });
    await ours.waitFor();
    const open = await requestsTable(page).locator('tbody tr').count();
    await ours.click();
    await heading(page, `Tarkastuspyyntö ${number}: ${SUBJECT_NAME}`).waitFor();

    await page.getByRole('button', { name: 'Osoita minulle' }).click();
    await statusLine(page, 'Pyyntö osoitettiin sinulle.').waitFor();
    assert.match(await dataValue(page, 'Käsittelijä').innerText(), new RegExp(`^${OFFICER_NAME}`));
    // No form is open before its button is pressed.
    assert.equal(await page.getByRole('form').count(), 0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await picture(page, 'request-received.png');

    // Told within the first month: three months from receipt.
    await page.getByRole('button', { name: 'Jatka määräaikaa' }).click();
    const extension = page.getByRole('form', { name: 'Jatka määräaikaa kahdella kuukaudella' });
    await textbox(extension, 'Jatkamisen syy').fill('Tietoja on useassa järjestelmässä.');
    await textbox(extension, 'Pyytäjälle ilmoitettu').fill(formatDate(today));
    await extension.getByRole('button', { name: 'Jatka määräaikaa' }).click();
    const extendedDue = requestDueOn(receivedOn, {
      reason: 'Tietoja on useassa järjestelmässä.',
      requesterToldOn: today,
    });
    await statusLine(
      page,
      `Määräaikaa jatkettiin. Uusi määräpäivä on ${formatDate(extendedDue)}.`,
    ).waitFor();
    const due = await dataValue(page, 'Määräpäivä').innerText();
    assert.match(due, new RegExp(`^${formatDate(extendedDue)}`));
    assert.match(due, /Määräaikaa jatkettu/);
    assert.equal(await extension.count(), 0, 'extended only once');

    assert.equal(await page.getByRole('button', { name: 'Jatka määräaikaa' }).count(), 0);

    await page.getByRole('button', { name: 'Tarkista henkilöllisyys' }).click();
    const verify = page.getByRole('form', { name: 'Tarkista henkilöllisyys' });
    await choose(page, verify, /Tarkistustapa/, 'Allekirjoitettu kirje');
    await checkAccessibility(page, 'the identity step');
    await verify.getByRole('button', { name: 'Kirjaa tarkistus' }).click();
    await statusLine(page, 'Henkilöllisyyden tarkistus kirjattiin.').waitFor();
    assert.equal(await dataValue(page, 'Tila').innerText(), 'Henkilöllisyys tarkistettu');

    // Starting needs no form: its button starts the work.
    await page.getByRole('button', { name: 'Aloita käsittely' }).click();
    await statusLine(page, 'Pyynnön käsittely aloitettiin.').waitFor();

    await page.getByRole('button', { name: 'Kirjaa ratkaisu' }).click();
    const decide = page.getByRole('form', { name: 'Kirjaa ratkaisu' });
    await choose(page, decide, /Ratkaisu/, 'Hyväksytty osittain');
    // Partly granted without reasons: the server's rule, at the field.
    await decide.getByRole('button', { name: 'Kirjaa ratkaisu' }).click();
    await decide
      .getByText(
        'Kerro perustelut: osittain hyväksytyn tai hylätyn pyynnön vastauksessa ne kerrotaan pyytäjälle.',
        { exact: true },
      )
      .waitFor();
    await checkAccessibility(page, 'the decision without reasons');
    await picture(page, 'request-decision-error.png');
    await textbox(decide, 'Perustelut').fill('Toisen henkilön tiedot on rajattu pois.');
    await decide.getByRole('button', { name: 'Kirjaa ratkaisu' }).click();
    await statusLine(page, 'Ratkaisu kirjattiin.').waitFor();
    assert.match(await dataValue(page, 'Ratkaisu').innerText(), /^Hyväksytty osittain/);

    // The answer: downloaded as a PDF (in Swedish, the request's language) and as JSON.
    const answer = page.getByRole('region', { name: 'Tarkastusoikeuden vastaus' });
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      answer.getByRole('button', { name: 'Lataa vastaus (PDF)' }).click(),
    ]);
    assert.match(pdf.suggestedFilename(), /^svar-insyn-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfBytes = await fs.promises.readFile(await pdf.path());
    assert.equal(pdfBytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const pdfText = pdftotext(pdfBytes);
    if (pdfText !== null) {
      assert.match(pdfText, new RegExp(`Förnamn: ${SUBJECT.firstName}`));
      assert.match(pdfText, new RegExp(`Efternamn: ${SUBJECT.lastName}`));
    }
    await statusLine(page, `Ladattu: ${pdf.suggestedFilename()}`).waitFor();
    const [jsonFile] = await Promise.all([
      page.waitForEvent('download'),
      answer.getByRole('button', { name: 'Lataa vastaus koneluettavana (JSON)' }).click(),
    ]);
    const answerJson = JSON.parse(await fs.promises.readFile(await jsonFile.path(), 'utf8'));
    assert.equal(answerJson.contact.email, SUBJECT.email);
    assert.equal(answerJson.identity.lastName, SUBJECT.lastName);

    // Handed over by letter today: a disclosure to the person themself.
    const handOver = answer.getByRole('form', { name: 'Vastauksen luovutus' });
    assert.equal(await textbox(handOver, 'Luovutuspäivä').inputValue(), formatDate(today));
    await checkAccessibility(page, 'the access package and its hand-over');
    await picture(page, 'request-access-package.png');
    await handOver.getByRole('button', { name: 'Kirjaa luovutus' }).click();
    await statusLine(page, 'Luovutus kirjattu luovutusrekisteriin.').waitFor();
    await answer.getByText(`${formatDate(today)} · Kirje · `, { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Kirjaa vastaus' }).click();
    await page
      .getByRole('form', { name: 'Kirjaa vastaus' })
      .getByRole('button', { name: 'Kirjaa vastaus' })
      .click();
    await statusLine(page, 'Vastaus kirjattiin: pyyntöön on vastattu.').waitFor();
    assert.equal(await dataValue(page, 'Tila').innerText(), 'Vastattu');
    assert.equal(await dataValue(page, 'Vastauspäivä').innerText(), formatDate(today));

    await page.getByRole('button', { name: 'Uusi muistiinpano' }).click();
    const noteForm = page.getByRole('form', { name: 'Uusi muistiinpano' });
    await noteForm
      .getByRole('textbox', { name: 'Muistiinpano', exact: true })
      .fill('Vastaus postitettu.');
    await noteForm.getByRole('button', { name: 'Lisää muistiinpano' }).click();
    await statusLine(page, 'Muistiinpano lisättiin.').waitFor();
    await page.getByText('Vastaus postitettu.', { exact: true }).waitFor();
    await page.getByText(new RegExp(`^${OFFICER_NAME}, `)).waitFor();
    assert.equal(await noteForm.count(), 0, 'the note form closes when saved');

    const history = page.getByRole('table', { name: 'Pyynnön vaiheet' });
    const actions = await history.locator('tbody tr td:nth-child(3)').allInnerTexts();
    const users = await history.locator('tbody tr td:nth-child(2)').allInnerTexts();
    assert.deepEqual(new Set(users), new Set([OFFICER_NAME]));
    assert.deepEqual(actions, [
      'Pyyntö kirjattiin',
      'Käsittelijä vaihtui',
      'Määräaikaa jatkettiin',
      'Henkilöllisyys tarkistettiin',
      'Käsittely aloitettiin',
      'Ratkaisu kirjattiin',
      'Vastaus luovutettu',
      'Vastaus kirjattiin',
      'Muistiinpano lisättiin',
    ]);
    await history
      .getByText(`Määräpäivä: ${formatDate(requestDueOn(receivedOn))} → ${formatDate(extendedDue)}`)
      .waitFor();
    await history.getByText('Tila: Ratkaistu → Vastattu').waitFor();
    await history.getByText('Luovutustapa: tyhjä → Kirje').waitFor();
    await history.getByText(`Käsittelijä: tyhjä → ${OFFICER_NAME}`).waitFor();
    await history.getByText(`Luovutuspäivä: tyhjä → ${formatDate(today)}`).waitFor();
    await checkAccessibility(page, 'an answered request');
    await picture(page, 'request-answered.png');

    // Answered: off the open list, on the answered tab.
    await openDashboard(page);
    // The list read again (a cached one shows until then) without the answered request.
    await requestsTable(page)
      .getByRole('link', { name: `Avaa pyyntö ${number} (${SUBJECT_NAME})` })
      .waitFor({ state: 'detached' });
    await requestsTable(page).locator('tbody tr').first().waitFor();
    assert.equal(await requestsTable(page).locator('tbody tr').count(), open - 1);
    await page.getByRole('tab', { name: 'Vastatut' }).click();
    await page
      .getByRole('table', { name: 'Pyynnöt saapumispäivän mukaan, uusin ensin' })
      .getByRole('link', { name: `Avaa pyyntö ${number} (${SUBJECT_NAME})` })
      .waitFor();
    assert.deepEqual(problems, []);
  });

  test("the person's page lists the request and registers a new one for the person", async () => {
    // Answered as the test before answers it in the browser, handed over by letter today.
    const officer = await signedInOfficer();
    const { personId, requestId, number } = await accessRequest(officer);
    const step = (path: string, payload: object) =>
      call(officer, `/api/requests/${requestId}${path}`, payload);
    await step('/identity', { method: 'signed_letter', verifiedOn: today });
    await step('/start', {});
    await step('/decision', {
      outcome: 'partly_granted',
      reasons: 'Toisen henkilön tiedot on rajattu pois.',
      decidedOn: today,
    });
    await step('/access-package/hand-over', { handedOverOn: today, channel: 'letter' });
    await step('/answer', { answeredOn: today });
    await page.goto(`${server.baseUrl}/persons/${personId}?tab=requests`);
    await heading(page, SUBJECT_NAME).waitFor();
    const section = page.getByRole('region', { name: 'Rekisteröidyn pyynnöt' });
    const row = section.getByRole('row').filter({
      has: page.getByRole('link', { name: `Avaa pyyntö ${number} (${SUBJECT_NAME})` }),
    });
    await row.getByText('Vastattu', { exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Tarkastuspyyntö', exact: true }).waitFor();
    await checkAccessibility(page, "a person's page with requests");
    await picture(page, 'person-requests.png');

    // The hand-over is among the disclosures of the person's data, to the person themself.
    await page.getByRole('tab', { name: 'Laskutus' }).click();
    const disclosures = page.getByRole('table', { name: 'Tietojen luovutukset' });
    await disclosures.getByText('Rekisteröity itse', { exact: true }).waitFor();
    await disclosures.getByText(`Kirje, ${formatDate(today)}`, { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Pyynnöt', exact: true }).click();
    await section.getByRole('link', { name: 'Kirjaa pyyntö' }).click();
    await heading(page, 'Uusi pyyntö').waitFor();
    await page.getByText(`Rekisteröity: ${SUBJECT_NAME}`).waitFor();
    assert.deepEqual(problems, []);
  });
});
