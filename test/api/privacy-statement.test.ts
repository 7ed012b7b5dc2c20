import assert from 'node:assert/strict';
import { test } from 'node:test';
import { helsinkiDate } from '../../src/contract/dates.ts';
import {
  STATEMENT_SECTIONS,
  type PrivacyStatement,
} from '../../src/contract/privacy-statement/privacy-statement.schemas.ts';
import { callAs, forEachEngineAppPerTest, manualClock, type TestApp } from '../helpers/app.ts';
import { SEED_SETTINGS } from '../helpers/public-pages.ts';

const clock = manualClock(new Date('2026-12-07T10:00:00Z'));
const DAY = 24 * 60 * 60 * 1000;

/** The seed statement's headings, each a section of the generated one (in Finnish). */
const SEED_HEADINGS: Record<(typeof STATEMENT_SECTIONS)[number], string | null> = {
  drawnUp: 'Laatimispäivä',
  controller: 'Rekisterinpitäjä',
  contactPerson: 'Yhteyshenkilö rekisteriä koskevissa asioissa',
  registerName: 'Rekisterin nimi',
  purposes: 'Henkilötietojen käsittelyn tarkoitus',
  content: 'Rekisterin tietosisältö',
  sources: 'Säännönmukaiset tietolähteet',
  disclosures: 'Tietojen säännönmukaiset luovutukset',
  transfers: 'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
  protectionManual: 'Rekisterin suojauksen periaatteet A: Manuaalinen aineisto',
  protectionElectronic: 'Rekisterin suojauksen periaatteet B',
  cookies: 'Evästeet',
  access: 'Tarkastusoikeus',
  rectification: 'Oikeus vaatia tiedon korjaamista',
  otherRights: 'Muut henkilötietojen käsittelyyn liittyvät oikeudet',
  // Not a heading of the seed: the GDPR asks for it (Art. 13(2)(a)).
  retention: null,
};

async function statement(ctx: TestApp, lang: string): Promise<PrivacyStatement> {
  const answer = await ctx.app.inject({ url: `/api/public/privacy-statement?lang=${lang}` });
  assert.equal(answer.statusCode, 200, answer.body);
  return answer.json();
}

const sectionText = (s: PrivacyStatement, key: string) =>
  s.sections
    .find((section) => section.key === key)!
    .blocks.flatMap((block) =>
      block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : block.lines,
    )
    .join('\n');

async function saveSettings(ctx: TestApp, settings: object = SEED_SETTINGS) {
  const admin = await ctx.signIn('admin');
  const saved = await callAs(ctx, admin, 'PUT', '/api/settings/privacy-statement', settings);
  assert.equal(saved.statusCode, 200, saved.body);
  return admin;
}

forEachEngineAppPerTest(
  'the public privacy statement',
  ({ ctx }) => {
    test('before the administrator has set it up, the statement and its settings answer 409 notSetUp', async () => {
      const publicAnswer = await ctx().app.inject({ url: '/api/public/privacy-statement' });
      assert.equal(publicAnswer.statusCode, 409, publicAnswer.body);
      assert.equal(publicAnswer.json().errors[0].code, 'privacyStatement.notSetUp');
      const admin = await ctx().signIn('admin');
      const settings = await callAs(ctx(), admin, 'GET', '/api/settings/privacy-statement');
      assert.equal(settings.statusCode, 409, settings.body);
    });

    test('anyone reads it without signing in, in Finnish, Swedish and English, with every section of the seed', async () => {
      await saveSettings(ctx());
      const fi = await statement(ctx(), 'fi');
      assert.deepEqual(
        fi.sections.map((section) => section.key),
        [...STATEMENT_SECTIONS],
      );
      for (const section of fi.sections) {
        const heading = SEED_HEADINGS[section.key];
        if (heading)
          assert.ok(section.title.startsWith(heading), `${section.key}: ${section.title}`);
      }
      assert.match(sectionText(fi, 'drawnUp'), /^Laadittu 19\.4\.2018\. Viimeksi muutettu /);
      assert.match(
        sectionText(fi, 'controller'),
        /Rautavaaran kunta\nKoulutie 1\n73900 Rautavaara\nkirjaamo@rautavaara\.fi/,
      );
      assert.match(sectionText(fi, 'contactPerson'), /Riku Räsänen/);
      assert.match(sectionText(fi, 'contactPerson'), /riku\.rasanen@rautavaara\.fi/);
      assert.equal(sectionText(fi, 'registerName'), 'Asiakasrekisteri');
      assert.match(sectionText(fi, 'content'), /Terveystiedot/);
      assert.match(sectionText(fi, 'transfers'), /ei siirretä/);
      assert.match(sectionText(fi, 'cookies'), /istuntoeväste/);
      assert.match(sectionText(fi, 'access'), /kunnan neuvonnassa/);

      const sv = await statement(ctx(), 'sv');
      const en = await statement(ctx(), 'en');
      assert.equal(sv.title, 'Dataskyddsbeskrivning');
      assert.equal(sv.registerName, 'Kundregister');
      assert.equal(en.title, 'Privacy statement');
      assert.match(sectionText(en, 'drawnUp'), /^Drawn up on 19 April 2018\./);
      for (const s of [fi, sv, en]) {
        assert.equal(s.sections.length, STATEMENT_SECTIONS.length);
        for (const section of s.sections) {
          assert.ok(
            sectionText(s, section.key).length > 0,
            `${s.language} ${section.key} is empty`,
          );
        }
        assert.equal(s.lastChangedOn, helsinkiDate(clock.now()));
      }
      // A free text without its Swedish translation shows the Finnish one, marked as Finnish.
      const access = sv.sections.find((section) => section.key === 'access')!;
      assert.deepEqual(access.blocks.at(-1), {
        kind: 'paragraph',
        text: SEED_SETTINGS.texts.access.fi,
        lang: 'fi',
      });
      assert.match(sectionText(en, 'access'), /municipal service point/);
    });

    test('a changed setting and a new partner outside the EU/EEA appear in it, and move its date of last change', async () => {
      await saveSettings(ctx());
      const first = await statement(ctx(), 'fi');
      assert.equal(first.lastChangedOn, helsinkiDate(clock.now()));

      clock.advance(DAY);
      const unchanged = await statement(ctx(), 'fi');
      assert.equal(unchanged.lastChangedOn, first.lastChangedOn, 'nothing changed, nor the date');

      // A day later the first session has ended: sign in again.
      const admin = await ctx().signIn('admin');
      const partner = await callAs(ctx(), admin, 'POST', '/api/partners', {
        name: 'Cloudy Mail Inc.',
        businessId: 'US-123456',
        country: 'US',
        roles: ['processor'],
        processingAgreementOn: '2026-01-15',
        transferSafeguard: 'standard_contractual_clauses',
        transferNecessity: 'The mail delivery service runs in the United States.',
      });
      assert.equal(partner.statusCode, 201, partner.body);
      const afterPartner = await statement(ctx(), 'fi');
      assert.match(
        sectionText(afterPartner, 'transfers'),
        /Cloudy Mail Inc\. \(Yhdysvallat\): Euroopan komission vakiosopimuslausekkeet\. Peruste: The mail delivery service runs in the United States\./,
      );
      assert.equal(afterPartner.lastChangedOn, helsinkiDate(clock.now()));
      assert.notEqual(afterPartner.lastChangedOn, first.lastChangedOn);
      const sv = await statement(ctx(), 'sv');
      assert.match(sectionText(sv, 'transfers'), /Cloudy Mail Inc\. \(USA\)/);

      clock.advance(DAY);
      await saveSettings(ctx(), {
        ...SEED_SETTINGS,
        contactPerson: { ...SEED_SETTINGS.contactPerson, name: 'Rauha Rekisteri' },
      });
      const afterSetting = await statement(ctx(), 'en');
      assert.match(sectionText(afterSetting, 'contactPerson'), /^Rauha Rekisteri/);
      assert.doesNotMatch(sectionText(afterSetting, 'contactPerson'), /Riku/);
      assert.equal(afterSetting.lastChangedOn, helsinkiDate(clock.now()));
    });

    test('a source and a recipient partner are named in their sections; a partner whose contract ended is not', async () => {
      const admin = await saveSettings(ctx());
      for (const [name, businessId, roles, contractEndsOn] of [
        ['Osoitepalvelu Oy', '0109862-8', ['source'], null],
        ['Perintä Oy', '1572860-0', ['recipient'], null],
        ['Entinen Oy', '2252534-2', ['recipient'], '2026-01-31'],
      ] as const) {
        const created = await callAs(ctx(), admin, 'POST', '/api/partners', {
          name,
          businessId,
          country: 'FI',
          roles,
          contractEndsOn,
        });
        assert.equal(created.statusCode, 201, created.body);
      }
      const fi = await statement(ctx(), 'fi');
      assert.match(sectionText(fi, 'sources'), /Osoitepalvelu Oy/);
      assert.match(sectionText(fi, 'sources'), /Osoitepäivityspalvelut/);
      assert.match(sectionText(fi, 'disclosures'), /Perintä Oy \(Suomi\)/);
      assert.doesNotMatch(sectionText(fi, 'disclosures'), /Entinen Oy/);
    });

    test('the settings keep what the administrator saved, and bad settings are refused by field', async () => {
      const admin = await saveSettings(ctx());
      const read = await callAs(ctx(), admin, 'GET', '/api/settings/privacy-statement');
      assert.equal(read.statusCode, 200, read.body);
      assert.equal(read.json().controller.address.postalCode, '73900');
      assert.equal(read.json().texts.access.sv, null);
      assert.equal(read.json().texts.purposes.fi, null);

      const bad = await callAs(ctx(), admin, 'PUT', '/api/settings/privacy-statement', {
        ...SEED_SETTINGS,
        controller: { ...SEED_SETTINGS.controller, email: 'not an address' },
        texts: { purposes: { fi: 'x'.repeat(4001), sv: null, en: null } },
      });
      assert.equal(bad.statusCode, 400, bad.body);
      const fields = bad
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort();
      assert.deepEqual(fields, ['controller.email', 'texts.purposes.fi']);

      const wrongLanguage = await ctx().app.inject({
        url: '/api/public/privacy-statement?lang=de',
      });
      assert.equal(wrongLanguage.statusCode, 400, wrongLanguage.body);
      assert.equal(wrongLanguage.json().errors[0].field, 'querystring.lang');
    });
  },
  { clock },
);
