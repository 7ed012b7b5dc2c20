import type { z } from 'zod';
import { query, request, requestFile } from '../../api.ts';
import type {
  bankAccountInput,
  bankAccountView,
  breakGlassReviewItem,
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
  needTypePatch,
  needTypeView,
  relationshipInput,
  relationshipPatch,
  relationshipView,
  serviceNeedInput,
  serviceNeedView,
  settingsView,
  unitInput,
  unitPatch,
  unitView,
  workerOptionsView,
} from '../../../contract/social-services/social-services.schemas.ts';

export type SocialSettings = z.infer<typeof settingsView>;
export type WorkerOptions = z.infer<typeof workerOptionsView>;
export type UnitView = z.infer<typeof unitView>;
export type UnitMember = UnitView['members'][number];
export type UnitInput = z.input<typeof unitInput>;
export type UnitPatch = z.input<typeof unitPatch>;
export type NeedType = z.infer<typeof needTypeView>;
export type NeedTypeInput = z.input<typeof needTypeInput>;
export type NeedTypePatch = z.input<typeof needTypePatch>;

export type ClientOverview = z.infer<typeof clientOverview>;
export type Relationship = z.infer<typeof relationshipView>;
export type RelationshipInput = z.input<typeof relationshipInput>;
export type RelationshipPatch = z.input<typeof relationshipPatch>;

export type HealthEntry = z.infer<typeof healthView>;
export type HealthInput = z.input<typeof healthInput>;
export type ServiceNeed = z.infer<typeof serviceNeedView>;
export type ServiceNeedInput = z.input<typeof serviceNeedInput>;
export type ServiceNeedStatus = ServiceNeed['status'];
export type IncomeEntry = z.infer<typeof incomeView>;
export type IncomeInput = z.input<typeof incomeInput>;
export type BankAccount = z.infer<typeof bankAccountView>;
export type BankAccountInput = z.input<typeof bankAccountInput>;
export type FamilyRelation = z.infer<typeof familyRelationView>;
export type FamilyRelationInput = z.input<typeof familyRelationInput>;
export type FamilyRelationPatch = z.input<typeof familyRelationPatch>;
/** The types a worker records; a relation recorded on the relative reads as its inverse. */
export type RecordedRelationType = FamilyRelationInput['type'];
export type RelationType = FamilyRelation['type'];

export type BreakGlassGrant = z.infer<typeof breakGlassView>;
export type BreakGlassReviewItem = z.infer<typeof breakGlassReviewItem>;
export type ReviewStatus = 'open' | 'reviewed';

/** The four kinds of record kept under one path each; family relations have their own calls. */
export type RecordTypes = {
  health: { view: HealthEntry; input: HealthInput };
  'service-needs': { view: ServiceNeed; input: ServiceNeedInput };
  income: { view: IncomeEntry; input: IncomeInput };
  'bank-accounts': { view: BankAccount; input: BankAccountInput };
};
export type RecordPath = keyof RecordTypes;

const id = (value: string) => encodeURIComponent(value);
const client = (personId: string) => `/api/persons/${id(personId)}/social-services`;
const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});

/** The social-services API: units (administrators), clients (social workers), review (officer). */
export const socialApi = {
  settings: (signal?: AbortSignal) =>
    request<SocialSettings>('GET', '/api/social-services/settings', undefined, signalOf(signal)),
  createUnit: (input: UnitInput) => request<UnitView>('POST', '/api/social-services/units', input),
  updateUnit: (unitId: string, patch: UnitPatch) =>
    request<UnitView>('PATCH', `/api/social-services/units/${id(unitId)}`, patch),
  createNeedType: (input: NeedTypeInput) =>
    request<NeedType>('POST', '/api/social-services/need-types', input),
  updateNeedType: (code: string, patch: NeedTypePatch) =>
    request<NeedType>('PATCH', `/api/social-services/need-types/${id(code)}`, patch),

  options: (signal?: AbortSignal) =>
    request<WorkerOptions>('GET', '/api/social-services/options', undefined, signalOf(signal)),

  /** Every read of a client's data names why it is read. */
  overview: (personId: string, purpose: string, signal?: AbortSignal) =>
    request<ClientOverview>(
      'GET',
      `${client(personId)}${query({ purpose })}`,
      undefined,
      signalOf(signal),
    ),
  addRelationship: (personId: string, input: RelationshipInput) =>
    request<Relationship>('POST', `${client(personId)}/relationships`, input),
  updateRelationship: (personId: string, relationshipId: string, patch: RelationshipPatch) =>
    request<Relationship>(
      'PATCH',
      `${client(personId)}/relationships/${id(relationshipId)}`,
      patch,
    ),

  records: <P extends RecordPath>(
    personId: string,
    path: P,
    purpose: string,
    signal?: AbortSignal,
  ) =>
    request<{ items: RecordTypes[P]['view'][] }>(
      'GET',
      `${client(personId)}/${path}${query({ purpose })}`,
      undefined,
      signalOf(signal),
    ),
  addRecord: <P extends RecordPath>(personId: string, path: P, input: RecordTypes[P]['input']) =>
    request<RecordTypes[P]['view']>('POST', `${client(personId)}/${path}`, input),
  correctRecord: <P extends RecordPath>(
    personId: string,
    path: P,
    recordId: string,
    patch: Partial<RecordTypes[P]['input']>,
  ) =>
    request<RecordTypes[P]['view']>('PATCH', `${client(personId)}/${path}/${id(recordId)}`, patch),

  family: (personId: string, purpose: string, signal?: AbortSignal) =>
    request<{ items: FamilyRelation[] }>(
      'GET',
      `${client(personId)}/family-relations${query({ purpose })}`,
      undefined,
      signalOf(signal),
    ),
  addFamilyRelation: (personId: string, input: FamilyRelationInput) =>
    request<{ id: string }>('POST', `${client(personId)}/family-relations`, input),
  correctFamilyRelation: (personId: string, relationId: string, patch: FamilyRelationPatch) =>
    request<{ id: string }>(
      'PATCH',
      `${client(personId)}/family-relations/${id(relationId)}`,
      patch,
    ),

  breakGlass: (personId: string, reason: string) =>
    request<BreakGlassGrant>('POST', `${client(personId)}/break-glass`, { reason }),
  /** The client summary PDF, in the client's own language. */
  summaryFile: (personId: string, purpose: string) =>
    requestFile(`${client(personId)}/summary${query({ purpose })}`),

  breakGlassReview: (status: ReviewStatus, signal?: AbortSignal) =>
    request<{ items: BreakGlassReviewItem[] }>(
      'GET',
      `/api/social-services/break-glass${query({ status })}`,
      undefined,
      signalOf(signal),
    ),
  markReviewed: (grantId: string, note: string) =>
    request<{ id: string; reviewedAt: string }>(
      'POST',
      `/api/social-services/break-glass/${id(grantId)}/review`,
      { note },
    ),
};
