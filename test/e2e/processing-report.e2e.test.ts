import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { Browser, Download, Page } from 'playwright-core';
import { accessLog, staffUsers } from '../../src/server/db/schema/index.ts';
import { helsinkiDate, yearsBefore } from '../../src/contract/dates.ts';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
import { parseCsv, pdfText } from '../helpers/report-files.ts';
import {
  browserSuite,
  checkAccessibility,
  chromiumSkip,
  heading,
  pagePerTest,
  signIn,
  signInByCookie,
  type TestServer,
} from './helpers.ts';

const OFFICER = 'tietosuoja.virtanen';
const OFFICER_NAME = 'Tiina Virtanen';
const PERSON = { firstName: 'Väinö', lastName: 'Äijälä-Öhman' };
const FULL_NAME = `${PERSON.firstName} ${PERSON.lastName}`;

/** Set E2E_SCREENSHOTS to a directory to keep a picture of the report's controls. */
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

/** d.m.yyyy, as the form shows a date. */
const finnish = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}.${Number(m)}.${y}`;
};

async function downloadBy(page: Page, button: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return download;
}

async function contentOf(download: Download): Promise<Buffer> {
  return fs.promises.readFile(await download.path());
}

describe("the data subject's report in the browser", { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  const today = helsinkiDate(new Date());

  browserSuite({ role: 'register_officer', username: OFFICER }, async (setup) => {
    ({ server, browser } = setup);
    await server.database.db
      .update(staffUsers)
      .set({ fullName: OFFICER_NAME })
      .where(eq(staffUsers.username, OFFICER));
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page, problems } = opened),
  );

  test('the register officer downloads who has processed a person’s data as CSV and PDF', async () => {
    await page.goto(server.baseUrl);
    await signIn(page, server.user.username, server.user.password);

    await page
      .getByRole('navigation', { name: 'Päävalikko' })
      .getByRole('link', { name: 'Uusi henkilö', exact: true })
      .click();
    await heading(page, 'Uusi henkilö').waitFor();
    await page.getByLabel('Etunimi').fill(PERSON.firstName);
    await page.getByLabel('Sukunimi').fill(PERSON.lastName);
    await page.getByRole('button', { name: 'Tallenna henkilö' }).click();
    await heading(page, FULL_NAME).waitFor();
    // Open the page anew: a read of the person's data, on record.
    await page.reload();
    await heading(page, FULL_NAME).waitFor();
    await page.getByRole('tab', { name: 'Käsittely' }).click();

    const processing = page.getByRole('region', { name: 'Tietojen käsittely' });
    const report = processing.getByRole('group', { name: 'Raportti rekisteröidylle' });
    assert.equal(await report.getByLabel('Alkaen').inputValue(), finnish(yearsBefore(today, 2)));
    assert.equal(await report.getByLabel('Päättyen').inputValue(), finnish(today));
    await checkAccessibility(page, 'the person page with the report for the data subject');

    const csv = await downloadBy(page, 'Lataa CSV');
    assert.equal(csv.suggestedFilename(), `kasittelyloki-${today}.csv`);
    const csvBytes = await contentOf(csv);
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
    const rows = parseCsv(csvBytes.subarray(3).toString('utf8'));
    assert.deepEqual(rows[0], [
      'Aika',
      'Toiminto',
      'Käsittelijä',
      'Rooli',
      'Organisaatio',
      'Tiedot',
      'Käyttötarkoitus',
    ]);
    const reads = rows.filter((row) => row[1] === 'Tietojen katselu');
    assert.ok(reads.length >= 1, JSON.stringify(rows));
    assert.equal(reads[0]?.[2], `${OFFICER_NAME} (${OFFICER})`);
    assert.equal(reads[0]?.[3], 'rekisterivastaava');
    assert.equal(reads[0]?.[4], 'Kunta (oma henkilöstö)');
    assert.ok(rows.some((row) => row[1] === 'Tietojen tallennus'));
    await report.getByText(`Raportti ladattiin: kasittelyloki-${today}.csv`).waitFor();
    await checkAccessibility(page, 'the report after the CSV download');
    if (SCREENSHOTS) {
      await processing.screenshot({ path: path.join(SCREENSHOTS, 'processing-report.png') });
    }

    // In English, as the person may ask; the PDF.
    await report.getByRole('button', { name: /Raportin kieli/ }).click();
    await page.getByRole('option', { name: 'Englanti' }).click();
    const pdf = await downloadBy(page, 'Lataa PDF');
    assert.equal(pdf.suggestedFilename(), `processing-log-${today}.pdf`);
    const pdfBytes = await contentOf(pdf);
    assert.equal(pdfBytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdfBytes);
    assert.match(text, /Record of the processing of personal data/);
    assert.match(text, /Väinö Äijälä-Öhman/);
    assert.match(text, /Viewed the data/);
    assert.match(text, /Printed this record/, 'the CSV download is itself on record');
    assert.match(text, new RegExp(`${OFFICER_NAME} \\(${OFFICER.replace('.', '\\.')}\\)`));

    const [last] = await server.database.db
      .select()
      .from(accessLog)
      .orderBy(desc(accessLog.position))
      .limit(1);
    assert.equal(last?.action, 'report');
    assert.equal(last?.username, OFFICER);
    assert.equal(last?.purpose, 'data subject access request');

    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });

  test('a period that is not one is explained next to the field, and nothing is downloaded', async () => {
    const personId = await insertTestPerson(server.database, PERSON);
    await signInByCookie(page, server, 'register_officer');
    await page.goto(`${server.baseUrl}/persons/${personId}?tab=processing`);
    await heading(page, FULL_NAME).waitFor();
    const report = page
      .getByRole('region', { name: 'Tietojen käsittely' })
      .getByRole('group', { name: 'Raportti rekisteröidylle' });
    const logged = async () => (await server.database.db.select().from(accessLog)).length;
    const before = await logged();

    await report.getByLabel('Alkaen').fill('31.2.2026');
    await report.getByRole('button', { name: 'Lataa CSV', exact: true }).click();
    await report.getByText('Anna päivämäärä muodossa p.k.vvvv').waitFor();
    await checkAccessibility(page, 'the report with an invalid date');

    await report.getByLabel('Alkaen').fill('2.1.2026');
    await report.getByLabel('Päättyen').fill('1.1.2026');
    await report.getByRole('button', { name: 'Lataa PDF', exact: true }).click();
    await report.getByText('Päättymispäivä on ennen alkupäivää.').waitFor();
    assert.equal(await logged(), before, 'no report was made');
    assert.deepEqual(problems, [], 'no script errors or Content-Security-Policy violations');
  });
});
