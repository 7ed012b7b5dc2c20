import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { partnerApi } from '../../../contract/partner-api/partner-api.endpoints.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { getPerson, listPersons } from '../persons/persons.service.ts';
import { issueToken } from './issue-token.ts';
import { receiveNotice } from './receive-notice.ts';

/**
 * The partners' interface (decision 0028). Its reads are the register's own service functions
 * under the client's partner's contract (readerScope), so no second rule decides what a partner
 * sees; each call is logged as any reader's, with the client and its partner.
 */
export function partnerApiRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    // A limit per client (per address at the token endpoint, before a client is known). The
    // auth hook has run by then: the route's own onRequest hooks come after the app's.
    await app.register(rateLimit, {
      global: true,
      max: deps.config.partnerApiRatePerMinute,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) =>
        request.actor?.client ? `client:${request.actor.client.id}` : `address:${request.ip}`,
      errorResponseBuilder: (_request, context) =>
        new AppError(
          'too_many_requests',
          `At most ${context.max} calls a minute; try again in ${context.after}`,
        ),
    });
    // RFC 6749 4.4.2 sends the token request as a form; only this plugin's routes read one.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    routeExtras(app, partnerApi.token, {
      consumes: ['application/x-www-form-urlencoded', 'application/json'],
    });
    route(app, partnerApi.token, (request) => issueToken(deps, request, request.body));
    route(app, partnerApi.persons, (request) =>
      listPersons(customerContext(deps, request), request.query),
    );
    route(app, partnerApi.person, (request) =>
      getPerson(customerContext(deps, request), request.params.id),
    );
    route(app, partnerApi.organization, (request) =>
      getOrganization(customerContext(deps, request), request.params.id),
    );
    route(app, partnerApi.personNotice, (request) =>
      receiveNotice(customerContext(deps, request), request.params.id, request.body),
    );
  };
}
