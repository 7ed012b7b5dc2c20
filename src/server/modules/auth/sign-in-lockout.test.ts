import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { forEachEngine, manualClock, TEST_PASSWORD } from '../../../../test/helpers/app.ts';
import { createStaffUser } from '../staff/staff.service.ts';

const clock = manualClock();
const MINUTE = 60_000;

forEachEngine(
  'sign-in back-off and lockout',
  ({ ctx }) => {
    const addUser = (username: string) =>
      createStaffUser(ctx().database.db, {
        username,
        role: 'billing',
        password: TEST_PASSWORD,
        commitmentSignedOn: '2026-01-02',
      });
    const attempt = (username: string, password: string, remoteAddress: string) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress,
      });

    test('five failures lock the account: 429 with Retry-After, even for the right password', async () => {
      await addUser('lotta.lukko');
      for (let i = 1; i <= 5; i++) {
        const response = await attempt('lotta.lukko', `wrong guess number ${i}`, '192.0.2.1');
        assert.equal(response.statusCode, 401, `attempt ${i}`);
      }
      const locked = await attempt('lotta.lukko', TEST_PASSWORD, '192.0.2.1');
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.headers['retry-after'], String(15 * 60));
      assert.match(String(locked.headers['content-type']), /^application\/problem\+json/);
      assert.match(locked.json().detail, /Too many failed sign-in attempts/);
      assert.equal(locked.cookies.length, 0);

      const elsewhere = await attempt('lotta.lukko', TEST_PASSWORD, '198.51.100.1');
      assert.equal(elsewhere.statusCode, 429, 'the account lock holds from any address');

      clock.advance(14 * MINUTE);
      const stillLocked = await attempt('lotta.lukko', TEST_PASSWORD, '192.0.2.1');
      assert.equal(stillLocked.statusCode, 429);
      assert.equal(stillLocked.headers['retry-after'], '60');

      clock.advance(MINUTE);
      const open = await attempt('lotta.lukko', TEST_PASSWORD, '192.0.2.1');
      assert.equal(open.statusCode, 200, open.body);
      assert.ok(open.cookies.some((c) => c.name === 'rekisteri_session'));
    });

    test('a successful sign-in clears the account’s failures', async () => {
      await addUser('onni.onnistuja');
      for (let i = 1; i <= 4; i++) {
        assert.equal((await attempt('onni.onnistuja', 'wrong guess', '192.0.2.2')).statusCode, 401);
      }
      assert.equal((await attempt('onni.onnistuja', TEST_PASSWORD, '192.0.2.2')).statusCode, 200);
      const [row] = await ctx().database.rows<{ n: number }>(
        sql`select count(*)::int as n from sign_in_failure where key = 'user:onni.onnistuja'`,
      );
      assert.equal(row?.n, 0);
      for (let i = 1; i <= 4; i++) {
        assert.equal((await attempt('onni.onnistuja', 'wrong guess', '192.0.2.2')).statusCode, 401);
      }
      assert.equal((await attempt('onni.onnistuja', TEST_PASSWORD, '192.0.2.2')).statusCode, 200);
    });

    test('a sign-in without earlier failures records nothing', async () => {
      await addUser('siisti.kirjautuja');
      const count = async () =>
        (
          await ctx().database.rows<{ n: number }>(
            sql`select count(*)::int as n from sign_in_failure`,
          )
        )[0]?.n;
      const before = await count();
      assert.equal(
        (await attempt('siisti.kirjautuja', TEST_PASSWORD, '192.0.2.9')).statusCode,
        200,
      );
      assert.equal(await count(), before);
    });

    test('one address is locked after twenty failures, across different usernames', async () => {
      const names = ['a.osoite', 'b.osoite', 'c.osoite', 'd.osoite', 'e.osoite', 'f.osoite'];
      for (const name of names) await addUser(name);
      for (const name of names.slice(0, 5)) {
        for (let i = 1; i <= 4; i++) {
          assert.equal((await attempt(name, 'wrong guess', '203.0.113.5')).statusCode, 401);
        }
      }
      const fromThere = await attempt('f.osoite', TEST_PASSWORD, '203.0.113.5');
      assert.equal(fromThere.statusCode, 429, 'the address is locked');
      assert.ok(Number(fromThere.headers['retry-after']) > 0);
      const fromElsewhere = await attempt('f.osoite', TEST_PASSWORD, '203.0.113.6');
      assert.equal(fromElsewhere.statusCode, 200, 'the account itself is not locked');
    });

    test('an unknown username answers exactly like a known one, locked or not', async () => {
      await addUser('kaisa.olemassa');
      const known: { status: number; body: unknown; retryAfter: unknown }[] = [];
      const unknown: typeof known = [];
      for (let i = 1; i <= 7; i++) {
        for (const [name, address, answers] of [
          ['kaisa.olemassa', '192.0.2.30', known],
          ['ei.olemassa', '192.0.2.31', unknown],
        ] as const) {
          const response = await attempt(name, `wrong guess ${i}`, address);
          answers.push({
            status: response.statusCode,
            body: response.json(),
            retryAfter: response.headers['retry-after'],
          });
        }
      }
      assert.deepEqual(unknown, known);
      assert.deepEqual(
        known.map((a) => a.status),
        [401, 401, 401, 401, 401, 429, 429],
      );
      const rows = await ctx().database.rows<{ key: string }>(
        sql`select distinct key from sign_in_failure where key not like 'ip:%'`,
      );
      assert.ok(
        rows.every((r) => !r.key.includes('ei.olemassa')),
        'a name without an account is stored only as a keyed hash',
      );
    });
  },
  { clock },
);
