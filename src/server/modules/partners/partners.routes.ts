import type { FastifyInstance } from 'fastify';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { partnersApi } from '../../../contract/partners/partners.endpoints.ts';
import {
  coverCustomer,
  createPartner,
  getPartner,
  listPartners,
  uncoverCustomer,
  updatePartner,
} from './partners.service.ts';

/** The partner registry and its contracts: which customers, which fields, until when. */
export function partnersRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, partnersApi.list, (request) => listPartners(customerContext(deps, request)));
    route(app, partnersApi.create, (request) =>
      createPartner(customerContext(deps, request), request.body),
    );
    route(app, partnersApi.get, (request) =>
      getPartner(customerContext(deps, request), request.params.id, request.query),
    );
    route(app, partnersApi.update, (request) =>
      updatePartner(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, partnersApi.coverCustomer, (request) =>
      coverCustomer(customerContext(deps, request), request.params.id, request.body.customerId),
    );
    route(app, partnersApi.uncoverCustomer, (request) =>
      uncoverCustomer(customerContext(deps, request), request.params.id, request.params.customerId),
    );
  };
}
