// Shared with the web app: this file imports nothing, so the browser bundle can use it.

/**
 * The groups of customer data a partner's contract can open to its contractors (decision 0009).
 * `name` is always part of a contract: a contractor must know whose data it is handling.
 */
export const CONTRACT_FIELD_GROUPS = [
  'name',
  'contact',
  'address',
  'billing',
  'identityCode',
  'organizations',
  'notes',
] as const;
export type ContractFieldGroup = (typeof CONTRACT_FIELD_GROUPS)[number];

export type CustomerKind = 'person' | 'organization';

/**
 * The fields of the person and organisation views (page and list/search summary) each group
 * opens. A field listed under two groups opens with either. A protected address stays hidden
 * from contractors whatever the contract says (decision 0006): the contract opens the field,
 * the address-protection rule still decides its value.
 */
export const CONTRACT_GROUP_FIELDS: Record<
  ContractFieldGroup,
  Record<CustomerKind, readonly string[]>
> = {
  name: { person: ['firstName', 'lastName'], organization: ['name', 'businessId'] },
  contact: {
    person: ['email', 'phone', 'phoneDisplay', 'language'],
    organization: ['email', 'phone', 'phoneDisplay'],
  },
  address: {
    person: [
      'permanentAddress',
      'contactAddress',
      'address',
      'addressProtected',
      'addressProtection',
    ],
    organization: ['postalAddress', 'visitingAddress', 'address'],
  },
  billing: { person: ['billing', 'addressProtected'], organization: ['billing'] },
  identityCode: {
    person: [
      'personalIdentityCode',
      'personalIdentityCodePurpose',
      'personalIdentityCodeTemporary',
    ],
    organization: [],
  },
  organizations: { person: ['organizations'], organization: ['representatives'] },
  notes: { person: ['notes'], organization: ['notes'] },
};

/** What every reader of a record gets: which record it is and its life-cycle times. */
export const ALWAYS_OPEN_FIELDS: readonly string[] = ['id', 'createdAt', 'updatedAt', 'archivedAt'];

export const isContractFieldGroup = (value: string): value is ContractFieldGroup =>
  (CONTRACT_FIELD_GROUPS as readonly string[]).includes(value);

/** A contract's groups in the canonical order, each once, `name` always included. */
export function normaliseContractFields(groups: readonly string[]): ContractFieldGroup[] {
  const chosen = new Set(['name', ...groups]);
  return CONTRACT_FIELD_GROUPS.filter((group) => chosen.has(group));
}

/** The view fields a contract with these groups opens for one kind of customer. */
export function openFields(
  kind: CustomerKind,
  groups: Iterable<ContractFieldGroup>,
): ReadonlySet<string> {
  const fields = new Set(ALWAYS_OPEN_FIELDS);
  for (const group of new Set(['name' as const, ...groups])) {
    for (const field of CONTRACT_GROUP_FIELDS[group][kind]) fields.add(field);
  }
  return fields;
}
