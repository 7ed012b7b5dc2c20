import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine, json, TEST_PASSWORD } from '../helpers/app.ts';

/** The register as a browser reaches it: the Host header names it. */
const HOST = 'rekisteri.kunta.example';

forEachEngine('API guards: other origins and caches', ({ ctx }) => {
  test('a change from another origin is 403 naming the header; the register’s own pages and tools pass', async () => {
    const cookie = await ctx().signIn('customer_service');
    const create = (headers: Record<string, string>) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: { ...json(cookie), host: HOST, ...headers },
        payload: { firstName: 'Alkuperä', lastName: 'Tarkistettu' },
      });
    for (const [headers, field] of [
      [{ origin: 'https://evil.example' }, 'Origin'],
      [{ origin: `http://${HOST}.evil.example` }, 'Origin'],
      [{ origin: 'null' }, 'Origin'],
      [{ 'sec-fetch-site': 'cross-site' }, 'Sec-Fetch-Site'],
      [{ 'sec-fetch-site': 'same-site', origin: `https://${HOST}` }, 'Sec-Fetch-Site'],
    ] as const) {
      const refused = await create(headers);
      assert.equal(refused.statusCode, 403, JSON.stringify(headers));
      assert.match(refused.headers['content-type'] ?? '', /application\/problem\+json/);
      assert.equal(refused.json().errors[0].field, field);
    }
    const sameOrigin = await create({ origin: `https://${HOST}`, 'sec-fetch-site': 'same-origin' });
    assert.equal(sameOrigin.statusCode, 201, sameOrigin.body);
    const tool = await create({});
    assert.equal(tool.statusCode, 201, 'a request without Origin (CLI, curl) passes');
    const read = await ctx().app.inject({
      url: '/api/persons',
      headers: { cookie, host: HOST, origin: 'https://evil.example' },
    });
    assert.equal(read.statusCode, 200, 'reads are not changes (CORS keeps their answer away)');
    const signIn = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: HOST, origin: 'https://evil.example' },
      payload: { username: 'kuka.tahansa', password: TEST_PASSWORD },
    });
    assert.equal(signIn.statusCode, 403, 'nor may another site sign someone in');
  });

  test('every API answer says Cache-Control: no-store, errors included', async () => {
    const cookie = await ctx().signIn('customer_service');
    const answers = [
      await ctx().app.inject({ url: '/api/persons', headers: { cookie } }),
      await ctx().app.inject({ url: '/api/persons' }),
      await ctx().app.inject({ url: '/api/no-such-thing', headers: { cookie } }),
      await ctx().app.inject({ url: '/api/persons/not-a-uuid', headers: { cookie } }),
      await ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(cookie),
        payload: { firstName: '' },
      }),
      await ctx().app.inject({ url: '/api/openapi.json' }),
    ];
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [200, 401, 404, 400, 400, 200],
    );
    for (const answer of answers) assert.equal(answer.headers['cache-control'], 'no-store');
  });
});
