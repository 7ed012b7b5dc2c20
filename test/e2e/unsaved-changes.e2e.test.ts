import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { insertTestPerson } from '../helpers/invoice-fixtures.ts';
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

const LEAVE_TITLE = 'Poistutaanko tallentamatta?';

describe('unsaved changes in the browser', { skip: chromiumSkip }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  browserSuite({}, (setup) => {
    ({ server, browser } = setup);
  });
  pagePerTest(
    () => browser,
    (opened) => ({ page } = opened),
  );

  /** A person of the test's own, their edit form open for customer service. */
  const editFormOf = async (lastName: string) => {
    const personId = await insertTestPerson(server.database, { firstName: 'Liisa', lastName });
    await signInByCookie(page, server, 'customer_service');
    await page.goto(`${server.baseUrl}/persons/${personId}/edit`);
    await heading(page, `Muokkaa henkilöä: Liisa ${lastName}`).waitFor();
    return personId;
  };
  const leaveDialog = () => page.getByRole('dialog', { name: LEAVE_TITLE });

  test('a menu link asks before an edited name is lost; staying keeps the text, leaving goes', async () => {
    const personId = await editFormOf('Muokattava');
    const firstName = page.getByLabel('Etunimi');
    await firstName.fill('Maija');

    await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
    await leaveDialog().waitFor();
    await leaveDialog()
      .getByText('Tällä sivulla tekemiäsi muutoksia ei ole tallennettu.', { exact: false })
      .waitFor();
    await page.setViewportSize({ width: 1366, height: 768 });
    await checkAccessibility(page, 'the unsaved-changes dialog');
    await picture(page, 'unsaved-changes-dialog.png');
    await leaveDialog().getByRole('button', { name: 'Jää sivulle' }).click();
    await leaveDialog().waitFor({ state: 'hidden' });
    assert.equal(new URL(page.url()).pathname, `/persons/${personId}/edit`);
    assert.equal(await firstName.inputValue(), 'Maija', 'staying keeps what was typed');

    await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
    await leaveDialog().getByRole('button', { name: 'Poistu tallentamatta' }).click();
    await heading(page, 'Asiakashaku').waitFor();
    assert.equal(new URL(page.url()).pathname, '/search');
  });

  test('closing or reloading the tab with an edited name asks the browser', async () => {
    // The page's own part: its beforeunload handler cancels the unload (the browser then asks),
    // and only while there is something to lose. Dispatched in the page rather than by closing
    // the tab: Chromium under load could die with a pending beforeunload dialog as the context
    // closed, taking the next test's browser with it.
    const cancelsUnload = () =>
      page.evaluate(() => {
        const event = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    await editFormOf('Suljettava');
    assert.equal(await cancelsUnload(), false, 'nothing typed: no question');
    await page.getByLabel('Sukunimi').fill('Toinen');
    assert.equal(await cancelsUnload(), true, 'an edited name: the browser asks');
    await page.getByLabel('Sukunimi').fill('Suljettava');
    assert.equal(await cancelsUnload(), false, 'typed back as it was: no question');
  });

  test('nothing changed, or the change saved: no question', async () => {
    const personId = await editFormOf('Tallennettava');
    const firstName = page.getByLabel('Etunimi');
    await firstName.fill('Maija');
    // Typed back as it was: nothing to lose.
    await firstName.fill('Liisa');
    await navigation(page).getByRole('link', { name: 'Haku', exact: true }).click();
    await heading(page, 'Asiakashaku').waitFor();

    await page.goto(`${server.baseUrl}/persons/${personId}/edit`);
    await page.getByLabel('Etunimi').fill('Maija');
    await page.getByRole('button', { name: 'Tallenna muutokset' }).click();
    await page.getByText('Muutokset tallennettiin.').waitFor();
    assert.equal(new URL(page.url()).pathname, `/persons/${personId}`);
    assert.equal(await leaveDialog().count(), 0);
    await heading(page, 'Maija Tallennettava').waitFor();
  });
});
