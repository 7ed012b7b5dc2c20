import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import { idParams } from '../customers/customer-data.schemas.ts';
import type { SocialRecordKind } from '../enums.ts';
import {
  bankAccountInput,
  bankAccountView,
  breakGlassInput,
  breakGlassReviewInput,
  breakGlassReviewItem,
  breakGlassReviewQuery,
  breakGlassView,
  clientOverview,
  familyRelationInput,
  familyRelationPatch,
  familyRelationView,
  healthInput,
  healthView,
  incomeInput,
  incomeView,
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
  serviceNeedInput,
  serviceNeedView,
  settingsView,
  summaryQuery,
  unitInput,
  unitPatch,
  unitView,
  workerOptionsView,
} from './social-services.schemas.ts';

const tags = ['social services'];
const client = { permission: 'socialServices.clientData' } as const;
const manage = { permission: 'socialServices.manageUnits' } as const;
const review = { permission: 'socialServices.reviewBreakGlass' } as const;
const created = z.object({ id: z.uuid() });

/**
 * Reading a client's data names a purpose, and is refused alike (403 `no_client_relationship`)
 * for clients of other units and for non-clients; `personKey.destroyed` (409) once the person's
 * data key has been destroyed.
 */
const clientRead = ['not_found', 'conflict'] as const;

/** The administrator's lists: the units with their social workers, and the service needs. */
export const socialServicesSettingsApi = {
  settings: endpoint({
    method: 'GET',
    path: '/api/social-services/settings',
    access: manage,
    tags,
    summary: 'The social-services units with their workers, and the list of service needs',
    status: 200,
    response: settingsView,
    errors: [],
  }),
  createUnit: endpoint({
    method: 'POST',
    path: '/api/social-services/units',
    access: manage,
    tags,
    summary: 'Add a unit, with its social workers',
    body: unitInput,
    status: 201,
    response: unitView,
    errors: ['conflict'],
  }),
  updateUnit: endpoint({
    method: 'PATCH',
    path: '/api/social-services/units/:id',
    access: manage,
    tags,
    summary: "Change a unit's names, its workers, or close it",
    params: idParams,
    body: unitPatch,
    status: 200,
    response: unitView,
    errors: ['not_found'],
  }),
  createNeedType: endpoint({
    method: 'POST',
    path: '/api/social-services/need-types',
    access: manage,
    tags,
    summary: 'Add a service need to the list',
    body: needTypeInput,
    status: 201,
    response: needTypeView,
    errors: ['conflict'],
  }),
  updateNeedType: endpoint({
    method: 'PATCH',
    path: '/api/social-services/need-types/:code',
    access: manage,
    tags,
    summary: 'Rename a service need, or take it off the list (active: false)',
    params: needTypeParams,
    body: needTypePatch,
    status: 200,
    response: needTypeView,
    errors: ['not_found'],
  }),
};

/** A social worker's clients, and the register officer's review of break-the-glass access. */
export const socialServicesApi = {
  options: endpoint({
    method: 'GET',
    path: '/api/social-services/options',
    access: client,
    tags,
    summary: "A social worker's own units with their colleagues, and the service needs",
    status: 200,
    response: workerOptionsView,
    errors: [],
  }),
  breakGlassReview: endpoint({
    method: 'GET',
    path: '/api/social-services/break-glass',
    access: review,
    tags,
    summary: "Break-the-glass access for the register officer's review, oldest open first",
    query: breakGlassReviewQuery,
    status: 200,
    response: z.object({ items: z.array(breakGlassReviewItem) }),
    errors: [],
  }),
  markReviewed: endpoint({
    method: 'POST',
    path: '/api/social-services/break-glass/:id/review',
    access: review,
    tags,
    summary: 'Mark a break-the-glass access reviewed, with a note',
    description: '409 `already_reviewed` when someone reviewed it first.',
    params: idParams,
    body: breakGlassReviewInput,
    status: 200,
    response: z.object({ id: z.uuid(), reviewedAt: z.string() }),
    errors: ['not_found', 'conflict'],
  }),
  overview: endpoint({
    method: 'GET',
    path: '/api/persons/:id/social-services',
    access: client,
    tags,
    summary: "The client's relationships with the worker's units (every read names a purpose)",
    description:
      'The social-services section of the person page, read on demand: one access-log entry ' +
      '(`socialClient`, with the purpose). 403 `no_client_relationship` alike for clients of ' +
      'other units and for non-clients.',
    params: idParams,
    query: purposeQuery,
    status: 200,
    response: clientOverview,
    errors: ['not_found'],
  }),
  addRelationship: endpoint({
    method: 'POST',
    path: '/api/persons/:id/social-services/relationships',
    access: client,
    tags,
    summary: 'Make the person a client of one of your units',
    params: idParams,
    body: relationshipInput,
    status: 201,
    response: relationshipView,
    errors: ['not_found', 'conflict'],
  }),
  updateRelationship: endpoint({
    method: 'PATCH',
    path: '/api/persons/:id/social-services/relationships/:relationshipId',
    access: client,
    tags,
    summary: 'End a client relationship, or change its responsible workers',
    params: relationshipParams,
    body: relationshipPatch,
    status: 200,
    response: relationshipView,
    errors: ['not_found', 'conflict'],
  }),
  breakGlass: endpoint({
    method: 'POST',
    path: '/api/persons/:id/social-services/break-glass',
    access: client,
    tags,
    summary:
      'Open for reading the data of a person who is not a client of your units, stating why (flagged for review)',
    params: idParams,
    body: breakGlassInput,
    status: 201,
    response: breakGlassView,
    errors: ['not_found'],
  }),
  summary: endpoint({
    method: 'GET',
    path: '/api/persons/:id/social-services/summary',
    access: client,
    tags,
    summary: "The client summary as a PDF in the client's language, marked confidential",
    params: idParams,
    query: summaryQuery,
    status: 200,
    response: z.string().meta({ format: 'binary', description: 'The PDF document' }),
    file: true,
    errors: clientRead,
  }),
  family: endpoint({
    method: 'GET',
    path: '/api/persons/:id/social-services/family-relations',
    access: client,
    tags,
    summary: "The client's family relations, from both sides (every read names a purpose)",
    params: idParams,
    query: purposeQuery,
    status: 200,
    response: z.object({ items: z.array(familyRelationView) }),
    errors: clientRead,
  }),
  addFamilyRelation: endpoint({
    method: 'POST',
    path: '/api/persons/:id/social-services/family-relations',
    access: client,
    tags,
    summary: 'Link the client to a relative in the register',
    params: idParams,
    body: familyRelationInput,
    status: 201,
    response: created,
    errors: clientRead,
  }),
  correctFamilyRelation: endpoint({
    method: 'PATCH',
    path: '/api/persons/:id/social-services/family-relations/:recordId',
    access: client,
    tags,
    summary: 'Change or end a family relation recorded on the client',
    params: recordParams,
    body: familyRelationPatch,
    status: 200,
    response: created,
    errors: clientRead,
  }),
};

/**
 * The three endpoints of one kind of special-category record kept under
 * /api/persons/{id}/social-services/{path}: the list, a new record, and a correction (the input
 * with every field optional).
 */
function recordEndpoints<const P extends string, I extends z.ZodObject, V extends z.ZodObject>(
  path: P,
  summary: string,
  input: I,
  view: V,
) {
  return {
    list: endpoint({
      method: 'GET',
      path: `/api/persons/:id/social-services/${path}`,
      access: client,
      tags,
      summary: `The client's ${summary}, newest first (every read names a purpose)`,
      params: idParams,
      query: purposeQuery,
      status: 200,
      response: z.object({ items: z.array(view) }),
      errors: clientRead,
    }),
    create: endpoint({
      method: 'POST',
      path: `/api/persons/:id/social-services/${path}`,
      access: client,
      tags,
      summary: `Add to the client's ${summary}`,
      params: idParams,
      body: input,
      status: 201,
      response: view,
      errors: clientRead,
    }),
    correct: endpoint({
      method: 'PATCH',
      path: `/api/persons/:id/social-services/${path}/:recordId`,
      access: client,
      tags,
      summary: `Correct one of the client's ${summary} (only the fields given)`,
      params: recordParams,
      body: input.partial().strict(),
      status: 200,
      response: view,
      errors: clientRead,
    }),
  };
}

/** The endpoints of any one kind of record, as the server registers them in a loop over the kinds. */
export type RecordEndpoints = ReturnType<typeof recordEndpoints<string, z.ZodObject, z.ZodObject>>;

export const healthRecordsApi = recordEndpoints(
  'health',
  'health entries',
  healthInput,
  healthView,
);
export const serviceNeedRecordsApi = recordEndpoints(
  'service-needs',
  'service needs',
  serviceNeedInput,
  serviceNeedView,
);
export const incomeRecordsApi = recordEndpoints(
  'income',
  'income and assets',
  incomeInput,
  incomeView,
);
export const bankAccountRecordsApi = recordEndpoints(
  'bank-accounts',
  'bank accounts',
  bankAccountInput,
  bankAccountView,
);

/** The four kinds of record kept as encrypted JSON, by the name the database gives the kind. */
export const socialRecordsApi = {
  health: healthRecordsApi,
  serviceNeed: serviceNeedRecordsApi,
  income: incomeRecordsApi,
  bankAccount: bankAccountRecordsApi,
} satisfies Record<SocialRecordKind, unknown>;
