import type { FastifyInstance } from 'fastify';
import { importsApi } from '../../../contract/imports/imports.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { CSV_CONTENT_TYPE } from '../access-log/subject-report.formats.ts';
import { importCsv, importRows, listImports } from './imports.service.ts';

/** The imports page: runs of data coming in and their reports (decision 0029). */
export function importsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    routeExtras(app, importsApi.csv, { produces: ['text/csv'] });
    route(app, importsApi.list, () => listImports(deps.database.db));
    route(app, importsApi.rows, (request) =>
      importRows(
        customerContext(deps, request),
        request.params.kind,
        request.params.id,
        request.query,
      ),
    );
    route(app, importsApi.csv, async (request, reply) => {
      const file = await importCsv(
        customerContext(deps, request),
        request.params.kind,
        request.params.id,
        request.query,
      );
      return reply
        .type(CSV_CONTENT_TYPE)
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    });
  };
}
