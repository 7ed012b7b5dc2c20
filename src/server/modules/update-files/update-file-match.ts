import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addressInput } from '../../../contract/customers/customer-data.schemas.ts';
import type {
  UpdateFileOutcome,
  UpdateFileReason,
} from '../../../contract/update-files/update-files.constants.ts';
import { parseIdentityCode } from '../../../finnish/index.ts';
import type { Db } from '../../db/client.ts';
import { dvvProhibitions, persons } from '../../db/schema/index.ts';
import type { Keys } from '../../lib/crypto.ts';
import { isAddressProtected } from '../customers/address-protection.ts';
import { identityCodeIndex } from '../persons/persons.service.ts';
import { restrictedAmong } from '../restriction/restriction.queries.ts';
import { helsinkiDate } from '../../../contract/dates.ts';
import type { UpdateFileProfile } from './profiles.ts';
import type { UpdateFileRow } from './update-file-rows.ts';

/**
 * What each row of an update file does to its person (decision 0029): found by the identity
 * code's blind index, else by name and previous address; refused for a protected address, DVV's
 * customer-register update prohibition, an archived or deceased person, or a field that does not
 * parse; unchanged when the register already has the address. One query per kind of lookup per
 * batch, not per row, except rows matched by name.
 */

type PostalAddress = { street: string; postalCode: string; postOffice: string; country: string };
type PersonRow = typeof persons.$inferSelect;

export type RowDecision = {
  line: number;
  outcome: UpdateFileOutcome;
  reason: UpdateFileReason | null;
  personId: string | null;
  fields: string[];
  /** The new address, for an `applied` row. */
  address?: PostalAddress;
};

type ParsedRow =
  | { line: number; invalid: string[] }
  | {
      line: number;
      invalid?: undefined;
      address: PostalAddress;
      code: string | null;
      name: { first: string; last: string } | null;
      previous: { street: string; postalCode: string } | null;
    };

const norm = (value: string | null | undefined) =>
  (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

function parseRow(row: UpdateFileRow, profile: UpdateFileProfile): ParsedRow {
  if (row.unreadable) return { line: row.line, invalid: ['row'] };
  const v = row.values;
  const invalid: string[] = [];
  const address = addressInput.safeParse({
    street: v.street ?? '',
    postalCode: v.postalCode ?? '',
    postOffice: v.postOffice ?? '',
    country: (v.country ?? '').toUpperCase() || 'FI',
  });
  if (!address.success) {
    for (const issue of address.error.issues) invalid.push(String(issue.path[0] ?? 'street'));
  }
  let code: string | null = null;
  if (profile.match.includes('identityCode') && v.identityCode) {
    const parsed = parseIdentityCode(v.identityCode.toUpperCase());
    if (parsed.ok) code = parsed.value.code;
    else invalid.push('identityCode');
  }
  const byName = profile.match.includes('nameAndPreviousAddress');
  const name =
    byName && v.firstName && v.lastName ? { first: v.firstName, last: v.lastName } : null;
  const previous =
    byName && v.previousStreet && v.previousPostalCode
      ? { street: v.previousStreet, postalCode: v.previousPostalCode }
      : null;
  if (!code && invalid.length === 0 && !(name && previous)) {
    invalid.push(
      ...(profile.match.includes('identityCode') ? ['identityCode'] : []),
      ...(byName ? ['firstName', 'lastName', 'previousStreet', 'previousPostalCode'] : []),
    );
  }
  if (invalid.length > 0 || !address.success)
    return { line: row.line, invalid: [...new Set(invalid)] };
  return { line: row.line, address: address.data, code, name, previous };
}

const sameAddress = (a: PostalAddress | null, b: PostalAddress | null) =>
  a !== null &&
  b !== null &&
  norm(a.street) === norm(b.street) &&
  norm(a.postalCode) === norm(b.postalCode) &&
  norm(a.postOffice) === norm(b.postOffice) &&
  norm(a.country) === norm(b.country);

/** The person lives at the row's previous address, or (the same file again) already at its new one. */
const livesAt = (person: PersonRow, places: { street: string; postalCode: string }[]) =>
  [person.permanentAddress, person.contactAddress].some((address) =>
    places.some(
      (place) =>
        address &&
        norm(address.street) === norm(place.street) &&
        norm(address.postalCode) === norm(place.postalCode),
    ),
  );

async function byName(
  db: Db,
  name: { first: string; last: string },
  places: { street: string; postalCode: string }[],
): Promise<PersonRow[]> {
  const rows = await db
    .select()
    .from(persons)
    .where(
      and(
        sql`lower(${persons.lastName}) = ${norm(name.last)}`,
        sql`lower(${persons.firstName}) = ${norm(name.first)}`,
      ),
    )
    .limit(100);
  return rows.filter((person) => livesAt(person, places));
}

/** Decides a batch of rows against the register as it is in `db` (the batch's transaction). */
export async function decideRows(
  db: Db,
  keys: Keys,
  profile: UpdateFileProfile,
  rows: readonly UpdateFileRow[],
  now: Date,
): Promise<RowDecision[]> {
  const parsed = rows.map((row) => parseRow(row, profile));
  const indexes = new Map<string, Buffer>();
  for (const row of parsed) {
    if (!row.invalid && row.code) indexes.set(row.code, identityCodeIndex(keys, row.code));
  }
  const coded =
    indexes.size === 0
      ? []
      : await db
          .select()
          .from(persons)
          .where(inArray(persons.identityCodeIndex, [...indexes.values()]));
  const byIndex = new Map(coded.map((p) => [p.identityCodeIndex?.toString('hex'), p]));

  const found = new Map<number, PersonRow[]>();
  for (const row of parsed) {
    if (row.invalid) continue;
    if (row.code) {
      const person = byIndex.get(indexes.get(row.code)?.toString('hex'));
      found.set(row.line, person ? [person] : []);
    } else if (row.name && row.previous) {
      found.set(row.line, await byName(db, row.name, [row.previous, row.address]));
    }
  }
  const ids = [...new Set([...found.values()].flat().map((p) => p.id))];
  const prohibited = new Set(
    ids.length === 0
      ? []
      : (
          await db
            .select({ personId: dvvProhibitions.personId })
            .from(dvvProhibitions)
            .where(
              and(
                inArray(dvvProhibitions.personId, ids),
                eq(dvvProhibitions.kind, 'register_update'),
                isNull(dvvProhibitions.liftedOn),
              ),
            )
        ).map((r) => r.personId),
  );

  const restricted = await restrictedAmong(db, ids, helsinkiDate(now));

  return parsed.map((row): RowDecision => {
    const refused = (reason: UpdateFileReason, personId: string | null, fields: string[] = []) => ({
      line: row.line,
      outcome: 'refused' as const,
      reason,
      personId,
      fields,
    });
    if (row.invalid) return refused('invalid', null, row.invalid);
    const candidates = found.get(row.line) ?? [];
    if (candidates.length !== 1) {
      return {
        line: row.line,
        outcome: 'noMatch',
        reason: candidates.length === 0 ? 'noPerson' : 'ambiguous',
        personId: null,
        fields: [],
      };
    }
    const person = candidates[0] as PersonRow;
    if (person.archivedAt) return refused('archived', person.id);
    if (person.deceasedOn) return refused('deceased', person.id);
    if (isAddressProtected(person, now)) return refused('addressProtected', person.id);
    if (prohibited.has(person.id)) return refused('registerUpdateProhibited', person.id);
    if (restricted.has(person.id)) return refused('restricted', person.id);
    if (sameAddress(person[profile.updates], row.address)) {
      return {
        line: row.line,
        outcome: 'unchanged',
        reason: null,
        personId: person.id,
        fields: [],
      };
    }
    return {
      line: row.line,
      outcome: 'applied',
      reason: null,
      personId: person.id,
      fields: [profile.updates],
      address: row.address,
    };
  });
}
