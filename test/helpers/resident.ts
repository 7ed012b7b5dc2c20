import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { RESIDENT_SESSION_COOKIE } from '../../src/contract/resident/resident.constants.ts';
import { TEST_PERSONS, type TestPerson } from '../../src/server/modules/resident/test-idp.ts';

/**
 * A browser's cookie jar for app.inject, by name (the paths the stand-in sets do not overlap in
 * name): what the server sets is sent back, what it expires is forgotten.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies as {
      name: string;
      value: string;
      expires?: Date;
      maxAge?: number;
    }[]) {
      const expired =
        cookie.value === '' ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) ||
        cookie.maxAge === 0;
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

const pathOf = (location: string) => {
  const url = new URL(location, 'http://localhost');
  return url.pathname + url.search;
};

/** A request as the browser makes it, with the jar's cookies; the jar takes the answer's. */
export async function browse(
  app: FastifyInstance,
  jar: CookieJar,
  request: { method?: 'GET' | 'POST'; url: string; form?: Record<string, string>; json?: object },
): Promise<LightMyRequestResponse> {
  const response = await app.inject({
    method: request.method ?? 'GET',
    url: pathOf(request.url),
    headers: {
      cookie: jar.header(),
      ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(request.json ? { 'content-type': 'application/json' } : {}),
    },
    ...(request.form ? { payload: new URLSearchParams(request.form).toString() } : {}),
    ...(request.json ? { payload: JSON.stringify(request.json) } : {}),
  });
  jar.take(response);
  return response;
}

/** Follows redirects from the response while they stay within the register and its stand-in. */
export async function follow(
  app: FastifyInstance,
  jar: CookieJar,
  response: LightMyRequestResponse,
): Promise<LightMyRequestResponse> {
  let current = response;
  for (let hops = 0; hops < 10; hops++) {
    const location = current.headers.location;
    if (![302, 303].includes(current.statusCode) || typeof location !== 'string') return current;
    const path = pathOf(location);
    if (!path.startsWith('/test-idp') && !path.startsWith('/api/resident/callback')) return current;
    current = await browse(app, jar, { url: path });
  }
  throw new Error('too many redirects');
}

/** Starts the sign-in and follows it to the stand-in's sign-in page; returns the page's answer. */
export async function startResidentSignIn(
  app: FastifyInstance,
  jar: CookieJar,
  language: 'fi' | 'sv' | 'en' = 'fi',
) {
  const start = await browse(app, jar, {
    method: 'POST',
    url: '/api/resident/sign-in',
    json: { language },
  });
  if (start.statusCode !== 200) throw new Error(`sign-in did not start: ${start.body}`);
  const authorize = await follow(
    app,
    jar,
    await browse(app, jar, { url: start.json().redirectTo as string }),
  );
  const interaction = /\/test-idp\/interaction\/[\w-]+/.exec(authorize.body)?.[0];
  if (authorize.statusCode !== 200 || !interaction) {
    throw new Error(`no sign-in page: ${authorize.statusCode} ${authorize.body}`);
  }
  return { interaction, authorizeUrl: start.json().redirectTo as string };
}

/** Picks the test person on the stand-in's page; returns the answer before the callback. */
export async function identifyAs(
  app: FastifyInstance,
  jar: CookieJar,
  interaction: string,
  person: TestPerson | number,
): Promise<LightMyRequestResponse> {
  const form: Record<string, string> =
    typeof person === 'number'
      ? { action: 'identify', person: String(person) }
      : {
          action: 'identify',
          person: 'other',
          firstName: person.firstName,
          lastName: person.lastName,
          personalIdentityCode: person.personalIdentityCode,
        };
  let response = await browse(app, jar, { method: 'POST', url: interaction, form });
  // To the provider's resume, and back to the register's return address (not followed).
  for (let hops = 0; hops < 5; hops++) {
    const location = response.headers.location;
    if (typeof location !== 'string' || pathOf(location).startsWith('/api/resident/callback'))
      break;
    response = await browse(app, jar, { url: location });
  }
  return response;
}

/**
 * Signs a resident in through the stand-in; returns the jar with the resident's session cookie
 * (and the callback's answer).
 */
export async function signInResident(
  app: FastifyInstance,
  person: TestPerson | number = 0,
): Promise<{ jar: CookieJar; cookie: string; callback: LightMyRequestResponse }> {
  const jar = new CookieJar();
  const { interaction } = await startResidentSignIn(app, jar);
  const beforeCallback = await identifyAs(app, jar, interaction, person);
  const location = beforeCallback.headers.location;
  if (typeof location !== 'string') throw new Error(`no callback: ${beforeCallback.body}`);
  const callback = await browse(app, jar, { url: location });
  const token = jar.get(RESIDENT_SESSION_COOKIE);
  return { jar, cookie: token ? `${RESIDENT_SESSION_COOKIE}=${token}` : '', callback };
}

export { TEST_PERSONS };
