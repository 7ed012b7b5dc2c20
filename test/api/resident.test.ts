import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { persons, valueSources } from '../../src/server/db/schema/index.ts';
import { loadConfig } from '../../src/server/config.ts';
import { makeIdentityCode } from '../../src/finnish/index.ts';
import {
  sealTransaction,
  TRANSACTION_COOKIE,
} from '../../src/server/modules/resident/relying-party.ts';
import { RESIDENT_SESSION_COOKIE } from '../../src/contract/resident/resident.constants.ts';
import {
  accessLogEntries,
  forEachEngine,
  json,
  manualClock,
  type TestApp,
} from '../helpers/app.ts';
import {
  browse,
  CookieJar,
  follow,
  identifyAs,
  signInResident,
  startResidentSignIn,
  TEST_PERSONS,
} from '../helpers/resident.ts';

/** The register's return address with the stand-in's answer, before the register has read it. */
async function answerFromIdp(app: TestApp['app'], person = 0) {
  const jar = new CookieJar();
  const { interaction } = await startResidentSignIn(app, jar);
  const answer = await identifyAs(app, jar, interaction, person);
  const location = answer.headers.location;
  assert.ok(
    typeof location === 'string' && location.includes('/api/resident/callback'),
    answer.body,
  );
  return { jar, callbackUrl: new URL(location, 'http://localhost') };
}

const refusedWith = (location: unknown, reason: string) =>
  typeof location === 'string' && location.startsWith(`/resident/refused?reason=${reason}`);

/** A person staff registered with the test person's identity code. */
async function registerByStaff(testApp: TestApp, person: number, extra: object = {}) {
  const officer = await testApp.signIn('register_officer');
  const { firstName, lastName, personalIdentityCode } = TEST_PERSONS[person]!;
  const created = await testApp.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: json(officer),
    payload: {
      firstName,
      lastName,
      personalIdentityCode,
      personalIdentityCodePurpose: 'unambiguous_identification',
      email: 'virkailijan.kirjaama@example.fi',
      ...extra,
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  return { id: created.json().id as string, officer };
}

forEachEngine('residents: strong identification and self-registration', ({ ctx }) => {
  test('a resident not in the register signs in through the stand-in and registers; the person is the source', async () => {
    const { jar, callback } = await signInResident(ctx().app, 0);
    assert.equal(callback.statusCode, 303);
    assert.equal(callback.headers.location, '/resident?lang=fi');
    const cookie = callback.cookies.find((c) => c.name === RESIDENT_SESSION_COOKIE);
    assert.ok(cookie?.httpOnly && cookie.sameSite === 'Strict' && cookie.path === '/');

    const before = await browse(ctx().app, jar, { url: '/api/resident/me' });
    assert.equal(before.statusCode, 200);
    assert.deepEqual(before.json().identified, { firstName: 'Tiina', lastName: 'Testaaja' });
    assert.equal(before.json().person, null);
    assert.ok(!before.body.includes(TEST_PERSONS[0]!.personalIdentityCode));

    // Names and the identity code come from the identification: they cannot be typed.
    const typed = await browse(ctx().app, jar, {
      method: 'POST',
      url: '/api/resident/registration',
      json: { language: 'fi', lastName: 'Muu' },
    });
    assert.equal(typed.statusCode, 400);
    const badEmail = await browse(ctx().app, jar, {
      method: 'POST',
      url: '/api/resident/registration',
      json: { language: 'fi', email: 'ei-osoite' },
    });
    assert.equal(badEmail.statusCode, 400);
    assert.deepEqual(
      badEmail.json().errors.map((e: { field: string }) => e.field),
      ['email'],
    );

    const registered = await browse(ctx().app, jar, {
      method: 'POST',
      url: '/api/resident/registration',
      json: {
        language: 'sv',
        email: 'tiina.testaaja@example.fi',
        phone: '040 123 4567',
        contactAddress: { street: 'Testikatu 1', postalCode: '00100', postOffice: 'Helsinki' },
      },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    assert.equal(registered.json().phone, '+358401234567');

    const [row] = await ctx()
      .database.db.select()
      .from(persons)
      .where(eq(persons.searchText, 'tiina testaaja'));
    assert.ok(row);
    assert.equal(row.identityCodePurpose, 'unambiguous_identification');
    assert.equal(row.language, 'sv');
    assert.ok(row.identityCodeIndex);
    const sources = await ctx()
      .database.db.select()
      .from(valueSources)
      .where(eq(valueSources.personId, row.id));
    assert.deepEqual(sources.map((s) => s.field).sort(), [
      'contactAddress',
      'email',
      'firstName',
      'language',
      'lastName',
      'personalIdentityCode',
      'phone',
    ]);
    assert.ok(sources.every((s) => s.kind === 'data_subject' && s.recordedBy === null));

    const after = await browse(ctx().app, jar, { url: '/api/resident/me' });
    assert.equal(after.json().person.email, 'tiina.testaaja@example.fi');
    assert.equal(after.json().person.contactAddress.street, 'Testikatu 1');
    const again = await browse(ctx().app, jar, {
      method: 'POST',
      url: '/api/resident/registration',
      json: { language: 'fi' },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().errors[0].code, 'resident.alreadyRegistered');

    // The resident is the actor of their own entries: the creation and each view.
    const entries = (await accessLogEntries(ctx())).filter((e) => e.subjectIds.includes(row.id));
    assert.deepEqual(
      entries.map((e) => [e.role, e.action]),
      [
        ['resident', 'create'],
        ['resident', 'read'],
      ],
    );
    assert.ok(entries.every((e) => e.username === null));
    assert.deepEqual((entries[0]?.changes?.source as { kind: string }).kind, 'data_subject');
  });

  test('a resident already in the register finds themself by the identity code (blind index), logged', async () => {
    const { id } = await registerByStaff(ctx(), 4);
    const { jar } = await signInResident(ctx().app, 4);
    const me = await browse(ctx().app, jar, { url: '/api/resident/me' });
    assert.equal(me.json().person.email, 'virkailijan.kirjaama@example.fi');
    const entries = (await accessLogEntries(ctx())).filter((e) => e.subjectIds.includes(id));
    assert.deepEqual(
      entries.filter((e) => e.role === 'resident').map((e) => [e.action, e.fields]),
      [
        ['search', ['personalIdentityCode']],
        [
          'read',
          [
            'firstName',
            'lastName',
            'email',
            'phone',
            'contactAddress',
            'permanentAddress',
            'language',
          ],
        ],
      ],
    );
  });

  test('a tampered state, a wrong PKCE verifier or nonce, or no transaction: refused, no session', async () => {
    const { jar, callbackUrl } = await answerFromIdp(ctx().app);
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'toinen-tila');
    const byState = await browse(ctx().app, jar, { url: tampered.pathname + tampered.search });
    assert.ok(refusedWith(byState.headers.location, 'identification_failed'));
    assert.equal(jar.get(RESIDENT_SESSION_COOKIE), undefined);

    // The same answer with a transaction whose verifier, or nonce, is not the one sent.
    for (const wrong of ['codeVerifier', 'nonce'] as const) {
      const { jar: other, callbackUrl: url } = await answerFromIdp(ctx().app);
      const state = url.searchParams.get('state') ?? '';
      const forged = sealTransaction(ctx().keys, {
        state,
        nonce: wrong === 'nonce' ? 'x'.repeat(43) : 'y',
        codeVerifier: wrong === 'codeVerifier' ? 'z'.repeat(43) : 'y',
        language: 'fi',
        origin: 'http://localhost',
        startedAt: Date.now(),
      });
      other.cookies.set(TRANSACTION_COOKIE, forged);
      const response = await browse(ctx().app, other, { url: url.pathname + url.search });
      assert.ok(refusedWith(response.headers.location, 'identification_failed'), wrong);
      assert.equal(other.get(RESIDENT_SESSION_COOKIE), undefined, wrong);
    }

    const { jar: noCookie, callbackUrl: url } = await answerFromIdp(ctx().app);
    noCookie.cookies.delete(TRANSACTION_COOKIE);
    const response = await browse(ctx().app, noCookie, { url: url.pathname + url.search });
    assert.ok(refusedWith(response.headers.location, 'identification_failed'));
    // A cancelled identification comes back with an error, and is refused the same way.
    const cancelled = new CookieJar();
    const { interaction } = await startResidentSignIn(ctx().app, cancelled);
    const back = await follow(
      ctx().app,
      cancelled,
      await browse(ctx().app, cancelled, {
        method: 'POST',
        url: interaction,
        form: { action: 'cancel' },
      }),
    );
    assert.ok(refusedWith(back.headers.location, 'identification_failed'), back.body);
  });

  test('the stand-in accepts only test identity codes (individual number 900–999)', async () => {
    const jar = new CookieJar();
    const { interaction } = await startResidentSignIn(ctx().app, jar);
    const real = await identifyAs(ctx().app, jar, interaction, {
      firstName: 'Oikea',
      lastName: 'Ihminen',
      personalIdentityCode: '010190-123F',
    });
    assert.equal(real.statusCode, 400);
    const typed = await identifyAs(ctx().app, jar, interaction, {
      firstName: 'Uusi',
      lastName: 'Testihenkilö',
      personalIdentityCode: makeIdentityCode('2002-02-02', 950),
    });
    const location = typed.headers.location;
    assert.ok(
      typeof location === 'string' && location.includes('/api/resident/callback'),
      typed.body,
    );
  });

  test('a deceased or archived person cannot sign in, and is told why without more', async () => {
    const { id } = await registerByStaff(ctx(), 2);
    await ctx()
      .database.db.update(persons)
      .set({ deceasedOn: '2026-10-01' })
      .where(eq(persons.id, id));
    const deceased = await signInResident(ctx().app, 2);
    assert.ok(refusedWith(deceased.callback.headers.location, 'deceased'));
    assert.equal(deceased.cookie, '');

    const { id: archivedId, officer } = await registerByStaff(ctx(), 3);
    const archive = await ctx().app.inject({
      method: 'DELETE',
      url: `/api/persons/${archivedId}`,
      headers: { cookie: officer },
    });
    assert.ok(archive.statusCode < 300, archive.body);
    const archived = await signInResident(ctx().app, 3);
    assert.ok(refusedWith(archived.callback.headers.location, 'closed'));
    assert.equal(archived.cookie, '');
  });

  test('a session ends when its person is archived while signed in', async () => {
    const { id, officer } = await registerByStaff(ctx(), 1);
    const { jar } = await signInResident(ctx().app, 1);
    assert.equal((await browse(ctx().app, jar, { url: '/api/resident/me' })).statusCode, 200);
    const archive = await ctx().app.inject({
      method: 'DELETE',
      url: `/api/persons/${id}`,
      headers: { cookie: officer },
    });
    assert.equal(archive.statusCode, 204, archive.body);
    assert.equal((await browse(ctx().app, jar, { url: '/api/resident/me' })).statusCode, 401);
  });

  test('signing out ends the session here and sends the browser to the identity provider', async () => {
    const { jar } = await signInResident(ctx().app, 0);
    const out = await browse(ctx().app, jar, { method: 'POST', url: '/api/resident/sign-out' });
    assert.equal(out.statusCode, 200);
    const endSession = new URL(out.json().redirectTo as string);
    assert.equal(endSession.pathname, '/test-idp/session/end');
    assert.equal(
      endSession.searchParams.get('post_logout_redirect_uri'),
      'http://localhost/resident',
    );
    // The ID token in the address holds no identity code.
    const hint = endSession.searchParams.get('id_token_hint') ?? '';
    const payload = Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString();
    assert.ok(
      payload.includes('"sub"') && !payload.includes(TEST_PERSONS[0]!.personalIdentityCode),
    );
    assert.equal((await browse(ctx().app, jar, { url: '/api/resident/me' })).statusCode, 401);
    const page = await browse(ctx().app, jar, { url: endSession.pathname + endSession.search });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Kirjaudu ulos testitunnistuksesta/);
  });

  test('a change from another origin is refused, as on staff routes', async () => {
    const { cookie } = await signInResident(ctx().app, 0);
    const response = await ctx().app.inject({
      method: 'POST',
      url: '/api/resident/registration',
      headers: { ...json(cookie), origin: 'https://evil.example' },
      payload: { language: 'fi' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal(response.json().errors[0].code, 'origin.cross');
  });

  test('the configuration says whether the stand-in runs', async () => {
    const response = await ctx().app.inject({ method: 'GET', url: '/api/resident/config' });
    assert.deepEqual(response.json(), { enabled: true, testIdentification: true, idleMinutes: 15 });
  });
});

const clock = manualClock(new Date());
forEachEngine(
  'residents: the session times out',
  ({ ctx }) => {
    test('15 minutes idle ends the session; 4 hours end it however busy', async () => {
      const idle = await signInResident(ctx().app, 0);
      clock.advance(14 * 60_000);
      assert.equal(
        (await browse(ctx().app, idle.jar, { url: '/api/resident/me' })).statusCode,
        200,
      );
      clock.advance(16 * 60_000);
      assert.equal(
        (await browse(ctx().app, idle.jar, { url: '/api/resident/me' })).statusCode,
        401,
      );

      const busy = await signInResident(ctx().app, 1);
      for (let minutes = 10; minutes < 240; minutes += 10) {
        clock.advance(10 * 60_000);
        const me = await browse(ctx().app, busy.jar, { url: '/api/resident/me' });
        assert.equal(me.statusCode, 200, `after ${minutes} minutes`);
      }
      clock.advance(10 * 60_000);
      assert.equal(
        (await browse(ctx().app, busy.jar, { url: '/api/resident/me' })).statusCode,
        401,
      );
    });
  },
  { clock, env: { RESIDENT_RATE_PER_MINUTE: '1000' } },
);

test('the stand-in is the default only on the embedded database', () => {
  assert.equal(loadConfig({}).residentIdentification?.mode, 'test');
  const postgres = {
    DATABASE_URL: 'postgres://register@db/register',
    KEYSTORE_DATABASE_URL: 'postgres://register@db/keys',
  };
  assert.equal(loadConfig(postgres).residentIdentification, null);
  assert.equal(
    loadConfig({ ...postgres, RESIDENT_IDENTIFICATION: 'test' }).residentIdentification?.mode,
    'test',
  );
  const oidc = loadConfig({
    ...postgres,
    RESIDENT_OIDC_ISSUER: 'https://tunnistus.example.fi',
    RESIDENT_OIDC_CLIENT_ID: 'kunta',
    RESIDENT_OIDC_PRIVATE_KEY_FILE: '/etc/rekisteri/oidc.pem',
  }).residentIdentification;
  assert.equal(oidc?.mode, 'oidc');
  assert.throws(
    () => loadConfig({ ...postgres, RESIDENT_OIDC_ISSUER: 'https://tunnistus.example.fi' }),
    /RESIDENT_OIDC_CLIENT_ID[\s\S]*RESIDENT_OIDC_CLIENT_SECRET/,
  );
});
