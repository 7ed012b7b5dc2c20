import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine, json, manualClock, TEST_PASSWORD } from '../../../../test/helpers/app.ts';
import { createStaffUser } from '../staff/staff.service.ts';

const clock = manualClock();

forEachEngine(
  'staff sign-in',
  ({ ctx }) => {
    test('signs in with a personal account: HttpOnly, SameSite=Strict session cookie', async () => {
      await createStaffUser(ctx().database.db, {
        username: 'riku.rasanen',
        role: 'register_officer',
        password: TEST_PASSWORD,
        commitmentSignedOn: '2026-01-02',
      });
      const response = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'Riku.Rasanen', password: TEST_PASSWORD },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().role, 'register_officer');
      assert.equal(response.json().commitmentSigned, true, 'the sign-in answer knows it too');
      const cookie = response.cookies.find((c) => c.name === 'rekisteri_session');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.path, '/');
      const me = await ctx().app.inject({
        url: '/api/auth/me',
        headers: { cookie: `rekisteri_session=${cookie.value}` },
      });
      assert.equal(me.json().username, 'riku.rasanen');
    });

    test('a wrong password or unknown user gets the same 401', async () => {
      for (const payload of [
        { username: 'riku.rasanen', password: 'wrong password 123' },
        { username: 'nobody', password: TEST_PASSWORD },
      ]) {
        const response = await ctx().app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload,
        });
        assert.equal(response.statusCode, 401);
        assert.equal(response.json().detail, 'The username or password is wrong');
        assert.equal(response.cookies.length, 0);
      }
    });

    test('passwords are stored as argon2id hashes', async () => {
      const rows = await ctx().database.rows<{ password_hash: string }>(
        (await import('drizzle-orm')).sql`select password_hash from staff_user`,
      );
      assert.ok(rows.length > 0);
      for (const row of rows) assert.match(row.password_hash, /^\$argon2id\$/);
    });

    test('sign-out ends the session on the server', async () => {
      const cookie = await ctx().signIn('billing');
      const out = await ctx().app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie },
      });
      assert.equal(out.statusCode, 204);
      const me = await ctx().app.inject({ url: '/api/auth/me', headers: { cookie } });
      assert.equal(me.statusCode, 401);
    });

    test('a session ends after the idle timeout', async () => {
      const cookie = await ctx().signIn('billing');
      clock.advance(29 * 60_000);
      assert.equal(
        (await ctx().app.inject({ url: '/api/persons', headers: { cookie } })).statusCode,
        200,
      );
      clock.advance(29 * 60_000);
      assert.equal(
        (await ctx().app.inject({ url: '/api/persons', headers: { cookie } })).statusCode,
        200,
        'activity moved the idle deadline',
      );
      clock.advance(31 * 60_000);
      assert.equal(
        (await ctx().app.inject({ url: '/api/persons', headers: { cookie } })).statusCode,
        401,
      );
    });

    test('a session ends at the absolute timeout however active', async () => {
      const cookie = await ctx().signIn('billing');
      for (let step = 1; step <= 40; step++) {
        clock.advance(20 * 60_000);
        const status = (await ctx().app.inject({ url: '/api/auth/me', headers: { cookie } }))
          .statusCode;
        if (status === 401) {
          assert.equal(step * 20, 12 * 60 + 20, 'ends in the first check past 12 hours');
          return;
        }
      }
      assert.fail('the session outlived the absolute timeout');
    });

    test('no confidentiality commitment, no personal data', async () => {
      const cookie = await ctx().signIn('customer_service', { commitmentSigned: false });
      const me = await ctx().app.inject({ url: '/api/auth/me', headers: { cookie } });
      assert.equal(me.json().commitmentSigned, false);
      for (const url of ['/api/persons', '/api/search?q=virtanen', '/api/organizations']) {
        const response = await ctx().app.inject({ url, headers: { cookie } });
        assert.equal(response.statusCode, 403, url);
        assert.match(response.json().detail, /confidentiality commitment/);
      }
    });

    test('a role without the permission gets 403 and no data', async () => {
      const auditor = await ctx().signIn('auditor');
      const response = await ctx().app.inject({
        url: '/api/persons',
        headers: { cookie: auditor },
      });
      assert.equal(response.statusCode, 403);
      assert.equal(response.json().items, undefined);
      const contractor = await ctx().signIn('contractor');
      const write = await ctx().app.inject({
        method: 'POST',
        url: '/api/persons',
        headers: json(contractor),
        payload: { firstName: 'A', lastName: 'B' },
      });
      assert.equal(write.statusCode, 403);
    });
  },
  { clock },
);
