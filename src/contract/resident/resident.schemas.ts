import { z } from 'zod';
import { zEmail, zPhone } from '../../finnish/index.ts';
import { addressInput, addressView } from '../customers/customer-data.schemas.ts';
import { subjectReportView } from '../access-log/access-log.schemas.ts';
import { accessPackageView } from '../access-package/access-package.schemas.ts';
import {
  OBJECTION_SOURCES,
  OBJECTION_TYPES,
  REQUEST_CHANNELS,
  REQUEST_LANGUAGES,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from '../enums.ts';
import { LANGUAGES } from '../persons/persons.constants.ts';
import { zId } from '../text.ts';
import { RESIDENT_REFUSALS } from './resident.constants.ts';

export const residentConfigView = z.object({
  /** The e-service is on (an identity provider is configured). */
  enabled: z.boolean(),
  /** The stand-in identity provider: every resident page shows a banner. */
  testIdentification: z.boolean(),
  idleMinutes: z.number().int(),
});

export const signInBody = z.strictObject({
  /** The language the pages go on in after the identification. */
  language: z.enum(LANGUAGES).optional(),
});

export const signInView = z.object({
  /** Where the browser goes to identify: the identity provider's authorisation address. */
  redirectTo: z.string(),
});

export const callbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});

/** The resident's own data as the "my data" page shows it. */
export const residentPersonView = z.object({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  phoneDisplay: z.string().nullable(),
  contactAddress: addressView.nullable(),
  permanentAddress: addressView.nullable(),
  language: z.enum(LANGUAGES),
});

export const residentMeView = z.object({
  /** The name the identification gave: the pages greet with it before registration too. */
  identified: z.object({ firstName: z.string(), lastName: z.string() }),
  /** Null until the resident registers. */
  person: residentPersonView.nullable(),
  /** When the session ends unless used (ISO time), and at the latest. */
  expiresAt: z.string(),
  absoluteExpiresAt: z.string(),
});

export const registrationBody = z.strictObject({
  email: zEmail.nullable().optional(),
  phone: zPhone.nullable().optional(),
  contactAddress: addressInput.nullable().optional(),
  language: z.enum(LANGUAGES),
});

export const signOutView = z.object({
  /** The identity provider's sign-out, which returns to the resident's start page. */
  redirectTo: z.string(),
});

export const refusalReason = z.enum(RESIDENT_REFUSALS);

/** The language of the pages: the explanations come in it (the person's own by default). */
export const residentLanguageQuery = z.strictObject({
  lang: z.enum(LANGUAGES).optional(),
});

/**
 * The resident's own data as the access package holds it (decision 0016), the sections a
 * resident sees on their pages: the social-services sections and the processing report come
 * with an access request's package and the "who has processed my data" page.
 */
export const residentDataView = accessPackageView.pick({
  documentLanguage: true,
  generatedAt: true,
  controller: true,
  identity: true,
  contact: true,
  language: true,
  billing: true,
  organizations: true,
  valueSources: true,
  orders: true,
  invoices: true,
  disclosures: true,
  requests: true,
  objections: true,
  categories: true,
  rights: true,
});

/** "Who has processed my data": the access log about the person, as the processing report. */
export const residentProcessingView = subjectReportView.pick({
  from: true,
  to: true,
  entries: true,
});

/**
 * Contact details the resident corrects themself, as the source (decision 0032): names, the
 * identity code and the population register's address only by a rectification request.
 */
export const residentContactPatch = z
  .strictObject({
    email: zEmail.nullable().optional(),
    phone: zPhone.nullable().optional(),
    contactAddress: addressInput.nullable().optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Give at least one of email, phone, contactAddress, language',
    path: ['email'],
  });

/** A request the resident files: channel e-service, identity verified by the identification. */
export const residentRequestCreate = z.strictObject({
  type: z.enum(REQUEST_TYPES),
  /** The answer's language; the person's own by default. */
  language: z.enum(REQUEST_LANGUAGES).optional(),
});

export const residentRequestView = z.object({
  id: zId,
  number: z.number().int(),
  type: z.enum(REQUEST_TYPES),
  receivedOn: z.string(),
  channel: z.enum(REQUEST_CHANNELS),
  status: z.enum(REQUEST_STATUSES),
  dueOn: z.string(),
  decision: z.object({ outcome: z.enum(REQUEST_OUTCOMES), decidedOn: z.string() }).nullable(),
  answeredOn: z.string().nullable(),
});
export const residentRequestList = z.object({ items: z.array(residentRequestView) });

export const residentObjectionView = z.object({
  id: zId,
  type: z.enum(OBJECTION_TYPES),
  objectedOn: z.string(),
  source: z.enum(OBJECTION_SOURCES),
  active: z.boolean(),
  withdrawnOn: z.string().nullable(),
});
export const residentObjectionList = z.object({ items: z.array(residentObjectionView) });

export const residentObjectionCreate = z.strictObject({ type: z.enum(OBJECTION_TYPES) });

export const residentObjectionParams = z.strictObject({ objectionId: zId });

/** A withdrawal takes effect today and carries nothing else: the session names who withdraws. */
export const residentObjectionWithdrawal = z.strictObject({});
