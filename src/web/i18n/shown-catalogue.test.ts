import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MessageKey } from './catalogues.ts';
import {
  chooseLanguage,
  needWholeCatalogue,
  shownCatalogue,
  subscribeToCatalogue,
} from './shown-catalogue.ts';

const text = (key: MessageKey) =>
  (shownCatalogue()?.catalogue.messages as Partial<Record<MessageKey, string>>)[key];

const state = () => ({ language: shownCatalogue()?.language, whole: shownCatalogue()?.whole });

/** Resolves at the next catalogue shown. */
const nextShown = () =>
  new Promise<void>((resolve) => {
    const stop = subscribeToCatalogue(() => {
      stop();
      resolve();
    });
  });

// One module, one page's life: the steps follow each other.
test('the first screen in Finnish, the whole catalogue when a page needs it, in the language chosen last', async () => {
  assert.deepEqual(state(), { language: 'fi', whole: false });
  assert.equal(text('search.title'), 'Asiakashaku');
  assert.equal(text('account.title'), undefined, 'the rest is not in the first chunk');

  // A page asks for the whole catalogue, and Swedish is chosen while it loads: Swedish wins.
  const whole = needWholeCatalogue();
  chooseLanguage('sv');
  await whole;
  assert.deepEqual(state(), { language: 'sv', whole: true });
  assert.equal(text('account.title'), 'Mitt konto');
  assert.equal(text('search.title'), 'Kundsökning');

  // From then on a language chosen comes whole.
  const shown = nextShown();
  chooseLanguage('en');
  await shown;
  assert.deepEqual(state(), { language: 'en', whole: true });
  assert.equal(text('account.title'), 'My account');
  await needWholeCatalogue();
  assert.equal(shownCatalogue()?.language, 'en', 'already whole: nothing changes');
});
