import { z } from 'zod';
import crypto from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type {
  HandoverChannel,
  LegalBasis,
  OmissionReason,
  OmittedFields,
} from '../../db/schema/disclosures.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { isAddressProtected } from '../customers/address-protection.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { isInEea } from '../../../contract/countries.ts';
import {
  TRANSFER_SAFEGUARDS,
  type TransferSafeguard,
} from '../../../contract/partners/transfer-terms.ts';
import { identityCodeContext } from '../persons/persons.service.ts';
import { decideUse, OBJECTABLE_USES, type ExportPath, type Use } from '../objections/usage-rule.ts';
import {
  disclosureFile,
  type DisclosureFile,
  type DisclosureFormat,
  type FileRow,
} from './disclosure-file.ts';
import {
  identityCodeProblems,
  transferRefusals,
} from '../../../contract/disclosures/disclosure-rules.ts';
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
  type DisclosureInsert,
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
} from '../../../contract/disclosures/disclosures.schemas.ts';
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
  /** Which export path of the usage rule's registry this is (decision 0018). */
  caller: ExportPath;
  partnerId: string;
  legalBasis: LegalBasis;
  purpose: string | null;
  /**
   * What the data is used for, where the legal basis does not say it (decision 0018): a
   * value-added service's marketing, research, … or `service_delivery`. Unstated for a
   * value-added service, every objection applies.
   */
  use?: Use;
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

/** The use each legal basis is, unless the disclosure states one (a value-added service). */
const BASIS_USE: Record<Exclude<LegalBasis, 'value_added_service'>, Use> = {
  credit_decision: 'credit_decision',
  debt_collection: 'collection',
  billing: 'billing',
  legal_obligation: 'legal_obligation',
};

/**
 * The uses the usage rule is asked about: the stated use, else the basis's own; a value-added
 * service that states none is taken as every objectable use, the strictest reading.
 */
export function disclosureUses(request: Pick<DisclosureRequest, 'legalBasis' | 'use'>): Use[] {
  if (request.use) return [request.use];
  if (request.legalBasis === 'value_added_service') return [...OBJECTABLE_USES];
  return [BASIS_USE[request.legalBasis]];
}

/**
 * The usage rule (decision 0018): a person who objected to the disclosure's use, whose address
 * is protected, or whose record is archived is left out of an objectable use entirely — every
 * field withheld, so the record names the reason and the file has no row of theirs. Uses of the
 * customer relationship (billing, collection, a credit decision, the law) are not objectable; a
 * restriction of processing (decision 0033) keeps the person out of every use but those Art.
 * 18(2) allows (billing, collection, the law).
 */
const objectionsAndProhibitions: WithholdingRule = async (db, request, subjects, now) => {
  const withheld: Withholding = new Map();
  const decision = await decideUse(db, {
    caller: request.caller,
    uses: disclosureUses(request),
    personIds: subjects.persons.map((person) => person.id),
    now,
  });
  const fieldNames = request.fields.map((field) => field.name);
  for (const [personId, verdict] of decision.verdicts) {
    const first = verdict.reasons[0];
    if (verdict.allowed || first === undefined) continue;
    // Not objectable: only a restriction of processing keeps a person out (decision 0033).
    if (!decision.objectable && first !== 'restricted') continue;
    const reason: OmissionReason =
      first === 'restricted'
        ? 'restricted'
        : first === 'objection'
          ? 'objection'
          : first === 'archived'
            ? 'archived'
            : 'protectedAddress';
    withheld.set(personId, new Map(fieldNames.map((field) => [field, reason])));
  }
  return { withheld, flagged: false };
};

/**
 * The rules that keep a subject's data out of a disclosure, field by field. Every path that sends
 * data to a partner goes through `disclose`, so a rule in this list holds for all of them at once:
 * the data subjects' objections (the usage rule, first so that its reason is the one recorded)
 * and protected addresses.
 */
const WITHHOLDING_RULES: readonly WithholdingRule[] = [
  objectionsAndProhibitions,
  protectedAddresses,
];

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
    // A person with every field withheld is left out of the file (the usage rule).
    const leftOut = new Set(
      subjectIds.filter((sid) => fieldNames.every((field) => withheld.get(sid)?.has(field))),
    );
    const records = request.records.filter((record) => !leftOut.has(record.subjectId));
    if (records.length === 0) {
      const message =
        'Everyone in the disclosure is left out by their objection, protected address or archived record';
      throw new AppError('conflict', message, {
        errors: [{ field: 'subjectIds', message, code: 'disclosure.everyoneLeftOut' }],
      });
    }
    const rows: FileRow[] = records.map((record) => {
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
    const disclosure = await recordDisclosure(
      { ...ctx, db: tx },
      {
        id,
        partnerId: partner.id,
        legalBasis: request.legalBasis,
        subjectIds,
        fields: fieldNames,
        omittedFields,
        invoiceIds: [...(request.invoiceIds ?? [])],
        purpose: request.purpose,
        use: disclosureUses(request).join(','),
        disclosedAt: now,
        disclosedBy: ctx.actor.userId,
        fileName: file.fileName,
        fileFormat: request.format,
        fileSha256: crypto.createHash('sha256').update(file.body).digest(),
        recordCount: rows.length,
        flagged,
        transferSafeguard: inEea ? null : partner.transferSafeguard,
      },
      {
        // Persons only: an organisation's own data is not logged as personal (see the README).
        personIds: new Set(subjects.persons.map((person) => person.id)),
        purpose: request.purpose ?? request.legalBasis,
        disclosedTo: (row) => ({
          partner: partner.name,
          partnerId: partner.id,
          country: partner.country,
          legalBasis: request.legalBasis,
          disclosureId: id,
          ...(row.transferSafeguard ? { transferSafeguard: row.transferSafeguard } : {}),
        }),
      },
    );
    return { disclosure, file };
  });
}

/**
 * Writes a disclosure's record and, in the same transaction (`ctx` is the transaction's), the
 * `disclose` entry of each person whose data went: the fields exactly as sent for them (persons
 * with the same set share an entry), the purpose, and `changes.disclosedTo` naming the recipient.
 * Every disclosure, to a partner or to the data subject, is recorded by this one function.
 */
async function recordDisclosure(
  ctx: CustomerContext,
  values: DisclosureInsert,
  log: {
    personIds: ReadonlySet<string>;
    purpose: string;
    disclosedTo: (row: DisclosureRow) => Record<string, unknown>;
  },
): Promise<DisclosureRow> {
  const disclosure = await insertDisclosure(ctx.db, values);
  const byFields = new Map<string, { fields: string[]; subjectIds: string[] }>();
  for (const subjectId of disclosure.subjectIds.filter((sid) => log.personIds.has(sid))) {
    const sent = sentFields(disclosure, subjectId);
    // Left out entirely (the usage rule): nothing of theirs was disclosed.
    if (sent.length === 0) continue;
    const key = sent.join('\n');
    const group = byFields.get(key) ?? { fields: sent, subjectIds: [] };
    group.subjectIds.push(subjectId);
    byFields.set(key, group);
  }
  const disclosedTo = log.disclosedTo(disclosure);
  for (const group of byFields.values()) {
    await logAccess(ctx, 'disclose', group.subjectIds, group.fields, {
      purpose: log.purpose,
      changes: { disclosedTo },
    });
  }
  return disclosure;
}

/** The answer to a data subject's access request, as handed over to them (decision 0016). */
export type DataSubjectDisclosureRequest = {
  personId: string;
  /** The data handed over, as the access log names it. */
  fields: readonly string[];
  handedOverOn: string;
  channel: HandoverChannel;
  purpose: string;
  /** The document handed over: its name, format and bytes (only its SHA-256 is kept). */
  file: { fileName: string; format: 'json' | 'pdf'; body: Buffer };
};

/**
 * Records that a person's own data was handed over to them: a disclosure whose recipient is the
 * data subject (GDPR art. 15(3) — the copy of their data), with the day and the channel, and its
 * `disclose` entry, in one transaction (a transaction's context joins it). No partner, so no
 * transfer terms; no withholding rules, as a person's own address is never withheld from them.
 */
export async function discloseToDataSubject(
  ctx: CustomerContext,
  request: DataSubjectDisclosureRequest,
): Promise<DisclosureRow> {
  if (request.fields.length === 0) throw new Error('a hand-over names the data it holds');
  const id = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    if (!(await personExists(tx, request.personId))) throw notFound('Person');
    return recordDisclosure(
      { ...ctx, db: tx },
      {
        id,
        recipient: 'data_subject',
        partnerId: null,
        handedOverOn: request.handedOverOn,
        channel: request.channel,
        legalBasis: 'legal_obligation',
        subjectIds: [request.personId],
        fields: [...request.fields],
        omittedFields: {},
        purpose: request.purpose,
        disclosedAt: ctx.clock.now(),
        disclosedBy: ctx.actor.userId,
        fileName: request.file.fileName,
        fileFormat: request.file.format,
        fileSha256: crypto.createHash('sha256').update(request.file.body).digest(),
        recordCount: 1,
        flagged: false,
        transferSafeguard: null,
      },
      {
        personIds: new Set([request.personId]),
        purpose: request.purpose,
        disclosedTo: () => ({
          dataSubject: true,
          legalBasis: 'legal_obligation',
          disclosureId: id,
          channel: request.channel,
          handedOverOn: request.handedOverOn,
        }),
      },
    );
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
    recipient: row.recipient,
    partner:
      row.partnerId !== null && partnerName !== null && partnerCountry !== null
        ? {
            id: row.partnerId,
            name: partnerName,
            country: partnerCountry,
            inEea: isInEea(partnerCountry),
          }
        : null,
    handOver:
      row.recipient === 'data_subject' && row.channel !== null && row.handedOverOn !== null
        ? { channel: row.channel, handedOverOn: row.handedOverOn }
        : null,
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
  const unknown = body.subjectIds.flatMap((id, index): FieldError[] =>
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
    caller: 'generalDisclosure',
    partnerId: body.partnerId,
    legalBasis: body.legalBasis,
    purpose: body.purpose ?? null,
    ...(body.use ? { use: body.use } : {}),
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

/** (disclosedAt, id) of the last disclosure of the previous page. */
const DISCLOSURE_CURSOR = z.tuple([cursorKey.instant, cursorKey.id]);

function pageAfter(cursor: string | undefined): [string, string] | null {
  return cursor ? decodeCursor(cursor, DISCLOSURE_CURSOR) : null;
}

function nextCursor<T>(rows: readonly DisclosureWithNames[], limit: number, page: T[]) {
  const last = rows[page.length - 1]?.disclosure;
  return rows.length > limit && last
    ? encodeCursor(DISCLOSURE_CURSOR, [last.disclosedAt.toISOString(), last.id])
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
