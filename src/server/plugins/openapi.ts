import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Answer } from '../../contract/endpoint.ts';
import { openApiApi } from '../../contract/openapi.endpoints.ts';
import { partnerApi } from '../../contract/partner-api/partner-api.endpoints.ts';
import type { MachineScope } from '../../contract/partner-api/partner-api.constants.ts';
import { route } from '../lib/route.ts';

/** OpenAPI 3.1 generated from the routes' zod schemas; browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Asiakasrekisteri API',
        version: '0.1.0',
        description:
          'The customer register of a Finnish municipality. Every operation needs a staff session ' +
          '(cookie from POST /api/auth/login) unless it declares `security: []`.',
      },
      // Relative: the document is served by the API it describes, at whatever origin that is.
      servers: [{ url: '/', description: 'This register' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rekisteri_session' },
          // The partners' interface (decision 0028): a machine client's API key, or a bearer
          // token from OAuth2 client credentials.
          partnerApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          partnerOAuth: {
            type: 'oauth2',
            flows: {
              clientCredentials: {
                tokenUrl: partnerApi.token.path,
                scopes: {
                  'customers.read': "Read the customers the partner's contract covers",
                  'notices.write': "Send notices of a customer's changed data as a source",
                } satisfies Record<MachineScope, string>,
              },
            },
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: (input) => {
      // The document does not describe itself.
      if (input.url === openApiApi.document.path) return { schema: { hide: true }, url: input.url };
      const result = jsonSchemaTransform(input);
      const config = input.route.config;
      if (config?.public) (result.schema as Record<string, unknown>).security = [];
      if (config?.machine) {
        (result.schema as Record<string, unknown>).security = [
          { partnerApiKey: [] },
          { partnerOAuth: [config.machine] },
        ];
      }
      return result;
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // No call-outs: the public validator badge would send our document's address elsewhere.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(' validator.swagger.io', '')
        .replaceAll(' https:', '')
        .replace(' upgrade-insecure-requests;', ''),
  });
  // Typed as any Swagger 2 or OpenAPI 3 document; the one configured above is 3.1.
  route(app, openApiApi.document, () => app.swagger() as Answer<typeof openApiApi.document>);
}
