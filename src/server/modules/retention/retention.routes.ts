import type { FastifyInstance } from 'fastify';
import { retentionApi } from '../../../contract/retention/retention.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import {
  getRetentionRun,
  listRetentionRuns,
  loadRetentionSettings,
  retentionDryRun,
  runRetention,
  saveRetentionSettings,
} from './retention.service.ts';

/** Retention of customers with no relationship left (decision 0034). */
export function retentionRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, retentionApi.getSettings, () => loadRetentionSettings(deps.database.db));
    route(app, retentionApi.saveSettings, (request) =>
      saveRetentionSettings(customerContext(deps, request), request.body),
    );
    route(app, retentionApi.dryRun, (request) => retentionDryRun(customerContext(deps, request)));
    route(app, retentionApi.listRuns, () => listRetentionRuns(deps.database.db));
    route(app, retentionApi.startRun, (request) => {
      const ctx = customerContext(deps, request);
      return runRetention(ctx, {
        trigger: 'staff',
        userId: ctx.actor.userId,
        username: ctx.actor.username,
        role: ctx.actor.role,
        clientAddress: ctx.clientAddress,
        requestId: ctx.requestId,
      });
    });
    route(app, retentionApi.getRun, (request) =>
      getRetentionRun(deps.database.db, request.params.id),
    );
  };
}
