import { z } from 'zod';
import crypto from 'node:crypto';
import { isUniqueViolation } from '../../db/errors.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { cursorKey, decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { formatPhoneFinnish, maskIdentityCode, parseIdentityCode } from '../../../finnish/index.ts';
import { foldForSearch } from '../../lib/search-text.ts';
import type { Keys } from '../../lib/crypto.ts';
import { PersonKeyDestroyedError } from '../../keystore/person-keys.ts';
import { roleHas } from '../../../contract/auth/permissions.ts';
import { checkAddressWrite, isAddressProtected } from '../customers/address-protection.ts';
import { logAccess, type ActingContext, type CustomerContext } from '../customers/context.ts';
import {
  ALL_CUSTOMERS,
  readerScope,
  scopeOpens,
  withinContract,
  type ReaderScope,
  type ScopedPersonRow,
} from '../partners/contract-scope.ts';
import { refuseWhileRestricted } from '../restriction/restriction.service.ts';
import { searchCustomers } from '../search/search.service.ts';
import {
  countExistingOrganizations,
  findOrganizationsOfPerson,
  findPersonById,
  findPersonForReader,
  findPersonIdByIdentityCodeIndex,
  insertPerson,
  listPersonsByName,
  replaceOrganizationsOfPerson,
  updatePersonRow,
  type PersonInsert,
  type PersonRow,
} from './persons.queries.ts';
import type {
  PersonCreate,
  PersonPatch,
  PersonSummary,
  PersonView,
} from '../../../contract/persons/persons.schemas.ts';
import {
  recordValueSources,
  resolveSource,
  sourceForLog,
  type SourceGiven,
} from './value-sources.ts';

const IDENTITY_CODE_INDEX = 'person.identity_code';
/** The AAD of a person's encrypted identity code: a ciphertext copied to another row does not open. */
export const identityCodeContext = (personId: string) => `person.identity_code:${personId}`;

export function identityCodeIndex(keys: Keys, code: string): Buffer {
  return keys.blindIndex(code, IDENTITY_CODE_INDEX);
}

/** The masked code; null when there is none, or its person's key was destroyed (erased). */
async function maskedIdentityCode(
  ctx: Pick<CustomerContext, 'personKeys'>,
  row: ScopedPersonRow,
): Promise<string | null> {
  if (!row.identityCodeEncrypted) return null;
  try {
    return maskIdentityCode(
      await ctx.personKeys.decrypt(row.id, row.identityCodeEncrypted, identityCodeContext(row.id)),
    );
  } catch (error) {
    if (error instanceof PersonKeyDestroyedError) return null;
    throw error;
  }
}

/** The masked codes of a page of persons, with one key-store lookup; by person id. */
export async function maskedIdentityCodes(
  ctx: Pick<CustomerContext, 'personKeys'>,
  rows: readonly Pick<ScopedPersonRow, 'id' | 'identityCodeEncrypted'>[],
): Promise<Map<string, string | null>> {
  const coded = rows.flatMap((row) =>
    row.identityCodeEncrypted
      ? [
          {
            personId: row.id,
            ciphertext: row.identityCodeEncrypted,
            context: identityCodeContext(row.id),
          },
        ]
      : [],
  );
  const codes = await ctx.personKeys.decryptMany(coded);
  return new Map(
    coded.map((item, i) => {
      const code = codes[i];
      return [item.personId, code ? maskIdentityCode(code) : null];
    }),
  );
}

/**
 * The 409 that points to the person already holding the identity code tells the caller that
 * this person is registered, and who it is: an access to that person, logged as a search by the
 * code (outside any transaction of the refused change, which rolls back).
 */
async function duplicateIdentityCode(ctx: ActingContext, existingId: string): Promise<AppError> {
  await logAccess(ctx, 'search', [existingId], ['personalIdentityCode'], {
    purpose: 'duplicate check',
  });
  return new AppError('conflict', 'A person with this identity code is already registered', {
    errors: [
      {
        field: 'personalIdentityCode',
        message: 'A person with this identity code is already registered',
        code: 'identityCode.duplicate',
      },
    ],
    extra: { existingId, existing: `/api/persons/${existingId}` },
  });
}

/**
 * The columns an input sets; the identity code is encrypted under the person's data key and
 * indexed here, never stored plain.
 */
async function columnsFrom(
  ctx: ActingContext,
  personId: string,
  input: PersonPatch,
  current: PersonRow | undefined,
): Promise<Partial<PersonInsert>> {
  const columns: Partial<PersonInsert> = {};
  const set = <K extends keyof PersonInsert>(key: K, value: PersonInsert[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  set('firstName', input.firstName);
  set('lastName', input.lastName);
  set('email', input.email);
  set('phone', input.phone);
  set('permanentAddress', input.permanentAddress);
  set('contactAddress', input.contactAddress);
  set('language', input.language);
  set('billing', input.billing);
  set('notes', input.notes);
  if (input.personalIdentityCode !== undefined) {
    const code = input.personalIdentityCode;
    columns.identityCodeEncrypted = code
      ? await ctx.personKeys.encrypt(personId, code, identityCodeContext(personId))
      : null;
    columns.identityCodeIndex = code ? identityCodeIndex(ctx.keys, code) : null;
    columns.identityCodeTemporary = code ? isTemporary(code) : null;
    columns.identityCodePurpose = code ? (input.personalIdentityCodePurpose ?? null) : null;
  } else if (input.personalIdentityCodePurpose !== undefined) {
    if (!current?.identityCodeEncrypted && input.personalIdentityCodePurpose !== null) {
      throw new AppError('validation', 'There is no identity code to give a reason for', {
        errors: [
          {
            field: 'personalIdentityCodePurpose',
            message: 'The person has no identity code',
            code: 'identityCode.purposeWithoutCode',
          },
        ],
      });
    }
    if (current?.identityCodeEncrypted && input.personalIdentityCodePurpose === null) {
      throw new AppError('validation', 'An identity code is kept only with its reason', {
        errors: [
          {
            field: 'personalIdentityCodePurpose',
            message: 'Remove the identity code, or give the reason for keeping it',
            code: 'identityCode.purposeRequired',
          },
        ],
      });
    }
    columns.identityCodePurpose = input.personalIdentityCodePurpose;
  }
  if (input.addressProtection !== undefined) {
    const protection = input.addressProtection;
    columns.addressProtectionActive = protection?.active ?? false;
    columns.addressProtectionEndsOn = protection?.endsOn ?? null;
    columns.addressProtectionSource = protection?.source ?? null;
  }
  if (input.firstName !== undefined || input.lastName !== undefined) {
    const first = input.firstName ?? current?.firstName ?? '';
    const last = input.lastName ?? current?.lastName ?? '';
    columns.searchText = foldForSearch(`${first} ${last}`);
  }
  return columns;
}

function isTemporary(code: string): boolean {
  const parsed = parseIdentityCode(code);
  return parsed.ok && parsed.value.temporary;
}

async function checkOrganizationsExist(ctx: ActingContext, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) {
    throw new AppError('validation', 'An organisation is listed twice', {
      errors: [
        {
          field: 'organizations',
          message: 'Each organisation may be listed once',
          code: 'organizations.duplicate',
        },
      ],
    });
  }
  if ((await countExistingOrganizations(ctx.db, unique)) !== unique.length) {
    throw new AppError('validation', 'An organisation in the list does not exist', {
      errors: [
        { field: 'organizations', message: 'Unknown organisation', code: 'organizations.unknown' },
      ],
    });
  }
}

/** The person as the reader may see them on the person's own page. */
/**
 * Whether the person's address is protected now. A row read without the protection columns
 * (a contract that opens no address) counts as protected: nothing is shown that was not checked.
 */
function protectedNow(row: ScopedPersonRow, now: Date): boolean {
  if (row.addressProtectionActive === undefined) return true;
  return isAddressProtected(
    {
      addressProtectionActive: row.addressProtectionActive,
      addressProtectionEndsOn: row.addressProtectionEndsOn ?? null,
    },
    now,
  );
}

/** The person's page; a contractor gets only the fields of its contract (and never more). */
async function toView(
  ctx: CustomerContext,
  row: ScopedPersonRow,
  scope: ReaderScope = ALL_CUSTOMERS,
): Promise<PersonView> {
  const protectedAddress = protectedNow(row, ctx.clock.now());
  const hide = protectedAddress && !roleHas(ctx.actor.role, 'customers.readProtectedAddress');
  const organizations = scopeOpens(scope, 'organizations')
    ? await findOrganizationsOfPerson(ctx.db, row.id, scope)
    : [];
  return withinContract(scope, 'person', {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    personalIdentityCode: await maskedIdentityCode(ctx, row),
    personalIdentityCodePurpose: (row.identityCodePurpose ??
      null) as PersonView['personalIdentityCodePurpose'],
    personalIdentityCodeTemporary: row.identityCodeTemporary ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    phoneDisplay: row.phone ? formatPhoneFinnish(row.phone) : null,
    permanentAddress: hide ? null : (row.permanentAddress ?? null),
    contactAddress: hide ? null : (row.contactAddress ?? null),
    addressProtected: protectedAddress,
    addressProtection: row.addressProtectionActive
      ? {
          active: true,
          endsOn: row.addressProtectionEndsOn ?? null,
          source: row.addressProtectionSource ?? null,
        }
      : null,
    language: (row.language ?? 'fi') as PersonView['language'],
    organizations,
    billing: row.billing
      ? { ...row.billing, billingAddress: hide ? null : row.billing.billingAddress }
      : null,
    notes: row.notes ?? null,
    deceasedOn: row.deceasedOn ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  });
}

/**
 * A person in a list or search result: a protected address is never shown here, and a
 * contractor gets only the fields of its contract. `identityCodes` comes from
 * maskedIdentityCodes, one key-store lookup for the whole page.
 */
export function toSummary(
  ctx: Pick<CustomerContext, 'clock'>,
  row: ScopedPersonRow,
  identityCodes: ReadonlyMap<string, string | null>,
  scope: ReaderScope = ALL_CUSTOMERS,
): PersonSummary {
  const protectedAddress = protectedNow(row, ctx.clock.now());
  return withinContract(scope, 'person', {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    personalIdentityCode: identityCodes.get(row.id) ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    phoneDisplay: row.phone ? formatPhoneFinnish(row.phone) : null,
    address: protectedAddress ? null : (row.contactAddress ?? row.permanentAddress ?? null),
    addressProtected: protectedAddress,
    archivedAt: row.archivedAt?.toISOString() ?? null,
  });
}

function changedFields(input: PersonPatch): string[] {
  return Object.entries(input)
    .filter(([key, value]) => value !== undefined && key !== 'source')
    .map(([key]) => key);
}

export async function createPerson(ctx: CustomerContext, input: PersonCreate): Promise<PersonView> {
  const id = crypto.randomUUID();
  if (input.personalIdentityCode) {
    const existing = await findPersonIdByIdentityCodeIndex(
      ctx.db,
      identityCodeIndex(ctx.keys, input.personalIdentityCode),
    );
    if (existing) throw await duplicateIdentityCode(ctx, existing);
  }
  if (input.organizations) {
    await checkOrganizationsExist(
      ctx,
      input.organizations.map((o) => o.organizationId),
    );
  }
  const source = await resolveSource(ctx.db, input.source);
  checkAddressWrite({
    role: ctx.actor.role,
    sourceKind: source.kind,
    now: ctx.clock.now(),
    current: undefined,
    write: input,
  });
  const columns = await columnsFrom(ctx, id, input, undefined);
  const changes = describeChanges(undefined, columns, input.organizations, []);
  const row = await ctx.db
    .transaction(async (tx) => {
      await logAccess({ ...ctx, db: tx }, 'create', [id], changedFields(input), {
        changes: withSource(changes, sourceForLog(source)),
      });
      const inserted = await insertPerson(tx, {
        ...columns,
        id,
        firstName: input.firstName,
        lastName: input.lastName,
        searchText: foldForSearch(`${input.firstName} ${input.lastName}`),
      });
      if (input.organizations) {
        await replaceOrganizationsOfPerson(
          tx,
          id,
          input.organizations.map((o) => ({
            organizationId: o.organizationId,
            title: o.title ?? null,
          })),
        );
      }
      await recordValueSources({ ...ctx, db: tx }, { personId: id, input, changes, source });
      return inserted;
    })
    .catch(async (error: unknown) => {
      throw await raceToConflict(ctx, error, input.personalIdentityCode);
    });
  return toView(ctx, row);
}

/**
 * A person's page. A contractor gets 404 for a person its contract does not cover — the same
 * answer as for no such person, so that the refusal does not confirm that one exists.
 */
export async function getPerson(ctx: CustomerContext, id: string): Promise<PersonView> {
  const scope = await readerScope(ctx);
  const row = await findPersonForReader(ctx.db, id, scope);
  if (!row) throw notFound('Person');
  const view = await toView(ctx, row, scope);
  const fields = Object.keys(view).filter((key) => key !== 'id');
  await logAccess(ctx, 'read', [id], fields);
  return view;
}

/**
 * Changes a person. `options.source` (a rectification request's) takes the place of the patch's
 * own source, which the person API limits to the sources staff may name.
 */
export async function updatePerson(
  ctx: CustomerContext,
  id: string,
  patch: PersonPatch,
  options: { source?: SourceGiven } = {},
): Promise<PersonView> {
  return toView(ctx, await writePersonPatch(ctx, id, patch, options));
}

/**
 * Every change of a person's data goes through here: staff's form and API, the bulk writers
 * through `updatePerson`, and the resident correcting their own contact details in the
 * e-service (decision 0032) — one set of rules (restriction, address protection, identity code,
 * value sources) and the access-log entry in the change's transaction.
 */
export async function writePersonPatch(
  ctx: ActingContext,
  id: string,
  patch: PersonPatch,
  options: { source?: SourceGiven } = {},
): Promise<PersonRow> {
  const current = await findPersonById(ctx.db, id);
  if (!current) throw notFound('Person');
  if (current.archivedAt) {
    throw new AppError('conflict', 'An archived person cannot be changed');
  }
  const source = await resolveSource(ctx.db, options.source ?? patch.source);
  // While a restriction of processing holds only its rectification may change the data (0033).
  await refuseWhileRestricted(ctx, id, source);
  patch = checkAddressWrite({
    role: ctx.actor.role,
    sourceKind: source.kind,
    now: ctx.clock.now(),
    current,
    write: patch,
  });
  if (patch.personalIdentityCode) {
    const existing = await findPersonIdByIdentityCodeIndex(
      ctx.db,
      identityCodeIndex(ctx.keys, patch.personalIdentityCode),
    );
    if (existing && existing !== id) throw await duplicateIdentityCode(ctx, existing);
    if (!patch.personalIdentityCodePurpose && current.identityCodePurpose) {
      patch = { ...patch, personalIdentityCodePurpose: current.identityCodePurpose as never };
    }
  }
  if (patch.organizations) {
    await checkOrganizationsExist(
      ctx,
      patch.organizations.map((o) => o.organizationId),
    );
  }
  const columns = await columnsFrom(ctx, id, patch, current);
  const linksBefore = patch.organizations ? await findOrganizationsOfPerson(ctx.db, id) : [];
  const changes = describeChanges(current, columns, patch.organizations, linksBefore);
  const row = await ctx.db
    .transaction(async (tx) => {
      await logAccess({ ...ctx, db: tx }, 'update', [id], changedFields(patch), {
        changes: withSource(changes, sourceForLog(source)),
      });
      const updated = await updatePersonRow(tx, id, { ...columns, updatedAt: ctx.clock.now() });
      if (patch.organizations) {
        await replaceOrganizationsOfPerson(
          tx,
          id,
          patch.organizations.map((o) => ({
            organizationId: o.organizationId,
            title: o.title ?? null,
          })),
        );
      }
      await recordValueSources(
        { db: tx, clock: ctx.clock, actor: 'resident' in ctx.actor ? null : ctx.actor },
        { personId: id, input: patch, changes, source },
      );
      return updated;
    })
    .catch(async (error: unknown) => {
      throw await raceToConflict(ctx, error, patch.personalIdentityCode);
    });
  if (!row) throw notFound('Person');
  return row;
}

export async function archivePerson(ctx: CustomerContext, id: string): Promise<void> {
  const current = await findPersonById(ctx.db, id);
  if (!current) throw notFound('Person');
  if (current.archivedAt) return;
  await refuseWhileRestricted(ctx, id, undefined);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await logAccess({ ...ctx, db: tx }, 'archive', [id], ['archivedAt'], {
      changes: { archivedAt: { old: null, new: now.toISOString() } },
    });
    await updatePersonRow(tx, id, { archivedAt: now, updatedAt: now });
  });
}

/** (lastName, firstName, id) of the last person of the previous page. */
const PERSON_CURSOR = z.tuple([cursorKey.text, cursorKey.text, cursorKey.id]);

export async function listPersons(
  ctx: CustomerContext,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  if (query.q) {
    const page = await searchCustomers(ctx, { ...query, q: query.q, kind: 'person' });
    return {
      items: page.items.flatMap((item) => (item.kind === 'person' ? [item.person] : [])),
      nextCursor: page.nextCursor,
    };
  }
  const after = query.cursor ? decodeCursor(query.cursor, PERSON_CURSOR) : null;
  const scope = await readerScope(ctx);
  const rows = await listPersonsByName(ctx.db, {
    limit: query.limit + 1,
    after,
    includeArchived: false,
    scope,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const identityCodes = await maskedIdentityCodes(ctx, page);
  const items = page.map((row) => toSummary(ctx, row, identityCodes, scope));
  await logAccess(
    ctx,
    'read',
    items.map((p) => p.id),
    scopeOpens(scope, 'contact') ? ['name', 'contact'] : ['name'],
  );
  return {
    items,
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor(PERSON_CURSOR, [last.lastName, last.firstName, last.id])
        : null,
  };
}

export async function revealIdentityCode(
  ctx: CustomerContext,
  id: string,
  purpose: string,
): Promise<{ personalIdentityCode: string }> {
  const row = await findPersonById(ctx.db, id);
  if (!row) throw notFound('Person');
  if (!row.identityCodeEncrypted)
    throw new AppError('not_found', 'The person has no identity code');
  const personalIdentityCode = await ctx.personKeys.decrypt(
    row.id,
    row.identityCodeEncrypted,
    identityCodeContext(row.id),
  );
  await logAccess(ctx, 'reveal', [id], ['personalIdentityCode'], { purpose });
  return { personalIdentityCode };
}

/** Two registrations racing with the same identity code: the unique index decides, cleanly. */
async function raceToConflict(
  ctx: ActingContext,
  error: unknown,
  code: string | null | undefined,
): Promise<unknown> {
  if (!code || !isUniqueViolation(error)) return error;
  const existing = await findPersonIdByIdentityCodeIndex(ctx.db, identityCodeIndex(ctx.keys, code));
  return existing ? duplicateIdentityCode(ctx, existing) : error;
}

/** The access log's changes, with the source of the values when one was named. */
function withSource(
  changes: Record<string, unknown>,
  source: Record<string, string> | undefined,
): Record<string, unknown> {
  return source ? { ...changes, source } : changes;
}

/** Column → the field name the API and the log use. */
const LOGGED_COLUMNS: Partial<Record<keyof PersonInsert, string>> = {
  firstName: 'firstName',
  lastName: 'lastName',
  identityCodePurpose: 'personalIdentityCodePurpose',
  email: 'email',
  phone: 'phone',
  permanentAddress: 'permanentAddress',
  contactAddress: 'contactAddress',
  language: 'language',
  billing: 'billing',
  addressProtectionActive: 'addressProtection.active',
  addressProtectionEndsOn: 'addressProtection.endsOn',
  addressProtectionSource: 'addressProtection.source',
  notes: 'notes',
};

/**
 * What a change did, for the access log: old and new values of ordinary fields; the identity
 * code, which is stored encrypted, only as "changed".
 */
export function describeChanges(
  current: PersonRow | undefined,
  columns: Partial<PersonInsert>,
  links: { organizationId: string; title?: string | null }[] | undefined,
  linksBefore: { organizationId: string; title: string | null }[],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [column, field] of Object.entries(LOGGED_COLUMNS) as [keyof PersonInsert, string][]) {
    if (!(column in columns)) continue;
    const before = current?.[column] ?? null;
    const after = columns[column] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after))
      changes[field] = { old: before, new: after };
  }
  if ('identityCodeIndex' in columns) {
    const before = current?.identityCodeIndex ?? null;
    const after = columns.identityCodeIndex ?? null;
    if (!(before && after && before.equals(after)) && (before || after)) {
      changes.personalIdentityCode = 'changed';
    }
  }
  if (links) {
    const simplify = (list: { organizationId: string; title?: string | null }[]) =>
      list.map((l) => ({ organizationId: l.organizationId, title: l.title ?? null }));
    const [before, after] = [simplify(linksBefore), simplify(links)];
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      changes.organizations = { old: before, new: after };
    }
  }
  return changes;
}
