import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import * as oidc from 'openid-client';
import type { RouteDeps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { route } from '../../lib/route.ts';
import { RESIDENT_COOKIE, residentOf, sessionCookieOptions } from '../../plugins/auth.ts';
import { residentApi } from '../../../contract/resident/resident.endpoints.ts';
import type { ResidentRefusal } from '../../../contract/resident/resident.constants.ts';
import {
  openTransaction,
  originOf,
  RelyingParties,
  sealTransaction,
  startTransaction,
  TRANSACTION_COOKIE,
  TRANSACTION_MINUTES,
  type Transaction,
} from './relying-party.ts';
import { endResidentSession } from './resident-session.ts';
import {
  correctResidentContact,
  fileResidentRequest,
  residentData,
  residentObjections,
  residentProcessing,
  residentRequests,
  setResidentObjection,
  withdrawResidentObjection,
} from './resident-pages.service.ts';
import {
  finishSignIn,
  registerResident,
  residentMe,
  type ResidentContext,
} from './resident.service.ts';

const CALLBACK_PATH = residentApi.callback.path;

/**
 * The resident's e-service (issue #17 items 2, 3 and 6; decision 0032). Its routes take no
 * person id: `request.resident` (the resident's own session, resolved by the auth plugin) names
 * the one person they reach. State-changing routes are guarded against other origins like
 * staff's (plugins/security-headers.ts), and every route is rate-limited.
 */
export function residentRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    const settings = deps.config.residentIdentification;
    // The stand-in (and oidc-provider with it) is loaded only when it is to run.
    const testIdp = settings?.mode === 'test' ? await import('./test-idp.ts') : null;
    const testProviders = testIdp ? new testIdp.TestIdentityProviders() : null;
    if (testIdp && testProviders) await app.register(testIdp.testIdpRoutes(testProviders));
    const parties = settings ? new RelyingParties(settings, testProviders, app) : null;
    const policy = {
      idleMinutes: deps.config.residentSessionIdleMinutes,
      absoluteHours: deps.config.residentSessionAbsoluteHours,
    };
    const context = (request: FastifyRequest): ResidentContext => ({
      deps,
      requestId: request.id,
      clientAddress: request.ip,
    });

    await app.register(async (routes) => {
      // Per session once signed in, per address before: the auth hook has run by then.
      await routes.register(rateLimit, {
        global: true,
        max: deps.config.residentRatePerMinute,
        timeWindow: 60_000,
        keyGenerator: (request: FastifyRequest) =>
          request.resident
            ? `resident:${request.resident.sessionTokenHash}`
            : `address:${request.ip}`,
        errorResponseBuilder: (_request, limit) =>
          new AppError(
            'too_many_requests',
            `At most ${limit.max} requests a minute; try again in ${limit.after}`,
          ),
      });

      route(routes, residentApi.config, () => ({
        enabled: settings !== null,
        testIdentification: settings?.mode === 'test',
        idleMinutes: policy.idleMinutes,
      }));

      route(routes, residentApi.signIn, async (request, reply) => {
        if (!parties) throw new AppError('not_found', 'The e-service is not in use');
        const origin = originOf(request);
        const party = await parties.for(origin).catch((error: unknown) => {
          request.log.error({ err: error }, 'the identity provider does not answer');
          throw new AppError('unavailable', 'The identification service does not answer just now');
        });
        const transaction = await startTransaction(
          request.body.language ?? 'fi',
          origin,
          deps.clock.now(),
        );
        const { codeChallenge, ...kept } = transaction;
        void reply.setCookie(TRANSACTION_COOKIE, sealTransaction(deps.keys, kept), {
          ...sessionCookieOptions(deps.config, request),
          // The identity provider sends the browser back from another site: lax, not strict.
          sameSite: 'lax',
          path: CALLBACK_PATH,
          maxAge: TRANSACTION_MINUTES * 60,
        });
        const url = oidc.buildAuthorizationUrl(party.config, {
          redirect_uri: party.redirectUri,
          scope: party.scope,
          response_type: 'code',
          state: transaction.state,
          nonce: transaction.nonce,
          code_challenge: codeChallenge,
          code_challenge_method: 'S256',
          ui_locales: transaction.language,
          ...(party.test ? { prompt: 'login' } : {}),
        });
        return { redirectTo: url.href };
      });

      route(routes, residentApi.callback, async (request, reply) => {
        const sealed = request.cookies[TRANSACTION_COOKIE];
        void reply.clearCookie(TRANSACTION_COOKIE, { path: CALLBACK_PATH });
        const now = deps.clock.now();
        const transaction = sealed ? openTransaction(deps.keys, sealed, now) : null;
        const refuse = (reason: ResidentRefusal, language: Transaction['language'] = 'fi') =>
          reply.redirect(`/resident/refused?reason=${reason}&lang=${language}`, 303);
        if (!transaction || !parties || transaction.origin !== originOf(request)) {
          return refuse('identification_failed', transaction?.language);
        }
        if (request.query.error) return refuse('identification_failed', transaction.language);
        const party = await parties.for(transaction.origin);
        const currentUrl = new URL(party.redirectUri);
        currentUrl.search = new URL(request.url, 'http://x').search;
        const outcome = await finishSignIn(context(request), {
          party,
          transaction,
          currentUrl,
          policy,
        });
        if (outcome.kind === 'refused') return refuse(outcome.reason, outcome.language);
        void reply.setCookie(
          RESIDENT_COOKIE,
          outcome.token,
          sessionCookieOptions(deps.config, request),
        );
        return reply.redirect(`/resident?lang=${outcome.language}`, 303);
      });

      route(routes, residentApi.me, (request) => residentMe(context(request), residentOf(request)));

      route(routes, residentApi.register, (request) =>
        registerResident(context(request), residentOf(request), request.body),
      );

      route(routes, residentApi.data, (request) =>
        residentData(context(request), residentOf(request), request.query),
      );
      route(routes, residentApi.processing, (request) =>
        residentProcessing(context(request), residentOf(request), request.query),
      );
      route(routes, residentApi.correctContact, (request) =>
        correctResidentContact(context(request), residentOf(request), request.body),
      );
      route(routes, residentApi.requests, (request) =>
        residentRequests(context(request), residentOf(request)),
      );
      route(routes, residentApi.fileRequest, (request) =>
        fileResidentRequest(context(request), residentOf(request), request.body),
      );
      route(routes, residentApi.objections, (request) =>
        residentObjections(context(request), residentOf(request)),
      );
      route(routes, residentApi.addObjection, (request) =>
        setResidentObjection(context(request), residentOf(request), request.body.type),
      );
      route(routes, residentApi.withdrawObjection, (request) =>
        withdrawResidentObjection(
          context(request),
          residentOf(request),
          request.params.objectionId,
        ),
      );

      route(routes, residentApi.signOut, async (request, reply: FastifyReply) => {
        const resident = residentOf(request);
        const idToken = await endResidentSession(
          deps.database.db,
          resident.sessionTokenHash,
          deps.keys,
        );
        void reply.clearCookie(RESIDENT_COOKIE, sessionCookieOptions(deps.config, request));
        const party = parties ? await parties.for(originOf(request)).catch(() => null) : null;
        if (!party?.config.serverMetadata().end_session_endpoint)
          return { redirectTo: '/resident' };
        const url = oidc.buildEndSessionUrl(party.config, {
          post_logout_redirect_uri: party.postLogoutRedirectUri,
          ...(idToken
            ? { id_token_hint: idToken }
            : { client_id: party.config.clientMetadata().client_id }),
        });
        return { redirectTo: url.href };
      });
    });
  };
}
