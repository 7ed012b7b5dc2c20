import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { staffSessions, staffUsers } from '../../src/server/db/schema/index.ts';
import { databaseAccessLog } from '../../src/server/modules/access-log/access-log.ts';
import {
  deactivateStaffAccount,
  updateStaffAccount,
  type StaffContext,
} from '../../src/server/modules/staff/accounts.service.ts';
import {
  accessLogEntries,
  forEachEngineAppPerTest,
  insertTestPartner,
  json,
  manualClock,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  testTotpCode,
  type TestApp,
} from '../helpers/app.ts';

const TEMPORARY = 'vaihda tämä heti aamulla';
const clock = manualClock(new Date('2026-11-25T10:00:00Z'));

type Call = { method?: 'GET' | 'POST' | 'PATCH'; cookie?: string; body?: unknown };

async function call(
  testApp: TestApp,
  url: string,
  { method = 'GET', cookie, body }: Call = {},
): Promise<LightMyRequestResponse> {
  return testApp.app.inject({
    method,
    url,
    headers: method === 'GET' ? (cookie ? { cookie } : {}) : json(cookie),
    ...(method === 'GET' ? {} : { payload: (body ?? {}) as Record<string, unknown> }),
  });
}

async function meOf(testApp: TestApp, cookie: string): Promise<{ id: string; username: string }> {
  const response = await call(testApp, '/api/auth/me', { cookie });
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

async function login(testApp: TestApp, username: string, password: string, code?: string) {
  return testApp.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(code ? { code } : {}) },
  });
}

const cookieOf = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === 'rekisteri_session');
  assert.ok(cookie, 'a session cookie');
  return `rekisteri_session=${cookie.value}`;
};

const fieldsOf = (response: LightMyRequestResponse) =>
  (response.json().errors ?? []).map(
    (e: { field: string; code?: string }) => `${e.field}:${e.code}`,
  );

/** The reason a personal-data route refuses the session, or 'open'. */
async function personalData(testApp: TestApp, cookie: string): Promise<string> {
  const response = await call(testApp, '/api/persons?limit=1', { cookie });
  if (response.statusCode === 200) return 'open';
  return `${response.statusCode} ${response.json().reason ?? ''}`.trim();
}

// The tests count administrators and read the access log whole: each starts from its own copy of
// the database with one administrator, `admin1`, signed in.
forEachEngineAppPerTest(
  'staff administration',
  ({ ctx, prepare }) => {
    let admin: string;
    let adminId: string;
    /** A request of the administrator that passed the session check before any change. */
    const contextOf = (userId: string): StaffContext => ({
      db: ctx().database.db,
      keys: ctx().keys,
      personKeys: ctx().personKeys.personKeys,
      clock,
      accessLog: databaseAccessLog(ctx().keys, clock),
      actor: {
        userId,
        username: 'admin',
        fullName: null,
        role: 'admin',
        partnerId: null,
        commitmentSigned: true,
        passwordChangeRequired: false,
        totpEnrollmentRequired: false,
        totpEnabled: true,
        totpRequired: true,
        sessionTokenHash: 'x',
      },
      requestId: crypto.randomUUID(),
      clientAddress: '127.0.0.1',
    });

    prepare(async () => {
      admin = await ctx().signIn('admin');
      adminId = (await meOf(ctx(), admin)).id;
    });

    /** Liisa Laine's account, made by the administrator with a temporary password. */
    const createLiisa = () =>
      call(ctx(), '/api/staff', {
        method: 'POST',
        cookie: admin,
        body: {
          username: ' Liisa.Laine ',
          fullName: 'Liisa Laine',
          role: 'customer_service',
          expiresOn: '2027-06-30',
          temporaryPassword: TEMPORARY,
        },
      });

    /** A second administrator, signed in, and their id. */
    const secondAdmin = async () => {
      const cookie = await ctx().signIn('admin');
      return { cookie, id: (await meOf(ctx(), cookie)).id };
    };

    test('an administrator creates an account with a temporary password the user must change', async () => {
      const created = await createLiisa();
      assert.equal(created.statusCode, 201, created.body);
      const user = created.json();
      assert.equal(user.username, 'liisa.laine');
      assert.equal(user.fullName, 'Liisa Laine');
      assert.equal(user.role, 'customer_service');
      assert.equal(user.status, 'active');
      assert.equal(user.mustChangePassword, true);
      assert.equal(user.totpEnabled, false);
      assert.equal(user.currentCommitment, null);
      assert.deepEqual(user.signatures, []);
      assert.equal(user.expiresOn, '2027-06-30');

      const list = await call(ctx(), '/api/staff', { cookie: admin });
      assert.equal(list.statusCode, 200);
      const listed = list.json().items.find((u: { id: string }) => u.id === user.id);
      assert.equal(listed.username, 'liisa.laine');
      assert.equal(list.json().currentCommitmentVersion, 1);

      const signedIn = await login(ctx(), 'liisa.laine', TEMPORARY);
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.equal(signedIn.json().passwordChangeRequired, true);
      assert.equal(await personalData(ctx(), cookieOf(signedIn)), '403 password_change_required');

      const entry = (await accessLogEntries(ctx())).find(
        (e) => e.action === 'create' && e.subjectIds.includes(user.id),
      );
      assert.ok(entry, 'the creation is in the access log');
      assert.equal(entry.role, 'admin');
      assert.deepEqual(entry.changes?.password, 'changed');
      assert.deepEqual(entry.changes?.role, { old: null, new: 'customer_service' });
      assert.ok(entry.fields.includes('password'));
    });

    test('bad accounts are refused, each error naming its field', async () => {
      const post = (body: Record<string, unknown>) =>
        call(ctx(), '/api/staff', {
          method: 'POST',
          cookie: admin,
          body: {
            username: 'uusi.kayttaja',
            role: 'billing',
            temporaryPassword: TEMPORARY,
            ...body,
          },
        });
      const contractor = await post({ role: 'contractor' });
      assert.equal(contractor.statusCode, 400);
      assert.deepEqual(fieldsOf(contractor), ['partnerId:partner.required']);
      const partnerless = await post({ partnerId: '00000000-0000-4000-8000-000000000000' });
      assert.deepEqual(fieldsOf(partnerless), ['partnerId:partner.notAllowed']);
      const unknownPartner = await post({
        role: 'contractor',
        partnerId: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(unknownPartner.statusCode, 400);
      assert.deepEqual(fieldsOf(unknownPartner), ['partnerId:partner.unknown']);

      const common = await post({ temporaryPassword: 'Salasana2025!' });
      assert.equal(common.statusCode, 400);
      assert.deepEqual(fieldsOf(common), ['temporaryPassword:password.commonVariant']);
      assert.match(common.json().errors[0].message, /commonly used password/);
      assert.deepEqual(fieldsOf(await post({ temporaryPassword: 'lyhyt' })), [
        'temporaryPassword:password.tooShort',
      ]);
      assert.deepEqual(fieldsOf(await post({ temporaryPassword: 'uusi.kayttaja-2026' })), [
        'temporaryPassword:password.containsUsername',
      ]);

      const badDate = await post({ expiresOn: '2026-02-30' });
      assert.equal(badDate.statusCode, 400);
      assert.deepEqual(
        fieldsOf(badDate).map((f: string) => f.split(':')[0]),
        ['expiresOn'],
      );
      const past = await post({ expiresOn: '2026-11-24', username: 'x' });
      assert.deepEqual(fieldsOf(past).sort(), ['expiresOn:date.past', 'username:username.format']);

      assert.equal((await createLiisa()).statusCode, 201);
      const duplicate = await post({ username: 'liisa.laine' });
      assert.equal(duplicate.statusCode, 409);
      assert.deepEqual(fieldsOf(duplicate), ['username:username.duplicate']);

      const list = (await call(ctx(), '/api/staff', { cookie: admin })).json();
      assert.ok(!list.items.some((u: { username: string }) => u.username === 'uusi.kayttaja'));
    });

    test('a contractor gets a partner from the option list', async () => {
      await insertTestPartner(ctx().database, { name: 'Siivous Oy' });
      const options = await call(ctx(), '/api/staff/partners', { cookie: admin });
      assert.equal(options.statusCode, 200);
      const partner = options.json().items.find((p: { name: string }) => p.name === 'Siivous Oy');
      assert.ok(partner);
      const created = await call(ctx(), '/api/staff', {
        method: 'POST',
        cookie: admin,
        body: {
          username: 'siivooja',
          role: 'contractor',
          partnerId: partner.id,
          temporaryPassword: TEMPORARY,
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal(created.json().partnerName, 'Siivous Oy');

      // A contractor who becomes municipal staff leaves the partner.
      const moved = await call(ctx(), `/api/staff/${created.json().id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { role: 'billing' },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().partnerId, null);
      const back = await call(ctx(), `/api/staff/${created.json().id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { role: 'contractor' },
      });
      assert.equal(back.statusCode, 400);
      assert.deepEqual(fieldsOf(back), ['partnerId:partner.required']);
    });

    test('a change of role ends the sessions and is logged with old and new values', async () => {
      const worker = await ctx().signIn('billing');
      const { id } = await meOf(ctx(), worker);
      const changed = await call(ctx(), `/api/staff/${id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { role: 'customer_service', fullName: 'Bertta Billing', expiresOn: '2027-01-31' },
      });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().role, 'customer_service');
      assert.equal((await call(ctx(), '/api/auth/me', { cookie: worker })).statusCode, 401);

      const entry = (await accessLogEntries(ctx())).findLast(
        (e) => e.action === 'update' && e.subjectIds.includes(id),
      );
      assert.deepEqual(entry?.changes, {
        role: { old: 'billing', new: 'customer_service' },
        fullName: { old: null, new: 'Bertta Billing' },
        expiresOn: { old: null, new: '2027-01-31' },
      });

      const cleared = await call(ctx(), `/api/staff/${id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { expiresOn: null, fullName: null },
      });
      assert.equal(cleared.json().expiresOn, null);
      assert.equal(cleared.json().fullName, null);

      const name = await call(ctx(), `/api/staff/${id}`, {
        method: 'PATCH',
        cookie: admin,
        body: { expiresOn: '2026-11-01' },
      });
      assert.equal(name.statusCode, 400);
      assert.deepEqual(fieldsOf(name), ['expiresOn:date.past']);
    });

    test('an administrator cannot demote or deactivate themselves, nor the last administrator', async () => {
      const demote = await call(ctx(), `/api/staff/${adminId}`, {
        method: 'PATCH',
        cookie: admin,
        body: { role: 'billing' },
      });
      assert.equal(demote.statusCode, 409);
      assert.match(demote.json().detail, /your own account: ask another administrator/);
      assert.equal(demote.json().reason, 'own_account');
      const deactivate = await call(ctx(), `/api/staff/${adminId}/deactivate`, {
        method: 'POST',
        cookie: admin,
      });
      assert.equal(deactivate.statusCode, 409);
      assert.equal(
        (await call(ctx(), `/api/staff/${adminId}`, { cookie: admin })).json().role,
        'admin',
      );

      // A second administrator deactivates the first one while the first one's request to
      // deactivate the second is on its way: the second request must not leave no admin.
      const { cookie: second, id: secondId } = await secondAdmin();
      const gone = await call(ctx(), `/api/staff/${adminId}/deactivate`, {
        method: 'POST',
        cookie: second,
      });
      assert.equal(gone.statusCode, 200, gone.body);
      const late = contextOf(adminId);
      await assert.rejects(deactivateStaffAccount(late, secondId), /last active administrator/);
      await assert.rejects(
        updateStaffAccount(late, secondId, { role: 'auditor' }),
        /last active administrator/,
      );
      const reactivated = await call(ctx(), `/api/staff/${adminId}/reactivate`, {
        method: 'POST',
        cookie: second,
      });
      assert.equal(reactivated.json().status, 'active');
      // The deactivation ended the first administrator's session; reactivated, they sign in again
      // with the next authenticator code (a code is accepted once).
      clock.advance(30_000);
      const again = await login(ctx(), 'admin1', TEST_PASSWORD, testTotpCode(clock.now()));
      assert.equal(again.statusCode, 200, again.body);
    });

    test('deactivation ends the sessions and closes the account; reactivation opens it', async () => {
      const worker = await ctx().signIn('customer_service');
      const me = await meOf(ctx(), worker);
      const response = await call(ctx(), `/api/staff/${me.id}/deactivate`, {
        method: 'POST',
        cookie: admin,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(response.json().status, 'deactivated');
      assert.equal((await call(ctx(), '/api/auth/me', { cookie: worker })).statusCode, 401);
      const sessions = await ctx()
        .database.db.select()
        .from(staffSessions)
        .where(eq(staffSessions.userId, me.id));
      assert.equal(sessions.length, 0);
      const refused = await login(ctx(), me.username, TEST_PASSWORD);
      assert.equal(refused.statusCode, 401);
      assert.equal(refused.json().reason, 'account_closed');
      const listed = (await call(ctx(), '/api/staff', { cookie: admin }))
        .json()
        .items.find((u: { id: string }) => u.id === me.id);
      assert.equal(listed.status, 'deactivated');

      const back = await call(ctx(), `/api/staff/${me.id}/reactivate`, {
        method: 'POST',
        cookie: admin,
      });
      assert.equal(back.json().status, 'active');
      assert.equal((await login(ctx(), me.username, TEST_PASSWORD)).statusCode, 200);
      const entries = (await accessLogEntries(ctx())).filter((e) => e.subjectIds.includes(me.id));
      assert.deepEqual(
        entries.filter((e) => e.action === 'update').map((e) => Object.keys(e.changes ?? {})),
        [['deactivatedAt'], ['deactivatedAt']],
      );
      assert.ok(
        entries.some((e) => e.action === 'read' && e.role === 'admin'),
        "the administrator's read of the list is logged",
      );
    });

    test('a password reset ends the sessions and the user must change the temporary password', async () => {
      const worker = await ctx().signIn('billing');
      const me = await meOf(ctx(), worker);
      const common = await call(ctx(), `/api/staff/${me.id}/reset-password`, {
        method: 'POST',
        cookie: admin,
        body: { temporaryPassword: 'qwertyuiop123' },
      });
      assert.equal(common.statusCode, 400);
      assert.deepEqual(fieldsOf(common), ['temporaryPassword:password.common']);
      assert.equal(await personalData(ctx(), worker), 'open', 'nothing changed');

      const reset = await call(ctx(), `/api/staff/${me.id}/reset-password`, {
        method: 'POST',
        cookie: admin,
        body: { temporaryPassword: TEMPORARY },
      });
      assert.equal(reset.statusCode, 200, reset.body);
      assert.equal(reset.json().mustChangePassword, true);
      assert.equal((await call(ctx(), '/api/auth/me', { cookie: worker })).statusCode, 401);
      assert.equal((await login(ctx(), me.username, TEST_PASSWORD)).statusCode, 401);
      const again = await login(ctx(), me.username, TEMPORARY);
      assert.equal(again.statusCode, 200);
      assert.equal(await personalData(ctx(), cookieOf(again)), '403 password_change_required');

      const self = await call(ctx(), `/api/staff/${adminId}/reset-password`, {
        method: 'POST',
        cookie: admin,
        body: { temporaryPassword: TEMPORARY },
      });
      assert.equal(self.statusCode, 409);
    });

    test('an authenticator reset ends the sessions; the user sets up a new one before anything opens', async () => {
      const worker = await ctx().signIn('social_worker');
      const me = await meOf(ctx(), worker);
      const before = (await call(ctx(), `/api/staff/${me.id}`, { cookie: admin })).json();
      assert.equal(before.totpEnabled, true);
      const reset = await call(ctx(), `/api/staff/${me.id}/reset-totp`, {
        method: 'POST',
        cookie: admin,
      });
      assert.equal(reset.statusCode, 200, reset.body);
      assert.equal(reset.json().totpEnabled, false);
      assert.equal((await call(ctx(), '/api/auth/me', { cookie: worker })).statusCode, 401);
      const [row] = await ctx()
        .database.db.select()
        .from(staffUsers)
        .where(eq(staffUsers.id, me.id));
      assert.equal(row?.totpSecretEncrypted, null);
      assert.equal(row?.totpEnabledAt, null);
      assert.equal(row?.totpLastStep, null);

      const signedIn = await login(ctx(), me.username, TEST_PASSWORD);
      assert.equal(signedIn.statusCode, 200, 'no code is asked any more');
      assert.equal(signedIn.json().totpEnrollmentRequired, true);
      assert.equal(await personalData(ctx(), cookieOf(signedIn)), '403 totp_enrollment_required');

      const twice = await call(ctx(), `/api/staff/${me.id}/reset-totp`, {
        method: 'POST',
        cookie: admin,
      });
      assert.equal(twice.statusCode, 409);
    });

    test('a paper commitment opens personal data; a new version of the text closes it again', async () => {
      const worker = await ctx().signIn('customer_service', { commitmentSigned: false });
      const me = await meOf(ctx(), worker);
      assert.equal(await personalData(ctx(), worker), '403 commitment_required');
      const record = (body: Record<string, unknown>) =>
        call(ctx(), `/api/staff/${me.id}/commitment`, { method: 'POST', cookie: admin, body });

      const future = await record({ signedOn: '2026-11-26', keptAt: 'Henkilöstöhallinto' });
      assert.equal(future.statusCode, 400);
      assert.deepEqual(fieldsOf(future), ['signedOn:date.future']);
      assert.equal((await record({ signedOn: '2026-11-31', keptAt: 'X' })).statusCode, 400);
      const noPlace = await record({ signedOn: '2026-11-20', keptAt: '  ' });
      assert.equal(noPlace.statusCode, 400);
      assert.deepEqual(
        fieldsOf(noPlace).map((f: string) => f.split(':')[0]),
        ['keptAt'],
      );

      const recorded = await record({
        signedOn: '2026-11-20',
        keptAt: 'Henkilöstöhallinto, kansio 3',
      });
      assert.equal(recorded.statusCode, 200, recorded.body);
      assert.deepEqual(recorded.json().currentCommitment, {
        method: 'paper',
        signedOn: '2026-11-20',
      });
      const [signature] = recorded.json().signatures;
      assert.equal(signature.version, 1);
      assert.equal(signature.method, 'paper');
      assert.equal(signature.paperSignedOn, '2026-11-20');
      assert.equal(signature.paperKeptAt, 'Henkilöstöhallinto, kansio 3');
      assert.deepEqual(signature.recordedBy, { id: adminId, username: 'admin1', fullName: null });
      assert.equal(await personalData(ctx(), worker), 'open');
      const signedIn = await login(ctx(), me.username, TEST_PASSWORD);
      assert.equal(signedIn.json().commitmentSigned, true, 'the sign-in answer says so too');
      const twice = await record({ signedOn: '2026-11-21', keptAt: 'Arkisto' });
      assert.equal(twice.statusCode, 409);

      const settings = await call(ctx(), '/api/settings/commitment', { cookie: admin });
      assert.equal(settings.statusCode, 200);
      const before = settings.json();
      assert.equal(before.currentVersion, 1);
      assert.match(before.text, /SALASSAPITOSITOUMUS/);
      assert.ok(before.activeUsersSigned >= 2 && before.activeUsersSigned <= before.activeUsers);

      const publish = (text: string) =>
        call(ctx(), '/api/settings/commitment', { method: 'POST', cookie: admin, body: { text } });
      const short = await publish('Liian lyhyt teksti.');
      assert.equal(short.statusCode, 400);
      assert.deepEqual(
        fieldsOf(short).map((f: string) => f.split(':')[0]),
        ['text'],
      );
      const same = await publish(`${before.text.replaceAll('\n', '\r\n')}  \n`);
      assert.equal(same.statusCode, 409);
      assert.equal(same.json().reason, 'same_text');
      const text = `${before.text}\n\nLisäys: tietoja ei saa viedä kunnan järjestelmien ulkopuolelle.`;
      const published = await publish(text);
      assert.equal(published.statusCode, 201, published.body);
      const after = published.json();
      assert.equal(after.currentVersion, 2);
      assert.equal(after.activeUsersSigned, 0);
      assert.deepEqual(after.versions[0].publishedBy, {
        id: adminId,
        username: 'admin1',
        fullName: null,
      });
      assert.equal(after.versions[1].activeUsersSigned, before.activeUsersSigned);

      assert.equal(await personalData(ctx(), worker), '403 commitment_required');
      const unsigned = await login(ctx(), me.username, TEST_PASSWORD);
      assert.equal(unsigned.json().commitmentSigned, false);
      const listed = (await call(ctx(), '/api/staff', { cookie: admin }))
        .json()
        .items.find((u: { id: string }) => u.id === me.id);
      assert.equal(listed.currentCommitment, null);

      const older = await record({ signedOn: '2026-11-24', keptAt: 'Arkisto' });
      assert.equal(older.statusCode, 400);
      assert.deepEqual(fieldsOf(older), ['signedOn:commitment.beforePublished']);
      const renewed = await record({ signedOn: '2026-11-25', keptAt: 'Arkisto' });
      assert.equal(renewed.statusCode, 200, renewed.body);
      assert.deepEqual(
        renewed.json().signatures.map((s: { version: number }) => s.version),
        [2, 1],
      );
      assert.equal(await personalData(ctx(), worker), 'open');
      const entry = (await accessLogEntries(ctx())).findLast((e) => e.subjectIds.includes(me.id));
      assert.deepEqual(entry?.changes, {
        commitment: {
          old: null,
          new: { version: 2, method: 'paper', signedOn: '2026-11-25', keptAt: 'Arkisto' },
        },
      });
    });

    test('unknown accounts are 404; the access log holds no password, hash or secret', async () => {
      // Changes that handle secrets: an account with a temporary password, its password reset,
      // and an authenticator reset.
      const liisa = (await createLiisa()).json().id as string;
      const reset = await call(ctx(), `/api/staff/${liisa}/reset-password`, {
        method: 'POST',
        cookie: admin,
        body: { temporaryPassword: `${TEMPORARY} taas` },
      });
      assert.equal(reset.statusCode, 200, reset.body);
      const worker = await meOf(ctx(), await ctx().signIn('social_worker'));
      const totp = await call(ctx(), `/api/staff/${worker.id}/reset-totp`, {
        method: 'POST',
        cookie: admin,
      });
      assert.equal(totp.statusCode, 200, totp.body);
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const [method, url] of [
        ['GET', `/api/staff/${unknown}`],
        ['PATCH', `/api/staff/${unknown}`],
        ['POST', `/api/staff/${unknown}/deactivate`],
        ['POST', `/api/staff/${unknown}/reactivate`],
        ['POST', `/api/staff/${unknown}/reset-totp`],
      ] as const) {
        const response = await call(ctx(), url, { method, cookie: admin });
        assert.equal(response.statusCode, 404, `${method} ${url}`);
      }
      const log = JSON.stringify(await accessLogEntries(ctx()));
      for (const secret of [TEMPORARY, TEST_PASSWORD, TEST_TOTP_SECRET, '$argon2']) {
        assert.ok(!log.includes(secret), `the log does not hold ${secret}`);
      }
      const changes = (await accessLogEntries(ctx())).filter(
        (e) => e.role === 'admin' && e.action !== 'read',
      );
      assert.deepEqual(
        changes.map((e) => [e.action, e.subjectIds]),
        [
          ['create', [liisa]],
          ['update', [liisa]],
          ['update', [worker.id]],
        ],
        'the changes are logged, without their secrets',
      );
    });

    test('two administrators deactivating each other at once leave one active', async () => {
      const { id: secondId } = await secondAdmin();
      const results = await Promise.allSettled([
        deactivateStaffAccount(contextOf(adminId), secondId),
        deactivateStaffAccount(contextOf(secondId), adminId),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
      const refused = results.find((r) => r.status === 'rejected');
      assert.match(String(refused?.reason), /last active administrator/);
      const rows = await ctx()
        .database.db.select({ deactivatedAt: staffUsers.deactivatedAt })
        .from(staffUsers)
        .where(eq(staffUsers.role, 'admin'));
      assert.equal(rows.filter((r) => r.deactivatedAt === null).length, 1);
    });
  },
  { clock },
);
