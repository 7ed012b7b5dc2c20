import type { FastifyInstance } from 'fastify';
import { personsApi } from '../../../contract/persons/persons.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { getPersonPage } from './person-page.ts';
import {
  archivePerson,
  createPerson,
  getPerson,
  listPersons,
  revealIdentityCode,
  updatePerson,
} from './persons.service.ts';

export function personsRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    route(app, personsApi.list, (request) =>
      listPersons(customerContext(deps, request), request.query),
    );
    route(app, personsApi.create, (request) =>
      createPerson(customerContext(deps, request), request.body),
    );
    route(app, personsApi.get, (request) =>
      getPerson(customerContext(deps, request), request.params.id),
    );
    route(app, personsApi.page, (request) =>
      getPersonPage(customerContext(deps, request), request.params.id),
    );
    route(app, personsApi.update, (request) =>
      updatePerson(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, personsApi.archive, (request) =>
      archivePerson(customerContext(deps, request), request.params.id),
    );
    route(app, personsApi.revealIdentityCode, (request) =>
      revealIdentityCode(customerContext(deps, request), request.params.id, request.body.purpose),
    );
  };
}
