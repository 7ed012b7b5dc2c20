import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { accessLogEntries, forEachEngine, json } from '../../../../test/helpers/app.ts';

type Item = {
  kind: string;
  score: number;
  person?: { id: string; lastName: string };
  organization?: { id: string; name: string };
};

forEachEngine('search', ({ ctx }) => {
  let cookie: string;
  const search = async (q: string, extra = '') => {
    const response = await ctx().app.inject({
      url: `/api/search?q=${encodeURIComponent(q)}${extra}`,
      headers: { cookie },
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { matchedBy: string; items: Item[]; nextCursor: string | null };
  };
  const names = (items: Item[]) =>
    items.map((i) => (i.person ? i.person.lastName : i.organization?.name));

  // Read-only fixtures: every test searches the same persons and organisations, none changes them.
  before(async () => {
    cookie = await ctx().signIn('customer_service');
    const people = [
      ['Matti', 'Virtanen', '131052-308T', 'matti.virtanen@example.fi', '0401234567'],
      ['Maija', 'Virtanen', null, null, null],
      ['Jussi', 'Järvinen', null, null, null],
      ['Åsa', 'Öhman', null, 'asa@example.fi', null],
      ['Kalle', 'Hämäläinen', '100190Y999P', null, '+46 8 123 456 78'],
      ['Kaisa', 'Hämäläinen', '100190-999P', null, null],
    ] as const;
    for (const [firstName, lastName, code, email, phone] of people) {
      const response = await ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: {
          firstName,
          lastName,
          ...(code ? { personalIdentityCode: code, personalIdentityCodePurpose: 'consent' } : {}),
          ...(email ? { email } : {}),
          ...(phone ? { phone } : {}),
        },
      });
      assert.equal(response.statusCode, 201, response.body);
    }
    for (const [name, businessId] of [
      ['Äänekosken Kone Oy', '0201551-3'],
      ['Virtasen Sähkö Ky', null],
    ] as const) {
      const response = await ctx().app.inject({
        method: 'POST',
        url: '/api/organizations',
        headers: json(cookie),
        payload: { name, ...(businessId ? { businessId } : {}) },
      });
      assert.equal(response.statusCode, 201, response.body);
    }
  });

  test('finds a name despite a typo, best match first, persons and organisations together', async () => {
    const result = await search('virtnen');
    assert.equal(result.matchedBy, 'name');
    assert.deepEqual(names(result.items).slice(0, 2), ['Virtanen', 'Virtanen']);
    assert.ok(names(result.items).includes('Virtasen Sähkö Ky'));
    const scores = result.items.map((i) => i.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
  });

  test('å, ä and ö may be written as a and o', async () => {
    assert.deepEqual(names((await search('jarvinen')).items), ['Järvinen']);
    assert.deepEqual(names((await search('ohman')).items), ['Öhman']);
    assert.deepEqual(names((await search('aanekosken')).items), ['Äänekosken Kone Oy']);
    assert.ok(names((await search('Hämäläinen')).items).includes('Hämäläinen'));
  });

  test('an identity code finds exactly its person; the century sign tells two persons apart', async () => {
    const a = await search('100190y999p');
    assert.equal(a.matchedBy, 'identityCode');
    assert.equal(a.items.length, 1);
    const b = await search('100190-999P');
    assert.equal(b.items.length, 1);
    assert.notEqual(a.items[0]?.person?.id, b.items[0]?.person?.id);
  });

  test('business ID, email and phone match exactly', async () => {
    const byBusinessId = await search('0201551-3');
    assert.equal(byBusinessId.matchedBy, 'businessId');
    assert.deepEqual(names(byBusinessId.items), ['Äänekosken Kone Oy']);
    const byEmail = await search('MATTI.VIRTANEN@example.fi');
    assert.equal(byEmail.matchedBy, 'email');
    assert.deepEqual(names(byEmail.items), ['Virtanen']);
    const byPhone = await search('+358 40 123 4567');
    assert.equal(byPhone.matchedBy, 'phone');
    assert.deepEqual(names(byPhone.items), ['Virtanen']);
  });

  test('pages with a cursor: every match once, in the same order as one big page', async () => {
    const whole = await search('virtanen', '&limit=100');
    const paged: Item[] = [];
    let cursor: string | null = null;
    do {
      const page = await search('virtanen', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    assert.ok(whole.items.length >= 3);
    assert.deepEqual(paged, whole.items);
  });

  test('a name shorter than three letters and a forged cursor are refused clearly', async () => {
    const short = await ctx().app.inject({ url: '/api/search?q=ab', headers: { cookie } });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().errors[0].field, 'q');
    const forged = await ctx().app.inject({
      url: '/api/search?q=virtanen&cursor=bm90LWpzb24',
      headers: { cookie },
    });
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().errors[0].field, 'cursor');
  });

  test('a search is recorded with the persons it returned', async () => {
    const result = await search('jarvinen');
    const id = result.items[0]?.person?.id;
    assert.ok(id);
    const searches = (await accessLogEntries(ctx())).filter((e) => e.action === 'search');
    assert.deepEqual(searches.at(-1)?.subjectIds, [id]);
  });
});
