import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { AppDeps, RouteDeps } from './deps.ts';
import { databaseAccessLog } from './modules/access-log/access-log.ts';
import { accessLogRoutes } from './modules/access-log/access-log.routes.ts';
import { accountRoutes } from './modules/auth/account.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { billingSettingsRoutes } from './modules/billing-settings/billing-settings.routes.ts';
import { ordersRoutes } from './modules/orders/orders.routes.ts';
import { disclosuresRoutes } from './modules/disclosures/disclosures.routes.ts';
import { erasureRoutes } from './modules/erasure/erasure.routes.ts';
import { invoicesRoutes } from './modules/invoices/invoices.routes.ts';
import { organizationsRoutes } from './modules/organizations/organizations.routes.ts';
import { partnersRoutes } from './modules/partners/partners.routes.ts';
import { personsRoutes } from './modules/persons/persons.routes.ts';
import { valueSourcesRoutes } from './modules/persons/value-sources.routes.ts';
import { rectificationRoutes } from './modules/rectification/rectification.routes.ts';
import { requestsRoutes } from './modules/requests/requests.routes.ts';
import { accessPackageRoutes } from './modules/access-package/access-package.routes.ts';
import { objectionsRoutes } from './modules/objections/objections.routes.ts';
import { attachmentsRoutes } from './modules/attachments/attachments.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { serviceCatalogueRoutes } from './modules/service-catalogue/service-catalogue.routes.ts';
import { socialServicesRoutes } from './modules/social-services/social-services.routes.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerProblemHandler } from './plugins/problem.ts';
import { registerApiGuards, registerSecurityHeaders } from './plugins/security-headers.ts';

export const WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../dist/web',
);

/**
 * Request lines in the log carry the path only: a query string can hold an identity code
 * typed into the search, and no log line may ever show one.
 */
const serializers = {
  req(request: { method: string; url: string; id: string; ip: string }) {
    return {
      id: request.id,
      method: request.method,
      url: request.url.split('?')[0],
      remoteAddress: request.ip,
    };
  },
};

export type BuildOptions = {
  /** false for silence; a stream to capture the lines (tests). The serializers always apply. */
  logger?: false | { level?: string; stream?: NodeJS.WritableStream };
  /** Serve the built web app from dist/web when it exists (the server's default). */
  serveWeb?: boolean;
};

export async function buildApp(
  deps: AppDeps,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            ...options.logger,
            serializers,
          },
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: any other body is 415, not a string handed to a schema.
  app.removeContentTypeParser('text/plain');
  const routeDeps: RouteDeps = {
    ...deps,
    accessLog:
      deps.accessLog ??
      databaseAccessLog(deps.keys, deps.clock, {
        readsOn: deps.database.db,
        personKeys: deps.personKeys,
      }),
  };

  registerProblemHandler(app);
  await registerSecurityHeaders(app);
  registerApiGuards(app);
  await app.register(cookie);
  registerAuth(app, deps);
  await registerOpenApi(app);

  app.withTypeProvider<ZodTypeProvider>().get('/health', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'Liveness: the server answers and reaches its database',
      response: { 200: z.object({ status: z.literal('ok') }) },
    },
    handler: async () => {
      await deps.database.rows(sql`select 1`);
      return { status: 'ok' as const };
    },
  });

  await app.register(authRoutes(routeDeps));
  await app.register(accountRoutes(routeDeps));
  await app.register(staffRoutes(routeDeps));
  await app.register(personsRoutes(routeDeps));
  await app.register(organizationsRoutes(routeDeps));
  await app.register(searchRoutes(routeDeps));
  await app.register(accessLogRoutes(routeDeps));
  await app.register(partnersRoutes(routeDeps));
  await app.register(socialServicesRoutes(routeDeps));
  await app.register(billingSettingsRoutes(routeDeps));
  await app.register(serviceCatalogueRoutes(routeDeps));
  await app.register(ordersRoutes(routeDeps));
  await app.register(disclosuresRoutes(routeDeps));
  await app.register(invoicesRoutes(routeDeps));
  await app.register(requestsRoutes(routeDeps));
  await app.register(accessPackageRoutes(routeDeps));
  await app.register(erasureRoutes(routeDeps));
  await app.register(objectionsRoutes(routeDeps));
  await app.register(attachmentsRoutes(routeDeps));
  await app.register(valueSourcesRoutes(routeDeps));
  await app.register(rectificationRoutes(routeDeps));

  if ((options.serveWeb ?? true) && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
    // The web app routes in the browser: any other page path gets its index.html.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) =>
      request.url.startsWith('/api')
        ? reply.callNotFound()
        : reply.type('text/html').sendFile('index.html'),
    );
  }
  return app;
}
