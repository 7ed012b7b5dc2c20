import type { z } from 'zod';
import { personCreate, type PersonCreate } from '../../../contract/persons/persons.schemas.ts';
import {
  organizationCreate,
  type OrganizationCreate,
} from '../../../contract/organizations/organizations.schemas.ts';
import type { ImportProfileBody } from '../../../contract/move-in/move-in.schemas.ts';
import type { ImportRowError } from '../../db/schema/index.ts';
import type { TabularRow } from '../../lib/tabular/tabular.ts';

/** A row read and checked: what to create, or every problem it has. */
export type CheckedRow =
  | { rowNumber: number; target: 'person'; input: PersonCreate; errors: [] }
  | { rowNumber: number; target: 'organization'; input: OrganizationCreate; errors: [] }
  | { rowNumber: number; target: null; input: null; errors: ImportRowError[] };

const ADDRESS_PARTS = ['street', 'postalCode', 'postOffice'] as const;

/**
 * A row of the file as the profile maps it, checked with the register's own rules for a person
 * or an organisation (the contract's create schemas: identity code, business ID, e-mail, phone,
 * address, text policy). A blank cell is no value. Errors name the field, the column and a code.
 */
export function checkRow(profile: ImportProfileBody, row: TabularRow): CheckedRow {
  if ('error' in row) {
    return {
      rowNumber: row.rowNumber,
      target: null,
      input: null,
      errors: [
        { field: 'row', column: null, code: `row.${row.error.code}`, message: row.error.message },
      ],
    };
  }
  const columns = profile.columns as Partial<Record<string, string>>;
  const cell = (field: string): string | undefined => {
    const column = columns[field];
    const value = column === undefined ? undefined : row.cells[column]?.trim();
    return value === '' ? undefined : value;
  };
  const errors: ImportRowError[] = [];
  const given = ADDRESS_PARTS.filter((part) => cell(part) !== undefined);
  let address: Record<string, string> | undefined;
  if (given.length === ADDRESS_PARTS.length) {
    address = {
      street: cell('street')!,
      postalCode: cell('postalCode')!,
      postOffice: cell('postOffice')!,
      country: (cell('country') ?? 'FI').toUpperCase(),
    };
  } else if (given.length > 0) {
    for (const part of ADDRESS_PARTS.filter((p) => cell(p) === undefined)) {
      errors.push({
        field: part,
        column: columns[part] ?? null,
        code: 'address.incomplete',
        message: 'An address needs the street, the postal code and the post office',
      });
    }
  }
  const fieldColumn = (path: PropertyKey[]): { field: string; column: string | null } => {
    const [first, second] = path.map(String);
    const field =
      (first === 'permanentAddress' || first === 'postalAddress') && second
        ? second
        : (first ?? 'row');
    return { field, column: columns[field] ?? null };
  };
  const issues = (error: z.ZodError) =>
    error.issues.map((issue): ImportRowError => {
      const params = (issue as { params?: { code?: unknown } }).params;
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return {
        ...fieldColumn(issue.path),
        code: typeof params?.code === 'string' ? params.code : missing ? 'required' : issue.code,
        message: missing ? 'The cell is empty' : issue.message,
      };
    });
  if (profile.target === 'person') {
    const code = cell('personalIdentityCode')?.toUpperCase();
    const parsed = personCreate.safeParse(
      dropUndefined({
        firstName: cell('firstName'),
        lastName: cell('lastName'),
        personalIdentityCode: code,
        personalIdentityCodePurpose: code ? profile.identityCodePurpose : undefined,
        email: cell('email'),
        phone: cell('phone'),
        permanentAddress: address,
        language: cell('language')?.toLowerCase(),
      }),
    );
    if (parsed.success && errors.length === 0) {
      return { rowNumber: row.rowNumber, target: 'person', input: parsed.data, errors: [] };
    }
    if (!parsed.success) errors.push(...issues(parsed.error));
  } else {
    const parsed = organizationCreate.safeParse(
      dropUndefined({
        name: cell('name'),
        businessId: cell('businessId'),
        email: cell('email'),
        phone: cell('phone'),
        postalAddress: address,
      }),
    );
    if (parsed.success && errors.length === 0) {
      return { rowNumber: row.rowNumber, target: 'organization', input: parsed.data, errors: [] };
    }
    if (!parsed.success) errors.push(...issues(parsed.error));
  }
  return { rowNumber: row.rowNumber, target: null, input: null, errors };
}

function dropUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

/** The profile's columns the file's header lacks. */
export function missingColumns(profile: ImportProfileBody, header: readonly string[]): string[] {
  const present = new Set(header);
  return Object.values(profile.columns as Record<string, string>).filter((c) => !present.has(c));
}
