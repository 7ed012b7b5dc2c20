import { z } from 'zod';
import { endpoint } from './endpoint.ts';

/** The OpenAPI 3.1 document of the API, as @fastify/swagger makes it from the routes. */
const openApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});

export const openApiApi = {
  /** Public, so that tools can read it without a session; itself left out of the document. */
  document: endpoint({
    method: 'GET',
    path: '/api/openapi.json',
    access: { public: true },
    tags: ['docs'],
    summary: 'This OpenAPI 3.1 document',
    status: 200,
    response: openApiDocument,
    errors: [],
  }),
};
