import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerContext, type RouteDeps } from '../../deps.ts';
import { idParams, standardErrors } from '../../../contract/customers/customer-data.schemas.ts';
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
import { RECORD_KINDS } from './record-kinds.ts';
import {
  breakGlassInput,
  breakGlassReviewInput,
  breakGlassReviewItem,
  breakGlassReviewQuery,
  breakGlassView,
  clientOverview as clientOverviewView,
  familyRelationInput,
  familyRelationPatch,
  familyRelationView,
  needTypeInput,
  needTypeParams,
  needTypePatch,
  needTypeView,
  purposeQuery,
  recordParams,
  relationshipInput,
  relationshipParams,
  relationshipPatch,
  relationshipView,
  settingsView,
  summaryQuery,
  unitInput,
  unitPatch,
  unitView,
  workerOptionsView,
} from '../../../contract/social-services/social-services.schemas.ts';
import {
  createNeedType,
  createUnit,
  socialServicesSettings,
  updateNeedType,
  updateUnit,
  workerOptions,
} from './units.service.ts';
import { sendAttachment } from '../../plugins/send-attachment.ts';

const created = z.object({ id: z.uuid() });

export function socialServicesRoutes(deps: RouteDeps) {
  return async (instance: FastifyInstance) => {
    const app = instance.withTypeProvider<ZodTypeProvider>();
    const tags = ['social services'];
    const client = { permission: 'socialServices.clientData' as const };
    const manage = { permission: 'socialServices.manageUnits' as const };
    const review = { permission: 'socialServices.reviewBreakGlass' as const };
    const base = '/api/persons/:id/social-services';

    // — settings: units and need types —

    app.get('/api/social-services/settings', {
      config: manage,
      schema: {
        tags,
        summary: 'The social-services units with their workers, and the list of service needs',
        response: { 200: settingsView, ...standardErrors },
      },
      handler: (request) => socialServicesSettings(customerContext(deps, request)),
    });

    app.post('/api/social-services/units', {
      config: manage,
      schema: {
        tags,
        summary: 'Add a unit, with its social workers',
        body: unitInput,
        response: { 201: unitView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createUnit(customerContext(deps, request), request.body)),
    });

    app.patch('/api/social-services/units/:id', {
      config: manage,
      schema: {
        tags,
        summary: "Change a unit's names, its workers, or close it",
        params: idParams,
        body: unitPatch,
        response: { 200: unitView, ...standardErrors },
      },
      handler: (request) =>
        updateUnit(customerContext(deps, request), request.params.id, request.body),
    });

    app.post('/api/social-services/need-types', {
      config: manage,
      schema: {
        tags,
        summary: 'Add a service need to the list',
        body: needTypeInput,
        response: { 201: needTypeView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply.status(201).send(await createNeedType(customerContext(deps, request), request.body)),
    });

    app.patch('/api/social-services/need-types/:code', {
      config: manage,
      schema: {
        tags,
        summary: 'Rename a service need, or take it off the list (active: false)',
        params: needTypeParams,
        body: needTypePatch,
        response: { 200: needTypeView, ...standardErrors },
      },
      handler: (request) =>
        updateNeedType(customerContext(deps, request), request.params.code, request.body),
    });

    app.get('/api/social-services/options', {
      config: client,
      schema: {
        tags,
        summary: "A social worker's own units with their colleagues, and the service needs",
        response: { 200: workerOptionsView, ...standardErrors },
      },
      handler: (request) => workerOptions(customerContext(deps, request)),
    });

    // — break-the-glass review —

    app.get('/api/social-services/break-glass', {
      config: review,
      schema: {
        tags,
        summary: "Break-the-glass access for the register officer's review, oldest open first",
        querystring: breakGlassReviewQuery,
        response: { 200: z.object({ items: z.array(breakGlassReviewItem) }), ...standardErrors },
      },
      handler: (request) => breakGlassReviewList(customerContext(deps, request), request.query),
    });

    app.post('/api/social-services/break-glass/:id/review', {
      config: review,
      schema: {
        tags,
        summary: 'Mark a break-the-glass access reviewed, with a note',
        params: idParams,
        body: breakGlassReviewInput,
        response: {
          200: z.object({ id: z.uuid(), reviewedAt: z.string() }),
          ...standardErrors,
        },
      },
      handler: (request) =>
        reviewBreakGlass(customerContext(deps, request), request.params.id, request.body.note),
    });

    // — one client —

    app.get(base, {
      config: client,
      schema: {
        tags,
        summary: "The client's relationships with the worker's units (every read names a purpose)",
        params: idParams,
        querystring: purposeQuery,
        response: { 200: clientOverviewView, ...standardErrors },
      },
      handler: (request) =>
        clientOverview(customerContext(deps, request), request.params.id, request.query.purpose),
    });

    app.post(`${base}/relationships`, {
      config: client,
      schema: {
        tags,
        summary: 'Make the person a client of one of your units',
        params: idParams,
        body: relationshipInput,
        response: { 201: relationshipView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await createRelationship(
              customerContext(deps, request),
              request.params.id,
              request.body,
            ),
          ),
    });

    app.patch(`${base}/relationships/:relationshipId`, {
      config: client,
      schema: {
        tags,
        summary: 'End a client relationship, or change its responsible workers',
        params: relationshipParams,
        body: relationshipPatch,
        response: { 200: relationshipView, ...standardErrors },
      },
      handler: (request) =>
        updateRelationship(
          customerContext(deps, request),
          request.params.id,
          request.params.relationshipId,
          request.body,
        ),
    });

    app.post(`${base}/break-glass`, {
      config: client,
      schema: {
        tags,
        summary:
          'Open for reading the data of a person who is not a client of your units, stating why (flagged for review)',
        params: idParams,
        body: breakGlassInput,
        response: { 201: breakGlassView, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await breakGlass(
              customerContext(deps, request),
              request.params.id,
              request.body.reason,
            ),
          ),
    });

    app.get(`${base}/summary`, {
      config: client,
      schema: {
        tags,
        summary: "The client summary as a PDF in the client's language, marked confidential",
        params: idParams,
        querystring: summaryQuery,
        produces: ['application/pdf'],
        response: {
          200: z.string().meta({ format: 'binary', description: 'The PDF document' }),
          ...standardErrors,
        },
      },
      handler: async (request, reply) => {
        const file = await clientSummaryPdf(
          customerContext(deps, request),
          request.params.id,
          request.query,
        );
        return sendAttachment(reply, file);
      },
    });

    for (const spec of RECORD_KINDS) {
      app.get(`${base}/${spec.path}`, {
        config: client,
        schema: {
          tags,
          summary: `The client's ${spec.summary}, newest first (every read names a purpose)`,
          params: idParams,
          querystring: purposeQuery,
          response: { 200: z.object({ items: z.array(spec.view) }), ...standardErrors },
        },
        handler: (request) =>
          listClientRecords(
            customerContext(deps, request),
            request.params.id,
            spec.kind,
            request.query.purpose,
          ),
      });

      app.post(`${base}/${spec.path}`, {
        config: client,
        schema: {
          tags,
          summary: `Add to the client's ${spec.summary}`,
          params: idParams,
          body: spec.input,
          response: { 201: spec.view, ...standardErrors },
        },
        handler: async (request, reply) =>
          reply
            .status(201)
            .send(
              await createClientRecord(
                customerContext(deps, request),
                request.params.id,
                spec.kind,
                request.body,
              ),
            ),
      });

      app.patch(`${base}/${spec.path}/:recordId`, {
        config: client,
        schema: {
          tags,
          summary: `Correct one of the client's ${spec.summary} (only the fields given)`,
          params: recordParams,
          body: spec.input.partial().strict(),
          response: { 200: spec.view, ...standardErrors },
        },
        handler: (request) =>
          updateClientRecord(
            customerContext(deps, request),
            request.params.id,
            spec.kind,
            request.params.recordId,
            request.body,
          ),
      });
    }

    app.get(`${base}/family-relations`, {
      config: client,
      schema: {
        tags,
        summary: "The client's family relations, from both sides (every read names a purpose)",
        params: idParams,
        querystring: purposeQuery,
        response: { 200: z.object({ items: z.array(familyRelationView) }), ...standardErrors },
      },
      handler: (request) =>
        listFamily(customerContext(deps, request), request.params.id, request.query.purpose),
    });

    app.post(`${base}/family-relations`, {
      config: client,
      schema: {
        tags,
        summary: 'Link the client to a relative in the register',
        params: idParams,
        body: familyRelationInput,
        response: { 201: created, ...standardErrors },
      },
      handler: async (request, reply) =>
        reply
          .status(201)
          .send(
            await createFamilyRelation(
              customerContext(deps, request),
              request.params.id,
              request.body,
            ),
          ),
    });

    app.patch(`${base}/family-relations/:recordId`, {
      config: client,
      schema: {
        tags,
        summary: 'Change or end a family relation recorded on the client',
        params: recordParams,
        body: familyRelationPatch,
        response: { 200: created, ...standardErrors },
      },
      handler: (request) =>
        updateFamilyRelation(
          customerContext(deps, request),
          request.params.id,
          request.params.recordId,
          request.body,
        ),
    });
  };
}
