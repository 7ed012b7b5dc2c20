import { eq, getTableColumns, sql, type Column, type SQL } from 'drizzle-orm';
import {
  organizations,
  partnerCustomers,
  partners,
  persons,
  processingRestrictions,
} from '../../db/schema/index.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import { PARTNER_ROLES } from '../../../contract/auth/permissions.ts';
import type { CustomerContext } from '../customers/context.ts';
import {
  isContractFieldGroup,
  openFields,
  type ContractFieldGroup,
  type CustomerKind,
} from '../../../contract/partners/contract-fields.ts';

/**
 * What of the customer data a reader may see (decision 0009): the municipality's own staff see
 * every customer (their role's permissions decide the rest); a contractor sees the customers its
 * partner's contract covers, while the contract is in force, and the field groups it lists.
 */
export type ReaderScope =
  | { kind: 'all' }
  | {
      kind: 'contract';
      /** null: an account of a partner role without a partner — it is covered by nothing. */
      partnerId: string | null;
      groups: ReadonlySet<ContractFieldGroup>;
      /** Today in Finland: a contract whose end date has passed covers no one. */
      today: string;
    };

export const ALL_CUSTOMERS: ReaderScope = { kind: 'all' };

/** The reader's scope; for a contractor, its partner's contract as stored now. */
export async function readerScope(
  ctx: Pick<CustomerContext, 'db' | 'actor' | 'clock'>,
): Promise<ReaderScope> {
  const { actor } = ctx;
  if (actor.partnerId === null && !PARTNER_ROLES.includes(actor.role)) return ALL_CUSTOMERS;
  const today = helsinkiDate(ctx.clock.now());
  const [contract] = actor.partnerId
    ? await ctx.db
        .select({ contractFields: partners.contractFields })
        .from(partners)
        .where(eq(partners.id, actor.partnerId))
    : [];
  const groups = new Set<ContractFieldGroup>(['name']);
  for (const group of contract?.contractFields ?? []) {
    if (isContractFieldGroup(group)) groups.add(group);
  }
  return {
    kind: 'contract',
    partnerId: contract ? (actor.partnerId ?? null) : null,
    groups,
    today,
  };
}

/** Whether the scope opens a field group (every group is open to the municipality's staff). */
export const scopeOpens = (scope: ReaderScope, group: ContractFieldGroup): boolean =>
  scope.kind === 'all' || scope.groups.has(group);

/**
 * The condition that keeps a query to the customers the reader's contract covers, on the
 * customer's id column; undefined for the municipality's staff. Part of the query itself, so a
 * record outside the contract never leaves the database. A person whose processing is restricted
 * (GDPR Art. 18, decision 0033) is covered by no contract while the restriction holds: a
 * contractor's or a partner client's read is processing beyond storage.
 */
export function coveredBy(scope: ReaderScope, customerId: Column | SQL): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.partnerId === null) return sql`false`;
  return sql`${customerId} in (select ${partnerCustomers.customerId} from ${partnerCustomers} inner join ${partners} on ${partners.id} = ${partnerCustomers.partnerId} where ${partnerCustomers.partnerId} = ${scope.partnerId}::uuid and (${partners.contractEndsOn} is null or ${partners.contractEndsOn} >= ${scope.today}::date)) and ${customerId} not in (select ${processingRestrictions.personId} from ${processingRestrictions} where ${processingRestrictions.placedOn} <= ${scope.today}::date and (${processingRestrictions.liftedOn} is null or ${processingRestrictions.liftedOn} > ${scope.today}::date))`;
}

/** The view fields the scope lets through for a kind of customer; null: all of them. */
export function visibleFields(scope: ReaderScope, kind: CustomerKind): ReadonlySet<string> | null {
  return scope.kind === 'all' ? null : openFields(kind, scope.groups);
}

/** The view with only the fields the scope lets through: the others are left out, not nulled. */
export function withinContract<T extends object>(
  scope: ReaderScope,
  kind: CustomerKind,
  view: T,
): T {
  const fields = visibleFields(scope, kind);
  if (!fields) return view;
  return Object.fromEntries(Object.entries(view).filter(([key]) => fields.has(key))) as T;
}

const p = getTableColumns(persons);
const o = getTableColumns(organizations);

/** Person columns each group needs; identity, name and life-cycle columns are always read. */
const PERSON_COLUMNS: Record<ContractFieldGroup, (keyof typeof p)[]> = {
  name: ['id', 'firstName', 'lastName', 'createdAt', 'updatedAt', 'archivedAt'],
  contact: ['email', 'phone', 'language'],
  address: [
    'permanentAddress',
    'contactAddress',
    'addressProtectionActive',
    'addressProtectionEndsOn',
    'addressProtectionSource',
  ],
  // The protection decides whether the billing address may be shown.
  billing: ['billing', 'addressProtectionActive', 'addressProtectionEndsOn'],
  identityCode: ['identityCodeEncrypted', 'identityCodePurpose', 'identityCodeTemporary'],
  organizations: [],
  notes: ['notes'],
};

const ORGANIZATION_COLUMNS: Record<ContractFieldGroup, (keyof typeof o)[]> = {
  name: ['id', 'name', 'businessId', 'createdAt', 'updatedAt', 'archivedAt'],
  contact: ['email', 'phone'],
  address: ['postalAddress', 'visitingAddress'],
  billing: ['billing'],
  identityCode: [],
  organizations: [],
  notes: ['notes'],
};

function pickColumns<C extends Record<string, Column>>(
  all: C,
  byGroup: Record<ContractFieldGroup, (keyof C)[]>,
  scope: ReaderScope,
): Partial<C> {
  if (scope.kind === 'all') return all;
  const chosen: Partial<C> = {};
  for (const group of scope.groups) {
    for (const key of byGroup[group]) chosen[key] = all[key];
  }
  return chosen;
}

type PersonRowAll = typeof persons.$inferSelect;
type OrganizationRowAll = typeof organizations.$inferSelect;

/** A person as a reader may have it: the columns outside the reader's contract were not read. */
export type ScopedPersonRow = Pick<
  PersonRowAll,
  'id' | 'firstName' | 'lastName' | 'createdAt' | 'updatedAt' | 'archivedAt'
> &
  Partial<PersonRowAll>;

export type ScopedOrganizationRow = Pick<
  OrganizationRowAll,
  'id' | 'name' | 'businessId' | 'createdAt' | 'updatedAt' | 'archivedAt'
> &
  Partial<OrganizationRowAll>;

/** The person columns a query selects for the reader: only those its contract opens. */
export function personColumns(scope: ReaderScope) {
  return pickColumns(p, PERSON_COLUMNS, scope) as typeof p;
}

export function organizationColumns(scope: ReaderScope) {
  return pickColumns(o, ORGANIZATION_COLUMNS, scope) as typeof o;
}
