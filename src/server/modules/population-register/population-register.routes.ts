import type { FastifyInstance } from 'fastify';
import { populationRegisterApi } from '../../../contract/population-register/population-register.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { isDatabaseUnavailable } from '../../db/availability.ts';
import {
  getSyncReport,
  listSyncRuns,
  runningSync,
  startSync,
  syncContext,
} from './population-register.service.ts';

/** Population-register updates through DVV's change interface (decision 0026). */
export function populationRegisterRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    app.addHook('onClose', async () => {
      await runningSync(deps.database.db)?.done;
    });
    route(app, populationRegisterApi.listSyncs, () => listSyncRuns(deps.database.db, deps.config));
    route(app, populationRegisterApi.startSync, (request) => {
      const ctx = customerContext(deps, request);
      return startSync(
        syncContext(ctx, deps.config, { trigger: 'web', startedBy: ctx.actor.userId }),
        (error) => {
          if (!isDatabaseUnavailable(error)) app.log.error({ err: error }, 'the DVV sync failed');
        },
      );
    });
    route(app, populationRegisterApi.getSync, (request) =>
      getSyncReport(customerContext(deps, request), request.params.id),
    );
  };
}
