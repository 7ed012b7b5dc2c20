import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { actorOf, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.ts';
import { authApi } from '../../../contract/auth/auth.endpoints.ts';
import { signIn, signOut, type Actor } from './auth.service.ts';
import { TooManySignInAttempts } from './sign-in-throttle.ts';
import { ROLE_PERMISSIONS } from '../../../contract/auth/permissions.ts';

const me = (actor: Actor) => ({
  id: actor.userId,
  username: actor.username,
  fullName: actor.fullName,
  role: actor.role,
  partnerId: actor.partnerId,
  commitmentSigned: actor.commitmentSigned,
  passwordChangeRequired: actor.passwordChangeRequired,
  totpEnrollmentRequired: actor.totpEnrollmentRequired,
  totpEnabled: actor.totpEnabled,
  totpRequired: actor.totpRequired,
  permissions: [...ROLE_PERMISSIONS[actor.role]],
});

export function authRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, authApi.login, async (request, reply) => {
      const { config } = deps;
      const session = await signIn(deps.database.db, {
        ...request.body,
        clientAddress: request.ip,
        now: deps.clock.now(),
        policy: {
          idleMinutes: config.sessionIdleMinutes,
          absoluteHours: config.sessionAbsoluteHours,
        },
        throttle: {
          maxFailures: config.signInMaxFailures,
          maxFailuresPerAddress: config.signInMaxFailuresPerAddress,
          windowMinutes: config.signInWindowMinutes,
          lockMinutes: config.signInLockMinutes,
        },
        keys: deps.keys,
        totpKeys: deps.keys,
        auth: { totpRequiredForAll: config.totpRequiredForAll },
      }).catch((error: unknown) => {
        if (error instanceof TooManySignInAttempts) {
          void reply.header('retry-after', String(error.retryAfterSeconds));
        }
        throw error;
      });
      void reply.setCookie(
        SESSION_COOKIE,
        session.token,
        sessionCookieOptions(deps.config, request),
      );
      return me(session.actor);
    });

    route(app, authApi.logout, async (request, reply) => {
      await signOut(deps.database.db, actorOf(request).sessionTokenHash);
      void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config, request));
    });

    route(app, authApi.me, (request) => me(actorOf(request)));
  };
}
