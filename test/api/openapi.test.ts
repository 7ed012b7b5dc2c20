import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachEngine } from '../helpers/app.ts';

type Operation = {
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

const PUBLIC = ['GET /health', 'GET /health/live', 'GET /health/ready', 'POST /api/auth/login'];

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
        const success = Object.entries(operation.responses).find(([status]) =>
          status.startsWith('2'),
        );
        assert.ok(success, `${name} documents its success response`);
        if (success[0] !== '204') {
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
          !['POST /api/auth/logout', 'POST /api/auth/logout-everywhere'].includes(name)
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
        if (PUBLIC.includes(name)) assert.deepEqual(operation.security, [], `${name} is public`);
        else assert.equal(operation.security, undefined, `${name} needs the session`);
      }
    }
  });

  test('the browsable documentation is served at /api/docs', async () => {
    const response = await ctx().app.inject({ url: '/api/docs/' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /swagger-ui/i);
  });

  test('every /api route but sign-in and the documents needs a session', async () => {
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
