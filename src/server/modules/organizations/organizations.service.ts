import { z } from 'zod';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { formatPhoneFinnish } from '../../../finnish/index.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import { logAccess, type CustomerContext } from '../customers/context.ts';
import {
  ALL_CUSTOMERS,
  readerScope,
  scopeOpens,
  withinContract,
  type ReaderScope,
  type ScopedOrganizationRow,
} from '../partners/contract-scope.ts';
import { searchCustomers } from '../search/search.service.ts';
import {
  findOrganizationById,
  findOrganizationForReader,
  findOrganizationIdByBusinessId,
  findRepresentatives,
  insertOrganization,
  listOrganizationsByName,
  updateOrganizationRow,
  type OrganizationInsert,
} from './organizations.queries.ts';
import type {
  OrganizationCreate,
  OrganizationPatch,
  OrganizationSummary,
  OrganizationView,
} from '../../../contract/organizations/organizations.schemas.ts';

function duplicateBusinessId(existingId: string): AppError {
  return new AppError('conflict', 'An organisation with this business ID is already registered', {
    errors: [
      {
        field: 'businessId',
        message: 'An organisation with this business ID is already registered',
        code: 'businessId.duplicate',
      },
    ],
    extra: { existingId, existing: `/api/organizations/${existingId}` },
  });
}

export function toOrganizationSummary(
  row: ScopedOrganizationRow,
  scope: ReaderScope = ALL_CUSTOMERS,
): OrganizationSummary {
  return withinContract(scope, 'organization', {
    id: row.id,
    name: row.name,
    businessId: row.businessId,
    email: row.email ?? null,
    phone: row.phone ?? null,
    phoneDisplay: row.phone ? formatPhoneFinnish(row.phone) : null,
    address: row.postalAddress ?? row.visitingAddress ?? null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
  });
}

async function toView(
  ctx: CustomerContext,
  row: ScopedOrganizationRow,
  scope: ReaderScope = ALL_CUSTOMERS,
): Promise<OrganizationView> {
  const representatives = scopeOpens(scope, 'organizations')
    ? await findRepresentatives(ctx.db, row.id, scope)
    : [];
  await logAccess(
    ctx,
    'read',
    representatives.map((r) => r.personId),
    ['name', 'organizations'],
  );
  return withinContract(scope, 'organization', {
    ...toOrganizationSummary(row),
    postalAddress: row.postalAddress ?? null,
    visitingAddress: row.visitingAddress ?? null,
    billing: row.billing ?? null,
    notes: row.notes ?? null,
    representatives,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}

function columnsFrom(input: OrganizationPatch): Partial<OrganizationInsert> {
  const columns: Partial<OrganizationInsert> = {};
  for (const key of [
    'name',
    'businessId',
    'postalAddress',
    'visitingAddress',
    'billing',
    'email',
    'phone',
    'notes',
  ] as const) {
    if (input[key] !== undefined) (columns as Record<string, unknown>)[key] = input[key];
  }
  if (input.name !== undefined) columns.searchText = foldForSearch(input.name);
  return columns;
}

async function refuseDuplicateBusinessId(ctx: CustomerContext, businessId: string, self?: string) {
  const existing = await findOrganizationIdByBusinessId(ctx.db, businessId);
  if (existing && existing !== self) throw duplicateBusinessId(existing);
}

export async function createOrganization(
  ctx: CustomerContext,
  input: OrganizationCreate,
): Promise<OrganizationView> {
  if (input.businessId) await refuseDuplicateBusinessId(ctx, input.businessId);
  const row = await insertOrganization(ctx.db, {
    ...columnsFrom(input),
    name: input.name,
    searchText: foldForSearch(input.name),
  }).catch(async (error: unknown) => {
    throw await raceToConflict(ctx, error, input.businessId);
  });
  return toView(ctx, row);
}

/** An organisation's page; outside a contractor's contract, 404 as for no such organisation. */
export async function getOrganization(ctx: CustomerContext, id: string): Promise<OrganizationView> {
  const scope = await readerScope(ctx);
  const row = await findOrganizationForReader(ctx.db, id, scope);
  if (!row) throw notFound('Organisation');
  return toView(ctx, row, scope);
}

export async function updateOrganization(
  ctx: CustomerContext,
  id: string,
  patch: OrganizationPatch,
): Promise<OrganizationView> {
  const current = await findOrganizationById(ctx.db, id);
  if (!current) throw notFound('Organisation');
  if (current.archivedAt)
    throw new AppError('conflict', 'An archived organisation cannot be changed');
  if (patch.businessId) await refuseDuplicateBusinessId(ctx, patch.businessId, id);
  const row = await updateOrganizationRow(ctx.db, id, {
    ...columnsFrom(patch),
    updatedAt: ctx.clock.now(),
  }).catch(async (error: unknown) => {
    throw await raceToConflict(ctx, error, patch.businessId);
  });
  if (!row) throw notFound('Organisation');
  return toView(ctx, row);
}

export async function archiveOrganization(ctx: CustomerContext, id: string): Promise<void> {
  const current = await findOrganizationById(ctx.db, id);
  if (!current) throw notFound('Organisation');
  if (!current.archivedAt) {
    const now = ctx.clock.now();
    await updateOrganizationRow(ctx.db, id, { archivedAt: now, updatedAt: now });
  }
}

/** (name, id) of the last organisation of the previous page. */
const ORGANIZATION_CURSOR = z.tuple([cursorKey.text, cursorKey.id]);

export async function listOrganizations(
  ctx: CustomerContext,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: OrganizationSummary[]; nextCursor: string | null }> {
  if (query.q) {
    const page = await searchCustomers(ctx, { ...query, q: query.q, kind: 'organization' });
    return {
      items: page.items.flatMap((item) =>
        item.kind === 'organization' ? [item.organization] : [],
      ),
      nextCursor: page.nextCursor,
    };
  }
  const after = query.cursor ? decodeCursor(query.cursor, ORGANIZATION_CURSOR) : null;
  const scope = await readerScope(ctx);
  const rows = await listOrganizationsByName(ctx.db, { limit: query.limit + 1, after, scope });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toOrganizationSummary(row, scope)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(ORGANIZATION_CURSOR, [last.name, last.id])
        : null,
  };
}

/** Two registrations racing with the same business ID: the unique index decides, cleanly. */
async function raceToConflict(
  ctx: CustomerContext,
  error: unknown,
  businessId: string | null | undefined,
): Promise<unknown> {
  if (!businessId || !isUniqueViolation(error)) return error;
  const existing = await findOrganizationIdByBusinessId(ctx.db, businessId);
  return existing ? duplicateBusinessId(existing) : error;
}
