import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import {
  accessLog,
  socialUnitMembers,
  socialUnits,
  staffUsers,
} from '../../src/server/db/schema/index.ts';
import { helsinkiDate } from '../../src/contract/dates.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { pdfText } from '../helpers/report-files.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  navigation,
  pagePerTest,
  picture,
  signIn,
  signOut,
  type TestServer,
} from './helpers.ts';

const workerA = {
  username: 'sosiaali.aalto',
  password: 'worker a horse battery staple',
  fullName: 'Aaro Aalto',
};
const workerB = {
  username: 'sosiaali.berg',
  password: 'worker b horse battery staple',
  fullName: 'Bertta Berg',
};
const officer = {
  username: 'tietosuoja.virtanen',
  password: 'officer horse battery staple',
  fullName: 'Tiina Virtanen',
};
const CLIENT = { firstName: 'Aino', lastName: 'Asiakas', language: 'fi' };
const RELATIVE = { firstName: 'Ville', lastName: 'Asiakas' };
/** The client and relative of the break-the-glass test, whom unit A's records are about. */
const CRISIS_CLIENT = { firstName: 'Kaisa', lastName: 'Kriisinen', language: 'fi' };
const CRISIS_RELATIVE = { firstName: 'Kalle', lastName: 'Kriisinen' };
const REASON = 'Asiakas soitti päivystykseen, tarvitaan tieto apuvälineistä.';

const section = (page: Page) => page.getByRole('region', { name: 'Sosiaalihuollon asiakkuus' });
const dialog = (page: Page) => page.getByRole('dialog');
/** The badge in the person page's summary: shown only to a worker who may know it. */
const clientBadge = (page: Page) =>
  page.locator('.record__head').getByText('Sosiaalihuollon asiakas', { exact: true });

/** Opens a person's page from the search, as a person does. */
async function openPerson(page: Page, person: { firstName: string; lastName: string }) {
  await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
  await heading(page, 'Asiakashaku').waitFor();
  const box = page.getByRole('searchbox');
  await box.fill(`${person.firstName} ${person.lastName}`);
  await box.press('Enter');
  await page.getByRole('link', { name: `${person.lastName}, ${person.firstName}` }).click();
  await heading(page, `${person.firstName} ${person.lastName}`).waitFor();
  await openSocialTab(page);
}

/** Chooses the Social services tab of the person's page, where the section is. */
async function openSocialTab(page: Page) {
  const tab = page.getByRole('tab', { name: 'Sosiaalipalvelut', exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await section(page).waitFor();
}

/** Opens the section on the person's page: nothing of it is read before this. */
async function showSection(page: Page) {
  await openSocialTab(page);
  await section(page).getByRole('button', { name: 'Näytä sosiaalihuollon tiedot' }).click();
}

/** Opens the section, chooses a purpose from the list (or "other" with its text) and opens the data. */
async function statePurpose(page: Page, purpose: string, other?: string) {
  const social = section(page);
  await showSection(page);
  await social.getByRole('button', { name: /Käyttötarkoitus/ }).click();
  await page.getByRole('option', { name: purpose, exact: true }).click();
  if (other) await social.getByLabel('Muu käyttötarkoitus').fill(other);
  await social.getByRole('button', { name: 'Avaa tiedot' }).click();
  await social.getByText(`Käyttötarkoitus: ${other ?? purpose}`).waitFor();
}

async function chooseOption(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  label: RegExp,
  option: string,
) {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('social services in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let clientId: string;
  let relativeId: string;
  /** A social worker of unit A signed in to the API, who records what a test needs recorded. */
  let colleagueA: { cookie: string; id: string };
  let unitA: string;
  const today = helsinkiDate(new Date());

  const entries = () =>
    server.database.db.select().from(accessLog).orderBy(asc(accessLog.position));

  browserSuite(
    {
      role: 'admin',
      username: 'paakayttaja',
      others: [
        { username: workerA.username, password: workerA.password, role: 'social_worker' },
        { username: workerB.username, password: workerB.password, role: 'social_worker' },
        { ...officer, role: 'register_officer' },
      ],
    },
    async (setup) => {
      ({ server, browser } = setup);
      const ids = new Map<string, string>();
      for (const worker of [workerA, workerB, officer]) {
        const [row] = await server.database.db
          .update(staffUsers)
          .set({ fullName: worker.fullName })
          .where(eq(staffUsers.username, worker.username))
          .returning({ id: staffUsers.id });
        assert.ok(row);
        ids.set(worker.username, row.id);
      }
      // The units as an administrator made them, through the API.
      const admin = await signInNewUser(server.app, server.database, server.keys, {
        username: 'yllapito',
        role: 'admin',
      });
      const colleague = await signInNewUser(server.app, server.database, server.keys, {
        username: 'sosiaali.apu',
        role: 'social_worker',
      });
      const me = await server.app.inject({ url: '/api/auth/me', headers: { cookie: colleague } });
      colleagueA = { cookie: colleague, id: me.json<{ id: string }>().id };
      const post = (url: string, payload: object) => postAs(admin, url, payload);
      unitA = await post('/api/social-services/units', {
        code: 'aikuiset',
        nameFi: 'Aikuissosiaalityö',
        nameSv: 'Socialt arbete för vuxna',
        nameEn: 'Adult social work',
        memberIds: [ids.get(workerA.username), colleagueA.id],
      });
      await post('/api/social-services/units', {
        code: 'perheet',
        nameFi: 'Perhepalvelut',
        nameSv: 'Familjeservice',
        nameEn: 'Family services',
        memberIds: [ids.get(workerB.username)],
      });
      clientId = await post('/api/persons', CLIENT);
      relativeId = await post('/api/persons', RELATIVE);
    },
  );
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  const postAs = async (cookie: string, url: string, payload: object) => {
    const response = await server.app.inject({
      method: 'POST',
      url,
      headers: json(cookie),
      payload,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json<{ id: string }>().id;
  };

  /**
   * A client of unit A with a health entry and a relative who is unit A's client too, the
   * relative recorded as the client's child: what a social worker's day leaves, through the API.
   */
  async function clientsOfUnitA(
    client: typeof CRISIS_CLIENT,
    relative: typeof CRISIS_RELATIVE,
  ): Promise<{ client: string; relative: string }> {
    const admin = await signInNewUser(server.app, server.database, server.keys, {
      username: `yllapito.${client.lastName.toLowerCase()}`,
      role: 'admin',
    });
    const ids = {
      client: await postAs(admin, '/api/persons', client),
      relative: await postAs(admin, '/api/persons', relative),
    };
    const record = (personId: string, kind: string, payload: object) =>
      postAs(colleagueA.cookie, `/api/persons/${personId}/social-services/${kind}`, payload);
    for (const personId of [ids.client, ids.relative]) {
      // From today: a relationship backdated is one more thing for the register officer to review.
      await record(personId, 'relationships', {
        unitId: unitA,
        startsOn: today,
        responsibleWorkerIds: [colleagueA.id],
      });
    }
    await record(ids.client, 'health', {
      date: '2026-03-02',
      category: 'Toimintakyky ja liikkuminen',
      text: 'Liikkuu rollaattorin kanssa; tarvitsee apua kaupassa käynnissä.',
      source: 'Asiakas itse',
    });
    await record(ids.client, 'family-relations', {
      relatedPersonId: ids.relative,
      type: 'child',
      source: 'Väestötietojärjestelmä',
    });
    return ids;
  }

  test("a social worker's day: the relationship, a health entry, a relative, the summary", async () => {
    await page.goto(server.baseUrl);
    await signIn(page, workerA.username, workerA.password);
    // A social worker has no work list: the search is where the day starts.
    await heading(page, 'Asiakashaku').waitFor();
    await openPerson(page, CLIENT);
    const social = section(page);
    // Nobody's client yet: the summary has no badge of it.
    assert.equal(await clientBadge(page).count(), 0, 'no badge before the relationship');

    // The section opens on demand, then asks the purpose: nothing is read before it is stated.
    await social
      .getByText('Sosiaalihuollon tiedot avataan vain tarvittaessa.', { exact: false })
      .waitFor();
    await picture(page, 'social-on-demand.png');
    await showSection(page);
    await social.getByRole('button', { name: 'Avaa tiedot' }).click();
    await social.getByText('Valitse käyttötarkoitus.').waitFor();
    await checkAccessibility(page, 'the purpose of the read, asked first');
    await social.getByRole('button', { name: 'Piilota sosiaalihuollon tiedot' }).click();
    await statePurpose(page, 'Asiakastyö');

    // Not yet a client of the worker's unit: the data is closed; the worker records the client.
    await social.getByText('Tiedot eivät avaudu sinulle').waitFor();
    await checkAccessibility(page, 'the notice without a client relationship');
    await picture(page, 'social-closed.png');
    await social.getByRole('button', { name: 'Kirjaa asiakkuus' }).click();
    const relationship = social.getByRole('form', { name: 'Uusi asiakkuus' });
    assert.equal(
      await relationship.getByRole('checkbox', { name: 'Aaro Aalto (sosiaali.aalto)' }).isChecked(),
      true,
      'the worker is responsible by default',
    );
    await checkAccessibility(page, 'the client relationship form');
    await relationship.getByRole('button', { name: 'Tallenna asiakkuus' }).click();
    await social.getByText('Asiakkuus kirjattiin: Aikuissosiaalityö.').waitFor();
    const relationships = social.getByRole('group', { name: 'Asiakkuudet' });
    await relationships.getByText('Aikuissosiaalityö', { exact: true }).waitFor();
    await relationships.getByText('Voimassa', { exact: true }).waitFor();
    await relationships.getByText('Vastuutyöntekijät: Aaro Aalto (sosiaali.aalto)').waitFor();

    // A health entry: the errors first, then the entry with its author and time.
    await social.getByRole('tab', { name: 'Terveystiedot', selected: true }).waitFor();
    await social.getByText('Terveystietoja ei ole kirjattu.').waitFor();
    await social.getByRole('button', { name: 'Lisää terveystieto' }).click();
    const health = social.getByRole('form', { name: 'Uusi terveystieto' });
    await health.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (4)' }).waitFor();
    await checkAccessibility(page, 'the health entry form with errors');
    await health.getByRole('textbox', { name: 'Päivämäärä' }).fill('2.3.2026');
    await health.getByRole('textbox', { name: 'Luokka' }).fill('Toimintakyky');
    await health
      .getByRole('textbox', { name: 'Merkintä' })
      .fill('Liikkuu rollaattorin kanssa; tarvitsee apua kaupassa käynnissä.');
    await health.getByRole('textbox', { name: 'Lähde' }).fill('Asiakas itse');
    await health.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await social.getByText('Merkintä tallennettiin.').waitFor();
    await social.getByRole('heading', { name: '2.3.2026 · Toimintakyky' }).waitFor();
    await social.getByText(/^Kirjannut Aaro Aalto \(sosiaali\.aalto\) \d/).waitFor();

    // A correction sends only what changed.
    await social.getByRole('button', { name: 'Korjaa: 2.3.2026 · Toimintakyky' }).click();
    const correction = social.getByRole('form', { name: 'Korjaa terveystieto' });
    await correction.getByRole('textbox', { name: 'Luokka' }).fill('Toimintakyky ja liikkuminen');
    await correction.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await social.getByText('Korjaus tallennettiin.').waitFor();
    await social.getByRole('heading', { name: '2.3.2026 · Toimintakyky ja liikkuminen' }).waitFor();
    const correctionEntry = (await entries()).findLast(
      (entry) => entry.action === 'update' && entry.fields.includes('health'),
    );
    assert.deepEqual(correctionEntry?.changes, { 'health.category': 'changed' });
    await checkAccessibility(page, 'the client data with a health entry');
    await picture(page, 'social-client.png');

    // A relative found by search, linked as the client's child.
    await social.getByRole('tab', { name: 'Perhesuhteet' }).click();
    await social.getByText('Perhesuhteita ei ole kirjattu.').waitFor();
    await social.getByRole('button', { name: 'Lisää perhesuhde' }).click();
    const family = social.getByRole('form', { name: 'Uusi perhesuhde' });
    await family.getByLabel('Hae omainen rekisteristä').fill('Asiakas');
    await family.getByRole('button', { name: 'Hae', exact: true }).click();
    await family.getByText('Tämä asiakas').waitFor();
    await checkAccessibility(page, 'the relative found by search');
    await picture(page, 'social-family-search.png');
    await family.getByRole('button', { name: 'Valitse omaiseksi: Ville Asiakas' }).click();
    await family.getByText('Omainen: Ville Asiakas').waitFor();
    await chooseOption(page, family, /Suhde asiakkaaseen/, 'Lapsi');
    await family.getByRole('textbox', { name: 'Lähde' }).fill('Väestötietojärjestelmä');
    await family.getByRole('button', { name: 'Tallenna', exact: true }).click();
    await social.getByText('Merkintä tallennettiin.').waitFor();
    await social.getByRole('heading', { name: 'Ville Asiakas · Lapsi' }).waitFor();
    await checkAccessibility(page, 'the family relations');

    // The summary: a PDF in the client's language, marked confidential.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      social.getByRole('button', { name: 'Tulosta yhteenveto' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `asiakasyhteenveto-${today}.pdf`);
    const pdf = await fs.promises.readFile(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf);
    assert.match(text, /SALASSA PIDETTÄVÄ — JulkL 24 § 1 mom\. 25 k/);
    assert.match(text, /Sosiaalihuollon asiakkaan yhteenveto/);
    assert.match(text, /Aino Asiakas/);
    assert.match(text, /Toimintakyky ja liikkuminen/);
    assert.match(text, /Ville Asiakas — lapsi/);
    assert.match(text, /Asiakastyö/, 'the purpose is printed');
    await social.getByText(`Yhteenveto ladattiin: asiakasyhteenveto-${today}.pdf`).waitFor();
    const print = (await entries()).findLast((entry) => entry.action === 'print');
    assert.equal(print?.purpose, 'Asiakastyö');
    assert.deepEqual(print?.subjectIds.sort(), [clientId, relativeId].sort());

    // To the relative's page: the purpose is asked anew, for this person.
    await social.getByRole('link', { name: 'Ville Asiakas' }).click();
    await heading(page, 'Ville Asiakas').waitFor();
    await statePurpose(page, 'Palvelutarpeen arviointi');
    await section(page).getByRole('button', { name: 'Kirjaa asiakkuus' }).click();
    await section(page).getByRole('button', { name: 'Tallenna asiakkuus' }).click();
    await section(page).getByText('Asiakkuus kirjattiin: Aikuissosiaalityö.').waitFor();
    await section(page).getByRole('tab', { name: 'Perhesuhteet' }).click();
    // The relation recorded on the client reads the other way round here, and is not corrected.
    await section(page).getByRole('heading', { name: 'Aino Asiakas · Vanhempi' }).waitFor();
    await section(page)
      .getByText('Omaisen tietoihin; korjataan omaisen sivulla.', { exact: true })
      .waitFor();
    assert.equal(
      await section(page)
        .getByRole('button', { name: /^Korjaa/ })
        .count(),
      0,
    );
    await checkAccessibility(page, "the relative's page with the inverse relation");

    // Back to the client: nothing is read until the section is opened again; the purpose stated
    // for the client stands, and the section's read is one entry of its own, naming it.
    await page.goBack();
    await heading(page, 'Aino Asiakas').waitFor();
    // Now a client of the worker's unit: the page's summary says so, to this worker.
    await clientBadge(page).waitFor();
    await picture(page, 'social-client-badge.png');
    await openSocialTab(page);
    const sectionReads = async () =>
      (await entries()).filter(
        (entry) =>
          entry.action === 'read' &&
          entry.username === workerA.username &&
          entry.subjectIds.includes(clientId) &&
          entry.fields.includes('socialClient'),
      );
    const before = await sectionReads();
    await section(page).getByRole('button', { name: 'Näytä sosiaalihuollon tiedot' }).waitFor();
    assert.equal((await sectionReads()).length, before.length, 'nothing read on opening the page');
    await showSection(page);
    await section(page).getByText('Käyttötarkoitus: Asiakastyö').waitFor();
    await section(page)
      .getByRole('heading', { name: /^2\.3\.2026/ })
      .waitFor();
    const after = await sectionReads();
    assert.equal(after.length, before.length + 1, 'one entry for opening the section');
    assert.deepEqual(after.at(-1)?.fields, ['socialClient']);
    assert.equal(after.at(-1)?.purpose, 'Asiakastyö');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('a worker of another unit breaks the glass; the register officer reviews it', async () => {
    const ids = await clientsOfUnitA(CRISIS_CLIENT, CRISIS_RELATIVE);
    const client = `${CRISIS_CLIENT.firstName} ${CRISIS_CLIENT.lastName}`;
    const relative = `${CRISIS_RELATIVE.firstName} ${CRISIS_RELATIVE.lastName}`;
    await page.goto(server.baseUrl);
    await signIn(page, workerB.username, workerB.password);

    // A relationship of B's own with unit A's client opens unit B's records only.
    await openPerson(page, CRISIS_RELATIVE);
    await statePurpose(page, 'Palvelutarpeen arviointi');
    await section(page).getByRole('button', { name: 'Kirjaa asiakkuus' }).click();
    await section(page).getByRole('button', { name: 'Tallenna asiakkuus' }).click();
    await section(page).getByText('Asiakkuus kirjattiin: Perhepalvelut.').waitFor();
    const own = section(page).getByRole('group', { name: 'Asiakkuudet' });
    await own.getByText('Perhepalvelut', { exact: true }).waitFor();
    assert.doesNotMatch(await own.innerText(), /Aikuissosiaalityö/, 'unit A’s is A’s to know');
    await section(page).getByRole('tab', { name: 'Perhesuhteet' }).click();
    assert.equal(
      await section(page)
        .getByRole('heading', { name: `${client} · Vanhempi` })
        .count(),
      0,
      'the relation unit A recorded stays closed',
    );
    await section(page).getByRole('heading', { name: 'Muiden yksiköiden kirjaukset' }).waitFor();
    await section(page)
      .getByRole('button', { name: 'Avaa muiden yksiköiden kirjaukset' })
      .waitFor();
    await checkAccessibility(
      page,
      'a relationship of the worker’s own: other units’ records closed',
    );

    await openPerson(page, CRISIS_CLIENT);
    const social = section(page);
    await statePurpose(page, 'Muu', 'Päivystyksen yhteydenotto');

    // The same notice as for anyone who is no client of the worker's units: no unit named.
    await social.getByText('Tiedot eivät avaudu sinulle').waitFor();
    assert.equal(await clientBadge(page).count(), 0, "another unit's client: no badge");
    assert.doesNotMatch(await social.innerText(), /Aikuissosiaalityö/);
    await social.getByRole('button', { name: 'Riko lasi' }).click();
    await dialog(page)
      .getByRole('heading', { name: 'Avataanko tiedot rikkomalla lasi?' })
      .waitFor();
    await dialog(page)
      .getByText(/rekisterivastaava tarkastaa jokaisen lasin rikkomisen/)
      .waitFor();
    await dialog(page).getByLabel('Syy').fill('kiire');
    await dialog(page).getByRole('button', { name: 'Riko lasi ja avaa tiedot' }).click();
    await dialog(page).getByText('Kerro syy vähintään 10 merkillä.').waitFor();
    await checkAccessibility(page, 'the break-the-glass dialog with a short reason');
    assert.equal(
      (await entries()).some((entry) => entry.action === 'breakGlass'),
      false,
      'nothing opened yet',
    );
    await dialog(page).getByLabel('Syy').fill(REASON);
    await dialog(page).getByRole('button', { name: 'Riko lasi ja avaa tiedot' }).click();

    // Read-only, with a visible notice of the grant and its end.
    await social.getByText('Avattu lasin rikkomalla').waitFor();
    await social.getByText(/luettavissa klo \d{1,2}\.\d{2} asti/).waitFor();
    await social.getByRole('heading', { name: '2.3.2026 · Toimintakyky ja liikkuminen' }).waitFor();
    await social
      .getByRole('group', { name: 'Asiakkuudet' })
      .getByText('Aikuissosiaalityö')
      .waitFor();
    for (const action of ['Lisää terveystieto', 'Kirjaa asiakkuus', 'Päätä asiakkuus']) {
      assert.equal(await social.getByRole('button', { name: action }).count(), 0, action);
    }
    assert.equal(await social.getByRole('button', { name: /^Korjaa/ }).count(), 0);
    await checkAccessibility(page, 'the data opened by breaking the glass');
    await picture(page, 'social-break-glass.png');
    const log = await entries();
    const broken = log.find((entry) => entry.action === 'breakGlass');
    assert.equal(broken?.purpose, REASON);
    assert.equal(broken?.flag, 'breakGlass');
    const reads = log.filter(
      (entry) =>
        entry.action === 'read' &&
        entry.username === workerB.username &&
        entry.subjectIds.includes(ids.client) &&
        entry.fields.includes('health'),
    );
    assert.ok(reads.length > 0 && reads.every((entry) => entry.flag === 'breakGlass'));
    assert.equal(reads[0]?.purpose, 'Päivystyksen yhteydenotto');
    // Under the grant the page's summary tells that she is a client, and that read is flagged.
    await page.reload();
    await heading(page, client).waitFor();
    await clientBadge(page).waitFor();
    const told = (await entries()).findLast(
      (entry) => entry.username === workerB.username && entry.fields.includes('socialClient'),
    );
    assert.deepEqual([told?.fields, told?.flag], [['socialClient'], 'breakGlass']);

    // The register officer's review.
    await signOut(page);
    await signIn(page, officer.username, officer.password);
    await navigation(page).getByRole('link', { name: 'Poikkeavat avaukset', exact: true }).click();
    await heading(page, 'Poikkeavat avaukset').waitFor();
    const row = page
      .getByRole('row', { name: /Bertta Berg \(sosiaali\.berg\)/ })
      .filter({ hasText: client });
    await row.getByRole('link', { name: client, exact: true }).waitFor();
    // B's relationship with unit A's client waits for review too.
    const relationshipRow = page.getByRole('row').filter({ hasText: relative });
    await relationshipRow
      .getByText('Uusi asiakkuus yksikössä Perhepalvelut: henkilö oli jo toisen yksikön asiakas.')
      .waitFor();
    await row.getByText(REASON).waitFor();
    await checkAccessibility(page, 'the open break-the-glass access');
    await picture(page, 'break-glass-review.png');

    // The log entries of the access, flagged.
    await row
      .getByRole('link', {
        name: `Käyttäjän sosiaali.berg lokimerkinnät henkilön ${client} tiedoista`,
      })
      .click();
    await heading(page, 'Käyttöloki').waitFor();
    assert.equal(
      await page.getByRole('checkbox', { name: /Vain lasin rikkomiset/ }).isChecked(),
      true,
    );
    await page
      .getByRole('row', { name: /Lasin rikkominen – tarkastettava/ })
      .first()
      .waitFor();
    assert.equal(
      await page.locator('tbody tr:not(.log-table__row--flagged)').count(),
      0,
      'only flagged entries, each marked',
    );
    await checkAccessibility(page, 'the flagged access-log entries');
    await page.goBack();
    await heading(page, 'Poikkeavat avaukset').waitFor();

    await page
      .getByRole('button', { name: `Merkitse tarkastetuksi: sosiaali.berg, ${client}` })
      .click();
    await dialog(page).getByRole('button', { name: 'Merkitse tarkastetuksi', exact: true }).click();
    await dialog(page).getByText('Kirjaa huomautus: mitä tarkastit ja mihin päädyit.').waitFor();
    await checkAccessibility(page, 'the review dialog without a note');
    await dialog(page).getByLabel('Huomautus').fill('Syy asiallinen: päivystys.');
    await dialog(page).getByRole('button', { name: 'Merkitse tarkastetuksi', exact: true }).click();
    await page.getByText(`Merkitty tarkastetuksi: ${client}.`).waitFor();
    await page
      .getByRole('button', { name: `Merkitse tarkastetuksi: sosiaali.berg, ${relative}` })
      .click();
    await dialog(page)
      .getByText(new RegExp(`sosiaali\\.berg kirjasi henkilölle ${relative} asiakkuuden`))
      .waitFor();
    await dialog(page)
      .getByLabel('Huomautus')
      .fill('Perhetyön asiakkuus, sovittu yksiköiden kesken.');
    await dialog(page).getByRole('button', { name: 'Merkitse tarkastetuksi', exact: true }).click();
    await page.getByText(`Merkitty tarkastetuksi: ${relative}.`).waitFor();
    await page.getByText('Tarkastamattomia merkintöjä ei ole.').waitFor();

    await page.getByRole('tab', { name: 'Tarkastetut' }).click();
    const reviewed = page.getByRole('row', { name: /Bertta Berg/ }).filter({ hasText: client });
    await reviewed.getByText(/^Tarkastanut Tiina Virtanen \(tietosuoja\.virtanen\) /).waitFor();
    await reviewed.getByText('Syy asiallinen: päivystys.').waitFor();
    await checkAccessibility(page, 'the reviewed break-the-glass access');
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('the administrator creates a unit, puts workers in it, closes it, and keeps the service needs', async () => {
    await page.goto(server.baseUrl);
    await signIn(page, server.user.username, server.user.password);
    await navigation(page)
      .getByRole('link', { name: 'Sosiaalihuollon yksiköt', exact: true })
      .click();
    await heading(page, 'Sosiaalihuollon yksiköt').waitFor();
    const units = page.getByRole('region', { name: 'Yksiköt', exact: true });
    await units.getByRole('heading', { name: /^Aikuissosiaalityö · aikuiset/ }).waitFor();
    await checkAccessibility(page, 'the social-services units');

    await units.getByRole('button', { name: 'Uusi yksikkö' }).click();
    const form = units.getByRole('form', { name: 'Uusi yksikkö' });
    // The names are required by the schema (the form knows before sending); a code of the
    // wrong form is the server's to say, next to its field.
    await form.getByRole('textbox', { name: 'Tunnus' }).fill('Vammais palvelut');
    await form.getByRole('button', { name: 'Lisää yksikkö' }).click();
    await page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (3)' }).waitFor();
    await checkAccessibility(page, 'the new unit form with errors');
    await form.getByRole('textbox', { name: 'Nimi suomeksi' }).fill('Vammaispalvelut');
    await form.getByRole('textbox', { name: 'Nimi ruotsiksi' }).fill('Handikappservice');
    await form.getByRole('textbox', { name: 'Nimi englanniksi' }).fill('Disability services');
    await form.locator('label', { hasText: 'Bertta Berg (sosiaali.berg)' }).click();
    await form.getByRole('button', { name: 'Lisää yksikkö' }).click();
    await form
      .getByText(/^Tunnuksessa saa olla vain pieniä kirjaimia/)
      .first()
      .waitFor();
    await form.getByRole('textbox', { name: 'Tunnus' }).fill('aikuiset');
    await form.getByRole('button', { name: 'Lisää yksikkö' }).click();
    // A code in use is named next to its field.
    await form.getByText('Tunnus on jo käytössä.').first().waitFor();
    await form.getByRole('textbox', { name: 'Tunnus' }).fill('vammaispalvelut');
    await form.getByRole('button', { name: 'Lisää yksikkö' }).click();
    await page.getByText('Yksikkö lisättiin: Vammaispalvelut.').waitFor();
    const entry = units.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: /^Vammaispalvelut · vammaispalvelut/ }),
    });
    await entry.getByText('Sosiaalityöntekijät: Bertta Berg (sosiaali.berg)').waitFor();

    await entry.getByRole('button', { name: 'Muokkaa yksikköä: Vammaispalvelut' }).click();
    const edit = units.getByRole('form', { name: 'Muokkaa yksikköä: Vammaispalvelut' });
    await edit.locator('label', { hasText: 'Aaro Aalto (sosiaali.aalto)' }).click();
    await edit.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByText('Muutokset tallennettiin: Vammaispalvelut.').waitFor();
    await entry
      .getByText('Sosiaalityöntekijät: Aaro Aalto (sosiaali.aalto), Bertta Berg (sosiaali.berg)')
      .waitFor();
    const [unit] = await server.database.db
      .select({ id: socialUnits.id })
      .from(socialUnits)
      .where(eq(socialUnits.code, 'vammaispalvelut'));
    assert.ok(unit);
    const members = await server.database.db
      .select({ username: staffUsers.username })
      .from(socialUnitMembers)
      .innerJoin(staffUsers, eq(staffUsers.id, socialUnitMembers.userId))
      .where(eq(socialUnitMembers.unitId, unit.id))
      .orderBy(asc(staffUsers.username));
    assert.deepEqual(
      members.map((member) => member.username),
      [workerA.username, workerB.username],
    );

    await entry.getByRole('button', { name: 'Sulje yksikkö: Vammaispalvelut' }).click();
    await dialog(page)
      .getByRole('heading', { name: 'Suljetaanko yksikkö Vammaispalvelut?' })
      .waitFor();
    await checkAccessibility(page, 'closing a unit');
    await dialog(page).getByRole('button', { name: 'Sulje yksikkö', exact: true }).click();
    await page.getByText('Yksikkö suljettiin: Vammaispalvelut.').waitFor();
    await entry.getByText('Suljettu', { exact: true }).waitFor();

    // The list of service needs: a new one, then out of use.
    const needs = page.getByRole('region', { name: 'Palvelutarpeet' });
    await needs.getByRole('button', { name: 'Uusi palvelutarve' }).click();
    const need = needs.getByRole('form', { name: 'Uusi palvelutarve' });
    await need.getByRole('textbox', { name: 'Tunnus' }).fill('kotihoito-tuki');
    await need.getByRole('textbox', { name: 'Nimi suomeksi' }).fill('Kotihoidon tukipalvelut');
    await need.getByRole('textbox', { name: 'Nimi ruotsiksi' }).fill('Stödtjänster för hemvård');
    await need.getByRole('textbox', { name: 'Nimi englanniksi' }).fill('Home care support');
    await need.getByRole('button', { name: 'Lisää palvelutarve' }).click();
    await page.getByText('Palvelutarve lisättiin: Kotihoidon tukipalvelut.').waitFor();
    const needRow = needs.getByRole('row', { name: /Kotihoidon tukipalvelut/ });
    await needRow.getByText('Käytössä', { exact: true }).waitFor();
    await needRow.getByRole('button', { name: 'Poista käytöstä: Kotihoidon tukipalvelut' }).click();
    await page.getByText('Palvelutarve poistettiin käytöstä: Kotihoidon tukipalvelut.').waitFor();
    await needRow.getByText('Poistettu käytöstä', { exact: true }).waitFor();
    await checkAccessibility(page, 'the units and the service needs after the changes');
    await picture(page, 'social-units.png');
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
