import type { FastifyInstance } from 'fastify';
import { SOCIAL_RECORD_KINDS } from '../../../contract/enums.ts';
import {
  socialRecordsApi,
  type RecordEndpoints,
  socialServicesApi,
  socialServicesSettingsApi,
} from '../../../contract/social-services/social-services.endpoints.ts';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { route } from '../../lib/route.ts';
import { routeExtras } from '../../lib/route-extras.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';
import {
  createClientRecord,
  createFamilyRelation,
  listClientRecords,
  listFamily,
  updateClientRecord,
  updateFamilyRelation,
} from './client-data.service.ts';
import { clientSummaryPdf } from './client-summary.ts';
import {
  breakGlass,
  breakGlassReviewList,
  clientOverview,
  createRelationship,
  reviewBreakGlass,
  updateRelationship,
} from './clients.service.ts';
import {
  createNeedType,
  createUnit,
  socialServicesSettings,
  updateNeedType,
  updateUnit,
  workerOptions,
} from './units.service.ts';

/**
 * Social services (decision 0012): the administrator's units and service needs, a social
 * worker's clients and their special-category data, and the register officer's review of
 * break-the-glass access. Every endpoint is the contract's (socialServicesApi and its kin).
 */
export function socialServicesRoutes(deps: RouteDeps) {
  return async (app: FastifyInstance) => {
    const settings = socialServicesSettingsApi;
    const api = socialServicesApi;

    // — settings: units and need types —
    route(app, settings.settings, (request) =>
      socialServicesSettings(customerContext(deps, request)),
    );
    route(app, settings.createUnit, (request) =>
      createUnit(customerContext(deps, request), request.body),
    );
    route(app, settings.updateUnit, (request) =>
      updateUnit(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, settings.createNeedType, (request) =>
      createNeedType(customerContext(deps, request), request.body),
    );
    route(app, settings.updateNeedType, (request) =>
      updateNeedType(customerContext(deps, request), request.params.code, request.body),
    );
    route(app, api.options, (request) => workerOptions(customerContext(deps, request)));

    // — break-the-glass review —
    route(app, api.breakGlassReview, (request) =>
      breakGlassReviewList(customerContext(deps, request), request.query),
    );
    route(app, api.markReviewed, (request) =>
      reviewBreakGlass(customerContext(deps, request), request.params.id, request.body.note),
    );

    // — one client —
    route(app, api.overview, (request) =>
      clientOverview(customerContext(deps, request), request.params.id, request.query.purpose),
    );
    route(app, api.addRelationship, (request) =>
      createRelationship(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, api.updateRelationship, (request) =>
      updateRelationship(
        customerContext(deps, request),
        request.params.id,
        request.params.relationshipId,
        request.body,
      ),
    );
    route(app, api.breakGlass, (request) =>
      breakGlass(customerContext(deps, request), request.params.id, request.body.reason),
    );
    routeExtras(app, api.summary, { produces: ['application/pdf'] });
    route(app, api.summary, async (request, reply) =>
      sendAttachment(
        reply,
        await clientSummaryPdf(customerContext(deps, request), request.params.id, request.query),
      ),
    );

    for (const kind of SOCIAL_RECORD_KINDS) {
      const records: RecordEndpoints = socialRecordsApi[kind];
      route(app, records.list, (request) =>
        listClientRecords(
          customerContext(deps, request),
          request.params.id,
          kind,
          request.query.purpose,
        ),
      );
      route(app, records.create, (request) =>
        createClientRecord(customerContext(deps, request), request.params.id, kind, request.body),
      );
      route(app, records.correct, (request) =>
        updateClientRecord(
          customerContext(deps, request),
          request.params.id,
          kind,
          request.params.recordId,
          request.body,
        ),
      );
    }

    route(app, api.family, (request) =>
      listFamily(customerContext(deps, request), request.params.id, request.query.purpose),
    );
    route(app, api.addFamilyRelation, (request) =>
      createFamilyRelation(customerContext(deps, request), request.params.id, request.body),
    );
    route(app, api.correctFamilyRelation, (request) =>
      updateFamilyRelation(
        customerContext(deps, request),
        request.params.id,
        request.params.recordId,
        request.body,
      ),
    );
  };
}
