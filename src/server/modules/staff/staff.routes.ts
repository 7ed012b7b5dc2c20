import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
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
import {
  commitmentSettings,
  emptyBody,
  paperCommitmentBody,
  partnerOptions as partnerOptionsView,
  publishCommitmentBody,
  resetPasswordBody,
  staffCreate,
  staffList,
  staffPatch,
  staffView,
} from '../../../contract/staff/staff.schemas.ts';

/**
 * Staff administration (administrators only): accounts, roles, deactivation, password and
 * authenticator resets, paper commitments, and the versioned commitment text.
 */
export function staffRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['staff'];
    const config = { permission: 'staff.manage' as const };

    app.get('/api/staff', {
      config,
      schema: {
        tags,
        summary: 'Every staff account with its role, status, authenticator and commitment',
        response: { 200: staffList, ...standardErrors },
      },
      handler: (request) => listStaff(customerContext(deps, request)),
    });

    app.get('/api/staff/partners', {
      config,
      schema: {
        tags,
        summary: 'The partner organisations a contractor account can belong to',
        response: { 200: partnerOptionsView, ...standardErrors },
      },
      handler: (request) => partnerOptions(customerContext(deps, request)),
    });

    app.post('/api/staff', {
      config,
      schema: {
        tags,
        summary:
          'Create an account with a temporary password the user must change at the first sign-in',
        body: staffCreate,
        response: { 201: staffView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await createStaffAccount(customerContext(deps, request), request.body)),
    });

    app.get('/api/staff/:id', {
      config,
      schema: {
        tags,
        summary: 'An account with every signature of the commitment',
        params: idParams,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) => getStaff(customerContext(deps, request), request.params.id),
    });

    app.patch('/api/staff/:id', {
      config,
      schema: {
        tags,
        summary:
          'Change the name, role, partner or last day (null removes it); a new role or partner ends the sessions',
        params: idParams,
        body: staffPatch,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) =>
        updateStaffAccount(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/staff/:id/deactivate', {
      config,
      schema: {
        tags,
        summary: 'Deactivate an account: it cannot sign in, and its sessions end',
        params: idParams,
        body: emptyBody,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) =>
        deactivateStaffAccount(customerContext(deps, request), request.params.id),
    });

    app.post('/api/staff/:id/reactivate', {
      config,
      schema: {
        tags,
        summary: 'Reactivate a deactivated account',
        params: idParams,
        body: emptyBody,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) =>
        reactivateStaffAccount(customerContext(deps, request), request.params.id),
    });

    app.post('/api/staff/:id/reset-password', {
      config,
      schema: {
        tags,
        summary:
          'Set a temporary password the user must change at the next sign-in; ends the sessions and lifts a lockout',
        params: idParams,
        body: resetPasswordBody,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) =>
        resetStaffPassword(
          customerContext(deps, request),
          request.params.id,
          request.body.temporaryPassword,
        ),
    });

    app.post('/api/staff/:id/reset-totp', {
      config,
      schema: {
        tags,
        summary:
          'Remove the authenticator (TOTP): the user sets up a new one at the next sign-in; ends the sessions',
        params: idParams,
        body: emptyBody,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) => resetStaffTotp(customerContext(deps, request), request.params.id),
    });

    app.post('/api/staff/:id/commitment', {
      config,
      schema: {
        tags,
        summary:
          'Record a signed paper commitment of the current version: its date and where it is kept',
        params: idParams,
        body: paperCommitmentBody,
        response: { 200: staffView, ...standardErrors },
      },
      handler: (request) =>
        recordPaperCommitment(customerContext(deps, request), request.params.id, request.body),
    });

    app.get('/api/settings/commitment', {
      config,
      schema: {
        tags,
        summary:
          'The current commitment text, its versions, and how many active users have signed it',
        response: { 200: commitmentSettings, ...standardErrors },
      },
      handler: (request) => getCommitmentSettings(customerContext(deps, request)),
    });

    app.post('/api/settings/commitment', {
      config,
      schema: {
        tags,
        summary: 'Publish a new version of the commitment text: everyone has to sign it again',
        body: publishCommitmentBody,
        response: { 201: commitmentSettings, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(await publishCommitment(customerContext(deps, request), request.body.text)),
    });
  };
}
