import crypto from 'node:crypto';
import type { SocialRecordKind } from '../../db/schema/index.ts';
import { AppError, notFound, type FieldError } from '../../lib/errors.ts';
import { formatIban } from '../../../finnish/index.ts';
import { PersonKeyDestroyedError } from '../../keystore/person-keys.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import {
  checkWritable,
  mayRead,
  noClientRelationship,
  openClientData,
  readableUnits,
  recordScopes,
  type ClientAccess,
} from './client-access.ts';
import { recordKind } from './record-kinds.ts';
import {
  findFamilyRelation,
  findNeedType,
  findPersonName,
  findPersonNames,
  findRecord,
  findStaffFullNames,
  insertFamilyRelation,
  insertRecord,
  listFamilyRelations,
  listNeedTypes,
  listRecords,
  updateFamilyRelationRow,
  updateRecordRow,
  type FamilyRelationRow,
  type RecordRow,
} from './social-services.queries.ts';
import {
  FAMILY_RELATION_TYPES,
  type FamilyRelationInput,
  type FamilyRelationPatch,
} from '../../../contract/social-services/social-services.schemas.ts';

type Content = Record<string, unknown>;

export const recordContext = (kind: SocialRecordKind, id: string) => `social_record:${kind}:${id}`;
export const relationContext = (id: string) => `social_family_relation:${id}`;

/** What a change of encrypted content shows in the log: which fields, never their values. */
function changedFields(prefix: string, before: Content, after: Content): Record<string, string> {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return Object.fromEntries(
    [...names]
      .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      .map((name) => [`${prefix}.${name}`, 'changed']),
  );
}

function invalid(errors: FieldError[]): AppError {
  return new AppError('validation', 'The data is not valid', { errors });
}

type AuthoredRow = {
  id: string;
  /** Null once the account is gone: the username stays. */
  authorId: string | null;
  authorUsername: string;
  createdAt: Date;
  updatedAt: Date;
};
/** The authors' full names by id: the views name staff by full name (and username). */
type AuthorNames = Map<string, string | null>;

const authorNames = (ctx: CustomerContext, rows: AuthoredRow[]): Promise<AuthorNames> =>
  findStaffFullNames(
    ctx.db,
    rows.flatMap((row) => (row.authorId ? [row.authorId] : [])),
  );

function authored(row: AuthoredRow, names: AuthorNames) {
  return {
    id: row.id,
    author: row.authorUsername,
    authorFullName: (row.authorId && names.get(row.authorId)) ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// — the four kinds of record —

type NeedTypeNames = Map<string, { fi: string; sv: string; en: string }>;

async function needTypeNames(ctx: CustomerContext): Promise<NeedTypeNames> {
  const rows = await listNeedTypes(ctx.db);
  return new Map(rows.map((row) => [row.code, { fi: row.nameFi, sv: row.nameSv, en: row.nameEn }]));
}

/** Only service needs name a type from the list. */
async function needTypeNamesFor(
  ctx: CustomerContext,
  kind: SocialRecordKind,
): Promise<NeedTypeNames> {
  return kind === 'serviceNeed' ? needTypeNames(ctx) : new Map();
}

function recordView(
  kind: SocialRecordKind,
  row: RecordRow,
  content: Content,
  needs: NeedTypeNames,
  names: AuthorNames,
) {
  const base = { ...authored(row, names), ...content };
  switch (kind) {
    case 'serviceNeed':
      return {
        ...base,
        decisionReference: (content.decisionReference as string | null | undefined) ?? null,
        needTypeName: needs.get(content.needType as string) ?? null,
      };
    case 'bankAccount':
      return { ...base, ibanDisplay: formatIban(content.iban as string) };
    case 'health':
    case 'income':
      return base;
  }
}

/** Checks a record's content against the register's lists (the schema checked its shape). */
async function checkContent(
  ctx: CustomerContext,
  kind: SocialRecordKind,
  content: Content,
  before?: Content,
): Promise<void> {
  if (kind !== 'serviceNeed' || content.needType === before?.needType) return;
  const type = await findNeedType(ctx.db, content.needType as string);
  if (!type?.active) {
    throw invalid([
      {
        field: 'needType',
        message: 'Choose a service need from the list',
        code: 'socialServices.unknownNeedType',
      },
    ]);
  }
}

async function decryptRecords(ctx: CustomerContext, rows: RecordRow[]): Promise<Content[]> {
  const plain = await ctx.personKeys.decryptMany(
    rows.map((row) => ({
      personId: row.personId,
      ciphertext: row.contentEncrypted,
      context: recordContext(row.kind, row.id),
    })),
  );
  // A destroyed key (an erased person restored from an old backup): the data is gone.
  return plain.map((text, i) => {
    if (text === null) throw new PersonKeyDestroyedError(rows[i]?.personId ?? '');
    return JSON.parse(text) as Content;
  });
}

/** Dates (ISO) and years order as text; createdAt is ISO too. */
function sortKey(item: Content, field: string): string {
  const value = item[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

export async function listClientRecords(
  ctx: CustomerContext,
  personId: string,
  kind: SocialRecordKind,
  purpose: string,
) {
  const access = await openClientData(ctx, personId, 'read');
  return readRecords(ctx, access, kind, purpose);
}

/** The records of one kind the worker may read (their units', or all under a grant), newest first. */
export async function readRecords(
  ctx: CustomerContext,
  access: ClientAccess,
  kind: SocialRecordKind,
  purpose: string,
  options: { log?: boolean } = {},
) {
  const rows = await listRecords(ctx.db, access.personId, kind, readableUnits(access.scope));
  const contents = await decryptRecords(ctx, rows);
  const needs = await needTypeNamesFor(ctx, kind);
  const names = await authorNames(ctx, rows);
  const order = recordKind(kind).orderBy;
  const items = rows
    .map((row, i) => recordView(kind, row, contents[i] ?? {}, needs, names))
    .sort((a, b) => sortKey(b, order).localeCompare(sortKey(a, order)));
  if (options.log ?? true) {
    await logAccess(ctx, 'read', [access.personId], [kind], { purpose, flag: access.flag });
  }
  return { items };
}

export async function createClientRecord(
  ctx: CustomerContext,
  personId: string,
  kind: SocialRecordKind,
  input: Content,
) {
  const access = await openClientData(ctx, personId, 'write');
  // A relationship in force is what opened writing, so there is a unit to write under.
  if (!access.writeUnitId) throw noClientRelationship();
  const content = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await checkContent(ctx, kind, content);
  const id = crypto.randomUUID();
  const now = ctx.clock.now();
  const row: RecordRow = {
    id,
    personId,
    kind,
    unitId: access.writeUnitId,
    contentEncrypted: await ctx.personKeys.encrypt(
      personId,
      JSON.stringify(content),
      recordContext(kind, id),
    ),
    authorId: ctx.actor.userId,
    authorUsername: ctx.actor.username,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await insertRecord(tx, row);
    await logAccess({ ...ctx, db: tx }, 'create', [personId], [kind], {
      changes: changedFields(kind, {}, content),
    });
  });
  const needs = await needTypeNamesFor(ctx, kind);
  return recordView(kind, row, content, needs, await authorNames(ctx, [row]));
}

export async function updateClientRecord(
  ctx: CustomerContext,
  personId: string,
  kind: SocialRecordKind,
  recordId: string,
  patch: Content,
) {
  const access = await openClientData(ctx, personId, 'write');
  const row = await findRecord(ctx.db, personId, kind, recordId);
  await checkWritable(ctx, access, row, 'Record');
  if (!row) throw notFound('Record');
  const [before = {}] = await decryptRecords(ctx, [row]);
  const content: Content = { ...before };
  for (const [field, value] of Object.entries(patch))
    if (value !== undefined) content[field] = value;
  await checkContent(ctx, kind, content, before);
  const parsed = recordKind(kind).input.safeParse(content);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        message: issue.message,
      })),
    );
  }
  const changes = changedFields(kind, before, content);
  const updated: RecordRow = {
    ...row,
    contentEncrypted: await ctx.personKeys.encrypt(
      personId,
      JSON.stringify(content),
      recordContext(kind, recordId),
    ),
    updatedAt: ctx.clock.now(),
  };
  await ctx.db.transaction(async (tx) => {
    if (Object.keys(changes).length > 0) {
      await updateRecordRow(tx, recordId, {
        contentEncrypted: updated.contentEncrypted,
        updatedAt: updated.updatedAt,
      });
    }
    await logAccess({ ...ctx, db: tx }, 'update', [personId], [kind], { changes });
  });
  const needs = await needTypeNamesFor(ctx, kind);
  const shown = Object.keys(changes).length > 0 ? updated : row;
  return recordView(kind, shown, content, needs, await authorNames(ctx, [shown]));
}

// — family relations —

const INVERSE: Record<(typeof FAMILY_RELATION_TYPES)[number], string> = {
  spouse: 'spouse',
  child: 'parent',
  guardian: 'ward',
  other: 'other',
};

type RelationContent = { type: (typeof FAMILY_RELATION_TYPES)[number]; source: string };

async function decryptRelations(
  ctx: CustomerContext,
  rows: FamilyRelationRow[],
): Promise<(RelationContent | null)[]> {
  const plain = await ctx.personKeys.decryptMany(
    rows.map((row) => ({
      personId: row.personId,
      ciphertext: row.contentEncrypted,
      context: relationContext(row.id),
    })),
  );
  return plain.map((text) => (text === null ? null : (JSON.parse(text) as RelationContent)));
}

export async function listFamily(ctx: CustomerContext, personId: string, purpose: string) {
  const access = await openClientData(ctx, personId, 'read');
  return readFamily(ctx, access, purpose);
}

/**
 * The person's family relations from both sides: those recorded on the person, and those recorded
 * on a relative's client record, each by the one rule for records: recorded under a unit of the
 * worker's serving that client, or open under a grant — a relation recorded by a unit the worker
 * does not serve in would tell that the relative is its client.
 */
export async function readFamily(
  ctx: CustomerContext,
  access: ClientAccess,
  purpose: string,
  options: { log?: boolean } = {},
) {
  const personId = access.personId;
  const all = await listFamilyRelations(ctx.db, personId);
  const owners = [...new Set(all.map((row) => row.personId).filter((id) => id !== personId))];
  const scopes =
    owners.length > 0
      ? (await recordScopes(ctx, owners, { unitIds: access.unitIds })).scopes
      : new Map<string, ClientAccess['scope']>();
  scopes.set(personId, access.scope);
  const rows = all.filter((row) => mayRead(scopes.get(row.personId), row.unitId));
  // A relation shown under a grant (the client's or a relative's) flags the read.
  const underGrant = rows.some((row) => {
    const scope = scopes.get(row.personId);
    return !!scope?.grantExpiresAt && !scope.servingUnitIds.includes(row.unitId);
  });
  const contents = await decryptRelations(ctx, rows);
  const relativeIds = rows.map((row) =>
    row.personId === personId ? row.relatedPersonId : row.personId,
  );
  const names = new Map(
    (await findPersonNames(ctx.db, [...new Set(relativeIds)])).map((p) => [p.id, p]),
  );
  const authors = await authorNames(ctx, rows);
  const items = rows.flatMap((row, i) => {
    const content = contents[i];
    const relative = names.get(relativeIds[i] ?? '');
    if (!content || !relative) return [];
    const own = row.personId === personId;
    return [
      {
        ...authored(row, authors),
        type: (own ? content.type : INVERSE[content.type]) as 'spouse',
        recordedOn: own ? ('own' as const) : ('relative' as const),
        relative,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        source: content.source,
      },
    ];
  });
  if (options.log ?? true) {
    await logAccess(
      ctx,
      'read',
      [personId, ...new Set(items.map((item) => item.relative.id))],
      ['familyRelation'],
      { purpose, flag: access.flag ?? (underGrant ? 'breakGlass' : undefined) },
    );
  }
  return { items };
}

function relationDatesError(startsOn: string | null, endsOn: string | null): FieldError[] {
  return startsOn && endsOn && endsOn < startsOn
    ? [{ field: 'endsOn', message: 'The end is before the start', code: 'dates.endBeforeStart' }]
    : [];
}

export async function createFamilyRelation(
  ctx: CustomerContext,
  personId: string,
  input: FamilyRelationInput,
) {
  const access = await openClientData(ctx, personId, 'write');
  if (!access.writeUnitId) throw noClientRelationship();
  const unitId = access.writeUnitId;
  const errors: FieldError[] = [];
  if (input.relatedPersonId === personId) {
    errors.push({
      field: 'relatedPersonId',
      message: 'A person cannot be their own relative',
      code: 'socialServices.selfRelation',
    });
  } else if (!(await findPersonName(ctx.db, input.relatedPersonId))) {
    errors.push({
      field: 'relatedPersonId',
      message: 'No such person in the register',
      code: 'socialServices.unknownPerson',
    });
  }
  errors.push(...relationDatesError(input.startsOn ?? null, input.endsOn ?? null));
  if (errors.length > 0) throw invalid(errors);
  const id = crypto.randomUUID();
  const now = ctx.clock.now();
  const content: RelationContent = { type: input.type, source: input.source };
  const contentEncrypted = await ctx.personKeys.encrypt(
    personId,
    JSON.stringify(content),
    relationContext(id),
  );
  await ctx.db.transaction(async (tx) => {
    await insertFamilyRelation(tx, {
      id,
      personId,
      relatedPersonId: input.relatedPersonId,
      unitId,
      contentEncrypted,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      authorId: ctx.actor.userId,
      authorUsername: ctx.actor.username,
      createdAt: now,
      updatedAt: now,
    });
    await logAccess(
      { ...ctx, db: tx },
      'create',
      [personId, input.relatedPersonId],
      ['familyRelation'],
      {
        changes: {
          'familyRelation.type': 'changed',
          'familyRelation.source': 'changed',
          'familyRelation.startsOn': { old: null, new: input.startsOn ?? null },
          'familyRelation.endsOn': { old: null, new: input.endsOn ?? null },
        },
      },
    );
  });
  return { id };
}

export async function updateFamilyRelation(
  ctx: CustomerContext,
  personId: string,
  relationId: string,
  patch: FamilyRelationPatch,
) {
  const access = await openClientData(ctx, personId, 'write');
  const row = await findFamilyRelation(ctx.db, personId, relationId);
  await checkWritable(ctx, access, row, 'Family relation');
  if (!row) throw notFound('Family relation');
  const [before] = await decryptRelations(ctx, [row]);
  if (!before) throw notFound('Family relation');
  const content: RelationContent = {
    type: patch.type ?? before.type,
    source: patch.source ?? before.source,
  };
  const startsOn = patch.startsOn !== undefined ? patch.startsOn : row.startsOn;
  const endsOn = patch.endsOn !== undefined ? patch.endsOn : row.endsOn;
  const errors = relationDatesError(startsOn, endsOn);
  if (errors.length > 0) throw invalid(errors);
  const changes: Record<string, unknown> = changedFields('familyRelation', before, content);
  if (startsOn !== row.startsOn)
    changes['familyRelation.startsOn'] = { old: row.startsOn, new: startsOn };
  if (endsOn !== row.endsOn) changes['familyRelation.endsOn'] = { old: row.endsOn, new: endsOn };
  const contentEncrypted = await ctx.personKeys.encrypt(
    personId,
    JSON.stringify(content),
    relationContext(relationId),
  );
  await ctx.db.transaction(async (tx) => {
    if (Object.keys(changes).length > 0) {
      await updateFamilyRelationRow(tx, relationId, {
        contentEncrypted,
        startsOn,
        endsOn,
        updatedAt: ctx.clock.now(),
      });
    }
    await logAccess(
      { ...ctx, db: tx },
      'update',
      [personId, row.relatedPersonId],
      ['familyRelation'],
      { changes },
    );
  });
  return { id: relationId };
}
