import crypto from 'node:crypto';
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import { Writable } from 'node:stream';
import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/server/db/client.ts';
import { accessLog, partners } from '../../src/server/db/schema/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Clock } from '../../src/server/lib/clock.ts';
import { keysFromMaster, type Keys } from '../../src/server/lib/crypto.ts';
import { totpCode, totpStep } from '../../src/server/lib/totp.ts';
import {
  PARTNER_ROLES,
  TOTP_REQUIRED_ROLES,
  type Role,
} from '../../src/contract/auth/permissions.ts';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';
import { openSealedChanges } from '../../src/server/modules/erasure/sealed-changes.ts';
import {
  createTestDatabase,
  engines,
  snapshotTestDatabase,
  type Engine,
  type TestDatabase,
  type TestDatabaseSnapshot,
} from './db.ts';
import { createTestPersonKeys, type TestPersonKeys } from './person-keys.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
/** The authenticator secret of test accounts whose role requires TOTP. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The current code of TEST_TOTP_SECRET at the time. */
export const testTotpCode = (now: Date = new Date()) => totpCode(TEST_TOTP_SECRET, totpStep(now));

/**
 * Creates a staff account (password TEST_PASSWORD; TOTP set up with TEST_TOTP_SECRET where the
 * role requires it) and signs it in; returns the session cookie.
 */
export async function signInNewUser(
  app: FastifyInstance,
  database: Pick<Database, 'db'>,
  keys: Keys,
  user: { username: string; role: Role; commitmentSigned?: boolean; partnerId?: string },
  now: Date = new Date(),
): Promise<string> {
  const totp = TOTP_REQUIRED_ROLES.includes(user.role);
  const partnerId =
    user.partnerId ??
    (PARTNER_ROLES.includes(user.role) ? await insertTestPartner(database) : undefined);
  await createStaffUser(
    database.db,
    {
      username: user.username,
      role: user.role,
      password: TEST_PASSWORD,
      partnerId,
      commitmentSignedOn: user.commitmentSigned === false ? undefined : '2026-01-02',
    },
    totp ? { totp: { secret: TEST_TOTP_SECRET, keys }, now } : { now },
  );
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: {
      username: user.username,
      password: TEST_PASSWORD,
      ...(totp ? { code: testTotpCode(now) } : {}),
    },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'rekisteri_session');
  if (!cookie) throw new Error('no session cookie');
  return `rekisteri_session=${cookie.value}`;
}

/** A partner organisation with a contract that lists the field groups and covers no one yet. */
export async function insertTestPartner(
  database: Pick<Database, 'db'>,
  values: Partial<typeof partners.$inferInsert> = {},
): Promise<string> {
  const [row] = await database.db
    .insert(partners)
    .values({
      name: 'Testikumppani Oy',
      businessId: testBusinessId(),
      country: 'FI',
      ...values,
    })
    .returning({ id: partners.id });
  if (!row) throw new Error('no partner inserted');
  return row.id;
}

/** A random valid business ID (Y-tunnus), 7 digits and the check digit. */
function testBusinessId(): string {
  for (;;) {
    const digits = Array.from({ length: 7 }, () => crypto.randomInt(10));
    const sum = digits.reduce((acc, d, i) => acc + d * [7, 9, 10, 5, 8, 4, 2][i]!, 0);
    const remainder = sum % 11;
    if (remainder === 1) continue;
    return `${digits.join('')}-${remainder === 0 ? 0 : 11 - remainder}`;
  }
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-11-25T10:00:00Z')): Clock & {
  advance(ms: number): void;
} {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  keys: Keys;
  /** The app's key store, key ring and PersonKeys: a key-store database of its own. */
  personKeys: TestPersonKeys;
  /** Every line the server logged, as written. */
  logLines: string[];
  /** Creates a user of the role (commitment signed unless told) and returns its session cookie. */
  signIn(role: Role, options?: { commitmentSigned?: boolean; partnerId?: string }): Promise<string>;
  /** Closes the app and keeps its database as a snapshot that later apps start from. */
  snapshot(): Promise<TestAppSnapshot>;
  close(): Promise<void>;
};

/** An app's database as a suite prepared it, and how many users `signIn` had made in it. */
export type TestAppSnapshot = { database: TestDatabaseSnapshot; usersSignedIn: number };

/** A master key and a key store that several apps share; their owner closes them. */
export type SharedKeys = { keys: Keys; personKeys: TestPersonKeys };

export async function createTestApp(
  engine: Engine,
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    sharedKeys?: SharedKeys;
    /** Start from a snapshot of a prepared app (its key store must be `sharedKeys`). */
    snapshot?: TestAppSnapshot;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine, options.snapshot?.database);
  const keys = options.sharedKeys?.keys ?? keysFromMaster(crypto.randomBytes(32));
  const personKeys =
    options.sharedKeys?.personKeys ?? (await createTestPersonKeys(engine, { legacyKeys: keys }));
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({ DATA_DIR: '/nonexistent-test-data-dir', ...options.env });
  const clock = options.clock ?? { now: () => new Date() };
  const app = await buildApp(
    { config, database, keys, personKeys: personKeys.personKeys, clock },
    { logger: { level: 'info', stream }, serveWeb: false },
  );
  await app.ready();
  // Usernames go on from the snapshot's, so a test's `signIn` never makes one the snapshot has.
  let users = options.snapshot?.usersSignedIn ?? 0;
  return {
    app,
    database,
    keys,
    personKeys,
    logLines,
    signIn: (role, signInOptions = {}) =>
      signInNewUser(
        app,
        database,
        keys,
        {
          username: `${role.replace('_', '')}${++users}`,
          role,
          commitmentSigned: signInOptions.commitmentSigned ?? true,
          ...(signInOptions.partnerId ? { partnerId: signInOptions.partnerId } : {}),
        },
        clock.now(),
      ),
    async snapshot() {
      if (!options.sharedKeys) throw new Error('a snapshot needs a key store shared with its apps');
      await app.close();
      return { database: await snapshotTestDatabase(database), usersSignedIn: users };
    },
    async close() {
      await app.close();
      await database.drop();
      if (!options.sharedKeys) await personKeys.close();
    },
  };
}

/** What the suite of `forEachEngineAppPerTest` gives: its app, and a step that prepares it. */
export type AppPerTestSuite = {
  ctx: () => TestApp;
  engine: Engine;
  /**
   * Registers the suite's preparation (the former "set up" test): it runs once, on an app of its
   * own (`ctx()` while it runs), and every test then starts from a copy of the database it left, so a test sees what the
   * preparation made and nothing an earlier test did. Values it keeps in the suite's variables
   * (ids, cookies: sessions are in the database) hold for every test.
   */
  prepare: (step: (testApp: TestApp) => Promise<void>) => void;
};

/**
 * Runs the suite once per engine under test, each with its own app and database for the suite.
 * A test never relies on what an earlier test left: it makes what it needs, or reads what a
 * `before` of the suite made for every test and no test changes.
 */
export function forEachEngine(
  name: string,
  suite: (t: { ctx: () => TestApp; engine: Engine }) => void,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): void {
  engineSuites(name, suite, { ...options, appPerTest: false });
}

function engineSuites(
  name: string,
  suite: (t: AppPerTestSuite) => void,
  options: { clock?: Clock; env?: Record<string, string>; appPerTest: boolean },
): void {
  const { appPerTest, ...appOptions } = options;
  for (const engine of engines()) {
    describe(`${name} [${engine}]`, () => {
      let testApp: TestApp | undefined;
      let sharedKeys: SharedKeys | undefined;
      let preparation: ((testApp: TestApp) => Promise<void>) | undefined;
      let snapshot: TestAppSnapshot | undefined;
      if (appPerTest) {
        // The key store holds keys by person id, which no test looks at beyond its own persons:
        // the suite's tests share it, and each gets a database and an app of its own.
        before(async () => {
          const keys = keysFromMaster(crypto.randomBytes(32));
          sharedKeys = {
            keys,
            personKeys: await createTestPersonKeys(engine, { legacyKeys: keys }),
          };
          if (!preparation) return;
          // While it prepares, the prepared app is the suite's `ctx()`, so its helpers work.
          const prepared = await createTestApp(engine, { ...appOptions, sharedKeys });
          testApp = prepared;
          try {
            await preparation(prepared);
          } catch (error) {
            await prepared.close();
            throw error;
          } finally {
            testApp = undefined;
          }
          snapshot = await prepared.snapshot();
        });
        after(async () => {
          await snapshot?.database.drop();
          await sharedKeys?.personKeys.close();
        });
      }
      (appPerTest ? beforeEach : before)(async () => {
        testApp = await createTestApp(engine, { ...appOptions, sharedKeys, snapshot });
      });
      (appPerTest ? afterEach : after)(async () => {
        await testApp?.close();
        testApp = undefined;
      });
      suite({
        ctx: () => {
          if (!testApp) throw new Error('the test app is not ready');
          return testApp;
        },
        engine,
        prepare: (step) => {
          if (!appPerTest) throw new Error('prepare is for forEachEngineAppPerTest');
          preparation = step;
        },
      });
    });
  }
}

/**
 * forEachEngine with a new app and database for each test, as fastify/demo does: for suites
 * whose tests look at the whole database (lists, counts, the access log, one identity code) and
 * so must not see each other's rows. The key store is the suite's (see forEachEngine). It costs
 * about 0.5 s of CPU per test (a PGlite from the run's dump, and the app), so suites whose tests
 * can keep to their own rows share one app. What every test needs first, `prepare` makes once.
 */
export function forEachEngineAppPerTest(
  name: string,
  suite: (t: AppPerTestSuite) => void,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): void {
  engineSuites(name, suite, { ...options, appPerTest: true });
}

export type LoggedAccess = {
  position: number;
  username: string | null;
  role: string | null;
  action: string;
  subjectIds: string[];
  fields: string[];
  changes: Record<string, unknown> | null;
  purpose: string | null;
};

/** The access log as stored, oldest first, with sealed values opened (decision 0019). */
export async function accessLogEntries(testApp: TestApp): Promise<LoggedAccess[]> {
  const rows = await testApp.database.db
    .select({
      entryId: accessLog.entryId,
      position: accessLog.position,
      username: accessLog.username,
      role: accessLog.role,
      action: accessLog.action,
      subjectIds: accessLog.subjectIds,
      fields: accessLog.fields,
      changes: accessLog.changes,
      purpose: accessLog.purpose,
    })
    .from(accessLog)
    .orderBy(asc(accessLog.position));
  const opened = await openSealedChanges(testApp.personKeys.personKeys, rows);
  return opened.map(({ entryId: _entryId, ...entry }) => entry);
}

export const json = (cookie?: string) => ({
  'content-type': 'application/json',
  ...(cookie ? { cookie } : {}),
});

/** An API call with a session cookie, and with a JSON body when there is a payload. */
export function callAs(
  testApp: Pick<TestApp, 'app'>,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return testApp.app.inject({
    method,
    url,
    headers: payload ? json(cookie) : { cookie },
    ...(payload ? { payload } : {}),
  });
}
