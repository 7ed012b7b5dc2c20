import type { FastifyInstance } from 'fastify';
import { updateFilesApi } from '../../../contract/update-files/update-files.endpoints.ts';
import { MAX_UPDATE_FILE_BYTES } from '../../../contract/update-files/update-files.schemas.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { listProfiles, runUploadedFile } from './update-files.service.ts';

/**
 * Update-service files (decision 0029). The file is the request's body as it is; its own plugin,
 * so the raw-body parser applies to these routes only.
 */
export function updateFilesRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_UPDATE_FILE_BYTES },
      (_request, body, done) => done(null, body),
    );
    routeExtras(app, updateFilesApi.run, {
      consumes: ['text/plain', 'text/csv', 'application/octet-stream'],
      options: { bodyLimit: MAX_UPDATE_FILE_BYTES },
    });
    route(app, updateFilesApi.profiles, () => listProfiles());
    route(app, updateFilesApi.run, (request) =>
      runUploadedFile(customerContext(deps, request), {
        profile: request.query.profile,
        partnerId: request.query.partnerId,
        name: request.query.name,
        dryRun: request.query.dryRun,
        body: request.body,
      }),
    );
  };
}
