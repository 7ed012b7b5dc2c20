import { z } from 'zod';
import { date, zId } from '../text.ts';
import {
  DISCLOSURE_RECIPIENTS,
  HANDOVER_CHANNELS,
  IDENTITY_METHODS,
  LEGAL_BASES,
  OBJECTION_SOURCES,
  OBJECTION_TYPES,
  REQUEST_CHANNELS,
  REQUEST_LANGUAGES,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_TYPES,
} from '../enums.ts';
import { VALUE_SOURCE_KINDS } from '../persons/value-sources.constants.ts';
import { CATEGORY_KEYS, PURPOSES, RECIPIENTS, RETENTIONS, RIGHTS, SOURCES } from '../enums.ts';

export const ACCESS_PACKAGE_FORMATS = ['pdf', 'json'] as const;

export const accessPackageQuery = z.strictObject({
  /** `pdf` (in the request's language, with the confidentiality marking) or `json`. */
  format: z.enum(ACCESS_PACKAGE_FORMATS).default('json'),
});

export const handOverInput = z.strictObject({
  /** The day the answer reached the person (or was sent). */
  handedOverOn: date('business'),
  channel: z.enum(HANDOVER_CHANNELS),
  /** The document handed over. */
  format: z.enum(ACCESS_PACKAGE_FORMATS).default('pdf'),
});
export type HandOverInput = z.output<typeof handOverInput>;

export const handOverView = z.object({
  disclosureId: zId,
  handedOverOn: z.string(),
  channel: z.enum(HANDOVER_CHANNELS),
  format: z.enum(ACCESS_PACKAGE_FORMATS),
  fileName: z.string(),
  sha256: z.string(),
  fields: z.array(z.string()),
});

const address = z
  .object({
    street: z.string(),
    postalCode: z.string(),
    postOffice: z.string(),
    country: z.string(),
  })
  .nullable();

const coded = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.object({ code: z.enum(codes), text: z.string() });

/**
 * The answer to an access request, machine-readable: stable English keys, dates ISO 8601, money
 * in whole cents. The same data as the PDF; explanations in the request's language.
 */
export const accessPackageView = z.object({
  format: z.literal('asiakasrekisteri/access-package'),
  version: z.literal(1),
  /** The language of the explanations, and of the PDF: the request's. */
  documentLanguage: z.enum(REQUEST_LANGUAGES),
  generatedAt: z.string(),
  controller: z.object({ name: z.string(), businessId: z.string(), address }),
  request: z.object({
    id: zId,
    number: z.number().int(),
    receivedOn: z.string(),
    channel: z.enum(REQUEST_CHANNELS),
    language: z.enum(REQUEST_LANGUAGES),
  }),
  personId: zId,
  identity: z.object({
    firstName: z.string(),
    lastName: z.string(),
    /** In full: the person is entitled to their own code. */
    personalIdentityCode: z.string().nullable(),
    identityCodeTemporary: z.boolean().nullable(),
    identityCodePurpose: z.string().nullable(),
  }),
  contact: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    permanentAddress: address,
    contactAddress: address,
    addressProtection: z.object({
      active: z.boolean(),
      endsOn: z.string().nullable(),
      source: z.string().nullable(),
    }),
  }),
  language: z.object({ language: z.string() }),
  billing: z
    .object({
      billingAddress: address,
      eInvoiceAddress: z.string().nullable(),
      eInvoiceIntermediator: z.string().nullable(),
      ovt: z.string().nullable(),
    })
    .nullable(),
  organizations: z.array(
    z.object({ name: z.string(), businessId: z.string().nullable(), title: z.string().nullable() }),
  ),
  customerRecord: z.object({
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  }),
  /** Where each value of the person came from; `current` marks the present value's source. */
  valueSources: z.array(
    z.object({
      field: z.string(),
      kind: z.enum(VALUE_SOURCE_KINDS),
      partnerName: z.string().nullable(),
      requestNumber: z.number().int().nullable(),
      reference: z.string().nullable(),
      recordedAt: z.string(),
      current: z.boolean(),
    }),
  ),
  orders: z.array(
    z.object({
      number: z.number().int(),
      status: z.string(),
      createdAt: z.string(),
      deliveredOn: z.string().nullable(),
      notes: z.string().nullable(),
      archivedAt: z.string().nullable(),
      retainUntil: z.string().nullable(),
      lines: z.array(
        z.object({
          position: z.number().int(),
          description: z.string(),
          quantity: z.string(),
          unit: z.string(),
          unitPriceCents: z.number().int(),
          vatRateBasisPoints: z.number().int(),
        }),
      ),
    }),
  ),
  invoices: z.array(
    z.object({
      number: z.number().int(),
      kind: z.enum(['invoice', 'credit_note']),
      invoiceDate: z.string(),
      dueDate: z.string(),
      status: z.string(),
      reference: z.string(),
      netCents: z.number().int(),
      vatCents: z.number().int(),
      totalCents: z.number().int(),
      delivery: z.string(),
      /** The recipient as the invoice was sent (an accounting record keeps it). */
      recipient: z.object({
        name: z.string(),
        address,
        eInvoiceAddress: z.string().nullable(),
      }),
      lines: z.array(
        z.object({
          position: z.number().int(),
          description: z.string(),
          quantity: z.string(),
          unit: z.string(),
          unitPriceCents: z.number().int(),
          vatRateBasisPoints: z.number().int(),
          totalCents: z.number().int(),
        }),
      ),
      payments: z.array(
        z.object({ paidOn: z.string(), amountCents: z.number().int(), reference: z.string() }),
      ),
      /** A credit note: the number of the invoice it credits. */
      credits: z.number().int().nullable(),
      /** The number of the credit note that credits this invoice. */
      creditedBy: z.number().int().nullable(),
    }),
  ),
  disclosures: z.array(
    z.object({
      disclosedAt: z.string(),
      recipient: z.enum(DISCLOSURE_RECIPIENTS),
      partner: z.object({ name: z.string(), country: z.string(), inEea: z.boolean() }).nullable(),
      legalBasis: z.enum(LEGAL_BASES),
      purpose: z.string().nullable(),
      fieldsSent: z.array(z.string()),
      fieldsWithheld: z.record(z.string(), z.string()),
      handOver: z
        .object({ channel: z.enum(HANDOVER_CHANNELS), handedOverOn: z.string() })
        .nullable(),
    }),
  ),
  socialServices: z
    .object({
      relationships: z.array(
        z.object({ unit: z.string(), startsOn: z.string(), endsOn: z.string().nullable() }),
      ),
      health: z.array(
        z.object({ date: z.string(), category: z.string(), text: z.string(), source: z.string() }),
      ),
      serviceNeeds: z.array(
        z.object({
          needType: z.string(),
          needTypeName: z.string().nullable(),
          assessedOn: z.string(),
          status: z.string(),
          decisionReference: z.string().nullable(),
          source: z.string(),
        }),
      ),
      income: z.array(
        z.object({
          year: z.number().int(),
          annualIncome: z.number(),
          totalAssets: z.number(),
          recordedOn: z.string(),
          source: z.string(),
        }),
      ),
      bankAccounts: z.array(
        z.object({ iban: z.string(), purpose: z.string(), source: z.string() }),
      ),
    })
    .nullable(),
  /** The link only: the kind of relation and its days, never the relative. */
  familyRelations: z.array(
    z.object({
      type: z.string(),
      startsOn: z.string().nullable(),
      endsOn: z.string().nullable(),
      source: z.string(),
    }),
  ),
  /** The person's requests; internal working notes are never part of the answer. */
  requests: z.array(
    z.object({
      number: z.number().int(),
      type: z.enum(REQUEST_TYPES),
      receivedOn: z.string(),
      channel: z.enum(REQUEST_CHANNELS),
      language: z.enum(REQUEST_LANGUAGES),
      status: z.enum(REQUEST_STATUSES),
      dueOn: z.string(),
      identityVerification: z
        .object({ method: z.enum(IDENTITY_METHODS), verifiedOn: z.string() })
        .nullable(),
      extension: z.object({ reason: z.string(), toldOn: z.string() }).nullable(),
      decision: z
        .object({
          outcome: z.enum(REQUEST_OUTCOMES),
          reasons: z.string().nullable(),
          decidedOn: z.string(),
        })
        .nullable(),
      answeredOn: z.string().nullable(),
      /** What the person sent with the request (the scanned letter): the file's name, not its bytes. */
      attachments: z.array(
        z.object({
          /** null when the person's data key is gone. */
          fileName: z.string().nullable(),
          contentType: z.string(),
          sizeBytes: z.number().int(),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
  /** What the person has forbidden, active and withdrawn, with the dates and the source. */
  objections: z.array(
    z.object({
      type: z.enum(OBJECTION_TYPES),
      objectedOn: z.string(),
      source: z.enum(OBJECTION_SOURCES),
      requestNumber: z.number().int().nullable(),
      note: z.string().nullable(),
      withdrawnOn: z.string().nullable(),
      withdrawalNote: z.string().nullable(),
    }),
  ),
  /** Social-services clients: who has processed their data in the last two years. */
  processing: z
    .object({
      from: z.string(),
      to: z.string(),
      entries: z.array(
        z.object({
          occurredAt: z.string(),
          action: z.string(),
          user: z.string(),
          role: z.string(),
          organisation: z.string(),
          data: z.array(z.string()),
          purpose: z.string(),
        }),
      ),
    })
    .nullable(),
  categories: z.array(
    z.object({
      key: z.enum(CATEGORY_KEYS),
      title: z.string(),
      purposes: z.array(coded(PURPOSES)),
      sources: z.array(coded(SOURCES)),
      recipients: z.array(coded(RECIPIENTS)),
      retention: z.object({
        code: z.enum(RETENTIONS),
        text: z.string(),
        years: z.number().int().optional(),
      }),
    }),
  ),
  rights: z.object({
    items: z.array(coded(RIGHTS)),
    howToUse: z.string(),
    ombudsman: z.string(),
  }),
  notIncluded: z.array(z.string()),
});
export type AccessPackage = z.infer<typeof accessPackageView>;
