import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { LegalBasis, OmissionReason, OmittedFields } from '../../db/schema/disclosures.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { helsinkiDate } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isAddressProtected } from '../customers/address-protection.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { isInEea } from '../partners/countries.ts';
import { TRANSFER_SAFEGUARDS, type TransferSafeguard } from '../partners/transfer-terms.ts';
import { identityCodeContext } from '../persons/persons.service.ts';
import {
  disclosureFile,
  type DisclosureFile,
  type DisclosureFormat,
  type FileRow,
} from './disclosure-file.ts';
import { identityCodeProblems, transferRefusals } from './disclosure-rules.ts';
import {
  findAddressProtections,
  findDisclosure,
  findPartnerForDisclosure,
  findPersonRows,
  findSubjectNames,
  insertDisclosure,
  listDisclosureRows,
  listRecipientPartners,
  organizationExists,
  personExists,
  type DisclosureRow,
  type DisclosureWithNames,
} from './disclosures.queries.ts';
import type {
  CustomerDisclosure,
  DisclosureCreate,
  DisclosureDetail,
  DisclosureMade,
  DisclosureQuery,
  DisclosureSummary,
  RecipientList,
} from './disclosures.schemas.ts';
import { GROUP_FIELDS, personValues } from './person-fields.ts';

/** A field of a disclosure's file, and what kind of data it holds where a rule cares. */
export type DisclosedField = {
  name: string;
  /**
   * `address`: withheld for a person whose address is protected (turvakielto), unless the legal
   * basis is a legal obligation. `identityCode`: only for a legal obligation or a credit decision,
   * with the purpose stated.
   */
  kind?: 'address' | 'identityCode';
};

/** One record of the file: whose data it is, and its values by field name. */
export type DisclosureRecord = { subjectId: string; values: FileRow };

export type DisclosureRequest = {
  partnerId: string;
  legalBasis: LegalBasis;
  purpose: string | null;
  /** The file's fields, in its order. */
  fields: readonly DisclosedField[];
  /**
   * The file's records, in its order. A field missing from a record's values does not apply to it
   * (a person has no business ID) and is recorded as not sent; null is sent as empty.
   */
  records: readonly DisclosureRecord[];
  format: DisclosureFormat;
  /** Invoices the disclosure sends to collection. */
  invoiceIds?: readonly string[];
  /** The start of the file's name, e.g. "perinta"; the date and the record's id follow. */
  fileNamePrefix: string;
};

export type Disclosure = { disclosure: DisclosureRow; file: DisclosureFile };

type Subjects = {
  /** Every subject of the file, in the order of its first record. */
  ids: string[];
  /** Those of them that are persons, with their address protection. */
  persons: Awaited<ReturnType<typeof findAddressProtections>>;
};

/** Field names a rule withholds, by subject, and why. */
type Withholding = Map<string, Map<string, OmissionReason>>;

type WithholdingRule = (
  db: Db,
  request: DisclosureRequest,
  subjects: Subjects,
  now: Date,
) => Promise<{ withheld: Withholding; flagged: boolean }>;

const hasField = (values: FileRow, field: string) => Object.hasOwn(values, field);

/**
 * A protected address (turvakielto) is never disclosed (requirements §10) unless the law obliges
 * the municipality to: then it goes, and the disclosure is flagged for the register officer.
 */
const protectedAddresses: WithholdingRule = async (_db, request, subjects, now) => {
  const withheld: Withholding = new Map();
  const addressFields = request.fields.filter((f) => f.kind === 'address').map((f) => f.name);
  const protectedIds = new Set(
    subjects.persons.filter((person) => isAddressProtected(person, now)).map((p) => p.id),
  );
  if (addressFields.length === 0 || protectedIds.size === 0) return { withheld, flagged: false };
  if (request.legalBasis === 'legal_obligation') {
    const flagged = request.records.some(
      (record) =>
        protectedIds.has(record.subjectId) &&
        addressFields.some((field) => hasField(record.values, field)),
    );
    return { withheld, flagged };
  }
  for (const id of protectedIds) {
    withheld.set(id, new Map(addressFields.map((field) => [field, 'protectedAddress'])));
  }
  return { withheld, flagged: false };
};

/**
 * The rules that keep a subject's data out of a disclosure, field by field. Every path that sends
 * data to a partner goes through `disclose`, so a rule in this list holds for all of them at once:
 * this is where the data subjects' objections (issue #6) take effect too.
 */
const WITHHOLDING_RULES: readonly WithholdingRule[] = [protectedAddresses];

async function applyWithholdingRules(
  db: Db,
  request: DisclosureRequest,
  subjects: Subjects,
  now: Date,
): Promise<{ withheld: Withholding; flagged: boolean }> {
  const withheld: Withholding = new Map();
  let flagged = false;
  for (const rule of WITHHOLDING_RULES) {
    const result = await rule(db, request, subjects, now);
    flagged ||= result.flagged;
    for (const [subjectId, fields] of result.withheld) {
      const merged = withheld.get(subjectId) ?? new Map<string, OmissionReason>();
      for (const [field, reason] of fields) if (!merged.has(field)) merged.set(field, reason);
      withheld.set(subjectId, merged);
    }
  }
  return { withheld, flagged };
}

/** Mistakes of the calling code, not of the user: nothing may leave that is not recorded. */
function checkRequestShape(request: DisclosureRequest): void {
  const names = request.fields.map((field) => field.name);
  if (new Set(names).size !== names.length) throw new Error('a disclosure field is listed twice');
  for (const record of request.records) {
    const unknown = Object.keys(record.values).filter((key) => !names.includes(key));
    if (unknown.length > 0)
      throw new Error(`values outside the disclosure's fields: ${unknown.join(', ')}`);
  }
}

function unknownPartner(): AppError {
  return new AppError('not_found', 'Partner not found', {
    errors: [
      { field: 'partnerId', message: 'No partner has this id', code: 'disclosure.unknownPartner' },
    ],
  });
}

/**
 * Sends personal data to a partner: the one way any data of the register leaves for a partner
 * (decision 0013). In one transaction it checks that the partner may receive it (a recipient; in
 * the EU/EEA or with a recorded safeguard; a processor only under a signed agreement), applies the
 * withholding rules (a protected address stays out unless a legal obligation asks for it, and
 * then the disclosure is flagged), writes the file, records the disclosure — the fields and
 * subjects exactly as in the file, per subject what was left out, the file's SHA-256 — and writes
 * the access-log entries of the persons whose data went. Refusals are problems naming the reason.
 * Pass a transaction's context to make the disclosure part of a larger change.
 */
export async function disclose(
  ctx: CustomerContext,
  request: DisclosureRequest,
): Promise<Disclosure> {
  checkRequestShape(request);
  if (request.records.length === 0) {
    throw new AppError('validation', 'There is nothing to disclose', {
      errors: [{ field: 'records', message: 'No records', code: 'disclosure.nothingToDisclose' }],
    });
  }
  if (request.fields.some((field) => field.kind === 'identityCode')) {
    const problems = identityCodeProblems(request.legalBasis, request.purpose);
    if (problems.length > 0) {
      throw new AppError('validation', 'The identity code may not be disclosed so', {
        errors: problems,
      });
    }
  }
  const now = ctx.clock.now();
  const id = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    const partner = await findPartnerForDisclosure(tx, request.partnerId);
    if (!partner) throw unknownPartner();
    const refusals = transferRefusals(partner, helsinkiDate(now));
    if (refusals.length > 0) {
      throw new AppError('conflict', `The data may not be disclosed to ${partner.name}`, {
        errors: refusals,
        extra: { partnerId: partner.id },
      });
    }
    const subjectIds = [...new Set(request.records.map((record) => record.subjectId))];
    const subjects: Subjects = {
      ids: subjectIds,
      persons: await findAddressProtections(tx, subjectIds),
    };
    const { withheld, flagged } = await applyWithholdingRules(tx, request, subjects, now);

    const fieldNames = request.fields.map((field) => field.name);
    const rows: FileRow[] = request.records.map((record) => {
      const kept = fieldNames.filter(
        (field) => hasField(record.values, field) && !withheld.get(record.subjectId)?.has(field),
      );
      return Object.fromEntries(kept.map((field) => [field, record.values[field] ?? null]));
    });
    const omittedFields = omissions(fieldNames, subjectIds, request.records, withheld);
    const file = disclosureFile(request.format, fieldNames, rows, {
      prefix: request.fileNamePrefix,
      disclosureId: id,
      at: now,
    });
    const inEea = isInEea(partner.country);
    const disclosure = await insertDisclosure(tx, {
      id,
      partnerId: partner.id,
      legalBasis: request.legalBasis,
      subjectIds,
      fields: fieldNames,
      omittedFields,
      invoiceIds: [...(request.invoiceIds ?? [])],
      purpose: request.purpose,
      disclosedAt: now,
      disclosedBy: ctx.actor.userId,
      fileName: file.fileName,
      fileFormat: request.format,
      fileSha256: crypto.createHash('sha256').update(file.body).digest(),
      recordCount: rows.length,
      flagged,
      transferSafeguard: inEea ? null : partner.transferSafeguard,
    });
    // Persons only: an organisation's own data is not logged as personal (see the README).
    const personIds = new Set(subjects.persons.map((person) => person.id));
    const byFields = new Map<string, { fields: string[]; subjectIds: string[] }>();
    for (const subjectId of subjectIds.filter((sid) => personIds.has(sid))) {
      const sent = sentFields(disclosure, subjectId);
      const key = sent.join('\n');
      const group = byFields.get(key) ?? { fields: sent, subjectIds: [] };
      group.subjectIds.push(subjectId);
      byFields.set(key, group);
    }
    const disclosedTo = {
      partner: partner.name,
      partnerId: partner.id,
      country: partner.country,
      legalBasis: request.legalBasis,
      disclosureId: id,
      ...(disclosure.transferSafeguard ? { transferSafeguard: disclosure.transferSafeguard } : {}),
    };
    for (const group of byFields.values()) {
      await logAccess({ ...ctx, db: tx }, 'disclose', group.subjectIds, group.fields, {
        purpose: request.purpose ?? request.legalBasis,
        changes: { disclosedTo },
      });
    }
    return { disclosure, file };
  });
}

/** Per subject, the fields of the file not sent for them: withheld by a rule, or not applicable. */
function omissions(
  fields: readonly string[],
  subjectIds: readonly string[],
  records: readonly DisclosureRecord[],
  withheld: Withholding,
): OmittedFields {
  const given = new Map<string, Set<string>>();
  for (const record of records) {
    const set = given.get(record.subjectId) ?? new Set<string>();
    for (const field of Object.keys(record.values)) set.add(field);
    given.set(record.subjectId, set);
  }
  const omitted: OmittedFields = {};
  for (const subjectId of subjectIds) {
    const left: Record<string, OmissionReason> = {};
    for (const field of fields) {
      const reason =
        withheld.get(subjectId)?.get(field) ??
        (given.get(subjectId)?.has(field) ? undefined : 'notApplicable');
      if (reason) left[field] = reason;
    }
    if (Object.keys(left).length > 0) omitted[subjectId] = left;
  }
  return omitted;
}

/** The fields of the file that were sent for the subject, in the file's order. */
function sentFields(row: DisclosureRow, subjectId: string): string[] {
  const omitted = row.omittedFields[subjectId] ?? {};
  return row.fields.filter((field) => !Object.hasOwn(omitted, field));
}

const subjectFieldsOf = (row: DisclosureRow, subjectId: string) => ({
  fields: sentFields(row, subjectId),
  omitted: row.omittedFields[subjectId] ?? {},
});

function summaryOf({
  disclosure: row,
  partnerName,
  partnerCountry,
  username,
  fullName,
}: DisclosureWithNames): DisclosureSummary {
  return {
    id: row.id,
    partner: {
      id: row.partnerId,
      name: partnerName,
      country: partnerCountry,
      inEea: isInEea(partnerCountry),
    },
    legalBasis: row.legalBasis,
    purpose: row.purpose,
    disclosedAt: row.disclosedAt.toISOString(),
    disclosedBy: { id: row.disclosedBy, username, fullName },
    fields: row.fields,
    subjectCount: row.subjectIds.length,
    recordCount: row.recordCount,
    invoiceCount: row.invoiceIds.length,
    file: { name: row.fileName, format: row.fileFormat, sha256: row.fileSha256.toString('hex') },
    flagged: row.flagged,
    transferSafeguard: (TRANSFER_SAFEGUARDS as readonly (string | null)[]).includes(
      row.transferSafeguard,
    )
      ? (row.transferSafeguard as TransferSafeguard)
      : null,
  };
}

async function detailOf(db: Db, row: DisclosureWithNames): Promise<DisclosureDetail> {
  const names = await findSubjectNames(db, row.disclosure.subjectIds);
  return {
    ...summaryOf(row),
    subjects: row.disclosure.subjectIds.map((subjectId) => ({
      id: subjectId,
      kind: names.get(subjectId)?.kind ?? null,
      name: names.get(subjectId)?.name ?? null,
      ...subjectFieldsOf(row.disclosure, subjectId),
    })),
    invoiceIds: row.disclosure.invoiceIds,
  };
}

/** The answer to a disclosure made: its record as the reader sees it, and the file in base64. */
export async function madeView(ctx: CustomerContext, made: Disclosure): Promise<DisclosureMade> {
  const row = await findDisclosure(ctx.db, made.disclosure.id);
  if (!row) throw new Error('the disclosure just made is not found');
  return {
    disclosure: await detailOf(ctx.db, row),
    file: {
      fileName: made.file.fileName,
      contentType: made.file.contentType,
      sha256: made.disclosure.fileSha256.toString('hex'),
      base64: made.file.body.toString('base64'),
    },
  };
}

/**
 * A disclosure of chosen persons' chosen data (`POST /api/disclosures`). The identity code goes
 * only for a legal obligation or a credit decision with the purpose stated; `disclose` decides the
 * rest.
 */
export async function makeDisclosure(
  ctx: CustomerContext,
  body: DisclosureCreate,
): Promise<DisclosureMade> {
  const rows = await findPersonRows(ctx.db, body.subjectIds);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const unknown = body.subjectIds.flatMap((id, index) =>
    byId.has(id)
      ? []
      : [
          {
            field: `subjectIds.${index}`,
            message: 'No person has this id',
            code: 'disclosure.unknownSubject',
          },
        ],
  );
  if (unknown.length > 0) {
    throw new AppError('validation', 'A person in the list is not in the register', {
      errors: unknown,
    });
  }
  const persons = body.subjectIds.map((id) => byId.get(id)!);
  const codes = body.fields.includes('identityCode')
    ? await identityCodes(ctx, persons)
    : new Map<string, string | null>();
  const made = await disclose(ctx, {
    partnerId: body.partnerId,
    legalBasis: body.legalBasis,
    purpose: body.purpose ?? null,
    fields: body.fields.flatMap((group) => GROUP_FIELDS[group]),
    records: persons.map((person) => ({
      subjectId: person.id,
      values: personValues(body.fields, person, codes.get(person.id) ?? null),
    })),
    format: body.format,
    fileNamePrefix: 'luovutus',
  });
  return madeView(ctx, made);
}

/** The full identity codes of the persons who have one; null where the key is destroyed. */
async function identityCodes(
  ctx: CustomerContext,
  persons: readonly { id: string; identityCodeEncrypted: Buffer | null }[],
): Promise<Map<string, string | null>> {
  const coded = persons.flatMap((person) =>
    person.identityCodeEncrypted
      ? [
          {
            personId: person.id,
            ciphertext: person.identityCodeEncrypted,
            context: identityCodeContext(person.id),
          },
        ]
      : [],
  );
  const codes = await ctx.personKeys.decryptMany(coded);
  return new Map(coded.map((item, i) => [item.personId, codes[i] ?? null]));
}

function pageAfter(cursor: string | undefined): [string, string] | null {
  return cursor ? (decodeCursor(cursor, ['string', 'string']) as [string, string]) : null;
}

function nextCursor<T>(rows: readonly DisclosureWithNames[], limit: number, page: T[]) {
  const last = rows[page.length - 1]?.disclosure;
  return rows.length > limit && last
    ? encodeCursor([last.disclosedAt.toISOString(), last.id])
    : null;
}

/** The partners that receive disclosures: organisations, no person's data, so not logged. */
export async function listRecipients(ctx: CustomerContext): Promise<RecipientList> {
  const rows = await listRecipientPartners(ctx.db);
  return { items: rows.map((row) => ({ ...row, inEea: isInEea(row.country) })) };
}

/**
 * The disclosures, newest first, filtered. The items name no subjects; filtered by a person, the
 * list tells of that person's data, and the read is logged with them as its subject.
 */
export async function listDisclosures(ctx: CustomerContext, query: DisclosureQuery) {
  const rows = await listDisclosureRows(ctx.db, {
    partnerId: query.partnerId,
    subjectId: query.subjectId,
    legalBasis: query.legalBasis,
    flagged: query.flagged,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    after: pageAfter(query.cursor),
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(summaryOf);
  if (query.subjectId && (await personExists(ctx.db, query.subjectId))) {
    await logAccess(ctx, 'read', [query.subjectId], ['disclosure']);
  }
  return { items, nextCursor: nextCursor(rows, query.limit, items) };
}

/** One disclosure with its subjects by name: a read of each person's data, logged. */
export async function getDisclosure(ctx: CustomerContext, id: string): Promise<DisclosureDetail> {
  const row = await findDisclosure(ctx.db, id);
  if (!row) throw notFound('Disclosure');
  const detail = await detailOf(ctx.db, row);
  await logAccess(
    ctx,
    'read',
    detail.subjects.filter((subject) => subject.kind === 'person').map((subject) => subject.id),
    ['name', 'disclosure'],
  );
  return detail;
}

async function customerDisclosures(
  ctx: CustomerContext,
  customerId: string,
  query: { limit: number; after: [string, string] | null },
): Promise<{ items: CustomerDisclosure[]; nextCursor: string | null }> {
  const rows = await listDisclosureRows(ctx.db, {
    subjectId: customerId,
    after: query.after,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((row) => ({
    ...summaryOf(row),
    customer: subjectFieldsOf(row.disclosure, customerId),
  }));
  return { items, nextCursor: nextCursor(rows, query.limit, items) };
}

/** The disclosures of a person's data, for their page: logged as a read of that person. */
export async function listPersonDisclosures(
  ctx: CustomerContext,
  personId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const after = pageAfter(query.cursor);
  if (!(await personExists(ctx.db, personId))) throw notFound('Person');
  const page = await customerDisclosures(ctx, personId, { limit: query.limit, after });
  await logAccess(ctx, 'read', [personId], ['disclosure']);
  return page;
}

/**
 * The disclosures of an organisation's data, for its page. Like the organisation's own data, not
 * logged as a person's.
 */
export async function listOrganizationDisclosures(
  ctx: CustomerContext,
  organizationId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const after = pageAfter(query.cursor);
  if (!(await organizationExists(ctx.db, organizationId))) throw notFound('Organization');
  return customerDisclosures(ctx, organizationId, { limit: query.limit, after });
}
