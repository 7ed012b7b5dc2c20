import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../deps.ts';
import { actorOf, SESSION_COOKIE, sessionCookieOptions } from '../../plugins/auth.ts';
import {
  problemSchema,
  standardErrors,
} from '../../../contract/customers/customer-data.schemas.ts';
import { signIn, signOut, type Actor } from './auth.service.ts';
import { loginBody, meView } from '../../../contract/auth/auth.schemas.ts';
import { TooManySignInAttempts } from './sign-in-throttle.ts';
import { ROLE_PERMISSIONS } from '../../../contract/auth/permissions.ts';

const me = (actor: Actor) => ({
  id: actor.userId,
  username: actor.username,
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
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];

    app.post('/api/auth/login', {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with a personal account; sets the session cookie',
        body: loginBody,
        response: { 200: meView, ...standardErrors, 429: problemSchema },
      },
      handler: async (request, reply) => {
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
      },
    });

    app.post('/api/auth/logout', {
      config: { signedIn: true },
      schema: {
        tags,
        summary: 'Sign out: ends this session',
        response: { 204: z.null(), ...standardErrors },
      },
      handler: async (request, reply) => {
        await signOut(deps.database.db, actorOf(request).sessionTokenHash);
        void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps.config, request));
        return reply.status(204).send(null);
      },
    });

    app.get('/api/auth/me', {
      config: { signedIn: true },
      schema: { tags, summary: 'Who is signed in', response: { 200: meView, ...standardErrors } },
      handler: (request) => me(actorOf(request)),
    });
  };
}
