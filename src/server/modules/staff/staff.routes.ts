import type { FastifyInstance } from 'fastify';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { staffApi } from '../../../contract/staff/staff.endpoints.ts';
import {
  createStaffAccount,
  deactivateStaffAccount,
  getStaff,
  listStaff,
  partnerOptions,
  reactivateStaffAccount,
  resetStaffPassword,
  resetStaffTotp,
  updateStaffAccount,
} from './accounts.service.ts';
import {
  getCommitmentSettings,
  publishCommitment,
  recordPaperCommitment,
} from './commitment.service.ts';

/**
 * Staff administration (administrators only): accounts, roles, deactivation, password and
 * authenticator resets, paper commitments, and the versioned commitment text.
 */
export function staffRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, staffApi.list, (request) => listStaff(customerContext(deps, request)));
    route(app, staffApi.partners, (request) => partnerOptions(customerContext(deps, request)));
    route(app, staffApi.create, (request) =>
      createStaffAccount(customerContext(deps, request), request.body),
    );
    route(app, staffApi.get, (request) =>
      getStaff(customerContext(deps, request), request.params.id),
    );
    route(app, staffApi.update, (request) =>
      updateStaffAccount(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, staffApi.deactivate, (request) =>
      deactivateStaffAccount(customerContext(deps, request), request.params.id),
    );
    route(app, staffApi.reactivate, (request) =>
      reactivateStaffAccount(customerContext(deps, request), request.params.id),
    );
    route(app, staffApi.resetPassword, (request) =>
      resetStaffPassword(
        customerContext(deps, request),
        request.params.id,
        request.body.temporaryPassword,
      ),
    );
    route(app, staffApi.resetTotp, (request) =>
      resetStaffTotp(customerContext(deps, request), request.params.id),
    );
    route(app, staffApi.recordCommitment, (request) =>
      recordPaperCommitment(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, staffApi.commitmentSettings, (request) =>
      getCommitmentSettings(customerContext(deps, request)),
    );
    route(app, staffApi.publishCommitment, (request) =>
      publishCommitment(customerContext(deps, request), request.body.text),
    );
  };
}
