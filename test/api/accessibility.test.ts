import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEEDBACK_PER_ADDRESS_PER_HOUR } from '../../src/server/modules/privacy-statement/accessibility.service.ts';
import { callAs, forEachEngineAppPerTest, manualClock, type TestApp } from '../helpers/app.ts';
import { SEED_SETTINGS } from '../helpers/public-pages.ts';

const clock = manualClock(new Date('2026-12-07T10:00:00Z'));

async function saveSettings(ctx: TestApp, settings: object = SEED_SETTINGS) {
  const admin = await ctx.signIn('admin');
  const saved = await callAs(ctx, admin, 'PUT', '/api/settings/privacy-statement', settings);
  assert.equal(saved.statusCode, 200, saved.body);
  return admin;
}

const sendFeedback = (ctx: TestApp, payload: object, address = '203.0.113.7') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/public/accessibility-feedback',
    payload,
    remoteAddress: address,
  });

forEachEngineAppPerTest(
  'the accessibility statement and its feedback',
  ({ ctx }) => {
    test('the statement names the service, its compliance, the known issues, the feedback channel and the authority, in three languages', async () => {
      await saveSettings(ctx(), {
        ...SEED_SETTINGS,
        accessibility: {
          compliance: 'partial',
          assessedOn: '2026-11-30',
          knownIssues: {
            fi: 'Tulostettavat PDF-vastaukset eivät ole saavutettavia.',
            sv: null,
            en: 'The printable PDF answers are not accessible.',
          },
        },
      });
      const answers = await Promise.all(
        ['fi', 'sv', 'en'].map((lang) =>
          ctx().app.inject({ url: `/api/public/accessibility-statement?lang=${lang}` }),
        ),
      );
      const [fi, sv, en] = answers.map((answer) => {
        assert.equal(answer.statusCode, 200, answer.body);
        return answer.json();
      });
      const text = (statement: { sections: { key: string; blocks: object[] }[] }, key: string) =>
        JSON.stringify(statement.sections.find((section) => section.key === key)?.blocks);
      assert.equal(fi.title, 'Saavutettavuusseloste');
      assert.equal(sv.title, 'Tillgänglighetsutlåtande');
      assert.equal(en.title, 'Accessibility statement');
      assert.match(text(fi, 'scope'), /Rautavaaran kunta.*306\/2019.*Asiakasrekisteri/);
      assert.match(text(fi, 'compliance'), /osittain/);
      assert.match(text(fi, 'knownIssues'), /PDF-vastaukset/);
      // No Swedish text: the Finnish one, marked as Finnish.
      assert.match(text(sv, 'knownIssues'), /PDF-vastaukset.*"lang":"fi"/);
      assert.match(text(en, 'assessment'), /30 November 2026/);
      assert.match(text(fi, 'feedback'), /kirjaamo@rautavaara\.fi/);
      assert.match(text(fi, 'enforcement'), /Traficom/);
    });

    test('anyone gives feedback without signing in; the administrator reads it and marks it handled', async () => {
      const admin = await saveSettings(ctx());
      const sent = await sendFeedback(ctx(), {
        message: 'Lomakkeen virheilmoitus ei näy ruudunlukijalle.',
        email: 'asukas@example.fi',
        page: '/public/privacy-statement',
        language: 'fi',
      });
      assert.equal(sent.statusCode, 201, sent.body);
      clock.advance(1000);
      const anonymous = await sendFeedback(ctx(), { message: 'Kontrasti on heikko.' });
      assert.equal(anonymous.statusCode, 201, anonymous.body);

      const open = await callAs(ctx(), admin, 'GET', '/api/settings/accessibility-feedback');
      assert.equal(open.statusCode, 200, open.body);
      assert.equal(open.json().open, 2);
      const [newest, older] = open.json().items;
      assert.equal(newest.message, 'Kontrasti on heikko.');
      assert.equal(newest.email, null);
      assert.equal(older.email, 'asukas@example.fi');

      const handled = await callAs(
        ctx(),
        admin,
        'PATCH',
        `/api/settings/accessibility-feedback/${older.id}`,
        { handled: true },
      );
      assert.equal(handled.statusCode, 200, handled.body);
      assert.ok(handled.json().handledAt);
      assert.match(handled.json().handledBy, /^admin/);
      const stillOpen = await callAs(ctx(), admin, 'GET', '/api/settings/accessibility-feedback');
      assert.deepEqual(
        stillOpen.json().items.map((item: { id: string }) => item.id),
        [newest.id],
      );
      const all = await callAs(
        ctx(),
        admin,
        'GET',
        '/api/settings/accessibility-feedback?show=all',
      );
      assert.equal(all.json().items.length, 2);
      assert.equal(all.json().open, 1);

      const missing = await callAs(
        ctx(),
        admin,
        'PATCH',
        '/api/settings/accessibility-feedback/00000000-0000-4000-8000-000000000000',
        { handled: true },
      );
      assert.equal(missing.statusCode, 404, missing.body);
    });

    test('one address may send only so much within an hour: then 429 with Retry-After, others still may', async () => {
      await saveSettings(ctx());
      for (let n = 0; n < FEEDBACK_PER_ADDRESS_PER_HOUR; n++) {
        const sent = await sendFeedback(ctx(), { message: `Palaute ${n}` }, '198.51.100.9');
        assert.equal(sent.statusCode, 201, sent.body);
      }
      const refused = await sendFeedback(ctx(), { message: 'Vielä yksi' }, '198.51.100.9');
      assert.equal(refused.statusCode, 429, refused.body);
      assert.equal(refused.headers['retry-after'], '3600');
      const other = await sendFeedback(ctx(), { message: 'Toiselta' }, '198.51.100.10');
      assert.equal(other.statusCode, 201, other.body);
    });

    test('feedback without a message, or with an address that is not an email, is refused by field', async () => {
      const bad = await sendFeedback(ctx(), { message: '   ', email: 'ei osoite' });
      assert.equal(bad.statusCode, 400, bad.body);
      const fields = bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort();
      assert.deepEqual(fields, ['email', 'message']);
    });
  },
  { clock },
);
