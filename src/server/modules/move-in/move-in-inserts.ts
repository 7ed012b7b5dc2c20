import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  importRows,
  persons,
  valueSources,
  type ImportRowError,
  type PostalAddress,
} from '../../db/schema/index.ts';

/*
 * A batch's rows go in set-based: each table's rows as one jsonb parameter read back with
 * `jsonb_to_recordset`, the same SQL on PostgreSQL and PGlite. Drizzle's multi-row insert builds
 * a parameter and a type check for every value (about 40,000 a batch of 1,000 persons), which
 * was the import's largest cost (decision 0027).
 */

/**
 * The rows as one JSON text, text made well-formed as the drivers send it (a lone surrogate
 * becomes U+FFFD; jsonb refuses its escape). Bytes go as hex, `decode(…, 'hex')` in the SQL.
 */
function jsonRows(rows: readonly Record<string, unknown>[]): string {
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'string' ? value.toWellFormed() : value,
  );
}

const hex = (bytes: Buffer | null) => (bytes === null ? null : bytes.toString('hex'));

export type NewPerson = {
  id: string;
  firstName: string;
  lastName: string;
  identityCodeEncrypted: Buffer | null;
  identityCodeIndex: Buffer | null;
  identityCodeTemporary: boolean | null;
  identityCodePurpose: string | null;
  email: string | null;
  phone: string | null;
  permanentAddress: PostalAddress | null;
  language: string;
  searchText: string;
};

export async function insertPersons(tx: Db, rows: readonly NewPerson[], now: Date) {
  if (rows.length === 0) return;
  const json = jsonRows(
    rows.map((p) => ({
      id: p.id,
      first_name: p.firstName,
      last_name: p.lastName,
      identity_code_encrypted: hex(p.identityCodeEncrypted),
      identity_code_index: hex(p.identityCodeIndex),
      identity_code_temporary: p.identityCodeTemporary,
      identity_code_purpose: p.identityCodePurpose,
      email: p.email,
      phone: p.phone,
      permanent_address: p.permanentAddress,
      language: p.language,
      search_text: p.searchText,
    })),
  );
  await tx.execute(sql`
    insert into ${persons} (id, first_name, last_name, identity_code_encrypted,
      identity_code_index, identity_code_temporary, identity_code_purpose, email, phone,
      permanent_address, language, search_text, created_at, updated_at)
    select r.id, r.first_name, r.last_name, decode(r.identity_code_encrypted, 'hex'),
      decode(r.identity_code_index, 'hex'), r.identity_code_temporary, r.identity_code_purpose,
      r.email, r.phone, r.permanent_address, r.language, r.search_text,
      ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${json}::jsonb) as r(id uuid, first_name text, last_name text,
      identity_code_encrypted text, identity_code_index text, identity_code_temporary boolean,
      identity_code_purpose text, email text, phone text, permanent_address jsonb, language text,
      search_text text)`);
}

export type NewValueSource = { personId: string; field: string; reference: string };

/** The sources of a batch's values, each the import, recorded at `now` by `by`. */
export async function insertImportSources(
  tx: Db,
  rows: readonly NewValueSource[],
  now: Date,
  by: string | null,
) {
  if (rows.length === 0) return;
  const json = jsonRows(
    rows.map((s) => ({ person_id: s.personId, field: s.field, reference: s.reference })),
  );
  await tx.execute(sql`
    insert into ${valueSources} (person_id, field, kind, reference, recorded_at, recorded_by)
    select s.person_id, s.field, 'import', s.reference, ${now.toISOString()}::timestamptz,
      ${by}::uuid
    from jsonb_to_recordset(${json}::jsonb) as s(person_id uuid, field text, reference text)`);
}

export type NewReportRow = {
  rowNumber: number;
  outcome: string;
  personId: string | null;
  organizationId: string | null;
  errors: ImportRowError[];
  duplicateOfRow: number | null;
  duplicateOfPerson: string | null;
  duplicateOfOrganization: string | null;
  identityIndex: Buffer | null;
  businessIdIndex: Buffer | null;
  emailIndex: Buffer | null;
};

export async function insertReportRows(tx: Db, runId: string, rows: readonly NewReportRow[]) {
  if (rows.length === 0) return;
  const json = jsonRows(
    rows.map((r) => ({
      row_number: r.rowNumber,
      outcome: r.outcome,
      person_id: r.personId,
      organization_id: r.organizationId,
      errors: r.errors,
      duplicate_of_row: r.duplicateOfRow,
      duplicate_of_person: r.duplicateOfPerson,
      duplicate_of_organization: r.duplicateOfOrganization,
      identity_index: hex(r.identityIndex),
      business_id_index: hex(r.businessIdIndex),
      email_index: hex(r.emailIndex),
    })),
  );
  await tx.execute(sql`
    insert into ${importRows} (run_id, row_number, outcome, person_id, organization_id, errors,
      duplicate_of_row, duplicate_of_person, duplicate_of_organization, identity_index,
      business_id_index, email_index)
    select ${runId}::uuid, r.row_number, r.outcome, r.person_id, r.organization_id, r.errors,
      r.duplicate_of_row, r.duplicate_of_person, r.duplicate_of_organization,
      decode(r.identity_index, 'hex'), decode(r.business_id_index, 'hex'),
      decode(r.email_index, 'hex')
    from jsonb_to_recordset(${json}::jsonb) as r(row_number integer, outcome text,
      person_id uuid, organization_id uuid, errors jsonb, duplicate_of_row integer,
      duplicate_of_person uuid, duplicate_of_organization uuid, identity_index text,
      business_id_index text, email_index text)`);
}
