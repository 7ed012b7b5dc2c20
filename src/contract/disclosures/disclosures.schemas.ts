import { z } from 'zod';
import { dateTime, text, zId } from '../text.ts';
import { DISCLOSURE_RECIPIENTS, HANDOVER_CHANNELS, LEGAL_BASES } from '../enums.ts';
import { TRANSFER_SAFEGUARDS } from '../partners/transfer-terms.ts';
import { DISCLOSURE_FORMATS } from '../enums.ts';
import { identityCodeProblems } from './disclosure-rules.ts';
/** A disclosure's use is one of the things an objection can be to (the usage rule's own list). */
import { OBJECTION_TYPES as OBJECTABLE_USES } from '../enums.ts';
import { zCursor } from '../cursor.ts';

/** The uses a value-added service's disclosure may state (decision 0018). */
export const VALUE_ADDED_SERVICE_USES = ['service_delivery', ...OBJECTABLE_USES] as const;

/**
 * The groups of a person's data a general disclosure can send; `name` always goes with them, so
 * the recipient knows whose data it is. Each group's fields in the file: person-fields.ts.
 */
export const DISCLOSABLE_GROUPS = [
  'name',
  'identityCode',
  'contact',
  'address',
  'billing',
] as const;
export type DisclosableGroup = (typeof DISCLOSABLE_GROUPS)[number];

const purpose = text({ max: 500, multiline: true });

/** A list of ids, each once, in the order first given. */
const ids = (max: number) =>
  z
    .array(zId)
    .min(1)
    .max(max)
    .transform((list) => [...new Set(list)]);

export const disclosureCreate = z
  .strictObject({
    /** The recipient: a partner registered with the role `recipient`. */
    partnerId: zId,
    legalBasis: z.enum(LEGAL_BASES),
    /** Why; required when the identity code is sent. */
    purpose: purpose.optional(),
    /** The persons whose data is sent. */
    subjectIds: ids(1000),
    fields: z
      .array(z.enum(DISCLOSABLE_GROUPS))
      .min(1)
      .max(DISCLOSABLE_GROUPS.length)
      .transform((groups) => {
        const chosen = new Set<string>(['name', ...groups]);
        return DISCLOSABLE_GROUPS.filter((group) => chosen.has(group));
      }),
    format: z.enum(DISCLOSURE_FORMATS).default('csv'),
    /**
     * A value-added service's use (decision 0018): `service_delivery`, or an objectable use
     * (marketing, research, …), from which objecting persons are left out. Unstated, every
     * objection applies. Other bases are their own use.
     */
    use: z.enum(VALUE_ADDED_SERVICE_USES).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.use && body.legalBasis !== 'value_added_service') {
      ctx.addIssue({
        code: 'custom',
        path: ['use'],
        message: 'Only a value-added service states its use: the other legal bases are their own',
        params: { code: 'disclosure.useOnlyForValueAddedService' },
      });
    }
    if (!body.fields.includes('identityCode')) return;
    for (const problem of identityCodeProblems(body.legalBasis, body.purpose)) {
      ctx.addIssue({
        code: 'custom',
        path: [problem.field],
        message: problem.message,
        params: { code: problem.code },
      });
    }
  });
export type DisclosureCreate = z.output<typeof disclosureCreate>;

export const collectionCreate = z.strictObject({
  /** The collection agency: a partner registered with the role `recipient`. */
  partnerId: zId,
  /** Overdue invoices: open, and due before today (Europe/Helsinki). */
  invoiceIds: ids(1000),
  format: z.enum(DISCLOSURE_FORMATS).default('csv'),
});
export type CollectionCreate = z.output<typeof collectionCreate>;

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: zCursor.optional(),
};

export const disclosureQuery = z.strictObject({
  partnerId: zId.optional(),
  /** Disclosures of this person's or organisation's data. */
  subjectId: zId.optional(),
  legalBasis: z.enum(LEGAL_BASES).optional(),
  /** Only those that included a protected address (`true`), or only the others. */
  flagged: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** From this instant (inclusive), ISO 8601 with a time zone. */
  from: dateTime('business').optional(),
  /** Until this instant (exclusive). */
  to: dateTime('business').optional(),
  ...pageQuery,
});
export type DisclosureQuery = z.output<typeof disclosureQuery>;

export const customerDisclosureQuery = z.strictObject(pageQuery);

const omissionReason = z.enum([
  'protectedAddress',
  'notApplicable',
  'objection',
  'archived',
  'restricted',
]);

const partnerView = z.object({
  id: zId,
  name: z.string(),
  country: z.string(),
  inEea: z.boolean(),
});

export const disclosureSummary = z.object({
  id: zId,
  /** A partner, or the data subject themself (their access request answered, decision 0016). */
  recipient: z.enum(DISCLOSURE_RECIPIENTS),
  /** null when the data subject received it. */
  partner: partnerView.nullable(),
  /** To the data subject: when and how it was handed over. */
  handOver: z.object({ channel: z.enum(HANDOVER_CHANNELS), handedOverOn: z.string() }).nullable(),
  legalBasis: z.enum(LEGAL_BASES),
  purpose: z.string().nullable(),
  disclosedAt: z.string(),
  /** The user who made it; null fields when the account is gone. */
  disclosedBy: z.object({
    id: zId.nullable(),
    username: z.string().nullable(),
    fullName: z.string().nullable(),
  }),
  /** The file's fields, in its order. */
  fields: z.array(z.string()),
  subjectCount: z.number().int(),
  recordCount: z.number().int(),
  invoiceCount: z.number().int(),
  file: z.object({
    name: z.string(),
    /** A partner's file is CSV or JSON; a data subject's answer PDF or JSON. */
    format: z.enum([...DISCLOSURE_FORMATS, 'pdf']),
    /** SHA-256 of the file as sent, hex. */
    sha256: z.string(),
  }),
  /** A protected address was included (legal obligation): the register officer reviews it. */
  flagged: z.boolean(),
  /** Outside the EU/EEA: the safeguard the transfer was made under. */
  transferSafeguard: z.enum(TRANSFER_SAFEGUARDS).nullable(),
});
export type DisclosureSummary = z.infer<typeof disclosureSummary>;

/** What one subject's data in the file was: the fields sent, and the fields left out and why. */
const subjectFields = {
  fields: z.array(z.string()),
  omitted: z.record(z.string(), omissionReason),
};

export const disclosureSubject = z.object({
  id: zId,
  /** null: the person or organisation is no longer in the register. */
  kind: z.enum(['person', 'organization']).nullable(),
  /** "Last, First" for a person, the name for an organisation. */
  name: z.string().nullable(),
  ...subjectFields,
});

export const disclosureDetail = disclosureSummary.extend({
  subjects: z.array(disclosureSubject),
  invoiceIds: z.array(zId),
});
export type DisclosureDetail = z.infer<typeof disclosureDetail>;

export const disclosurePage = z.object({
  items: z.array(disclosureSummary),
  nextCursor: z.string().nullable(),
});

/** A disclosure on a customer's page: what of this customer's data went. */
export const customerDisclosure = disclosureSummary.extend({
  customer: z.object(subjectFields),
});
export type CustomerDisclosure = z.infer<typeof customerDisclosure>;

export const customerDisclosurePage = z.object({
  items: z.array(customerDisclosure),
  nextCursor: z.string().nullable(),
});

/** The partners a disclosure (a collection among them) may go to: the choices of its form. */
export const recipientList = z.object({
  items: z.array(partnerView),
});
export type RecipientList = z.infer<typeof recipientList>;

/** The answer to a disclosure made: its record and the file to hand over (base64). */
export const disclosureMade = z.object({
  disclosure: disclosureDetail,
  file: z.object({
    fileName: z.string(),
    contentType: z.string(),
    sha256: z.string(),
    base64: z.string(),
  }),
});
export type DisclosureMade = z.infer<typeof disclosureMade>;
