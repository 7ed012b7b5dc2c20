import { z } from 'zod';
import { date, text, zId } from '../text.ts';
import { zIban } from '../../finnish/index.ts';

/** A day of the client's life and circumstances: from 1900 (decision 0020). */
const isoDate = date('life');
/** Where the datum came from: the client, a decision, another authority … */
const source = text({ max: 200 });
const name = text({ max: 200, kind: 'name' });
const CODE = /^[a-z0-9][a-z0-9_-]*$/;
/** A refinement, not `.regex`: the field error carries the register's own code for the web. */
const code = text({ max: 40 }).refine((value) => CODE.test(value), {
  message: 'Use lower-case letters, digits, - and _',
  params: { code: 'socialServices.codeFormat' },
});
/**
 * Euros with at most two decimals, as a JSON number: at most a billion, so that cents (× 100) stay
 * an exact integer and any sum of a client's figures stays within Number.MAX_SAFE_INTEGER.
 */
const euros = z
  .number()
  .min(0)
  .max(1_000_000_000)
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: 'Give euros with at most two decimals',
    params: { code: 'amount.format' },
  });

export const purposeQuery = z.strictObject({
  /** Why the data is read (every read of special-category data names one). */
  purpose: text({ max: 500 }),
});

export const LANGUAGES = ['fi', 'sv', 'en'] as const;

export const unitInput = z.strictObject({
  code,
  nameFi: name,
  nameSv: name,
  nameEn: name,
  active: z.boolean().default(true),
  /** The social workers of the unit. */
  memberIds: z.array(zId).max(500).default([]),
});
/** Only the fields given change (no defaults here: a patch never resets what it leaves out). */
export const unitPatch = z.strictObject({
  nameFi: name.optional(),
  nameSv: name.optional(),
  nameEn: name.optional(),
  active: z.boolean().optional(),
  memberIds: z.array(zId).max(500).optional(),
});
export type UnitInput = z.output<typeof unitInput>;
export type UnitPatch = z.output<typeof unitPatch>;

const member = z.object({ id: zId, username: z.string(), fullName: z.string().nullable() });

export const unitView = z.object({
  id: zId,
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  members: z.array(member),
});
export type UnitView = z.infer<typeof unitView>;

export const needTypeInput = z.strictObject({
  code,
  nameFi: name,
  nameSv: name,
  nameEn: name,
  active: z.boolean().default(true),
});
export const needTypePatch = z.strictObject({
  nameFi: name.optional(),
  nameSv: name.optional(),
  nameEn: name.optional(),
  active: z.boolean().optional(),
});
export const needTypeParams = z.strictObject({ code: text({ max: 40 }) });
export const needTypeView = z.object({
  code: z.string(),
  nameFi: z.string(),
  nameSv: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type NeedTypeInput = z.output<typeof needTypeInput>;
export type NeedTypePatch = z.output<typeof needTypePatch>;
export type NeedTypeView = z.infer<typeof needTypeView>;

export const settingsView = z.object({
  units: z.array(unitView),
  needTypes: z.array(needTypeView),
  /** Social workers who can be put in units. */
  socialWorkers: z.array(member),
});

/** What a social worker needs for the forms: their units and the active need types. */
export const workerOptionsView = z.object({
  units: z.array(unitView.omit({ members: true }).extend({ members: z.array(member) })),
  needTypes: z.array(needTypeView),
});

// — client relationships —

export const relationshipInput = z.strictObject({
  unitId: zId,
  startsOn: isoDate,
  endsOn: isoDate.nullable().default(null),
  /** Workers of the unit who serve the client. */
  responsibleWorkerIds: z.array(zId).max(20).default([]),
});
export const relationshipPatch = z.strictObject({
  endsOn: isoDate.nullable().optional(),
  responsibleWorkerIds: z.array(zId).max(20).optional(),
});
export type RelationshipInput = z.output<typeof relationshipInput>;
export type RelationshipPatch = z.output<typeof relationshipPatch>;

export const relationshipView = z.object({
  id: zId,
  unit: z.object({
    id: zId,
    code: z.string(),
    nameFi: z.string(),
    nameSv: z.string(),
    nameEn: z.string(),
  }),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  active: z.boolean(),
  responsibleWorkers: z.array(member),
});
export type RelationshipView = z.infer<typeof relationshipView>;

export const ACCESS_VIA = ['relationship', 'breakGlass'] as const;

export const clientOverview = z.object({
  personId: zId,
  /** How the reader may open the data: through a client relationship, or a break-glass grant. */
  access: z.enum(ACCESS_VIA),
  /** Until when a break-glass grant holds. */
  breakGlassExpiresAt: z.string().nullable(),
  relationships: z.array(relationshipView),
});

// — the special-category data —

const authored = {
  id: zId,
  /** The author's username, and their full name where the account has one. */
  author: z.string(),
  authorFullName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const HEALTH_FIELDS = ['date', 'category', 'text', 'source'] as const;
export const healthInput = z.strictObject({
  date: isoDate,
  category: text({ max: 100 }),
  text: text({ max: 10_000, multiline: true }),
  source,
});

export const SERVICE_NEED_STATUSES = [
  'identified',
  'assessment',
  'granted',
  'refused',
  'ended',
] as const;
export const serviceNeedInput = z.strictObject({
  needType: text({ max: 40 }),
  assessedOn: isoDate,
  status: z.enum(SERVICE_NEED_STATUSES),
  decisionReference: text({ max: 100, min: 0 }).nullable().optional(),
  source,
});

export const incomeInput = z.strictObject({
  year: z.number().int().min(1900).max(2100),
  annualIncome: euros,
  totalAssets: euros,
  source,
  recordedOn: isoDate,
});

export const bankAccountInput = z.strictObject({
  iban: zIban,
  purpose: text({ max: 200 }),
  source,
});

export const FAMILY_RELATION_TYPES = ['spouse', 'child', 'guardian', 'other'] as const;
/** How a relation reads from the other person's side. */
export const INVERSE_RELATION_TYPES = ['spouse', 'parent', 'ward', 'other'] as const;
export const familyRelationInput = z.strictObject({
  relatedPersonId: zId,
  type: z.enum(FAMILY_RELATION_TYPES),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  source,
});
export const familyRelationPatch = familyRelationInput
  .omit({ relatedPersonId: true })
  .partial()
  .strict();

export type HealthInput = z.output<typeof healthInput>;
export type ServiceNeedInput = z.output<typeof serviceNeedInput>;
export type IncomeInput = z.output<typeof incomeInput>;
export type BankAccountInput = z.output<typeof bankAccountInput>;
export type FamilyRelationInput = z.output<typeof familyRelationInput>;
export type FamilyRelationPatch = z.output<typeof familyRelationPatch>;

/*
 * The views restate the input's fields as plain strings: a record stored under older rules must
 * still be shown, and a response that fails its schema would be a 500.
 */
export const healthView = z.object({
  ...authored,
  date: z.string(),
  category: z.string(),
  text: z.string(),
  source: z.string(),
});
export const serviceNeedView = z.object({
  ...authored,
  needType: z.string(),
  assessedOn: z.string(),
  status: z.enum(SERVICE_NEED_STATUSES),
  source: z.string(),
  decisionReference: z.string().nullable(),
  needTypeName: z.object({ fi: z.string(), sv: z.string(), en: z.string() }).nullable(),
});
export const incomeView = z.object({
  ...authored,
  year: z.number().int(),
  annualIncome: z.number(),
  totalAssets: z.number(),
  source: z.string(),
  recordedOn: z.string(),
});
export const bankAccountView = z.object({
  ...authored,
  iban: z.string(),
  /** In groups of four: FI21 1234 5600 0007 85. */
  ibanDisplay: z.string(),
  purpose: z.string(),
  source: z.string(),
});
export const familyRelationView = z.object({
  ...authored,
  /** The relation as seen from the person asked about. */
  type: z.enum([...FAMILY_RELATION_TYPES, 'parent', 'ward'] as const),
  /** Recorded on this person's record (own) or on the relative's (theirs). */
  recordedOn: z.enum(['own', 'relative']),
  relative: z.object({ id: zId, firstName: z.string(), lastName: z.string() }),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  source: z.string(),
});

export const recordParams = z.strictObject({ id: zId, recordId: zId });
export const relationshipParams = z.strictObject({ id: zId, relationshipId: zId });

export const breakGlassInput = z.strictObject({
  /** Why the worker must open data of a person who is not a client of their units. */
  reason: text({ max: 1000, min: 10, multiline: true }),
});
export const breakGlassView = z.object({
  id: zId,
  personId: zId,
  expiresAt: z.string(),
});

export const breakGlassReviewQuery = z.strictObject({
  status: z.enum(['open', 'reviewed']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const breakGlassReviewInput = z.strictObject({
  note: text({ max: 2000, min: 0, multiline: true }).default(''),
});
export const breakGlassReviewItem = z.object({
  id: zId,
  /** A break-the-glass grant, or a relationship with another unit's client or backdated. */
  kind: z.enum(['breakGlass', 'clientOfAnotherUnit', 'backdatedRelationship']),
  person: z.object({ id: zId, firstName: z.string(), lastName: z.string() }),
  user: z.object({ id: zId, username: z.string(), fullName: z.string().nullable() }),
  /** The worker's reason for breaking the glass. */
  reason: z.string().nullable(),
  /** The relationship a relationship entry is about. */
  relationship: z.object({ unit: relationshipView.shape.unit, startsOn: z.string() }).nullable(),
  openedAt: z.string(),
  expiresAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The reviewer's username, and their full name where the account has one. */
  reviewedBy: z.string().nullable(),
  reviewedByFullName: z.string().nullable(),
  reviewNote: z.string().nullable(),
});

export const summaryQuery = purposeQuery.extend({
  /** By default the client's own language. */
  lang: z.enum(LANGUAGES).optional(),
});

export type SettingsView = z.infer<typeof settingsView>;
export type WorkerOptionsView = z.infer<typeof workerOptionsView>;
export type ClientOverviewView = z.infer<typeof clientOverview>;
export type HealthView = z.infer<typeof healthView>;
export type ServiceNeedView = z.infer<typeof serviceNeedView>;
export type IncomeView = z.infer<typeof incomeView>;
export type BankAccountView = z.infer<typeof bankAccountView>;
export type FamilyRelationView = z.infer<typeof familyRelationView>;
export type BreakGlassReviewItem = z.infer<typeof breakGlassReviewItem>;
