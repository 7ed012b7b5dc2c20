import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { Keys } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { networkFilter } from '../lib/networks.ts';
import { resolveSession, type Actor } from '../modules/auth/auth.service.ts';
import { authenticateMachine, PARTNER_API_PREFIX } from '../modules/partner-api/machine-auth.ts';
import type { MachineScope } from '../../contract/partner-api/partner-api.constants.ts';
import {
  PERSONAL_DATA_PERMISSIONS,
  roleHas,
  type Permission,
} from '../../contract/auth/permissions.ts';

import { SESSION_COOKIE } from '../../contract/auth/session-cookie.ts';
import { RESIDENT_SESSION_COOKIE } from '../../contract/resident/resident.constants.ts';
import { resolveResidentSession, type Resident } from '../modules/resident/resident-session.ts';

export { SESSION_COOKIE };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a route needs; every /api route declares one or is public. */
    permission?: Permission;
    /** Reachable without signing in (sign-in itself, health, the OpenAPI document). */
    public?: boolean;
    /** Any signed-in user, whatever the role (own session, sign-out). */
    signedIn?: boolean;
    /** A partner's machine client with this scope, and no one else (decision 0028). */
    machine?: MachineScope;
    /**
     * A resident signed in with strong identification, and no one else (decision 0032): the
     * route reaches only `request.resident`'s own person.
     */
    resident?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in resident of a resident route (decision 0032). */
    resident: Resident | null;
  }
  interface FastifyInstance {
    /** Every /api route with what it declared: the authorisation matrix is built from this. */
    routeAccess: RouteAccess[];
  }
}

export type RouteAccess = {
  method: string;
  url: string;
  access:
    | { permission: Permission }
    | { public: true }
    | { signedIn: true }
    | { machine: MachineScope }
    | { resident: true };
};

/** The resident of a resident route (the hook guarantees one). */
export function residentOf(request: FastifyRequest): Resident {
  if (!request.resident) throw new AppError('unauthenticated', 'Sign in first');
  return request.resident;
}

/** The resident's session cookie: its own name, and the same flags as staff's. */
export const RESIDENT_COOKIE = RESIDENT_SESSION_COOKIE;

/** The part of the API for residents: not staff's, so outside the staff networks' clause. */
export const RESIDENT_API_PREFIX = '/api/resident/';

/** The signed-in actor of a route that declared a permission (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
  return request.actor;
}

export function sessionCookieOptions(config: Config, request: FastifyRequest, expires?: Date) {
  const secure =
    config.cookieSecure === 'always' ||
    (config.cookieSecure === 'auto' && request.protocol === 'https');
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    ...(expires ? { expires } : {}),
  };
}

/**
 * Deny by default: an /api route that declares neither a permission nor `public` fails at start,
 * and every request to a protected route needs a live session whose role has the permission.
 */
export function registerAuth(
  app: FastifyInstance,
  deps: { database: Database; clock: Clock; config: Config; keys: Keys },
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('resident', null);
  app.decorate('routeAccess', []);
  app.addHook('onRoute', (route) => {
    // The browsable API documentation (swagger-ui's own routes) is public, like the document.
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const config = route.config;
    const access = config?.permission
      ? { permission: config.permission }
      : config?.public
        ? { public: true as const }
        : config?.signedIn
          ? { signedIn: true as const }
          : config?.machine
            ? { machine: config.machine }
            : config?.resident
              ? { resident: true as const }
              : undefined;
    if (!access) {
      throw new Error(`Route ${route.method.toString()} ${route.url} declares no permission`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
    }
  });
  const policy = {
    idleMinutes: deps.config.sessionIdleMinutes,
    absoluteHours: deps.config.sessionAbsoluteHours,
  };
  const auth = { totpRequiredForAll: deps.config.totpRequiredForAll };
  const fromStaffNetwork =
    deps.config.staffNetworks.length > 0 ? networkFilter(deps.config.staffNetworks) : null;
  const residentPolicy = {
    idleMinutes: deps.config.residentSessionIdleMinutes,
    absoluteHours: deps.config.residentSessionAbsoluteHours,
  };
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const routeConfig = request.routeOptions.config;
    // A resident's route: the resident's own session, never a staff one (decision 0032).
    if (routeConfig.resident) {
      const token = request.cookies[RESIDENT_COOKIE];
      if (token) {
        request.resident = await resolveResidentSession(deps.database.db, deps.keys, {
          token,
          now: deps.clock.now(),
          policy: residentPolicy,
        });
        if (!request.resident) reply.clearCookie(RESIDENT_COOKIE, { path: '/' });
      }
      if (!request.resident) throw new AppError('unauthenticated', 'Sign in first');
      return;
    }
    // The partners' interface: a machine client's credential, never a staff session.
    if (routeConfig.machine) {
      const actor = await authenticateMachine(deps, request);
      request.actor = actor;
      if (!actor.client?.scopes.includes(routeConfig.machine)) {
        throw new AppError(
          'forbidden',
          `The client does not have the scope ${routeConfig.machine}`,
        );
      }
      return;
    }
    // The firewall clause: staff use of the API (sign-in included) only from the configured
    // networks; /health, the API's documents, the partners' interface and the web app's files
    // stay reachable.
    if (
      fromStaffNetwork &&
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/docs') &&
      !request.url.startsWith('/api/openapi.json') &&
      !request.url.startsWith(PARTNER_API_PREFIX) &&
      !request.url.startsWith(RESIDENT_API_PREFIX) &&
      !fromStaffNetwork(request.ip)
    ) {
      throw new AppError(
        'forbidden',
        "Staff access is allowed only from the municipality's networks",
      );
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.actor = await resolveSession(deps.database.db, {
        token,
        now: deps.clock.now(),
        policy,
        auth,
      });
      if (!request.actor) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    }
    if (routeConfig.public || !request.url.startsWith('/api')) return;
    const permission = routeConfig.permission;
    if (!permission && !routeConfig.signedIn) return; // unknown /api path: answered by not-found
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
    if (!permission) return;
    const actor = request.actor;
    if (!roleHas(actor.role, permission)) {
      throw new AppError('forbidden', `Your role does not have the permission ${permission}`);
    }
    // Until these are done, a session opens only the signed-in routes that do them.
    if (actor.passwordChangeRequired) {
      throw new AppError('forbidden', 'Change your password first', {
        extra: { reason: 'password_change_required' },
      });
    }
    if (actor.totpEnrollmentRequired) {
      throw new AppError('forbidden', 'Set up the authenticator app (TOTP) first', {
        extra: { reason: 'totp_enrollment_required' },
      });
    }
    if (PERSONAL_DATA_PERMISSIONS.has(permission) && !actor.commitmentSigned) {
      throw new AppError(
        'forbidden',
        'Personal data opens only after the confidentiality commitment has been signed',
        { extra: { reason: 'commitment_required' } },
      );
    }
  });
}
