import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import { json, signInNewUser } from '../helpers/app.ts';
import { OLD_REGISTER_PROFILE, writeOldRegisterExport } from '../helpers/import-files.ts';
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

/*
 * Decision 0027: the register officer moves an old register in from the web — a profile, a dry
 * run of a file with a planted error and a duplicate, its report in Finnish, the apply, a created
 * person with the import as the source of their values, and the report as CSV.
 */

const MATTI = makeIdentityCode('1961-04-12', 231);
const PAIVI = makeIdentityCode('1978-11-30', 412);
/** Liisa's code with a wrong check character. */
const BROKEN = ((code: string) => code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'))(
  makeIdentityCode('1985-02-03', 318),
);

/** The old register's export: row 3 has a broken identity code, row 5 repeats row 2's. */
const EXPORT = [
  'Sukunimi;Etunimet;Hetu;Sähköposti;Lähiosoite;Postinumero;Postitoimipaikka',
  `Virtanen;Matti;${MATTI};matti.virtanen@example.fi;Kotikatu 1 A 2;00100;Helsinki`,
  `Korhonen;Liisa;${BROKEN};liisa.korhonen@example.fi;Rantatie 5;40100;Jyväskylä`,
  `Mäkinen;Päivi;${PAIVI};paivi.makinen@example.fi;Koulukatu 12;33100;Tampere`,
  `Nieminen;Jussi;${MATTI};jussi.nieminen@example.fi;Kotikatu 3;00100;Helsinki`,
  'Öhman;Åke;;ake.ohman@example.fi;Strandvägen 7;65100;Vasa',
].join('\r\n');

const textbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('textbox', { name, exact: true });

async function choose(page: Page, label: RegExp, option: string) {
  await page.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('moving in from an old register in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  browserSuite({ role: 'register_officer', username: 'rekisterivastaava' }, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the register officer makes a profile, dry-runs a file, reads the errors, applies it, opens a created person and downloads the report', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signInByCookie(page, server, 'register_officer');
    await page.goto(server.baseUrl);
    await navigation(page).getByRole('link', { name: 'Tuonnit', exact: true }).click();
    await heading(page, 'Tuonnit').waitFor();
    await page.getByRole('link', { name: /^Siirto aiemmasta rekisteristä/ }).click();
    await heading(page, 'Siirto aiemmasta rekisteristä').waitFor();
    await page.getByText('Profiileja ei ole vielä.', { exact: false }).waitFor();
    await checkAccessibility(page, 'the moving-in page without profiles');
    await picture(page, 'move-in-empty.png');

    // The profile: the file's columns, and the identity code's purpose the law asks for.
    await page.getByRole('link', { name: 'Uusi profiili' }).click();
    await heading(page, 'Uusi tuontiprofiili').waitFor();
    await textbox(page, 'Nimi').fill('vanha-rekisteri');
    const columns: [string, string][] = [
      ['Sarake: Etunimi', 'Etunimet'],
      ['Sarake: Sukunimi', 'Sukunimi'],
      ['Sarake: Henkilötunnus', 'Hetu'],
      ['Sarake: Sähköposti', 'Sähköposti'],
      ['Sarake: Katuosoite', 'Lähiosoite'],
      ['Sarake: Postinumero', 'Postinumero'],
      ['Sarake: Postitoimipaikka', 'Postitoimipaikka'],
    ];
    for (const [label, column] of columns) await textbox(page, label).fill(column);
    await page.getByRole('button', { name: 'Tallenna profiili' }).click();
    const summary = page.getByRole('heading', { name: 'Korjaa lomakkeen virheet (1)' });
    await summary.waitFor();
    await page
      .getByText(
        'Henkilötunnuksen käsittelyperuste: Valitse käsittelyperuste, kun henkilötunnus tuodaan.',
      )
      .waitFor();
    await checkAccessibility(page, 'the profile form with its error');
    await picture(page, 'move-in-profile-error.png');
    await choose(page, /Henkilötunnuksen käsittelyperuste/, 'Yksiselitteinen tunnistaminen');
    await page.getByRole('button', { name: 'Tallenna profiili' }).click();
    await heading(page, 'Siirto aiemmasta rekisteristä').waitFor();
    await page.getByRole('status').getByText('Profiili vanha-rekisteri on tallennettu.').waitFor();
    const profiles = page.getByRole('table', { name: 'Tuontiprofiilit nimen mukaan' });
    assert.match(
      (await profiles.locator('tbody tr').first().innerText()).replace(/\s+/g, ' '),
      /vanha-rekisteri Henkilöitä CSV \(teksti\), utf-8, ";" 7 tietoa/,
    );

    // The dry run: every row checked, nothing saved.
    await choose(page, /Profiili/, 'vanha-rekisteri (Henkilöitä)');
    await page.getByLabel('Tiedosto (CSV tai XLSX)').setInputFiles({
      name: 'vanha.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(EXPORT, 'utf8'),
    });
    await picture(page, 'move-in-page.png');
    await page.getByRole('button', { name: 'Tee koeajo' }).click();
    await heading(page, 'Koeajo 1').waitFor();
    await page
      .getByText('3 riviä voidaan tuoda. Rekisteriin ei ole vielä tallennettu mitään.')
      .waitFor();
    await page
      .getByText('2 riviä jää pois virheen tai kaksoiskappaleen vuoksi: ne näkyvät raportissa.')
      .waitFor();
    const rows = page
      .getByRole('table', { name: 'Ajon 1 raportti riveittäin' })
      .locator('tbody tr');
    await rows.nth(4).waitFor();
    const text = async (row: Locator) => (await row.innerText()).replace(/\s+/g, ' ').trim();
    assert.match(await text(rows.nth(0)), /^2 luotaisiin –$/);
    assert.match(
      await text(rows.nth(1)),
      /^3 virheellinen – Henkilötunnus \(sarake "Hetu"\): Henkilötunnuksen tarkistusmerkki ei täsmää\./,
    );
    assert.match(
      await text(rows.nth(3)),
      /^5 kaksoiskappale – Henkilötunnus \(sarake "Hetu"\): Sama henkilötunnus on jo rekisterissä tai aiemmalla rivillä sama kuin rivillä 2$/,
    );
    await checkAccessibility(page, 'a dry run and its report');
    await picture(page, 'move-in-dry-run.png');

    await page.getByRole('button', { name: 'virheellinen (1)' }).click();
    await page.getByText('Näytetään 1 / 1 riviä.').waitFor();
    assert.equal(await rows.count(), 1);
    await page.getByRole('button', { name: 'kaikki rivit' }).click();
    await page.getByText('Näytetään 5 / 5 riviä.').waitFor();

    // The apply: the same file, remembered by the page.
    await page.getByRole('button', { name: 'Tuo vanha.csv rekisteriin' }).click();
    await heading(page, 'Tuonti 2').waitFor();
    await page.getByText('Rekisteriin luotiin 3 uutta asiakasta.').waitFor();
    await page.getByText('luotu 3, virheellinen 1, kaksoiskappale 1').waitFor();
    await checkAccessibility(page, 'an applied import');
    await picture(page, 'move-in-applied.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Lataa raportti (CSV)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'import-2-report.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^\uFEFFrow;outcome;field;column;code;reason\r\n/);
    assert.match(csv, /\r\n3;invalid;personalIdentityCode;Hetu;identityCode\.checkCharacter;/);
    assert.match(csv, /\r\n5;duplicate;personalIdentityCode;Hetu;duplicate\.identityCode;/);
    assert.equal(csv.match(/;created;/g)?.length, 3);
    await page.getByRole('status').getByText('Raportti ladattu: import-2-report.csv').waitFor();

    // A created person: the import is the source of their values.
    await page.getByRole('button', { name: 'luotu (3)' }).click();
    await page.getByText('Näytetään 3 / 3 riviä.').waitFor();
    await page.getByRole('link', { name: 'Päivi Mäkinen' }).click();
    await heading(page, 'Päivi Mäkinen').waitFor();
    const sources = page.getByRole('region', { name: 'Tietojen lähteet' });
    await sources.getByRole('button', { name: 'Näytä tietojen lähteet' }).click();
    await sources
      .getByRole('row', {
        name: /^Sukunimi Siirto aiemmasta rekisteristä · import run 2: vanha\.csv, row 4/,
      })
      .waitFor();
    await checkAccessibility(page, 'a created person with the import as the source');
    await picture(page, 'move-in-person.png');

    // The imports page lists both runs, and opens this page for them.
    await page.goto(`${server.baseUrl}/imports`);
    const list = page.getByRole('table', { name: 'Tuonnit, uusin ensin' });
    await list.getByRole('link', { name: 'Siirto aiemmasta rekisteristä 1 (koeajo)' }).click();
    await heading(page, 'Koeajo 1').waitFor();
    // This page forgot the file after the reload: it asks for it again.
    await page.getByLabel('Valitse koeajon tiedosto vanha.csv uudelleen').waitFor();
    assert.deepEqual(problems, []);
  });

  test("a large file's run shows its progress while it runs", async () => {
    const cookie = await signInNewUser(server.app, server.database, server.keys, {
      username: 'siirtaja',
      role: 'register_officer',
    });
    const saved = await server.app.inject({
      method: 'PUT',
      url: '/api/move-in/profiles/suuri',
      headers: json(cookie),
      payload: OLD_REGISTER_PROFILE,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'move-in-e2e-'));
    try {
      const file = path.join(dir, 'suuri.csv');
      const { clean } = await writeOldRegisterExport(file, 20_000, 1000);
      await page.setViewportSize({ width: 1366, height: 768 });
      await signInByCookie(page, server, 'register_officer');
      await page.goto(`${server.baseUrl}/imports/move-in`);
      await heading(page, 'Siirto aiemmasta rekisteristä').waitFor();
      await choose(page, /Profiili/, 'suuri (Henkilöitä)');
      await page.getByLabel('Tiedosto (CSV tai XLSX)').setInputFiles(file);
      await page.getByRole('button', { name: 'Tee koeajo' }).click();
      const bar = page.getByRole('progressbar', { name: 'Edistyminen' });
      await bar.waitFor();
      // The bar shows what the server's committed batches have done so far: a part of the file.
      const seen: string[] = [];
      while ((await bar.count()) > 0) {
        const value = await bar.getAttribute('aria-valuetext').catch(() => null);
        if (value && !seen.includes(value)) {
          seen.push(value);
          if (seen.length === 1) await picture(page, 'move-in-progress.png');
        }
        await page.waitForTimeout(100);
      }
      const partial = seen.flatMap((value) => {
        const match = /^(\d+) % tiedostosta luettu, ([\d\s]+) riviä käsitelty$/.exec(value);
        return match
          ? [{ percent: Number(match[1]), rows: Number(match[2]!.replace(/\s/g, '')) }]
          : [];
      });
      assert.ok(
        partial.some((p) => p.percent < 100 && p.rows > 1 && p.rows < 20_001),
        `a part of the file: ${seen.join(' | ')}`,
      );
      await page.getByText(`${clean} riviä voidaan tuoda`, { exact: false }).waitFor();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
