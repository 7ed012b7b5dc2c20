import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, roleHas } from '../../src/contract/auth/permissions.ts';
import type { RouteAccess } from '../../src/server/plugins/auth.ts';
import { MACHINE_SCOPES } from '../../src/contract/partner-api/partner-api.constants.ts';
import { forEachEngine, json, type TestApp } from '../helpers/app.ts';
import { createMachineClient, withKey } from '../helpers/partner-clients.ts';
import { browse, signInResident, TEST_PERSONS } from '../helpers/resident.ts';

/**
 * Every /api route × every role, and anonymous: built from the routes' own declarations, so a
 * new route is in the matrix the moment it exists. Allowed means "not 401/403" (the unknown id
 * used here may well give 404 or 400); refused means 401/403 and no data in the body. The
 * partners' interface is the machine clients' alone: every staff role gets 401 there, a client
 * with the route's scope is let in and one without it gets 403; a client's key opens no staff
 * route (401).
 */
const ID = '00000000-0000-4000-8000-000000000000';

forEachEngine('authorisation matrix', ({ ctx }) => {
  test('every route declares its access, and the matrix holds for every role', async () => {
    const routes = ctx().app.routeAccess;
    assert.ok(routes.length >= 14, `${routes.length} routes`);
    const cookies = new Map<string, string>();
    for (const role of ROLES) cookies.set(role, await ctx().signIn(role));
    const partner = await ctx().app.inject({
      method: 'POST',
      url: '/api/partners',
      headers: json(cookies.get('admin')),
      payload: { name: 'Matriisirajapinta Oy', businessId: '2617416-4', country: 'FI' },
    });
    // One client per scope: each may do its own scope's routes and nothing else.
    const clients = new Map<string, string>();
    for (const scope of MACHINE_SCOPES) {
      const client = await createMachineClient(
        ctx(),
        cookies.get('admin') ?? '',
        partner.json().id,
        {
          scopes: [scope],
        },
      );
      clients.set(scope, client.secret);
    }
    // A resident, registered: a resident's session opens the resident routes and nothing else.
    const resident = await signInResident(ctx().app, 0);
    await browse(ctx().app, resident.jar, {
      method: 'POST',
      url: '/api/resident/registration',
      json: { language: 'fi' },
    });
    let checked = 0;
    for (const route of routes) {
      const url =
        route.url.replace(/:\w+/g, ID) + (route.url === '/api/search' ? '?q=virtanen' : '');
      const hasBody = !(route.method === 'GET' || route.method === 'DELETE');
      const call = (cookie?: string, key?: string) =>
        ctx().app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            ...(hasBody ? json(cookie) : cookie ? { cookie } : {}),
            ...(key ? withKey(key) : {}),
          },
          ...(hasBody ? { payload: {} } : {}),
        });
      const anonymous = await call();
      if ('public' in route.access) {
        assert.notEqual(anonymous.statusCode, 401, `${route.method} ${route.url} is public`);
        continue;
      }
      assert.equal(anonymous.statusCode, 401, `anonymous ${route.method} ${route.url}`);
      if (!(route.method === 'POST' && route.url === '/api/resident/sign-out')) {
        const response = await call(resident.cookie);
        const label = `resident ${route.method} ${route.url} → ${response.statusCode}`;
        if ('resident' in route.access) assert.ok(![401, 403].includes(response.statusCode), label);
        else assert.equal(response.statusCode, 401, `${label}: a resident is no staff member`);
        checked++;
      }
      for (const [scope, key] of clients) {
        const response = await call(undefined, key);
        const label = `client of ${scope} ${route.method} ${route.url} → ${response.statusCode}`;
        if (!('machine' in route.access)) assert.equal(response.statusCode, 401, label);
        else if (route.access.machine === scope) {
          assert.ok(![401, 403].includes(response.statusCode), label);
        } else assert.equal(response.statusCode, 403, label);
        checked++;
      }
      for (const role of ROLES) {
        // Signing out (here or everywhere) would end the session the rest of the matrix uses.
        if (
          route.method === 'POST' &&
          ['/api/auth/logout', '/api/auth/logout-everywhere'].includes(route.url)
        ) {
          continue;
        }
        const response = await call(cookies.get(role));
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode}`;
        if ('machine' in route.access) {
          assert.equal(response.statusCode, 401, `${label}: a staff session is no client`);
          checked++;
          continue;
        }
        if ('resident' in route.access) {
          assert.equal(response.statusCode, 401, `${label}: a staff session is no resident`);
          checked++;
          continue;
        }
        const allowed = 'signedIn' in route.access || roleHas(role, route.access.permission);
        if (allowed) assert.ok(![401, 403].includes(response.statusCode), label);
        else {
          assert.equal(response.statusCode, 403, label);
          assert.deepEqual(
            Object.keys(response.json()).sort(),
            ['detail', 'instance', 'status', 'title', 'type'],
            label,
          );
        }
        checked++;
      }
    }
    assert.ok(checked > 80, `${checked} checks`);
  });
});

/**
 * A record covered only by partner A: for every route that declares a permission, a contractor
 * of partner B gets 403 or 404 — or, from a list or search, a page without the record — and no
 * data of it; a contractor of A gets what A's contract allows (name and contact, not the
 * address or notes). Built from the route declarations like the matrix above.
 */
const X = {
  firstName: 'Kaisa',
  lastName: 'Matriisinen',
  email: 'kaisa.matriisinen@example.fi',
  permanentAddress: { street: 'Matriisitie 3', postalCode: '73900', postOffice: 'Rautavaara' },
  notes: 'Vain kunnan omille',
};
const ORGANIZATION = { name: 'Matriisi Palvelut Oy', notes: 'Organisaation muistiinpano' };

/** A response's data; a problem's `instance` only echoes the path the caller asked for. */
function dataOf(body: string): string {
  const parsed = JSON.parse(body || 'null') as unknown;
  if (parsed && typeof parsed === 'object' && 'instance' in parsed) {
    const rest = { ...(parsed as Record<string, unknown>) };
    delete rest.instance;
    return JSON.stringify(rest);
  }
  return body;
}

async function create(app: TestApp, cookie: string, url: string, payload: object) {
  const response = await app.app.inject({ method: 'POST', url, headers: json(cookie), payload });
  assert.ok(response.statusCode < 300, response.body);
  return response.json().id as string;
}

/** The request for a route about record x (person) or o (organisation). */
function requestFor(route: RouteAccess, ids: { x: string; o: string }) {
  const id = /^\/api\/(partner-api\/)?organizations/.test(route.url) ? ids.o : ids.x;
  const query =
    route.url === '/api/search'
      ? `?q=${X.lastName}`
      : route.url === '/api/access-log'
        ? `?subjectId=${ids.x}`
        : '';
  return {
    url: route.url.replace(/:\w+/g, id) + query,
    recordId: id,
    /** A list or search: it answers with a page, without what the reader may not see. */
    collection: !route.url.includes(':') && route.method === 'GET',
  };
}

forEachEngine('authorisation matrix: a contractor of another partner', ({ ctx }) => {
  test("every route: B's contractor gets 403/404 and no data of A's customer; A's gets its contract", async () => {
    const officer = await ctx().signIn('register_officer');
    const admin = await ctx().signIn('admin');
    const ids = {
      x: await create(ctx(), officer, '/api/persons', X),
      o: await create(ctx(), officer, '/api/organizations', ORGANIZATION),
    };
    const own = await create(ctx(), officer, '/api/persons', {
      firstName: 'Bea',
      lastName: 'Matriisinen',
    });
    const partnerOf = async (name: string, businessId: string, covers: string[]) => {
      const id = await create(ctx(), admin, '/api/partners', {
        name,
        businessId,
        country: 'FI',
        contractFields: ['contact'],
        // A source too: its machine client may send notices (decision 0028).
        roles: ['processor', 'source'],
        processingAgreementOn: '2026-01-01',
      });
      for (const customerId of covers) {
        await create(ctx(), admin, `/api/partners/${id}/customers`, { customerId });
      }
      return id;
    };
    const partnerA = await partnerOf('Matriisi A Oy', '0201551-3', [ids.x, ids.o]);
    const partnerB = await partnerOf('Matriisi B Oy', '7654321-2', [own]);
    const contractorA = await ctx().signIn('contractor', { partnerId: partnerA });
    const contractorB = await ctx().signIn('contractor', { partnerId: partnerB });
    const secrets = [ids.x, ids.o, X.firstName, X.email, ORGANIZATION.name];
    const outsideContract = [X.permanentAddress.street, X.notes, ORGANIZATION.notes];

    const routes = ctx().app.routeAccess.filter((route) => 'permission' in route.access);
    let checked = 0;
    for (const route of routes) {
      if (!('permission' in route.access)) continue;
      const { url, recordId, collection } = requestFor(route, ids);
      const call = (cookie: string) =>
        ctx().app.inject({
          method: route.method as 'GET',
          url,
          headers: route.method === 'GET' || route.method === 'DELETE' ? { cookie } : json(cookie),
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
      const allowed = roleHas('contractor', route.access.permission);

      const b = await call(contractorB);
      const label = `B ${route.method} ${url} → ${b.statusCode}`;
      if (collection && allowed) assert.equal(b.statusCode, 200, label);
      else assert.ok([403, 404].includes(b.statusCode), label);
      for (const secret of [...secrets, ...outsideContract]) {
        assert.equal(dataOf(b.body).includes(secret), false, `${label} shows ${secret}`);
      }

      const a = await call(contractorA);
      const labelA = `A ${route.method} ${url} → ${a.statusCode}`;
      if (allowed) {
        assert.equal(a.statusCode, 200, labelA);
        assert.ok(a.body.includes(recordId), `${labelA} finds the covered record`);
      } else {
        assert.equal(a.statusCode, 403, labelA);
      }
      for (const secret of outsideContract) {
        assert.equal(dataOf(a.body).includes(secret), false, `${labelA} shows ${secret}`);
      }
      checked++;
    }
    assert.ok(checked >= 15, `${checked} routes`);

    // The partners' interface: the same, for the two partners' machine clients.
    const keyA = (await createMachineClient(ctx(), admin, partnerA)).secret;
    const keyB = (await createMachineClient(ctx(), admin, partnerB)).secret;
    let machineChecked = 0;
    for (const route of ctx().app.routeAccess) {
      if (!('machine' in route.access)) continue;
      const { url, recordId, collection } = requestFor(route, ids);
      const hasBody = route.method !== 'GET';
      const call = (key: string) =>
        ctx().app.inject({
          method: route.method as 'GET',
          url,
          headers: withKey(key, hasBody),
          ...(hasBody ? { payload: { email: X.email } } : {}),
        });
      const b = await call(keyB);
      const label = `B's client ${route.method} ${url} → ${b.statusCode}`;
      assert.equal(b.statusCode, collection ? 200 : 404, label);
      for (const secret of [...secrets, ...outsideContract]) {
        assert.equal(dataOf(b.body).includes(secret), false, `${label} shows ${secret}`);
      }
      const a = await call(keyA);
      const labelA = `A's client ${route.method} ${url} → ${a.statusCode}`;
      assert.equal(a.statusCode, 200, labelA);
      assert.ok(a.body.includes(recordId), `${labelA} finds the covered record`);
      for (const secret of outsideContract) {
        assert.equal(dataOf(a.body).includes(secret), false, `${labelA} shows ${secret}`);
      }
      machineChecked++;
    }
    assert.ok(machineChecked >= 4, `${machineChecked} machine routes`);
    const page = await ctx().app.inject({
      url: `/api/persons/${ids.x}`,
      headers: { cookie: contractorA },
    });
    assert.equal(page.json().email, X.email, "A's contract opens the contact fields");
  });
});

/**
 * Two residents: every resident route, called with the second resident's session (registered or
 * not), answers nothing of the first — the routes take no person id, so the session is the only
 * way to name a person, and anonymous gets 401 on each.
 */
forEachEngine('authorisation matrix: a second resident', ({ ctx }) => {
  test('every resident route: the second resident gets nothing of the first; anonymous gets 401', async () => {
    const app = ctx().app;
    const first = await signInResident(app, 1);
    const registered = await browse(app, first.jar, {
      method: 'POST',
      url: '/api/resident/registration',
      json: {
        language: 'sv',
        email: 'ensimmainen.asukas@example.fi',
        phone: '+358401234567',
        contactAddress: {
          street: 'Salaisuudenkuja 9',
          postalCode: '00100',
          postOffice: 'Helsinki',
        },
      },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const firstPerson = TEST_PERSONS[1]!;
    const secrets = [
      firstPerson.firstName,
      firstPerson.lastName,
      firstPerson.personalIdentityCode,
      firstPerson.personalIdentityCode.slice(0, 6),
      'ensimmainen.asukas',
      '401234567',
      'Salaisuudenkuja',
    ];
    const unregistered = await signInResident(app, 3);
    const second = await signInResident(app, 2);
    assert.equal(
      (
        await browse(app, second.jar, {
          method: 'POST',
          url: '/api/resident/registration',
          json: { language: 'fi' },
        })
      ).statusCode,
      201,
    );
    const routes = app.routeAccess.filter((route) => 'resident' in route.access);
    assert.ok(routes.length >= 3, `${routes.length} resident routes`);
    let checked = 0;
    for (const route of routes) {
      const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
      for (const [who, cookie] of [
        ['anonymous', ''],
        ['second resident', second.cookie],
        ['unregistered resident', unregistered.cookie],
      ] as const) {
        const response = await app.inject({
          method: route.method as 'GET',
          url: route.url,
          headers: hasBody ? json(cookie || undefined) : cookie ? { cookie } : {},
          ...(hasBody ? { payload: { language: 'fi' } } : {}),
        });
        const label = `${who} ${route.method} ${route.url} → ${response.statusCode}`;
        if (who === 'anonymous') assert.equal(response.statusCode, 401, label);
        else assert.ok(![401, 403].includes(response.statusCode), `${label} ${response.body}`);
        for (const secret of secrets) {
          assert.ok(!response.body.includes(secret), `${label} shows ${secret}`);
        }
        checked++;
      }
    }
    assert.ok(checked >= 9, `${checked} checks`);
    // The first resident still sees their own data: the checks above were not vacuous.
    const own = await browse(app, first.jar, { url: '/api/resident/me' });
    assert.equal(own.json().person.email, 'ensimmainen.asukas@example.fi');
  });
});
