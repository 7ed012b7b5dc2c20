import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine } from '../helpers/app.ts';

type Operation = {
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const PUBLIC = [
  'GET /health',
  'GET /health/live',
  'GET /health/ready',
  'POST /api/auth/login',
  'POST /api/partner-api/oauth/token',
  // The public pages (decision 0030): anyone reads the statements and gives feedback.
  'GET /api/public/privacy-statement',
  'GET /api/public/accessibility-statement',
  'POST /api/public/accessibility-feedback',
  // The resident's way in (decision 0032): the e-service's settings, and the identification's
  // start and return, before there is any session.
  'GET /api/resident/config',
  'POST /api/resident/sign-in',
  'GET /api/resident/callback',
];

/** The partners' interface: a machine client's API key or OAuth2 token, with the route's scope. */
const MACHINE_SCOPE: Record<string, string> = {
  'GET /api/partner-api/persons': 'customers.read',
  'GET /api/partner-api/persons/{id}': 'customers.read',
  'GET /api/partner-api/organizations/{id}': 'customers.read',
  'POST /api/partner-api/persons/{id}/notices': 'notices.write',
};

forEachEngine('OpenAPI contract', ({ ctx }) => {
  test('GET /api/openapi.json is OpenAPI 3.1 and public', async () => {
    const response = await ctx().app.inject({ url: '/api/openapi.json' });
    assert.equal(response.statusCode, 200);
    const document = response.json();
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(document.security, [{ session: [] }]);
    assert.deepEqual(document.servers, [{ url: '/', description: 'This register' }]);
  });

  test('every operation has its request and response schemas; public ones declare security: []', async () => {
    const document = (await ctx().app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        // A success is a 2xx, or the redirect an identification's return address answers with.
        const success = Object.entries(operation.responses).find(
          ([status]) => status.startsWith('2') || status === '303',
        );
        assert.ok(success, `${name} documents its success response`);
        if (success[0] !== '204' && success[0] !== '303') {
          // A document (a PDF print-out, a Finvoice message, an archive) is described as its own
          // media type.
          const content = success[1].content ?? {};
          assert.ok(
            content['application/json']?.schema ??
              content['application/pdf']?.schema ??
              content['application/xml']?.schema ??
              content['application/gzip']?.schema ??
              content['text/csv']?.schema,
            `${name} has a response schema`,
          );
        }
        if (
          ['post', 'patch', 'put'].includes(method) &&
          // Signing out (staff's or a resident's) sends nothing but the session.
          ![
            'POST /api/auth/logout',
            'POST /api/auth/logout-everywhere',
            'POST /api/resident/sign-out',
          ].includes(name)
        ) {
          // An upload (a request's attachment, an update file) takes the file itself, as its own
          // media type.
          const body = operation.requestBody?.content ?? {};
          assert.ok(
            body['application/json']?.schema ??
              body['application/pdf']?.schema ??
              body['application/octet-stream']?.schema,
            `${name} has a body schema`,
          );
        }
        if (path.includes('{id}')) {
          assert.ok(
            operation.parameters?.some((p) => p.in === 'path' && p.name === 'id'),
            name,
          );
        }
        const scope = MACHINE_SCOPE[name];
        if (PUBLIC.includes(name)) assert.deepEqual(operation.security, [], `${name} is public`);
        else if (scope) {
          assert.deepEqual(
            operation.security,
            [{ partnerApiKey: [] }, { partnerOAuth: [scope] }],
            `${name} takes a client's key or token`,
          );
        } else assert.equal(operation.security, undefined, `${name} needs the session`);
      }
    }
  });

  test("the partners' interface declares its security schemes: an API key and OAuth2 client credentials", async () => {
    const document = (await ctx().app.inject({ url: '/api/openapi.json' })).json();
    const schemes = document.components.securitySchemes;
    assert.deepEqual(schemes.partnerApiKey, { type: 'apiKey', in: 'header', name: 'X-API-Key' });
    assert.equal(schemes.partnerOAuth.type, 'oauth2');
    assert.equal(
      schemes.partnerOAuth.flows.clientCredentials.tokenUrl,
      '/api/partner-api/oauth/token',
    );
    assert.deepEqual(Object.keys(schemes.partnerOAuth.flows.clientCredentials.scopes), [
      'customers.read',
      'notices.write',
    ]);
    const token = document.paths['/api/partner-api/oauth/token'].post;
    assert.ok(token.requestBody.content['application/x-www-form-urlencoded']);
  });

  test('the browsable documentation is served at /api/docs', async () => {
    const response = await ctx().app.inject({ url: '/api/docs/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /swagger-ui/i);
  });

  test('every /api route but sign-in, the token endpoint, the public pages and the documents needs a session or a client', async () => {
    const document = (await ctx().app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (PUBLIC.includes(name)) continue;
        const url = path.replace('{id}', '00000000-0000-4000-8000-000000000000');
        const response = await ctx().app.inject({ method: method.toUpperCase() as 'GET', url });
        assert.equal(response.statusCode, 401, name);
      }
    }
  });
});
