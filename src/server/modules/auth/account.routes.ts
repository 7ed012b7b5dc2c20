import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { actorOf, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.ts';
import {
  problemSchema,
  standardErrors,
} from '../../../contract/customers/customer-data.schemas.ts';
import {
  changePassword,
  confirmTotpSetup,
  getCommitment,
  removeTotp,
  signCommitment,
  signOutEverywhere,
  startTotpSetup,
  type AccountContext,
} from './account.service.ts';
import {
  commitmentSignBody,
  commitmentView,
  passwordChangeBody,
  totpConfirmBody,
  totpRemoveBody,
  totpSetupBody,
  totpSetupView,
} from '../../../contract/auth/account.schemas.ts';
import { TooManySignInAttempts } from './sign-in-throttle.ts';

function accountContext(deps: RouteDeps, request: FastifyRequest): AccountContext {
  const { config } = deps;
  return {
    db: deps.database.db,
    keys: deps.keys,
    now: deps.clock.now(),
    actor: actorOf(request),
    clientAddress: request.ip,
    throttle: {
      maxFailures: config.signInMaxFailures,
      maxFailuresPerAddress: config.signInMaxFailuresPerAddress,
      windowMinutes: config.signInWindowMinutes,
      lockMinutes: config.signInLockMinutes,
    },
    auth: { totpRequiredForAll: config.totpRequiredForAll },
  };
}

/** A locked account answers 429 with Retry-After, as at sign-in. */
async function withRetryAfter<T>(reply: FastifyReply, task: Promise<T>): Promise<T> {
  try {
    return await task;
  } catch (error) {
    if (error instanceof TooManySignInAttempts) {
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    throw error;
  }
}

/**
 * The signed-in user's own account: password, authenticator app, sessions and the
 * confidentiality commitment. Open to any session (`signedIn`), also one that an unfinished step
 * (password change, authenticator set-up, commitment) keeps from everything else.
 */
export function accountRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['account'];
    const throttled = { ...standardErrors, 429: problemSchema };

    app.post('/api/auth/totp/setup', {
      config: { signedIn: true },
      schema: {
        tags,
        summary:
          'Start setting up an authenticator app (TOTP): a new secret and its QR code. Replacing one already set up takes the password and its current code.',
        body: totpSetupBody,
        response: { 200: totpSetupView, ...throttled },
      },
      handler: (request, reply) =>
        withRetryAfter(reply, startTotpSetup(accountContext(deps, request), request.body)),
    });

    app.post('/api/auth/totp/confirm', {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Confirm the authenticator app being set up with its first code',
        body: totpConfirmBody,
        response: { 204: z.null(), ...standardErrors },
      },
      handler: async (request, reply) => {
        await confirmTotpSetup(accountContext(deps, request), request.body);
        return reply.status(204).send(null);
      },
    });

    app.post('/api/auth/totp/remove', {
      config: { signedIn: true },
      schema: {
        tags,
        summary:
          'Remove the authenticator app (password and current code); not where the role requires one',
        body: totpRemoveBody,
        response: { 204: z.null(), ...throttled },
      },
      handler: async (request, reply) => {
        await withRetryAfter(reply, removeTotp(accountContext(deps, request), request.body));
        return reply.status(204).send(null);
      },
    });

    app.post('/api/auth/password', {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Change the password; ends the other sessions',
        body: passwordChangeBody,
        response: { 204: z.null(), ...throttled },
      },
      handler: async (request, reply) => {
        await withRetryAfter(reply, changePassword(accountContext(deps, request), request.body));
        return reply.status(204).send(null);
      },
    });

    app.post('/api/auth/logout-everywhere', {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Sign out everywhere: ends every session of the user, this one too',
        response: { 204: z.null(), ...standardErrors },
      },
      handler: async (request, reply) => {
        await signOutEverywhere(deps.database.db, actorOf(request));
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config, request));
        return reply.status(204).send(null);
      },
    });

    app.get('/api/auth/commitment', {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'The current confidentiality commitment text and whether the user has signed it',
        response: { 200: commitmentView, ...standardErrors },
      },
      handler: (request) => getCommitment(accountContext(deps, request)),
    });

    app.post('/api/auth/commitment/sign', {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Sign the current confidentiality commitment, confirmed with the password',
        body: commitmentSignBody,
        response: { 204: z.null(), ...throttled },
      },
      handler: async (request, reply) => {
        await withRetryAfter(reply, signCommitment(accountContext(deps, request), request.body));
        return reply.status(204).send(null);
      },
    });
  };
}
