import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accessLog, valueSources } from '../../src/server/db/schema/index.ts';
import {
  accessLogEntries,
  forEachEngine,
  forEachEngineAppPerTest,
  json,
  manualClock,
} from '../helpers/app.ts';
import { createMachineClient, withKey, type MachineClient } from '../helpers/partner-clients.ts';

/**
 * The partners' interface (decision 0028): a partner's machine client reads only the customers
 * its partner's contract covers and only the contract's fields; another partner's client gets
 * 404 for them; an expired, revoked or rotated-out secret and an ended contract get the same
 * 401; every call is in the access log with the client and its partner.
 */
const X = {
  firstName: 'Kalle',
  lastName: 'Rajapintanen',
  email: 'kalle.rajapinta@example.fi',
  permanentAddress: { street: 'Rajatie 4', postalCode: '73900', postOffice: 'Rautavaara' },
  notes: 'Vain kunnan omille',
};
const Y = { firstName: 'Ylva', lastName: 'Rajapintanen', email: 'ylva@example.fi' };
const HOUR = 60 * 60 * 1000;
const clock = manualClock();

forEachEngineAppPerTest(
  'partners interface',
  ({ ctx, prepare }) => {
    let admin: string;
    let officer: string;
    const ids = { x: '', y: '', org: '', partnerA: '', partnerB: '' };
    let keyA: MachineClient;
    let keyB: MachineClient;
    let oauthA: MachineClient;
    let readOnlyA: MachineClient;

    const post = async (cookie: string, url: string, payload: object) => {
      const response = await ctx().app.inject({
        method: 'POST',
        url,
        headers: json(cookie),
        payload,
      });
      assert.ok(response.statusCode < 300, `${url}: ${response.body}`);
      return response.json();
    };
    const asKey = (key: string, url: string) => ctx().app.inject({ url, headers: withKey(key) });
    const notice = (key: string, personId: string, payload: object) =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/partner-api/persons/${personId}/notices`,
        headers: withKey(key, true),
        payload,
      });
    const token = (payload: string, headers: Record<string, string> = {}) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/partner-api/oauth/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload,
      });
    /** The one 401 of every refused credential; the token endpoint adds OAuth2's `error`. */
    const assertRefused = (
      response: { statusCode: number; json(): unknown },
      label: string,
      extra: Record<string, string> = {},
    ) => {
      assert.equal(response.statusCode, 401, label);
      const problem = { ...(response.json() as Record<string, unknown>) };
      delete problem.instance;
      assert.deepEqual(
        problem,
        {
          type: 'about:blank',
          title: 'Not signed in',
          status: 401,
          detail: 'The client credentials are not valid',
          ...extra,
        },
        label,
      );
    };

    prepare(async () => {
      admin = await ctx().signIn('admin');
      officer = await ctx().signIn('register_officer');
      ids.x = (await post(officer, '/api/persons', X)).id;
      ids.y = (await post(officer, '/api/persons', Y)).id;
      ids.org = (
        await post(officer, '/api/organizations', { name: 'Rajapinta Oy', notes: 'N' })
      ).id;
      ids.partnerA = (
        await post(admin, '/api/partners', {
          name: 'Rajapintakumppani A Oy',
          businessId: '0201551-3',
          country: 'FI',
          contractFields: ['contact'],
          roles: ['processor', 'source'],
          processingAgreementOn: '2026-01-01',
        })
      ).id;
      ids.partnerB = (
        await post(admin, '/api/partners', {
          name: 'Rajapintakumppani B Oy',
          businessId: '7654321-2',
          country: 'FI',
          contractFields: ['contact', 'address', 'notes'],
          roles: ['processor', 'source'],
          processingAgreementOn: '2026-01-01',
        })
      ).id;
      for (const customerId of [ids.x, ids.org]) {
        await post(admin, `/api/partners/${ids.partnerA}/customers`, { customerId });
      }
      await post(admin, `/api/partners/${ids.partnerB}/customers`, { customerId: ids.y });
      keyA = await createMachineClient(ctx(), admin, ids.partnerA, { name: 'A:n integraatio' });
      keyB = await createMachineClient(ctx(), admin, ids.partnerB, { name: 'B:n integraatio' });
      oauthA = await createMachineClient(ctx(), admin, ids.partnerA, {
        name: 'A:n OAuth',
        kind: 'oauth_client',
      });
      readOnlyA = await createMachineClient(ctx(), admin, ids.partnerA, {
        name: 'A:n lukija',
        scopes: ['customers.read'],
      });
    });

    test("A's key reads only its contract's customers and fields; B's key gets 404 for them", async () => {
      const page = await asKey(keyA.secret, `/api/partner-api/persons/${ids.x}`);
      assert.equal(page.statusCode, 200, page.body);
      const person = page.json();
      assert.equal(person.email, X.email);
      for (const field of ['permanentAddress', 'notes', 'personalIdentityCode', 'billing']) {
        assert.equal(field in person, false, `${field} is outside A's contract`);
      }
      const list = (await asKey(keyA.secret, '/api/partner-api/persons')).json();
      assert.deepEqual(
        list.items.map((p: { id: string }) => p.id),
        [ids.x],
      );
      const org = await asKey(keyA.secret, `/api/partner-api/organizations/${ids.org}`);
      assert.equal(org.statusCode, 200, org.body);
      assert.equal('notes' in org.json(), false);

      for (const url of [
        `/api/partner-api/persons/${ids.x}`,
        `/api/partner-api/organizations/${ids.org}`,
      ]) {
        const other = await asKey(keyB.secret, url);
        assert.equal(other.statusCode, 404, `${url}: ${other.body}`);
        assert.equal(other.body.includes(X.email), false);
      }
      const listB = (await asKey(keyB.secret, '/api/partner-api/persons')).json();
      assert.deepEqual(
        listB.items.map((p: { id: string }) => p.id),
        [ids.y],
      );
      assert.equal((await asKey(keyA.secret, `/api/partner-api/persons/${ids.y}`)).statusCode, 404);
    });

    test('every call is in the access log with the client as actor and its partner', async () => {
      const before = (await accessLogEntries(ctx())).length;
      await asKey(keyA.secret, `/api/partner-api/persons/${ids.x}`);
      await asKey(keyA.secret, '/api/partner-api/persons');
      const rows = await ctx()
        .database.db.select()
        .from(accessLog)
        .where(eq(accessLog.userId, keyA.id));
      assert.equal(rows.length, 2);
      for (const row of rows) {
        assert.equal(row.role, 'partner_client');
        assert.equal(row.username, 'A:n integraatio');
        assert.equal(row.partnerId, ids.partnerA);
        assert.deepEqual(row.subjectIds, [ids.x]);
        assert.equal(row.action, 'read');
      }
      assert.equal((await accessLogEntries(ctx())).length, before + 2);
    });

    test('a staff session does not open the interface, and a wrong or missing key gets 401', async () => {
      const url = `/api/partner-api/persons/${ids.x}`;
      assertRefused(await ctx().app.inject({ url, headers: { cookie: officer } }), 'staff');
      assertRefused(await ctx().app.inject({ url }), 'no key');
      const wrong = keyA.secret.slice(0, -4) + 'AAAA';
      assertRefused(await asKey(wrong, url), 'wrong key');
      assertRefused(await asKey('not-a-key', url), 'garbage');
      // An OAuth client's secret is for the token endpoint, not a key.
      assertRefused(await asKey(oauthA.secret, url), 'client secret as a key');
    });

    test('an expired or revoked key, or one rotated out, gets the same 401', async () => {
      const url = `/api/partner-api/persons/${ids.x}`;
      const expiring = await createMachineClient(ctx(), admin, ids.partnerA, {
        expiresAt: new Date(clock.now().getTime() + HOUR).toISOString(),
      });
      assert.equal((await asKey(expiring.secret, url)).statusCode, 200);
      clock.advance(HOUR);
      try {
        assertRefused(await asKey(expiring.secret, url), 'expired');
      } finally {
        clock.advance(-HOUR);
      }

      const revoked = await createMachineClient(ctx(), admin, ids.partnerA);
      const answer = await ctx().app.inject({
        method: 'DELETE',
        url: `/api/partners/${ids.partnerA}/clients/${revoked.id}`,
        headers: { cookie: admin },
      });
      assert.equal(answer.json().status, 'revoked');
      assertRefused(await asKey(revoked.secret, url), 'revoked');

      const rotated = await createMachineClient(ctx(), admin, ids.partnerA);
      const until = new Date(clock.now().getTime() + HOUR).toISOString();
      const rotation = await post(
        admin,
        `/api/partners/${ids.partnerA}/clients/${rotated.id}/rotate`,
        {
          previousValidUntil: until,
        },
      );
      assert.equal(rotation.client.secrets.length, 2);
      assert.equal((await asKey(rotated.secret, url)).statusCode, 200, 'old key until then');
      assert.equal((await asKey(rotation.secret, url)).statusCode, 200, 'new key');
      clock.advance(HOUR);
      try {
        assertRefused(await asKey(rotated.secret, url), 'rotated out');
        assert.equal((await asKey(rotation.secret, url)).statusCode, 200, 'new key after');
      } finally {
        clock.advance(-HOUR);
      }
      const list = (
        await ctx().app.inject({
          url: `/api/partners/${ids.partnerA}/clients`,
          headers: { cookie: admin },
        })
      ).json();
      assert.equal(JSON.stringify(list).includes(rotation.secret), false, 'never shown again');
    });

    test("after the partner's contract ends its keys and tokens get 401", async () => {
      const url = `/api/partner-api/persons/${ids.x}`;
      const issued = await token(
        `grant_type=client_credentials&client_id=${oauthA.id}&client_secret=${oauthA.secret}`,
      );
      const bearer = { authorization: `Bearer ${issued.json().access_token}` };
      const response = await ctx().app.inject({
        method: 'PATCH',
        url: `/api/partners/${ids.partnerA}`,
        headers: json(admin),
        payload: { contractEndsOn: '2026-11-24' },
      });
      assert.equal(response.statusCode, 200, response.body);
      assertRefused(await asKey(keyA.secret, url), 'key after the contract');
      assertRefused(await ctx().app.inject({ url, headers: bearer }), 'token after the contract');
      assertRefused(
        await token(
          `grant_type=client_credentials&client_id=${oauthA.id}&client_secret=${oauthA.secret}`,
        ),
        'token endpoint after the contract',
        { error: 'invalid_client' },
      );
    });

    test('OAuth2 client credentials: a short-lived bearer token for the scopes asked', async () => {
      const basic = Buffer.from(`${oauthA.id}:${oauthA.secret}`).toString('base64');
      const issued = await token('grant_type=client_credentials&scope=customers.read', {
        authorization: `Basic ${basic}`,
      });
      assert.equal(issued.statusCode, 200, issued.body);
      const body = issued.json();
      assert.equal(body.token_type, 'Bearer');
      assert.equal(body.expires_in, 600);
      assert.equal(body.scope, 'customers.read');
      assert.equal(issued.headers['cache-control'], 'no-store');
      const bearer = { authorization: `Bearer ${body.access_token}` };
      const url = `/api/partner-api/persons/${ids.x}`;
      const read = await ctx().app.inject({ url, headers: bearer });
      assert.equal(read.statusCode, 200, read.body);
      const write = await ctx().app.inject({
        method: 'POST',
        url: `${url}/notices`,
        headers: { ...bearer, 'content-type': 'application/json' },
        payload: { email: 'uusi@example.fi' },
      });
      assert.equal(write.statusCode, 403, 'the token has only the scope asked for');

      const refused = await token(
        `grant_type=client_credentials&client_id=${oauthA.id}&client_secret=${keyA.secret}`,
      );
      assertRefused(refused, 'wrong secret', { error: 'invalid_client' });
      const json_ = await ctx().app.inject({
        method: 'POST',
        url: '/api/partner-api/oauth/token',
        headers: json(),
        payload: {
          grant_type: 'client_credentials',
          client_id: oauthA.id,
          client_secret: oauthA.secret,
        },
      });
      assert.equal(json_.statusCode, 200, json_.body);
      const wrongScope = await token(
        `grant_type=client_credentials&scope=customers.write&client_id=${oauthA.id}&client_secret=${oauthA.secret}`,
      );
      assert.equal(wrongScope.statusCode, 400);
      assert.equal(wrongScope.json().error, 'invalid_scope');

      clock.advance(601_000);
      try {
        assertRefused(await ctx().app.inject({ url, headers: bearer }), 'expired token');
      } finally {
        clock.advance(-601_000);
      }
      await ctx().app.inject({
        method: 'DELETE',
        url: `/api/partners/${ids.partnerA}/clients/${oauthA.id}`,
        headers: { cookie: admin },
      });
      assertRefused(await ctx().app.inject({ url, headers: bearer }), 'revoked client');
    });

    test("a notice changes the person with the partner as the value's source, within the contract", async () => {
      const response = await notice(keyA.secret, ids.x, {
        email: 'kalle.uusi@example.fi',
        reference: 'Asiakasilmoitus 42',
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().email, 'kalle.uusi@example.fi');
      assert.equal('notes' in response.json(), false, 'the answer keeps to the contract');
      const [source] = await ctx()
        .database.db.select()
        .from(valueSources)
        .where(and(eq(valueSources.personId, ids.x), eq(valueSources.field, 'email')))
        .orderBy(valueSources.id);
      const sources = await ctx()
        .database.db.select()
        .from(valueSources)
        .where(and(eq(valueSources.personId, ids.x), eq(valueSources.current, true)));
      assert.ok(source);
      const current = sources.find((s) => s.field === 'email');
      assert.equal(current?.kind, 'partner');
      assert.equal(current?.partnerId, ids.partnerA);
      assert.equal(current?.reference, 'Asiakasilmoitus 42');
      assert.equal(current?.recordedBy, null);
      const [entry] = await ctx()
        .database.db.select()
        .from(accessLog)
        .where(and(eq(accessLog.userId, keyA.id), eq(accessLog.action, 'update')));
      assert.ok(entry, 'the change is logged with the client');
      assert.equal(entry.partnerId, ids.partnerA);
      assert.deepEqual(entry.subjectIds, [ids.x]);

      const outside = await notice(keyA.secret, ids.x, {
        permanentAddress: { street: 'Uusitie 1', postalCode: '73900', postOffice: 'Rautavaara' },
      });
      assert.equal(outside.statusCode, 400, outside.body);
      assert.deepEqual(
        outside.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['permanentAddress', 'notice.notInContract']],
      );
      assert.equal((await notice(keyB.secret, ids.x, { email: 'b@example.fi' })).statusCode, 404);
      assert.equal(
        (await notice(readOnlyA.secret, ids.x, { email: 'r@example.fi' })).statusCode,
        403,
      );
      const empty = await notice(keyA.secret, ids.x, {});
      assert.equal(empty.statusCode, 400);
    });
  },
  { clock },
);

forEachEngine(
  'partners interface: a rate limit per client',
  ({ ctx }) => {
    test('the client over its limit gets 429 with Retry-After; another client does not', async () => {
      const admin = await ctx().signIn('admin');
      const partner = await ctx().app.inject({
        method: 'POST',
        url: '/api/partners',
        headers: json(admin),
        payload: { name: 'Kiireinen Oy', businessId: '0201551-3', country: 'FI' },
      });
      const partnerId = partner.json().id as string;
      const busy = await createMachineClient(ctx(), admin, partnerId);
      const calm = await createMachineClient(ctx(), admin, partnerId);
      const call = (key: string) =>
        ctx().app.inject({ url: '/api/partner-api/persons', headers: withKey(key) });
      for (let i = 0; i < 3; i++) assert.equal((await call(busy.secret)).statusCode, 200);
      const over = await call(busy.secret);
      assert.equal(over.statusCode, 429, over.body);
      assert.match(String(over.headers['retry-after']), /^\d+$/);
      assert.match(String(over.headers['content-type']), /^application\/problem\+json/);
      assert.equal((await call(calm.secret)).statusCode, 200);
    });
  },
  { env: { PARTNER_API_RATE_PER_MINUTE: '3' } },
);

forEachEngine(
  'partners interface: partners call from their own networks',
  ({ ctx }) => {
    test('the staff-network rule does not apply to the interface, and still applies to staff', async () => {
      const admin = await ctx().signIn('admin');
      const partner = await ctx().app.inject({
        method: 'POST',
        url: '/api/partners',
        headers: json(admin),
        payload: { name: 'Verkkokumppani Oy', businessId: '0201551-3', country: 'FI' },
      });
      const client = await createMachineClient(ctx(), admin, partner.json().id);
      const outside = '198.51.100.7';
      const machine = await ctx().app.inject({
        url: '/api/partner-api/persons',
        headers: withKey(client.secret),
        remoteAddress: outside,
      });
      assert.equal(machine.statusCode, 200, machine.body);
      const staff = await ctx().app.inject({
        url: '/api/partners',
        headers: { cookie: admin },
        remoteAddress: outside,
      });
      assert.equal(staff.statusCode, 403, staff.body);
    });
  },
  { env: { STAFF_NETWORKS: '127.0.0.0/8, ::1/128' } },
);
