import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import {
  forEachEngine,
  json,
  manualClock,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
} from '../../../../test/helpers/app.ts';
import { totpCode, totpStep } from '../../lib/totp.ts';
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

    test('guesses from one address arriving in parallel: exactly the limit are checked, the rest get 429', async () => {
      // Thirty names (none of them an account, so no account lock interferes) at once.
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          attempt(`rinnakkain.${i}`, 'wrong guess', '203.0.113.77'),
        ),
      );
      const statuses = responses.map((r) => r.statusCode);
      assert.equal(statuses.filter((s) => s === 401).length, 20, statuses.join(' '));
      assert.equal(statuses.filter((s) => s === 429).length, 10, statuses.join(' '));
      for (const refused of responses.filter((r) => r.statusCode === 429)) {
        assert.ok(Number(refused.headers['retry-after']) > 0);
      }
      await addUser('rinnakkain.oikea');
      const after = await attempt('rinnakkain.oikea', TEST_PASSWORD, '203.0.113.77');
      assert.equal(after.statusCode, 429, 'the address stays locked');
      const elsewhere = await attempt('rinnakkain.oikea', TEST_PASSWORD, '203.0.113.78');
      assert.equal(elsewhere.statusCode, 200, 'another address is not');
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

    test('wrong authenticator codes count towards the lock like wrong passwords', async () => {
      await createStaffUser(
        ctx().database.db,
        {
          username: 'koodi.arvaaja',
          role: 'social_worker',
          password: TEST_PASSWORD,
          commitmentSignedOn: '2026-01-02',
        },
        { totp: { secret: TEST_TOTP_SECRET, keys: ctx().keys } },
      );
      const step = totpStep(clock.now());
      const near = [-1, 0, 1].map((d) => totpCode(TEST_TOTP_SECRET, step + d));
      const wrongCodes = ['000000', '111111', '222222', '333333', '444444', '555555'].filter(
        (code) => !near.includes(code),
      );
      const withCode = (code: string) =>
        ctx().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'koodi.arvaaja', password: TEST_PASSWORD, code },
          remoteAddress: '192.0.2.40',
        });
      for (const code of wrongCodes.slice(0, 5)) {
        const response = await withCode(code);
        assert.equal(response.statusCode, 401);
        assert.equal(response.json().reason, 'totp_wrong');
      }
      const locked = await withCode(totpCode(TEST_TOTP_SECRET, step));
      assert.equal(locked.statusCode, 429, 'even the right code waits for the lock to end');
      clock.advance(15 * MINUTE);
      const open = await withCode(totpCode(TEST_TOTP_SECRET, totpStep(clock.now())));
      assert.equal(open.statusCode, 200, open.body);
    });

    test('a wrong current password given in a session counts too: a stolen session cannot guess it', async () => {
      await addUser('varastettu.istunto');
      const signedIn = await attempt('varastettu.istunto', TEST_PASSWORD, '192.0.2.50');
      const cookie = `rekisteri_session=${signedIn.cookies.find((c) => c.name === 'rekisteri_session')?.value}`;
      const change = (currentPassword: string) =>
        ctx().app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: json(cookie),
          payload: { currentPassword, newPassword: 'uusi pitkä ja harvinainen' },
          remoteAddress: '192.0.2.50',
        });
      for (let i = 1; i <= 5; i++) {
        const response = await change(`guess number ${i}`);
        assert.equal(response.statusCode, 400, `guess ${i}`);
        assert.equal(response.json().errors[0].code, 'password.wrong');
      }
      const locked = await change(TEST_PASSWORD);
      assert.equal(locked.statusCode, 429, 'the right password waits for the lock too');
      assert.equal(locked.headers['retry-after'], String(15 * 60));
      const signIn = await attempt('varastettu.istunto', TEST_PASSWORD, '198.51.100.50');
      assert.equal(signIn.statusCode, 429, 'and so does signing in');
      clock.advance(15 * MINUTE);
      assert.equal((await change(TEST_PASSWORD)).statusCode, 204);
    });
  },
  { clock },
);
