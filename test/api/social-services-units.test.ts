import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { asc } from 'drizzle-orm';
import { accessLog } from '../../src/server/db/schema/index.ts';
import { addDays, helsinkiDate } from '../../src/contract/dates.ts';
import { accessLogEntries, forEachEngine, json, type TestApp } from '../helpers/app.ts';
import { pdfText } from '../helpers/report-files.ts';
import { fillEveryCategory, MARKERS, setUpSocialServices } from '../helpers/social-services.ts';

/*
 * Records belong to the unit that wrote them (decision 0012): a relationship opens its own unit's
 * records, another unit's only by breaking the glass — also when the worker has a relationship of
 * their own with the client.
 */

const PURPOSE = 'Palvelutarpeen arviointi';
const q = `purpose=${encodeURIComponent(PURPOSE)}`;
const READ_PATHS = ['health', 'service-needs', 'income', 'bank-accounts', 'family-relations'];

function get(testApp: TestApp, cookie: string, url: string) {
  return testApp.app.inject({ url, headers: { cookie } });
}

function send(
  testApp: TestApp,
  cookie: string,
  method: 'POST' | 'PATCH',
  url: string,
  payload: object,
) {
  return testApp.app.inject({ method, url, headers: json(cookie), payload });
}

function hasMarker(text: string): string | undefined {
  return Object.values(MARKERS).find((marker) => text.includes(marker));
}

/** A problem document without its `instance`, which only echoes the path asked for. */
function refusal(body: string): Record<string, unknown> {
  const problem = JSON.parse(body) as Record<string, unknown>;
  delete problem.instance;
  return problem;
}

const today = () => helsinkiDate(new Date());

type ReviewItem = {
  id: string;
  kind: string;
  person: { id: string };
  user: { id: string };
  reason: string | null;
  expiresAt: string | null;
  relationship: { unit: { id: string; nameFi: string }; startsOn: string } | null;
};

async function reviewList(testApp: TestApp, officer: string): Promise<ReviewItem[]> {
  const response = await get(testApp, officer, '/api/social-services/break-glass?limit=200');
  assert.equal(response.statusCode, 200, response.body);
  return response.json().items as ReviewItem[];
}

forEachEngine('social services: records belong to the unit that wrote them', ({ ctx }) => {
  test('a worker of unit B with a relationship of their own reads B’s records only, until breaking the glass', async () => {
    const s = await setUpSocialServices(ctx());
    await fillEveryCategory(ctx(), s);
    const base = `/api/persons/${s.client}/social-services`;
    const workerBId = (await get(ctx(), s.workerB, '/api/auth/me')).json().id as string;
    const own = await send(ctx(), s.workerB, 'POST', `${base}/relationships`, {
      unitId: s.unitB,
      startsOn: today(),
      responsibleWorkerIds: [workerBId],
    });
    assert.equal(own.statusCode, 201, own.body);

    // Unit A's records stay closed to B: no list shows them, nor the print-out.
    const overview = await get(ctx(), s.workerB, `${base}?${q}`);
    assert.equal(overview.statusCode, 200, overview.body);
    assert.equal(overview.json().access, 'relationship');
    assert.deepEqual(
      overview.json().relationships.map((r: { unit: { id: string } }) => r.unit.id),
      [s.unitB],
      'B sees its own relationship only',
    );
    for (const path of READ_PATHS) {
      const list = await get(ctx(), s.workerB, `${base}/${path}?${q}`);
      assert.equal(list.statusCode, 200, `${path}: ${list.body}`);
      assert.deepEqual(list.json().items, [], `${path}: none of unit A's records`);
    }
    const pdf = await get(ctx(), s.workerB, `${base}/summary?${q}`);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(hasMarker(pdfText(pdf.rawPayload)), undefined, 'the summary shows no A record');

    // Asking for one of A's records by its id is refused as for a record that does not exist.
    const aHealth = (await get(ctx(), s.workerA, `${base}/health?${q}`)).json().items[0];
    const aFamily = (await get(ctx(), s.workerA, `${base}/family-relations?${q}`)).json().items[0];
    const correctA = await send(ctx(), s.workerB, 'PATCH', `${base}/health/${aHealth.id}`, {
      text: 'B korjaa',
    });
    const correctNone = await send(
      ctx(),
      s.workerB,
      'PATCH',
      `${base}/health/${crypto.randomUUID()}`,
      { text: 'B korjaa' },
    );
    assert.equal(correctA.statusCode, 404, correctA.body);
    assert.deepEqual(refusal(correctA.body), refusal(correctNone.body), 'the same refusal');
    const relationA = await send(
      ctx(),
      s.workerB,
      'PATCH',
      `${base}/family-relations/${aFamily.id}`,
      { source: 'B' },
    );
    assert.equal(relationA.statusCode, 404, relationA.body);

    // B writes under unit B and reads it back; A does not see it.
    const written = await send(ctx(), s.workerB, 'POST', `${base}/health`, {
      date: today(),
      category: 'Perhetyö',
      text: 'YKSIKON-B-MERKINTA',
      source: 'Asiakas',
    });
    assert.equal(written.statusCode, 201, written.body);
    const bHealth = (await get(ctx(), s.workerB, `${base}/health?${q}`)).json().items;
    assert.deepEqual(
      bHealth.map((item: { text: string }) => item.text),
      ['YKSIKON-B-MERKINTA'],
    );
    const aSees = await get(ctx(), s.workerA, `${base}/health?${q}`);
    assert.deepEqual(
      aSees.json().items.map((item: { text: string }) => item.text),
      [MARKERS.healthText],
      'A sees its own records, not B’s',
    );
    const aCorrectsB = await send(
      ctx(),
      s.workerA,
      'PATCH',
      `${base}/health/${written.json().id}`,
      {
        text: 'A korjaa',
      },
    );
    assert.equal(aCorrectsB.statusCode, 404, aCorrectsB.body);
    const aSummary = pdfText((await get(ctx(), s.workerA, `${base}/summary?${q}`)).rawPayload);
    assert.ok(aSummary.includes(MARKERS.healthText));
    assert.ok(!aSummary.includes('YKSIKON-B-MERKINTA'), 'A’s print-out leaves out B’s record');

    // Breaking the glass opens A's records to B for reading, flagged.
    const reason = 'Lapsen kiireellinen sijoitus, tarvitaan aikuissosiaalityön tiedot';
    const glass = await send(ctx(), s.workerB, 'POST', `${base}/break-glass`, { reason });
    assert.equal(glass.statusCode, 201, glass.body);
    const opened = await get(ctx(), s.workerB, `${base}/health?${q}`);
    assert.deepEqual(
      opened
        .json()
        .items.map((item: { text: string }) => item.text)
        .sort(),
      [MARKERS.healthText, 'YKSIKON-B-MERKINTA'].sort(),
    );
    const family = await get(ctx(), s.workerB, `${base}/family-relations?${q}`);
    assert.equal(family.json().items[0].source, MARKERS.familySource);
    const overviewUnderGlass = (await get(ctx(), s.workerB, `${base}?${q}`)).json();
    assert.equal(overviewUnderGlass.access, 'relationship', 'B still writes under its unit');
    assert.ok(overviewUnderGlass.breakGlassExpiresAt);
    assert.equal(overviewUnderGlass.relationships.length, 2, 'every unit’s relationship shows');
    const entries = await ctx()
      .database.db.select()
      .from(accessLog)
      .orderBy(asc(accessLog.position));
    const flaggedReads = entries.filter(
      (e) => e.action === 'read' && e.flag === 'breakGlass' && e.fields.includes('health'),
    );
    assert.equal(flaggedReads.length, 1, 'the read under the grant is flagged');
    const unflagged = entries.filter(
      (e) => e.action === 'read' && e.flag === null && e.fields.includes('familyRelation'),
    );
    assert.ok(unflagged.length >= 1, 'reads before the glass carry no flag');
    assert.equal(
      (await accessLogEntries(ctx())).findLast((e) => e.action === 'breakGlass')?.purpose,
      reason,
    );

    // Reading is all the glass opens: A's record stays A's to correct; B's own stays writable.
    const underGlass = await send(ctx(), s.workerB, 'PATCH', `${base}/health/${aHealth.id}`, {
      text: 'B korjaa',
    });
    assert.equal(underGlass.statusCode, 403, underGlass.body);
    assert.equal(underGlass.json().reason, 'record_of_another_unit');
    const ownCorrection = await send(
      ctx(),
      s.workerB,
      'PATCH',
      `${base}/health/${written.json().id}`,
      { text: 'YKSIKON-B-KORJATTU' },
    );
    assert.equal(ownCorrection.statusCode, 200, ownCorrection.body);

    const list = await reviewList(ctx(), s.officer);
    const grant = list.find((item) => item.kind === 'breakGlass' && item.user.id === workerBId);
    assert.equal(grant?.reason, reason, 'the grant waits for review');
  });

  test('new relationships with another unit’s client, and backdated ones, wait on the review list', async () => {
    const s = await setUpSocialServices(ctx());
    const workerBId = (await get(ctx(), s.workerB, '/api/auth/me')).json().id as string;
    const newPerson = async (firstName: string) => {
      const made = await send(ctx(), s.officer, 'POST', '/api/persons', {
        firstName,
        lastName: 'Arvioitava',
      });
      assert.equal(made.statusCode, 201, made.body);
      return made.json().id as string;
    };
    const relate = async (cookie: string, personId: string, unitId: string, startsOn: string) => {
      const made = await send(
        ctx(),
        cookie,
        'POST',
        `/api/persons/${personId}/social-services/relationships`,
        { unitId, startsOn },
      );
      assert.equal(made.statusCode, 201, made.body);
      return made.json().id as string;
    };

    const recent = await newPerson('Tuore');
    await relate(s.workerA, recent, s.unitA, addDays(today(), -3));
    const late = await newPerson('Myöhässä');
    const backdatedStart = addDays(today(), -30);
    await relate(s.workerA, late, s.unitA, backdatedStart);
    // Unit A's client (its relationship within the grace period) gets a relationship with B.
    await relate(s.workerB, recent, s.unitB, today());
    await relate(s.workerB, s.client, s.unitB, today());

    const list = await reviewList(ctx(), s.officer);
    const about = (personId: string) =>
      list
        .filter((item) => item.person.id === personId)
        .map((item) => `${item.kind} by ${item.user.id === workerBId ? 'B' : 'A'}`)
        .sort();
    assert.deepEqual(
      about(recent),
      ['clientOfAnotherUnit by B'],
      'within the grace period: A’s is not listed',
    );
    assert.deepEqual(about(late), ['backdatedRelationship by A']);
    assert.ok(about(s.client).includes('clientOfAnotherUnit by B'));

    const backdated = list.find((item) => item.person.id === late);
    assert.equal(backdated?.relationship?.startsOn, backdatedStart);
    assert.equal(backdated?.relationship?.unit.nameFi, 'Aikuissosiaalityö');
    assert.equal(backdated?.reason, null);
    assert.equal(backdated?.expiresAt, null);
    const other = list.find((item) => item.person.id === recent);
    assert.equal(other?.relationship?.unit.id, s.unitB);

    // Reviewed like a broken glass, and then off the open list.
    const reviewed = await send(
      ctx(),
      s.officer,
      'POST',
      `/api/social-services/break-glass/${backdated?.id}/review`,
      { note: 'Asiakkuus alkoi kotikäynnistä, kirjaus viivästyi lomien vuoksi' },
    );
    assert.equal(reviewed.statusCode, 200, reviewed.body);
    assert.equal(
      (await reviewList(ctx(), s.officer)).some((item) => item.id === backdated?.id),
      false,
    );
    // Nobody but the register officer sees the list.
    const denied = await get(ctx(), s.workerA, '/api/social-services/break-glass');
    assert.equal(denied.statusCode, 403);
  });
});
