import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { actorOf, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.ts';
import { accountApi } from '../../../contract/auth/auth.endpoints.ts';
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
  return async (app: FastifyInstance) => {
    route(app, accountApi.startTotpSetup, (request, reply) =>
      withRetryAfter(reply, startTotpSetup(accountContext(deps, request), request.body)),
    );
    route(app, accountApi.confirmTotp, (request) =>
      confirmTotpSetup(accountContext(deps, request), request.body),
    );
    route(app, accountApi.removeTotp, (request, reply) =>
      withRetryAfter(reply, removeTotp(accountContext(deps, request), request.body)),
    );
    route(app, accountApi.changePassword, (request, reply) =>
      withRetryAfter(reply, changePassword(accountContext(deps, request), request.body)),
    );
    route(app, accountApi.logoutEverywhere, async (request, reply) => {
      await signOutEverywhere(deps.database.db, actorOf(request));
      void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config, request));
    });
    route(app, accountApi.commitment, (request) => getCommitment(accountContext(deps, request)));
    route(app, accountApi.signCommitment, (request, reply) =>
      withRetryAfter(reply, signCommitment(accountContext(deps, request), request.body)),
    );
  };
}
