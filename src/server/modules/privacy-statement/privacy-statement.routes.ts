import type { FastifyInstance } from 'fastify';
import { privacyStatementApi } from '../../../contract/privacy-statement/privacy-statement.endpoints.ts';
import { accessibilityApi } from '../../../contract/privacy-statement/accessibility.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import {
  getPrivacyStatementSettings,
  privacyStatementIn,
  savePrivacyStatementSettings,
} from './privacy-statement.service.ts';
import {
  accessibilityStatementIn,
  listAccessibilityFeedback,
  markFeedbackHandled,
  sendAccessibilityFeedback,
  TooMuchFeedback,
} from './accessibility.service.ts';

/** The public pages (privacy and accessibility statements, feedback) and their settings. */
export function privacyStatementRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, privacyStatementApi.statement, (request) =>
      privacyStatementIn(deps.database.db, deps.clock, {
        language: request.query.lang,
        populationRegister: deps.config.dvv !== null,
      }),
    );
    route(app, privacyStatementApi.getSettings, (request) =>
      getPrivacyStatementSettings(customerContext(deps, request)),
    );
    route(app, privacyStatementApi.saveSettings, (request) =>
      savePrivacyStatementSettings(customerContext(deps, request), request.body),
    );
    route(app, accessibilityApi.statement, (request) =>
      accessibilityStatementIn(deps.database.db, request.query.lang),
    );
    route(app, accessibilityApi.sendFeedback, (request, reply) =>
      sendAccessibilityFeedback(
        { db: deps.database.db, clock: deps.clock, keys: deps.keys },
        request.ip,
        request.body,
      ).catch((error: unknown) => {
        if (error instanceof TooMuchFeedback) {
          void reply.header('retry-after', String(error.retryAfterSeconds));
        }
        throw error;
      }),
    );
    route(app, accessibilityApi.listFeedback, (request) =>
      listAccessibilityFeedback(customerContext(deps, request), request.query),
    );
    route(app, accessibilityApi.markHandled, (request) =>
      markFeedbackHandled(customerContext(deps, request), request.params.id),
    );
  };
}
