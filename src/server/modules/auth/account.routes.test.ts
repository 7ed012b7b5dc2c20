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
import { createStaffUser, type NewStaffUser } from '../staff/staff.service.ts';

const clock = manualClock();
const STEP = 30_000;
const NEW_PASSWORD = 'tammikuun kolmas lumisade';

/** The code of a secret at the manual clock's time, `steps` steps from now. */
const codeOf = (secret: string, steps = 0) =>
  totpCode(secret.replaceAll(' ', ''), totpStep(clock.now()) + steps);

forEachEngine(
  "a staff member's own account",
  ({ ctx }) => {
    const addUser = (user: Partial<NewStaffUser> & { username: string }, totp = false) =>
      createStaffUser(
        ctx().database.db,
        { role: 'billing', password: TEST_PASSWORD, commitmentSignedOn: '2026-01-02', ...user },
        totp ? { totp: { secret: TEST_TOTP_SECRET, keys: ctx().keys }, now: clock.now() } : {},
      );
    const login = (username: string, password = TEST_PASSWORD, code?: string) =>
      ctx().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password, ...(code === undefined ? {} : { code }) },
      });
    const signIn = async (username: string, password = TEST_PASSWORD, code?: string) => {
      const response = await login(username, password, code);
      assert.equal(response.statusCode, 200, response.body);
      const cookie = response.cookies.find((c) => c.name === 'rekisteri_session');
      assert.ok(cookie);
      return `rekisteri_session=${cookie.value}`;
    };
    const get = (cookie: string, url: string) => ctx().app.inject({ url, headers: { cookie } });
    const post = (cookie: string, url: string, payload?: object) =>
      ctx().app.inject({
        method: 'POST',
        url,
        headers: payload === undefined ? { cookie } : json(cookie),
        ...(payload === undefined ? {} : { payload }),
      });
    const me = async (cookie: string) => {
      const response = await get(cookie, '/api/auth/me');
      assert.equal(response.statusCode, 200, response.body);
      return response.json();
    };
    const fieldsOf = (body: { errors?: { field: string; code?: string }[] }) =>
      (body.errors ?? []).map((e) => `${e.field}:${e.code}`);

    test('set up an authenticator app: then sign-in needs its code, and a code works once', async () => {
      await addUser({ username: 'toni.totp' });
      const cookie = await signIn('toni.totp');
      const before = await me(cookie);
      assert.equal(before.totpEnabled, false);
      assert.equal(before.totpRequired, false, 'optional for billing');
      assert.equal(before.totpEnrollmentRequired, false);

      const setup = await post(cookie, '/api/auth/totp/setup', {});
      assert.equal(setup.statusCode, 200, setup.body);
      const { uri, secret, qrSvg, replacing } = setup.json();
      assert.equal(replacing, false);
      assert.match(secret, /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/, '160 bits in groups of four');
      const url = new URL(uri);
      assert.equal(url.protocol, 'otpauth:');
      assert.equal(url.host, 'totp');
      assert.equal(decodeURIComponent(url.pathname), '/Asiakasrekisteri:toni.totp');
      assert.equal(url.searchParams.get('secret'), secret.replaceAll(' ', ''));
      assert.equal(url.searchParams.get('issuer'), 'Asiakasrekisteri');
      assert.match(qrSvg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      assert.doesNotMatch(qrSvg, /<script/i);

      const [stored] = await ctx().database.rows<{ secret: Buffer; enabled: Date | null }>(
        sql`select totp_secret_encrypted as secret, totp_enabled_at as enabled from staff_user where username = 'toni.totp'`,
      );
      assert.ok(stored);
      assert.equal(stored.enabled, null, 'pending until confirmed');
      assert.ok(!Buffer.from(stored.secret).includes(secret.replaceAll(' ', '')), 'encrypted');

      // Until confirmed, the pending secret changes nothing at sign-in.
      await signIn('toni.totp');

      const wrong = await post(cookie, '/api/auth/totp/confirm', { code: codeOf(secret, 5) });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(fieldsOf(wrong.json()), ['code:totp.wrong']);

      const confirmCode = codeOf(secret);
      const confirmed = await post(cookie, '/api/auth/totp/confirm', {
        code: `${confirmCode.slice(0, 3)} ${confirmCode.slice(3)}`,
      });
      assert.equal(confirmed.statusCode, 204, confirmed.body);
      const after = await me(cookie);
      assert.equal(after.totpEnabled, true);
      assert.equal(after.totpEnrollmentRequired, false);

      const noCode = await login('toni.totp');
      assert.equal(noCode.statusCode, 401);
      assert.equal(noCode.json().reason, 'totp_required');
      const replayedConfirm = await login('toni.totp', TEST_PASSWORD, confirmCode);
      assert.equal(replayedConfirm.statusCode, 401, 'the confirming code is used up');
      assert.equal(replayedConfirm.json().reason, 'totp_wrong');

      clock.advance(STEP);
      const code = codeOf(secret);
      await signIn('toni.totp', TEST_PASSWORD, code);
      const replayed = await login('toni.totp', TEST_PASSWORD, code);
      assert.equal(replayed.statusCode, 401);
      assert.equal(replayed.json().reason, 'totp_wrong');
      assert.equal(
        (await post(cookie, '/api/auth/totp/confirm', { code: codeOf(secret, 1) })).statusCode,
        409,
        'nothing is being set up any more',
      );
    });

    test('a role that requires TOTP opens only the set-up until it is done', async () => {
      await addUser({ username: 'aino.admin', role: 'admin' });
      const cookie = await signIn('aino.admin');
      const before = await me(cookie);
      assert.equal(before.totpEnrollmentRequired, true);
      assert.equal(before.totpRequired, true);
      const persons = await get(cookie, '/api/persons');
      assert.equal(persons.statusCode, 403);
      assert.equal(persons.json().reason, 'totp_enrollment_required');
      const sign = await post(cookie, '/api/auth/commitment/sign', {
        version: 1,
        password: TEST_PASSWORD,
      });
      assert.equal(sign.statusCode, 403, 'the commitment comes after the authenticator');
      assert.equal(sign.json().reason, 'totp_enrollment_required');

      const { secret } = (await post(cookie, '/api/auth/totp/setup', {})).json();
      assert.equal(
        (await post(cookie, '/api/auth/totp/confirm', { code: codeOf(secret) })).statusCode,
        204,
      );
      assert.equal((await me(cookie)).totpEnrollmentRequired, false);
      assert.equal((await get(cookie, '/api/persons')).statusCode, 200);

      const removal = await post(cookie, '/api/auth/totp/remove', {
        password: TEST_PASSWORD,
        code: codeOf(secret, 1),
      });
      assert.equal(removal.statusCode, 403);
      assert.match(removal.json().detail, /role admin requires an authenticator app/);
      assert.equal(removal.json().reason, 'totp_required_for_role');
    });

    test('replacing the app takes the password and the old code; the old one works until the new is confirmed', async () => {
      await addUser({ username: 'vaihtaja', role: 'social_worker' }, true);
      clock.advance(STEP);
      const cookie = await signIn('vaihtaja', TEST_PASSWORD, codeOf(TEST_TOTP_SECRET));
      assert.equal((await me(cookie)).totpEnabled, true);

      const bare = await post(cookie, '/api/auth/totp/setup', {});
      assert.equal(bare.statusCode, 400);
      assert.deepEqual(fieldsOf(bare.json()), ['password:required', 'code:required']);
      const wrong = await post(cookie, '/api/auth/totp/setup', {
        password: 'not my password',
        code: codeOf(TEST_TOTP_SECRET, 1),
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(fieldsOf(wrong.json()), ['password:password.wrong']);

      clock.advance(STEP);
      const setup = await post(cookie, '/api/auth/totp/setup', {
        password: TEST_PASSWORD,
        code: codeOf(TEST_TOTP_SECRET, 1),
      });
      assert.equal(setup.statusCode, 200, setup.body);
      const { secret, replacing } = setup.json();
      assert.equal(replacing, true);

      clock.advance(2 * STEP);
      await signIn('vaihtaja', TEST_PASSWORD, codeOf(TEST_TOTP_SECRET));
      const newCodeTooEarly = await login('vaihtaja', TEST_PASSWORD, codeOf(secret, 1));
      assert.equal(newCodeTooEarly.statusCode, 401, 'the new app is not in use before confirming');

      // Confirming in the same 30 seconds as the last sign-in: the new app starts afresh.
      assert.equal(
        (await post(cookie, '/api/auth/totp/confirm', { code: codeOf(secret) })).statusCode,
        204,
      );
      clock.advance(STEP);
      const oldCode = await login('vaihtaja', TEST_PASSWORD, codeOf(TEST_TOTP_SECRET));
      assert.equal(oldCode.statusCode, 401, 'the old app no longer signs in');
      await signIn('vaihtaja', TEST_PASSWORD, codeOf(secret));
    });

    test('an optional app can be removed with the password and its code', async () => {
      await addUser({ username: 'valinnainen', role: 'customer_service' }, true);
      clock.advance(STEP);
      const cookie = await signIn('valinnainen', TEST_PASSWORD, codeOf(TEST_TOTP_SECRET));
      assert.equal((await me(cookie)).totpRequired, false);
      const wrongCode = await post(cookie, '/api/auth/totp/remove', {
        password: TEST_PASSWORD,
        code: codeOf(TEST_TOTP_SECRET, 9),
      });
      assert.equal(wrongCode.statusCode, 400);
      assert.deepEqual(fieldsOf(wrongCode.json()), ['code:totp.wrong']);
      const removed = await post(cookie, '/api/auth/totp/remove', {
        password: TEST_PASSWORD,
        code: codeOf(TEST_TOTP_SECRET, 1),
      });
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal((await me(cookie)).totpEnabled, false);
      await signIn('valinnainen');
    });

    test('a forced password change opens only /me and the password until it is done', async () => {
      await addUser({
        username: 'pakko.vaihto',
        role: 'customer_service',
        mustChangePassword: true,
      });
      const cookie = await signIn('pakko.vaihto');
      const other = await signIn('pakko.vaihto');
      assert.equal((await me(cookie)).passwordChangeRequired, true);
      const waiting: string[] = [];
      for (const route of ctx().app.routeAccess) {
        if (!('permission' in route.access) || route.method !== 'GET') continue;
        const response = await get(cookie, route.url.replace(':id', crypto.randomUUID()));
        assert.equal(response.statusCode, 403, route.url);
        if (response.json().reason === 'password_change_required') waiting.push(route.url);
        // A permission the role lacks is refused before anything else.
        else assert.match(response.json().detail, /does not have the permission/, route.url);
      }
      assert.ok(waiting.includes('/api/persons') && waiting.includes('/api/search'), `${waiting}`);
      for (const [url, payload] of [
        ['/api/auth/totp/setup', {}],
        ['/api/auth/totp/confirm', { code: '123456' }],
        ['/api/auth/commitment/sign', { version: 1, password: TEST_PASSWORD }],
      ] as const) {
        const response = await post(cookie, url, payload);
        assert.equal(response.statusCode, 403, url);
        assert.equal(response.json().reason, 'password_change_required', url);
      }

      const change = (currentPassword: string, newPassword: string) =>
        post(cookie, '/api/auth/password', { currentPassword, newPassword });
      const cases: [string, string, string[]][] = [
        ['wrong current one', NEW_PASSWORD, ['currentPassword:password.wrong']],
        [TEST_PASSWORD, 'lyhyt', ['newPassword:password.tooShort']],
        [TEST_PASSWORD, 'Salasana2024!', ['newPassword:password.commonVariant']],
        [TEST_PASSWORD, 'qwertyuiop123', ['newPassword:password.common']],
        [TEST_PASSWORD, 'minä olen pakko.vaihto', ['newPassword:password.containsUsername']],
        [TEST_PASSWORD, TEST_PASSWORD, ['newPassword:password.unchanged']],
        [
          'wrong again',
          'lyhyt',
          ['currentPassword:password.wrong', 'newPassword:password.tooShort'],
        ],
      ];
      for (const [current, next, expected] of cases) {
        const response = await change(current, next);
        assert.equal(response.statusCode, 400, `${current} → ${next}`);
        assert.deepEqual(fieldsOf(response.json()), expected, `${current} → ${next}`);
      }

      const changed = await change(TEST_PASSWORD, NEW_PASSWORD);
      assert.equal(changed.statusCode, 204, changed.body);
      const after = await me(cookie);
      assert.equal(after.passwordChangeRequired, false);
      assert.equal((await get(cookie, '/api/persons')).statusCode, 200, 'the role opens again');
      assert.equal((await get(other, '/api/auth/me')).statusCode, 401, 'the other session ended');
      const [row] = await ctx().database.rows<{ must: boolean; changed: Date }>(
        sql`select must_change_password as must, password_changed_at as changed from staff_user where username = 'pakko.vaihto'`,
      );
      assert.equal(row?.must, false);
      assert.equal(new Date(row?.changed ?? 0).getTime(), clock.now().getTime());
      assert.equal((await login('pakko.vaihto')).statusCode, 401, 'the old password is gone');
      await signIn('pakko.vaihto', NEW_PASSWORD);
    });

    test('sign out everywhere ends every session of the user, and only theirs', async () => {
      await addUser({ username: 'monta.istuntoa' });
      await addUser({ username: 'joku.muu' });
      const here = await signIn('monta.istuntoa');
      const there = await signIn('monta.istuntoa');
      const someoneElse = await signIn('joku.muu');
      const out = await post(there, '/api/auth/logout-everywhere');
      assert.equal(out.statusCode, 204);
      const cleared = out.cookies.find((c) => c.name === 'rekisteri_session');
      assert.equal(cleared?.value, '', 'the cookie is cleared');
      assert.equal((await get(here, '/api/auth/me')).statusCode, 401);
      assert.equal((await get(there, '/api/auth/me')).statusCode, 401);
      assert.equal((await get(someoneElse, '/api/auth/me')).statusCode, 200);
    });

    test('a new commitment text closes personal data until it is signed again', async () => {
      await addUser({ username: 'sitoutuja', commitmentKeptAt: 'Henkilöstöhallinto' });
      const cookie = await signIn('sitoutuja');
      const signedOnPaper = (await get(cookie, '/api/auth/commitment')).json();
      assert.equal(signedOnPaper.version, 1);
      assert.equal(signedOnPaper.signed, true);
      assert.equal(signedOnPaper.signature.method, 'paper');
      assert.equal(signedOnPaper.signature.paperSignedOn, '2026-01-02');
      assert.equal(signedOnPaper.signature.paperKeptAt, 'Henkilöstöhallinto');
      assert.equal((await get(cookie, '/api/persons')).statusCode, 200);

      const text = 'Sitoudun pitämään salassa…\n\n1. Asiakastiedot\n2. Lokit';
      await ctx().database.rows(
        sql`insert into commitment_version (version, text) values (2, ${text})`,
      );
      assert.equal((await me(cookie)).commitmentSigned, false);
      const closed = await get(cookie, '/api/persons');
      assert.equal(closed.statusCode, 403);
      assert.equal(closed.json().reason, 'commitment_required');
      const unsigned = (await get(cookie, '/api/auth/commitment')).json();
      assert.equal(unsigned.version, 2);
      assert.equal(unsigned.text, text, 'line breaks kept');
      assert.equal(unsigned.signed, false);
      assert.equal(unsigned.signature, null);
      assert.equal(unsigned.previousSignature.version, 1);

      const stale = await post(cookie, '/api/auth/commitment/sign', {
        version: 1,
        password: TEST_PASSWORD,
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().currentVersion, 2);
      const wrong = await post(cookie, '/api/auth/commitment/sign', {
        version: 2,
        password: 'not the password',
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(fieldsOf(wrong.json()), ['password:password.wrong']);
      assert.equal((await me(cookie)).commitmentSigned, false);

      const signed = await post(cookie, '/api/auth/commitment/sign', {
        version: 2,
        password: TEST_PASSWORD,
      });
      assert.equal(signed.statusCode, 204, signed.body);
      assert.equal((await me(cookie)).commitmentSigned, true);
      assert.equal((await get(cookie, '/api/persons')).statusCode, 200);
      const view = (await get(cookie, '/api/auth/commitment')).json();
      assert.equal(view.signature.method, 'app');
      assert.equal(view.signature.signedAt, clock.now().toISOString());
      assert.equal(view.signature.paperSignedOn, null);
      assert.equal(
        (await post(cookie, '/api/auth/commitment/sign', { version: 2, password: TEST_PASSWORD }))
          .statusCode,
        204,
        'signing again changes nothing',
      );
    });
  },
  { clock },
);
