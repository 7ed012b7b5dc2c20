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
import { isDatabaseUnavailable, type Reachability } from './db/availability.ts';
import type { AppDeps, RouteDeps } from './deps.ts';
import { AppError } from './lib/errors.ts';
import { redactError } from './lib/log-redaction.ts';
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
import { partnerApiRoutes } from './modules/partner-api/partner-api.routes.ts';
import { partnerClientsRoutes } from './modules/partner-api/partner-clients.routes.ts';
import { personsRoutes } from './modules/persons/persons.routes.ts';
import { privacyStatementRoutes } from './modules/privacy-statement/privacy-statement.routes.ts';
import { retentionRoutes } from './modules/retention/retention.routes.ts';
import { paperDocumentsRoutes } from './modules/paper-documents/paper-documents.routes.ts';
import { populationRegisterRoutes } from './modules/population-register/population-register.routes.ts';
import { moveInRoutes } from './modules/move-in/move-in.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { updateFilesRoutes } from './modules/update-files/update-files.routes.ts';
import { valueSourcesRoutes } from './modules/persons/value-sources.routes.ts';
import { rectificationRoutes } from './modules/rectification/rectification.routes.ts';
import { workRoutes } from './modules/work/work.routes.ts';
import { residentRoutes } from './modules/resident/resident.routes.ts';
import { requestsRoutes } from './modules/requests/requests.routes.ts';
import { accessPackageRoutes } from './modules/access-package/access-package.routes.ts';
import { objectionsRoutes } from './modules/objections/objections.routes.ts';
import { restrictionRoutes } from './modules/restriction/restriction.routes.ts';
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
 * typed into the search, and no log line may ever show one. Errors go through one redacting
 * serializer (lib/log-redaction.ts), Fastify's own error lines included.
 */
const serializers = {
  err: redactError,
  error: redactError,
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
  registerUtf8JsonParser(app);
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

  registerHealth(app, deps);

  await app.register(authRoutes(routeDeps));
  await app.register(accountRoutes(routeDeps));
  await app.register(staffRoutes(routeDeps));
  await app.register(personsRoutes(routeDeps));
  await app.register(organizationsRoutes(routeDeps));
  await app.register(searchRoutes(routeDeps));
  await app.register(accessLogRoutes(routeDeps));
  await app.register(partnersRoutes(routeDeps));
  await app.register(partnerClientsRoutes(routeDeps));
  await app.register(partnerApiRoutes(routeDeps));
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
  await app.register(restrictionRoutes(routeDeps));
  await app.register(attachmentsRoutes(routeDeps));
  await app.register(valueSourcesRoutes(routeDeps));
  await app.register(rectificationRoutes(routeDeps));
  await app.register(workRoutes(routeDeps));
  await app.register(populationRegisterRoutes(routeDeps));
  await app.register(moveInRoutes(routeDeps));
  await app.register(importsRoutes(routeDeps));
  await app.register(updateFilesRoutes(routeDeps));
  await app.register(privacyStatementRoutes(routeDeps));
  await app.register(residentRoutes(routeDeps));
  await app.register(retentionRoutes(routeDeps));
  await app.register(paperDocumentsRoutes(routeDeps));

  if ((options.serveWeb ?? true) && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await registerWebApp(app);
  }
  return app;
}

/** Vite's output for hashed files (build.assetsDir): a changed file gets a new name. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * The built web app. Its text files come with brotli and gzip copies made at build time
 * (scripts/vite-precompress.ts), sent by the browser's Accept-Encoding with `Vary:
 * Accept-Encoding`. The hashed assets are cached for a year: a new version has new names. The
 * index.html that names them is revalidated on every load (`no-cache`, answered 304 by its ETag
 * when unchanged), so a new version is picked up at the next load.
 */
async function registerWebApp(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: false,
    preCompressed: true,
    // The copies are reached through their file's own address, not one of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      const relative = path.relative(WEB_DIST, file);
      void reply.header(
        'cache-control',
        `${path.sep}${relative}`.startsWith(HASHED_ASSETS)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  // The web app routes in the browser: any other page path gets its index.html. A missing
  // asset (a chunk of an older version) is a 404, not a page the browser would try to run.
  app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) =>
    request.url.startsWith('/api') || request.url.startsWith('/assets/')
      ? reply.callNotFound()
      : reply.type('text/html').sendFile('index.html'),
  );
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * JSON bodies in UTF-8 only (RFC 8259): Fastify's own parser would read a Latin-1 or UTF-16 body
 * as UTF-8 and store U+FFFD where an "ä" was. A declared charset other than UTF-8, or bytes that
 * are not UTF-8, get 415 before anything reads the body.
 */
function registerUtf8JsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser(
    app.initialConfig.onProtoPoisoning ?? 'error',
    app.initialConfig.onConstructorPoisoning ?? 'ignore',
  );
  const notUtf8 = () =>
    new AppError('unsupported_media_type', 'A JSON body must be in UTF-8', {
      errors: [
        { field: 'content-type', message: 'Send the body in UTF-8', code: 'charset.notUtf8' },
      ],
    });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(request.headers['content-type'] ?? '');
    if (charset && charset[1]?.toLowerCase() !== 'utf-8') {
      done(notUtf8(), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(notUtf8(), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}

const healthy = z.object({ status: z.literal('ok') });

/**
 * Health for the load balancer and the orchestrator: /health/live says the process answers (no
 * database: restarting it would not bring a database back), /health/ready that both the data
 * database and the key store answer, else 503 with Retry-After. /health stays as it was.
 */
function registerHealth(app: FastifyInstance, deps: AppDeps): void {
  const databases: [Reachability, () => Promise<unknown>][] = [
    [deps.database.reachability, () => deps.database.rows(sql`select 1`)],
    [deps.personKeys.store.reachability, () => deps.personKeys.store.rows(sql`select 1`)],
  ];
  // One line when a database goes away and one when it is back, however many requests fail.
  for (const [reachability] of databases) {
    const stop = reachability.watch((change) => {
      if (change.reachable) app.log.info({ database: change.database }, 'database reachable again');
      else app.log.error({ database: change.database, err: change.error }, 'database unreachable');
    });
    app.addHook('onClose', async () => stop());
  }
  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/health', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'Liveness: the server answers and reaches its database',
      response: { 200: healthy },
    },
    handler: async () => {
      await deps.database.rows(sql`select 1`);
      return { status: 'ok' as const };
    },
  });
  routes.get('/health/live', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'Liveness: the process answers (no database is asked)',
      response: { 200: healthy },
    },
    handler: async () => ({ status: 'ok' as const }),
  });
  routes.get('/health/ready', {
    config: { public: true },
    schema: {
      tags: ['health'],
      summary: 'Readiness: the data database and the key store both answer; 503 otherwise',
      response: { 200: healthy },
    },
    handler: async () => {
      for (const [reachability, ask] of databases) {
        try {
          await ask();
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          throw new AppError(
            'unavailable',
            `The ${reachability.database === 'keystore' ? 'key store' : 'data database'} does not answer`,
          );
        }
      }
      return { status: 'ok' as const };
    },
  });
}
