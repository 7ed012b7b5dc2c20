import crypto from 'node:crypto';
import { after, before, describe } from 'node:test';
import { Writable } from 'node:stream';
import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/server/db/client.ts';
import { accessLog } from '../../src/server/db/schema/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Clock } from '../../src/server/lib/clock.ts';
import { keysFromMaster, type Keys } from '../../src/server/lib/crypto.ts';
import type { Role } from '../../src/server/modules/auth/permissions.ts';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';
import { createTestDatabase, engines, type Engine, type TestDatabase } from './db.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a staff account (password TEST_PASSWORD) and signs it in; returns the session cookie. */
export async function signInNewUser(
  app: FastifyInstance,
  database: Pick<Database, 'db'>,
  user: { username: string; role: Role; commitmentSigned?: boolean },
): Promise<string> {
  await createStaffUser(database.db, {
    username: user.username,
    role: user.role,
    password: TEST_PASSWORD,
    commitmentSignedOn: user.commitmentSigned === false ? undefined : '2026-01-02',
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'rekisteri_session');
  if (!cookie) throw new Error('no session cookie');
  return `rekisteri_session=${cookie.value}`;
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
  /** Every line the server logged, as written. */
  logLines: string[];
  /** Creates a user of the role (commitment signed unless told) and returns its session cookie. */
  signIn(role: Role, options?: { commitmentSigned?: boolean }): Promise<string>;
  close(): Promise<void>;
};

export async function createTestApp(
  engine: Engine,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  const keys = keysFromMaster(crypto.randomBytes(32));
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
    { config, database, keys, clock },
    { logger: { level: 'info', stream }, serveWeb: false },
  );
  await app.ready();
  let users = 0;
  return {
    app,
    database,
    keys,
    logLines,
    signIn: (role, signInOptions = {}) =>
      signInNewUser(app, database, {
        username: `${role.replace('_', '')}${++users}`,
        role,
        commitmentSigned: signInOptions.commitmentSigned ?? true,
      }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Runs the suite once per engine under test, each with its own app and database. */
export function forEachEngine(
  name: string,
  suite: (t: { ctx: () => TestApp; engine: Engine }) => void,
  options: { clock?: Clock; env?: Record<string, string> } = {},
): void {
  for (const engine of engines()) {
    describe(`${name} [${engine}]`, () => {
      let testApp: TestApp | undefined;
      before(async () => {
        testApp = await createTestApp(engine, options);
      });
      after(async () => {
        await testApp?.close();
      });
      suite({
        ctx: () => {
          if (!testApp) throw new Error('the test app is not ready');
          return testApp;
        },
        engine,
      });
    });
  }
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

/** The access log as stored, oldest first. */
export async function accessLogEntries(testApp: TestApp): Promise<LoggedAccess[]> {
  return testApp.database.db
    .select({
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
}

export const json = (cookie?: string) => ({
  'content-type': 'application/json',
  ...(cookie ? { cookie } : {}),
});
