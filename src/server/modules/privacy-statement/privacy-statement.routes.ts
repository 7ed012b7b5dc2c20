import type { FastifyInstance } from 'fastify';
import { privacyStatementApi } from '../../../contract/privacy-statement/privacy-statement.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import {
  getPrivacyStatementSettings,
  privacyStatementIn,
  savePrivacyStatementSettings,
} from './privacy-statement.service.ts';

/** The public privacy statement and the administrator's settings of it. */
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
  };
}
