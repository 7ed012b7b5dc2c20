import type { FastifyInstance } from 'fastify';
import { disclosuresApi } from '../../../contract/disclosures/disclosures.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { sendToCollection } from './collections.service.ts';
import {
  getDisclosure,
  listDisclosures,
  listOrganizationDisclosures,
  listPersonDisclosures,
  listRecipients,
  makeDisclosure,
} from './disclosures.service.ts';

/** Disclosures of customers' data to partners, and sending overdue invoices to collection. */
export function disclosuresRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, disclosuresApi.make, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return makeDisclosure(customerContext(deps, request), request.body);
    });
    route(app, disclosuresApi.sendToCollection, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return sendToCollection(customerContext(deps, request), request.body);
    });
    route(app, disclosuresApi.recipients, (request) =>
      listRecipients(customerContext(deps, request)),
    );
    route(app, disclosuresApi.list, (request) =>
      listDisclosures(customerContext(deps, request), request.query),
    );
    route(app, disclosuresApi.get, (request) =>
      getDisclosure(customerContext(deps, request), request.params.id),
    );
    route(app, disclosuresApi.ofPerson, (request) =>
      listPersonDisclosures(customerContext(deps, request), request.params.id, request.query),
    );
    route(app, disclosuresApi.ofOrganization, (request) =>
      listOrganizationDisclosures(customerContext(deps, request), request.params.id, request.query),
    );
  };
}
