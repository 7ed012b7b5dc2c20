import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/client.ts';
import { systemClock } from '../../src/server/lib/clock.ts';
import type { Keys } from '../../src/server/lib/crypto.ts';
import type { PersonKeyStore } from '../../src/server/keystore/person-key-store.ts';
import type { Role } from '../../src/contract/auth/permissions.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.ts';
import { createStaffUser } from '../../src/server/modules/staff/staff.service.ts';
import { findStaffUserByUsername } from '../../src/server/modules/staff/staff.queries.ts';

const USERNAME = 'benchmark.user';
const PASSWORD = 'correct horse battery staple';

export type RunningApi = {
  baseUrl: string;
  /** The session cookie of a signed-in customer service user, for the Cookie header. */
  cookie: string;
  close(): Promise<void>;
};

/** A staff account (customer service unless told) with a signed commitment, made on first use. */
export async function ensureBenchUser(
  database: Database,
  username: string,
  role: Role = 'customer_service',
  /** An authenticator already set up: its secret, sealed with the server's keys. */
  totp?: { secret: string; keys: Pick<Keys, 'encrypt'> },
): Promise<void> {
  if (await findStaffUserByUsername(database.db, username)) return;
  await createStaffUser(
    database.db,
    { username, role, password: PASSWORD, commitmentSignedOn: '2026-01-01' },
    totp ? { totp } : {},
  );
}

/**
 * Signs in over HTTP, as a client would (with the authenticator's `code` for a role that needs
 * one); returns the session cookie for the Cookie header.
 */
export async function signInOverHttp(
  baseUrl: string,
  username: string,
  code?: string,
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD, ...(code ? { code } : {}) }),
  });
  if (!response.ok) {
    throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`);
  }
  await response.body?.cancel();
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error('Sign-in set no session cookie');
  return session;
}

/**
 * The real app on a real socket (127.0.0.1, a free port), built exactly as the server builds it
 * except for the request log, and signed in once as a customer service user.
 */
export async function startApi(
  database: Database,
  keys: Keys,
  personKeys: PersonKeyStore,
): Promise<RunningApi> {
  await ensureBenchUser(database, USERNAME);
  const app = await buildApp(
    { config: loadConfig({}), database, keys, personKeys, clock: systemClock },
    { logger: false, serveWeb: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    return { baseUrl, cookie: await signInOverHttp(baseUrl, USERNAME), close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}
