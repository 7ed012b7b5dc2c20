import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { moveInApi } from '../../../contract/move-in/move-in.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { isDatabaseUnavailable } from '../../db/availability.ts';
import { route } from '../../lib/route.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';
import { listImportProfiles, saveImportProfile } from './move-in-profiles.ts';
import {
  backgroundImports,
  getReportPage,
  getRunView,
  listRunViews,
  reportCsv,
  startUploadedImport,
} from './move-in.service.ts';

/**
 * Moving in from an old register (decision 0027). The upload's body is the file as a stream
 * (any content type), written to DATA_DIR/imports, never held in memory.
 */
export function moveInRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    app.addHook('onClose', async () => {
      await Promise.all(backgroundImports());
    });
    route(app, moveInApi.listProfiles, async () => ({
      items: (await listImportProfiles(deps.database.db)).map((p) => ({
        id: p.id,
        name: p.name,
        body: p.body,
        updatedAt: p.updatedAt.toISOString(),
      })),
    }));
    route(app, moveInApi.saveProfile, async (request) => {
      const saved = await saveImportProfile(deps.database.db, {
        name: request.params.name,
        body: request.body,
        by: customerContext(deps, request).actor.userId,
        now: deps.clock.now(),
      });
      return {
        id: saved.id,
        name: saved.name,
        body: saved.body,
        updatedAt: saved.updatedAt.toISOString(),
      };
    });
    // The upload alone reads its body as a stream of any type: a child plugin of its own.
    await app.register(async (upload) => {
      upload.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
      route(upload, moveInApi.start, (request) =>
        startUploadedImport(
          customerContext(deps, request),
          deps.config.dataDir,
          {
            profileName: request.query.profile,
            fileName: request.query.fileName,
            dryRun: request.query.dryRun === 'true',
            body: request.body as Readable,
          },
          (error) => {
            if (!isDatabaseUnavailable(error)) upload.log.error({ err: error }, 'an import failed');
          },
        ),
      );
    });
    route(app, moveInApi.listRuns, async () => ({ items: await listRunViews(deps.database.db) }));
    route(app, moveInApi.getRun, (request) => getRunView(deps.database.db, request.params.id));
    route(app, moveInApi.report, (request) =>
      getReportPage(customerContext(deps, request), request.params.id, request.query),
    );
    route(app, moveInApi.reportCsv, async (request, reply) =>
      sendAttachment(
        reply,
        await reportCsv(deps.database.db, request.params.id, request.query.outcome),
      ),
    );
  };
}
