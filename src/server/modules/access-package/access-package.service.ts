import type { PostalAddress, SocialRecordKind } from '../../db/schema/index.ts';
import { loadRetentionYears } from '../retention/retention.service.ts';
import { refuseUnlessAllowed } from '../requests/request-actions.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { formatIban } from '../../../finnish/index.ts';
import { PersonKeyDestroyedError } from '../../keystore/person-keys.ts';
import { makeSubjectReport, type SubjectReport } from '../access-log/subject-report.ts';
import { attachmentsOfRequests } from '../attachments/attachments.service.ts';
import { loadBillingSettings } from '../billing-settings/billing-settings.service.ts';
import { findSettings } from '../privacy-statement/privacy-statement.service.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { discloseToDataSubject } from '../disclosures/disclosures.service.ts';
import { listDisclosureRows } from '../disclosures/disclosures.queries.ts';
import { isInEea } from '../../../contract/countries.ts';
import { identityCodeContext } from '../persons/persons.service.ts';
import { findOrganizationsOfPerson, findPersonById } from '../persons/persons.queries.ts';
import { listObjections } from '../objections/objections.queries.ts';
import { listValueSources } from '../persons/value-sources.ts';
import { findRequest, insertRequestEvent } from '../requests/requests.queries.ts';
import { recordContext, relationContext } from '../social-services/client-data.service.ts';
import { listNeedTypes } from '../social-services/social-services.queries.ts';
import {
  findClientRelationships,
  findInvoicesOfPerson,
  findOrdersOfPerson,
  findOwnFamilyRelations,
  findRequestsOfPerson,
  findSocialRecords,
} from './access-package.queries.ts';
import type {
  AccessPackage,
  HandOverInput,
} from '../../../contract/access-package/access-package.schemas.ts';
import {
  CATEGORY_KEYS,
  PACKAGE_TEXTS,
  RIGHTS,
  type CategoryKey,
  type PackageLanguage,
  type Purpose,
  type Recipient,
  type Retention,
  type Source,
} from './access-package.texts.ts';
import { accessPackageJson, accessPackagePdf } from './access-package.formats.ts';

/** The purpose every read of the package is logged with. */
export const ACCESS_PACKAGE_PURPOSE = 'data subject access request (GDPR art. 15)';

/**
 * The data of the register the package reads, as the access log names it: generating the
 * package is logged as a read of all of it.
 */
export const PACKAGE_FIELDS = [
  'name',
  'personalIdentityCode',
  'personalIdentityCodePurpose',
  'email',
  'phone',
  'permanentAddress',
  'contactAddress',
  'addressProtection',
  'language',
  'billing',
  'organizations',
  'notes',
  'orders',
  'invoices',
  'payments',
  'disclosure',
  'socialClient',
  'health',
  'serviceNeed',
  'income',
  'bankAccount',
  'familyRelation',
  'requests',
  'requestAttachment',
  'objections',
  'valueSources',
  'accessLog',
] as const;

/** Per category: its purposes, sources, recipients and retention (privacy statement §§3–5). */
const ABOUT: Record<
  CategoryKey,
  { purposes: Purpose[]; sources: Source[]; recipients: Recipient[]; retention: Retention }
> = {
  identity: {
    purposes: ['customerRegister', 'customerRelationship'],
    sources: ['dataSubject', 'populationRegister'],
    recipients: ['municipalityStaff', 'creditDecision', 'legalObligation'],
    retention: 'customer',
  },
  contact: {
    purposes: ['customerRegister', 'customerRelationship', 'targeting', 'publishedLists'],
    sources: ['dataSubject', 'populationRegister', 'updateServices'],
    recipients: ['municipalityStaff', 'processors', 'collection'],
    retention: 'customer',
  },
  language: {
    purposes: ['customerRegister', 'customerRelationship'],
    sources: ['dataSubject', 'populationRegister'],
    recipients: ['municipalityStaff', 'processors'],
    retention: 'customer',
  },
  billing: {
    purposes: ['billing', 'customerRelationship'],
    sources: ['dataSubject', 'partners'],
    recipients: ['municipalityStaff', 'processors', 'collection'],
    retention: 'customer',
  },
  organizations: {
    purposes: ['customerRegister', 'customerRelationship'],
    sources: ['dataSubject', 'subcontractors'],
    recipients: ['municipalityStaff', 'processors'],
    retention: 'customer',
  },
  customerRecord: {
    purposes: ['customerRegister', 'customerRelationship'],
    sources: ['municipality'],
    recipients: ['municipalityStaff'],
    retention: 'customer',
  },
  orders: {
    purposes: ['orders', 'billing', 'development'],
    sources: ['dataSubject', 'municipality', 'partners'],
    recipients: ['municipalityStaff', 'processors'],
    retention: 'accounting',
  },
  invoices: {
    purposes: ['billing'],
    sources: ['municipality'],
    recipients: ['municipalityStaff', 'processors', 'collection'],
    retention: 'accounting',
  },
  disclosures: {
    purposes: ['legalObligation'],
    sources: ['municipality'],
    recipients: ['dataSubjectOnly'],
    retention: 'disclosures',
  },
  socialServices: {
    purposes: ['socialServices'],
    sources: ['dataSubject', 'socialWorkers'],
    recipients: ['socialUnits', 'legalObligation'],
    retention: 'social',
  },
  familyRelations: {
    purposes: ['socialServices'],
    sources: ['dataSubject', 'socialWorkers', 'populationRegister'],
    recipients: ['socialUnits', 'legalObligation'],
    retention: 'social',
  },
  requests: {
    purposes: ['dataSubjectRights'],
    sources: ['dataSubject', 'municipality'],
    recipients: ['municipalityStaff'],
    retention: 'requests',
  },
  objections: {
    purposes: ['dataSubjectRights'],
    sources: ['dataSubject', 'populationRegister'],
    recipients: ['municipalityStaff'],
    retention: 'customer',
  },
  processing: {
    purposes: ['legalObligation'],
    sources: ['municipality'],
    recipients: ['dataSubjectOnly'],
    retention: 'accessLog',
  },
};

type Content = Record<string, unknown>;

function notAccessRequest(type: string): AppError {
  const message = `The request is a ${type} request: the answer package is made for access requests only`;
  return new AppError('conflict', message, {
    errors: [{ field: 'type', message, code: 'accessPackage.notAccessRequest' }],
    extra: { requestType: type },
  });
}

async function requireAccessRequest(ctx: CustomerContext, requestId: string) {
  const request = await findRequest(ctx.db, requestId);
  if (!request) throw notFound('Request');
  if (request.type !== 'access') throw notAccessRequest(request.type);
  return request;
}

/**
 * The controller (rekisterinpitäjä) as the public privacy statement names it; before the
 * administrator has saved the statement's settings, the billing settings' seller (the same
 * municipality, as the invoices name it).
 */
async function controllerOf(
  db: CustomerContext['db'],
  settings: Awaited<ReturnType<typeof loadBillingSettings>>,
): Promise<AccessPackage['controller']> {
  const statement = await findSettings(db);
  if (!statement) {
    return {
      name: settings.sellerName,
      businessId: settings.sellerBusinessId,
      address: address(settings.sellerAddress)!,
    };
  }
  const { controller } = statement;
  return {
    name: controller.name,
    businessId: controller.businessId ?? settings.sellerBusinessId,
    address: address(controller.address)!,
  };
}

const address = (value: PostalAddress | null | undefined) =>
  value
    ? {
        street: value.street,
        postalCode: value.postalCode,
        postOffice: value.postOffice,
        country: value.country,
      }
    : null;

async function decrypt(
  ctx: Pick<CustomerContext, 'personKeys'>,
  items: { personId: string; ciphertext: Buffer; context: string }[],
): Promise<(string | null)[]> {
  if (items.length === 0) return [];
  return ctx.personKeys.decryptMany(items);
}

/** The identity code in full: the person is entitled to it. Null if none, or the key is gone. */
async function identityCode(
  ctx: Pick<CustomerContext, 'personKeys'>,
  person: { id: string; identityCodeEncrypted: Buffer | null },
): Promise<string | null> {
  if (!person.identityCodeEncrypted) return null;
  try {
    return await ctx.personKeys.decrypt(
      person.id,
      person.identityCodeEncrypted,
      identityCodeContext(person.id),
    );
  } catch (error) {
    if (error instanceof PersonKeyDestroyedError) return null;
    throw error;
  }
}

/**
 * Every datum the register holds about the person of an access request, by category, with each
 * category's purposes, sources, recipients and retention, and the person's rights (decision
 * 0016). Made from the data as it is; nothing of it is stored. Another person's data never enters
 * it: a family relation is the link (its kind and days) only. Logged as a read of all of it, or
 * as a print when it is made into a PDF.
 */
export async function buildAccessPackage(
  ctx: CustomerContext,
  requestId: string,
  action: 'read' | 'print' = 'read',
): Promise<AccessPackage> {
  const request = await requireAccessRequest(ctx, requestId);
  const person = await findPersonById(ctx.db, request.personId);
  if (!person) throw notFound('Person');
  const data = await assemblePersonData(ctx, person, request.language, {
    socialServices: true,
    processing: (personId) =>
      makeSubjectReport(ctx, personId, { lang: request.language, format: 'json' }),
  });
  const pkg: AccessPackage = {
    ...data,
    request: {
      id: request.id,
      number: request.number,
      receivedOn: request.receivedOn,
      channel: request.channel,
      language: request.language,
    },
  };
  await logAccess(ctx, action, [person.id], [...PACKAGE_FIELDS], {
    purpose: ACCESS_PACKAGE_PURPOSE,
    changes: { accessPackage: { requestId: request.id, requestNumber: request.number } },
  });
  return pkg;
}

/**
 * The package's data of one person, not logged (the caller logs what it shows): the access
 * request's answer, and the resident's own pages in the e-service (decision 0032), which leave
 * the social-services sections to the access request (`socialServices: false`).
 */
export async function assemblePersonData(
  ctx: Pick<CustomerContext, 'db' | 'personKeys' | 'clock'>,
  person: NonNullable<Awaited<ReturnType<typeof findPersonById>>>,
  language: PackageLanguage,
  options: {
    socialServices: boolean;
    processing?: (personId: string) => Promise<SubjectReport>;
  },
): Promise<Omit<AccessPackage, 'request'>> {
  const texts = PACKAGE_TEXTS[language];
  const settings = await loadBillingSettings(ctx.db);
  const controller = await controllerOf(ctx.db, settings);
  const personId = person.id;
  const now = ctx.clock.now();
  const social = options.socialServices;

  const [organizations, orders, invoices, disclosureRows, relationships, records, relations] =
    await Promise.all([
      findOrganizationsOfPerson(ctx.db, personId),
      findOrdersOfPerson(ctx.db, personId),
      findInvoicesOfPerson(ctx.db, personId),
      listDisclosureRows(ctx.db, { subjectId: personId, after: null, limit: 100_000 }),
      social ? findClientRelationships(ctx.db, personId) : [],
      social ? findSocialRecords(ctx.db, personId) : [],
      social ? findOwnFamilyRelations(ctx.db, personId) : [],
    ]);
  const [requests, sources, needTypes, objections] = await Promise.all([
    findRequestsOfPerson(ctx.db, personId),
    listValueSources(ctx.db, personId),
    listNeedTypes(ctx.db),
    listObjections(ctx.db, personId),
  ]);
  const attachments = await attachmentsOfRequests(
    ctx,
    personId,
    requests.map((row) => row.id),
  );
  const code = await identityCode(ctx, person);
  const recordTexts = await decrypt(
    ctx,
    records.map((row) => ({
      personId,
      ciphertext: row.contentEncrypted,
      context: recordContext(row.kind, row.id),
    })),
  );
  const relationTexts = await decrypt(
    ctx,
    relations.map((row) => ({
      personId,
      ciphertext: row.contentEncrypted,
      context: relationContext(row.id),
    })),
  );
  const contents = (kind: SocialRecordKind) =>
    records.flatMap((row, i) => {
      const plain = recordTexts[i];
      return row.kind === kind && plain ? [JSON.parse(plain) as Content] : [];
    });
  const needName = new Map(
    needTypes.map((row) => [row.code, { fi: row.nameFi, sv: row.nameSv, en: row.nameEn }]),
  );
  const isClient = relationships.length > 0;
  const processing = isClient && options.processing ? await options.processing(personId) : null;

  const years = await loadRetentionYears(ctx.db);
  const billing = person.billing;
  return {
    format: 'asiakasrekisteri/access-package',
    version: 1,
    documentLanguage: language,
    generatedAt: now.toISOString(),
    controller,
    personId,
    identity: {
      firstName: person.firstName,
      lastName: person.lastName,
      personalIdentityCode: code,
      identityCodeTemporary: code ? (person.identityCodeTemporary ?? false) : null,
      identityCodePurpose: person.identityCodePurpose,
    },
    contact: {
      email: person.email,
      phone: person.phone,
      permanentAddress: address(person.permanentAddress),
      contactAddress: address(person.contactAddress),
      addressProtection: {
        active: person.addressProtectionActive,
        endsOn: person.addressProtectionEndsOn,
        source: person.addressProtectionSource,
      },
    },
    language: { language: person.language },
    billing: billing
      ? {
          billingAddress: address(billing.billingAddress),
          eInvoiceAddress: billing.eInvoiceAddress,
          eInvoiceIntermediator: billing.eInvoiceIntermediator,
          ovt: billing.ovt,
        }
      : null,
    organizations: organizations.map((row) => ({
      name: row.name,
      businessId: row.businessId,
      title: row.title,
    })),
    customerRecord: {
      notes: person.notes,
      createdAt: person.createdAt.toISOString(),
      updatedAt: person.updatedAt.toISOString(),
      archivedAt: person.archivedAt?.toISOString() ?? null,
    },
    valueSources: sources.map((source) => ({
      field: source.field,
      kind: source.kind,
      partnerName: source.partnerName,
      requestNumber: requests.find((r) => r.id === source.requestId)?.number ?? null,
      reference: source.reference,
      recordedAt: source.recordedAt,
      current: source.current,
    })),
    orders: orders.map(({ order, lines }) => ({
      number: order.number,
      status: order.status,
      createdAt: order.createdAt.toISOString(),
      deliveredOn: order.deliveredOn,
      notes: order.notes,
      archivedAt: order.archivedAt?.toISOString() ?? null,
      retainUntil: order.retainUntil,
      lines: lines.map((line) => ({
        position: line.position,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
      })),
    })),
    invoices: invoices.map(({ invoice, lines, payments, credits, creditedBy }) => ({
      number: invoice.number,
      kind: invoice.kind,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      status: invoice.status,
      reference: invoice.reference,
      netCents: invoice.netCents,
      vatCents: invoice.vatCents,
      totalCents: invoice.totalCents,
      delivery: invoice.delivery,
      recipient: {
        name: invoice.recipient.name,
        address: invoice.recipient.addressProtected ? null : address(invoice.recipient.address),
        eInvoiceAddress: invoice.recipient.eInvoiceAddress,
      },
      lines: lines.map((line) => ({
        position: line.position,
        description: line.description,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBasisPoints: line.vatRateBasisPoints,
        totalCents: line.totalCents,
      })),
      payments: payments.map((payment) => ({
        paidOn: payment.paidOn,
        amountCents: payment.amountCents,
        reference: payment.reference,
      })),
      credits,
      creditedBy,
    })),
    disclosures: disclosureRows.map(({ disclosure, partnerName, partnerCountry }) => {
      const omitted = disclosure.omittedFields[personId] ?? {};
      return {
        disclosedAt: disclosure.disclosedAt.toISOString(),
        recipient: disclosure.recipient,
        partner:
          partnerName !== null && partnerCountry !== null
            ? { name: partnerName, country: partnerCountry, inEea: isInEea(partnerCountry) }
            : null,
        legalBasis: disclosure.legalBasis,
        purpose: disclosure.purpose,
        fieldsSent: disclosure.fields.filter((field) => !Object.hasOwn(omitted, field)),
        fieldsWithheld: omitted,
        handOver:
          disclosure.channel && disclosure.handedOverOn
            ? { channel: disclosure.channel, handedOverOn: disclosure.handedOverOn }
            : null,
      };
    }),
    socialServices: isClient
      ? {
          relationships: relationships.map((row) => ({
            unit: { fi: row.unitNameFi, sv: row.unitNameSv, en: row.unitNameEn }[language],
            startsOn: row.startsOn,
            endsOn: row.endsOn,
          })),
          health: contents('health').map((c) => ({
            date: String(c.date),
            category: String(c.category),
            text: String(c.text),
            source: String(c.source),
          })),
          serviceNeeds: contents('serviceNeed').map((c) => ({
            needType: String(c.needType),
            needTypeName: needName.get(String(c.needType))?.[language] ?? null,
            assessedOn: String(c.assessedOn),
            status: String(c.status),
            decisionReference: (c.decisionReference as string | null | undefined) ?? null,
            source: String(c.source),
          })),
          income: contents('income').map((c) => ({
            year: Number(c.year),
            annualIncome: Number(c.annualIncome),
            totalAssets: Number(c.totalAssets),
            recordedOn: String(c.recordedOn),
            source: String(c.source),
          })),
          bankAccounts: contents('bankAccount').map((c) => ({
            iban: formatIban(String(c.iban)),
            purpose: String(c.purpose),
            source: String(c.source),
          })),
        }
      : null,
    familyRelations: relations.flatMap((row, i) => {
      const plain = relationTexts[i];
      if (!plain) return [];
      const content = JSON.parse(plain) as { type: string; source: string };
      return [
        { type: content.type, startsOn: row.startsOn, endsOn: row.endsOn, source: content.source },
      ];
    }),
    requests: requests.map((row) => ({
      number: row.number,
      type: row.type,
      receivedOn: row.receivedOn,
      channel: row.channel,
      language: row.language,
      status: row.status,
      dueOn: row.dueOn,
      identityVerification:
        row.identityMethod && row.identityVerifiedOn
          ? { method: row.identityMethod, verifiedOn: row.identityVerifiedOn }
          : null,
      extension:
        row.extensionReason && row.extensionToldOn
          ? { reason: row.extensionReason, toldOn: row.extensionToldOn }
          : null,
      decision:
        row.outcome && row.decidedOn
          ? { outcome: row.outcome, reasons: row.decisionReasons, decidedOn: row.decidedOn }
          : null,
      answeredOn: row.answeredOn,
      attachments: attachments.get(row.id) ?? [],
    })),
    objections: objections.map((row) => ({
      type: row.type,
      objectedOn: row.objectedOn,
      source: row.source,
      requestNumber: row.requestNumber,
      note: row.note,
      withdrawnOn: row.withdrawnOn,
      withdrawalNote: row.withdrawalNote,
    })),
    processing: processing
      ? {
          from: processing.from,
          to: processing.to,
          entries: processing.entries.map((entry) => ({
            occurredAt: entry.occurredAt,
            action: entry.actionText,
            user: entry.user,
            role: entry.role,
            organisation: entry.organisation,
            data: entry.data,
            purpose: entry.purpose,
          })),
        }
      : null,
    categories: CATEGORY_KEYS.map((key) => {
      const about = ABOUT[key];
      return {
        key,
        title: texts.categories[key],
        purposes: about.purposes.map((code) => ({ code, text: texts.purposes[code] })),
        sources: about.sources.map((code) => ({ code, text: texts.sources[code] })),
        recipients: about.recipients.map((code) => ({ code, text: texts.recipients[code] })),
        retention: {
          code: about.retention,
          text: texts.retention[about.retention](years),
          ...(about.retention === 'accounting' ? { years: years.accounting } : {}),
          ...(about.retention === 'social' ? { years: years.socialRecords } : {}),
          ...(about.retention === 'customer' ? { years: years.customer } : {}),
        },
      };
    }),
    rights: {
      items: RIGHTS.map((code) => ({ code, text: texts.rights[code] })),
      howToUse: texts.howTo(
        controller.name,
        controller.address ? addressLine(controller.address) : '',
      ),
      ombudsman: texts.ombudsman,
    },
    notIncluded: [texts.notesLeftOut, texts.familyNote],
  };
}

export function addressLine(value: PostalAddress): string {
  return `${value.street}, ${value.postalCode} ${value.postOffice}, ${value.country}`;
}

/** The data a package handed over holds, as the access log and the disclosure name it. */
function fieldsOf(pkg: AccessPackage): string[] {
  const present: Record<(typeof PACKAGE_FIELDS)[number], boolean> = {
    name: true,
    personalIdentityCode: pkg.identity.personalIdentityCode !== null,
    personalIdentityCodePurpose: pkg.identity.identityCodePurpose !== null,
    email: pkg.contact.email !== null,
    phone: pkg.contact.phone !== null,
    permanentAddress: pkg.contact.permanentAddress !== null,
    contactAddress: pkg.contact.contactAddress !== null,
    addressProtection: pkg.contact.addressProtection.active,
    language: true,
    billing: pkg.billing !== null,
    organizations: pkg.organizations.length > 0,
    notes: pkg.customerRecord.notes !== null,
    orders: pkg.orders.length > 0,
    invoices: pkg.invoices.length > 0,
    payments: pkg.invoices.some((invoice) => invoice.payments.length > 0),
    disclosure: pkg.disclosures.length > 0,
    socialClient: pkg.socialServices !== null,
    health: (pkg.socialServices?.health.length ?? 0) > 0,
    serviceNeed: (pkg.socialServices?.serviceNeeds.length ?? 0) > 0,
    income: (pkg.socialServices?.income.length ?? 0) > 0,
    bankAccount: (pkg.socialServices?.bankAccounts.length ?? 0) > 0,
    familyRelation: pkg.familyRelations.length > 0,
    requests: pkg.requests.length > 0,
    requestAttachment: pkg.requests.some((request) => request.attachments.length > 0),
    objections: pkg.objections.length > 0,
    valueSources: pkg.valueSources.length > 0,
    accessLog: pkg.processing !== null,
  };
  return PACKAGE_FIELDS.filter((field) => present[field]);
}

/**
 * Records that the answer was handed over: a disclosure to the data subject themself (the day,
 * the channel, the document's name and SHA-256) and its `disclose` log entry, and the event in
 * the request's history, in one transaction. Only for a granted or partly granted access request
 * that is decided and not yet answered: the hand-over comes before the answer step.
 */
export async function handOverAccessPackage(
  ctx: CustomerContext,
  requestId: string,
  input: HandOverInput,
) {
  const request = await requireAccessRequest(ctx, requestId);
  refuseUnlessAllowed(request, 'handOver');
  if (request.outcome === 'refused') {
    const message = 'The request was refused: there is no data to hand over';
    throw new AppError('conflict', message, {
      errors: [{ field: 'outcome', message, code: 'accessPackage.refused' }],
    });
  }
  const today = helsinkiDate(ctx.clock.now());
  if (input.handedOverOn > today) {
    const message = `${input.handedOverOn} is in the future`;
    throw new AppError('validation', message, {
      errors: [{ field: 'handedOverOn', message, code: 'request.dateInFuture' }],
    });
  }
  if (request.decidedOn && input.handedOverOn < request.decidedOn) {
    const message = `${input.handedOverOn} is before the decision (${request.decidedOn})`;
    throw new AppError('validation', message, {
      errors: [{ field: 'handedOverOn', message, code: 'request.dateBeforeStep' }],
    });
  }
  const pkg = await buildAccessPackage(ctx, requestId);
  const file = input.format === 'pdf' ? await accessPackagePdf(pkg) : accessPackageJson(pkg);
  const disclosure = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const row = await discloseToDataSubject(txCtx, {
      personId: request.personId,
      fields: fieldsOf(pkg),
      handedOverOn: input.handedOverOn,
      channel: input.channel,
      purpose: ACCESS_PACKAGE_PURPOSE,
      file: { fileName: file.fileName, format: input.format, body: file.body },
    });
    await insertRequestEvent(tx, {
      requestId: request.id,
      occurredAt: ctx.clock.now(),
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      action: 'handOver',
      changes: {
        handedOverOn: { old: null, new: input.handedOverOn },
        channel: { old: null, new: input.channel },
      },
    });
    return row;
  });
  return {
    disclosureId: disclosure.id,
    handedOverOn: input.handedOverOn,
    channel: input.channel,
    format: input.format,
    fileName: file.fileName,
    sha256: disclosure.fileSha256.toString('hex'),
    fields: disclosure.fields,
  };
}
