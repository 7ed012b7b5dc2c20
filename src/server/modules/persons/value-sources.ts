import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  dataSubjectRequests,
  partners,
  staffUsers,
  valueSources,
  SOURCED_PERSON_FIELDS,
  type SourcedPersonField,
  type ValueSourceKind,
} from '../../db/schema/index.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import { findPersonById } from './persons.queries.ts';
import type { FieldErrorCode } from '../../../contract/field-errors.ts';

export type ValueSource = {
  field: string;
  kind: ValueSourceKind;
  partnerId: string | null;
  partnerName: string | null;
  requestId: string | null;
  reference: string | null;
  recordedAt: string;
  recordedBy: string | null;
  current: boolean;
};

/** A source with what a person's page shows besides: the request's number, who recorded it. */
export type ValueSourceDetail = Omit<ValueSource, 'field'> & {
  field: SourcedPersonField;
  requestNumber: number | null;
  recordedByName: string | null;
};

/** Where the values of a registration or change came from, as the service receives it. */
export type SourceGiven = {
  kind: ValueSourceKind;
  partnerId?: string | null | undefined;
  requestId?: string | null | undefined;
  reference?: string | null | undefined;
};

/** A source checked against the registry: a partner's name is known. */
export type ResolvedSource = {
  kind: ValueSourceKind;
  partnerId: string | null;
  partnerName: string | null;
  requestId: string | null;
  reference: string | null;
  /** Named by the caller, not the default (staff): the access log says so too. */
  explicit: boolean;
};

const sourceError = (message: string, code: FieldErrorCode) =>
  new AppError('validation', message, { errors: [{ field: 'source.partnerId', message, code }] });

/**
 * The source of a change: the one given, checked (a partner must exist and have the role
 * `source`), or else staff — the signed-in user entered the values.
 */
export async function resolveSource(
  db: Db,
  given: SourceGiven | undefined,
): Promise<ResolvedSource> {
  if (!given) {
    return {
      kind: 'staff',
      partnerId: null,
      partnerName: null,
      requestId: null,
      reference: null,
      explicit: false,
    };
  }
  let partnerName: string | null = null;
  if (given.kind === 'partner') {
    if (!given.partnerId)
      throw sourceError('Name the partner the values came from', 'source.partnerRequired');
    const [partner] = await db
      .select({ name: partners.name, roles: partners.roles })
      .from(partners)
      .where(eq(partners.id, given.partnerId));
    if (!partner) throw sourceError('No such partner', 'source.partnerUnknown');
    if (!partner.roles.includes('source')) {
      throw sourceError(
        'The partner is not registered as a source of data',
        'source.partnerNotSource',
      );
    }
    partnerName = partner.name;
  }
  return {
    kind: given.kind,
    partnerId: given.kind === 'partner' ? (given.partnerId ?? null) : null,
    partnerName,
    requestId: given.kind === 'request' ? (given.requestId ?? null) : null,
    reference: given.reference ?? null,
    explicit: true,
  };
}

/** The source as the access log's `changes.source` records it. */
export function sourceForLog(source: ResolvedSource): Record<string, string> | undefined {
  if (!source.explicit) return undefined;
  return Object.fromEntries(
    Object.entries({
      kind: source.kind,
      partnerId: source.partnerId,
      partner: source.partnerName,
      requestId: source.requestId,
      reference: source.reference,
    }).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

/** The sourced field a logged change belongs to (`addressProtection.endsOn` → addressProtection). */
function sourcedFieldOf(loggedField: string): SourcedPersonField | undefined {
  const field = loggedField.split('.')[0];
  return (SOURCED_PERSON_FIELDS as readonly string[]).includes(field ?? '')
    ? (field as SourcedPersonField)
    : undefined;
}

/**
 * Records the source of exactly the fields the input gave, in the caller's transaction
 * (`ctx.db`). A field whose value changed (a key of `changes`, as the access log records them)
 * first loses its current sources: they gave the old value. A field given with the value it
 * already had keeps them, and the new source is added beside them.
 */
export async function recordValueSources(
  ctx: Pick<CustomerContext, 'db' | 'clock'> & {
    /** Who recorded the values; null for a resident registering themself (decision 0032). */
    actor: Pick<CustomerContext['actor'], 'userId' | 'client'> | null;
  },
  args: {
    personId: string;
    input: Partial<Record<SourcedPersonField, unknown>>;
    changes: Record<string, unknown>;
    source: ResolvedSource;
  },
): Promise<void> {
  const fields = SOURCED_PERSON_FIELDS.filter((field) => args.input[field] !== undefined);
  if (fields.length === 0) return;
  const changed = [
    ...new Set(Object.keys(args.changes).flatMap((key) => sourcedFieldOf(key) ?? [])),
  ].filter((field) => fields.includes(field));
  const now = ctx.clock.now();
  if (changed.length > 0) {
    await ctx.db
      .update(valueSources)
      .set({ current: false, supersededAt: now })
      .where(
        and(
          eq(valueSources.personId, args.personId),
          inArray(valueSources.field, changed),
          eq(valueSources.current, true),
        ),
      );
  }
  await ctx.db.insert(valueSources).values(
    fields.map((field) => ({
      personId: args.personId,
      field,
      kind: args.source.kind,
      partnerId: args.source.partnerId,
      requestId: args.source.requestId,
      reference: args.source.reference,
      recordedAt: now,
      // A machine client is no staff member: the source names its partner, the log the client.
      recordedBy: ctx.actor && !ctx.actor.client ? ctx.actor.userId : null,
      current: true,
    })),
  );
}

const FIELD_ORDER = sql.raw(
  `array_position(array[${SOURCED_PERSON_FIELDS.map((f) => `'${f}'`).join(', ')}]::text[], "value_source"."field")`,
);

/** Every recorded source of the person's fields, current and superseded, field by field. */
export async function listValueSourceDetails(
  db: Db,
  personId: string,
  options: { currentOnly?: boolean; fields?: readonly string[] } = {},
): Promise<ValueSourceDetail[]> {
  const conditions = [eq(valueSources.personId, personId)];
  if (options.currentOnly) conditions.push(eq(valueSources.current, true));
  if (options.fields) conditions.push(inArray(valueSources.field, [...options.fields] as never));
  const rows = await db
    .select({
      field: valueSources.field,
      kind: valueSources.kind,
      partnerId: valueSources.partnerId,
      partnerName: partners.name,
      requestId: valueSources.requestId,
      requestNumber: dataSubjectRequests.number,
      reference: valueSources.reference,
      recordedAt: valueSources.recordedAt,
      recordedBy: valueSources.recordedBy,
      recordedByName: sql<string | null>`coalesce(${staffUsers.fullName}, ${staffUsers.username})`,
      current: valueSources.current,
    })
    .from(valueSources)
    .leftJoin(partners, eq(partners.id, valueSources.partnerId))
    .leftJoin(dataSubjectRequests, eq(dataSubjectRequests.id, valueSources.requestId))
    .leftJoin(staffUsers, eq(staffUsers.id, valueSources.recordedBy))
    .where(and(...conditions))
    .orderBy(FIELD_ORDER, asc(valueSources.id));
  return rows.map((row) => ({
    ...row,
    partnerName: row.partnerName ?? null,
    requestNumber: row.requestNumber ?? null,
    recordedAt: row.recordedAt.toISOString(),
  }));
}

/** Every recorded source of the person's fields, current and superseded, field by field. */
export async function listValueSources(db: Db, personId: string): Promise<ValueSource[]> {
  return (await listValueSourceDetails(db, personId)).map((source) => ({
    field: source.field,
    kind: source.kind,
    partnerId: source.partnerId,
    partnerName: source.partnerName,
    requestId: source.requestId,
    reference: source.reference,
    recordedAt: source.recordedAt,
    recordedBy: source.recordedBy,
    current: source.current,
  }));
}

/** The sources of a person's values, for their page; the read is logged for the person. */
export async function getValueSources(
  ctx: CustomerContext,
  personId: string,
): Promise<{ items: ValueSourceDetail[] }> {
  if (!(await findPersonById(ctx.db, personId))) throw notFound('Person');
  const items = await listValueSourceDetails(ctx.db, personId);
  await logAccess(ctx, 'read', [personId], ['valueSources']);
  return { items };
}

/** The partners registered as a source of data, for the source picker. */
export async function listSourcePartners(
  db: Db,
): Promise<{ items: { id: string; name: string; businessId: string }[] }> {
  const items = await db
    .select({ id: partners.id, name: partners.name, businessId: partners.businessId })
    .from(partners)
    .where(sql`'source' = any(${partners.roles})`)
    .orderBy(asc(partners.name), asc(partners.id));
  return { items };
}
