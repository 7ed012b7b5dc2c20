/** The import profile's form: values, checks and the request; pure, so unit-tested. */
import type { FieldProblem } from '../../api.ts';
import type { FormValues } from '../../components/form.ts';
import type { CallInput } from '../../../contract/endpoint.ts';
import { moveInApi } from '../../../contract/move-in/move-in.endpoints.ts';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportTarget,
} from '../../../contract/move-in/move-in.constants.ts';
import {
  importProfileName,
  type ImportProfileBody,
} from '../../../contract/move-in/move-in.schemas.ts';

/**
 * The form's path of a field's column: `columns.<field>.heading`, not the API's
 * `columns.<field>`, so the checks the forms give a postal code or an e-mail address by their
 * path never take a column's heading for one.
 */
export const columnPath = (field: string): string => `columns.${field}.heading`;

/** The API's field names under the form's (serverFields of useContractForm). */
export const formPathOfServerField = (field: string): string =>
  /^columns\.[A-Za-z]+$/.test(field) ? `${field}.heading` : field;

/** Every field a profile may map, of either target: one form value each. */
export const ALL_FIELDS: readonly ImportField[] = [
  ...new Set<ImportField>([...IMPORT_FIELDS.person, ...IMPORT_FIELDS.organization]),
];

/** What every customer of the target must have: a profile without their column is refused. */
export const REQUIRED_FIELDS: Record<ImportTarget, readonly ImportField[]> = {
  person: ['firstName', 'lastName'],
  organization: ['name'],
};

export const ENCODINGS = ['utf-8', 'iso-8859-1', 'windows-1252'] as const;

export const isTarget = (value: string | undefined): value is ImportTarget =>
  value === 'person' || value === 'organization';

/** A stored profile as the form's text, or a new one's (a CSV of persons, `;`, UTF-8). */
export function profileValues(name: string, body: ImportProfileBody | null): FormValues {
  const columns = (body?.columns ?? {}) as Partial<Record<ImportField, string>>;
  const format = body?.format;
  return {
    name,
    target: body?.target ?? 'person',
    'format.kind': format?.kind ?? 'csv',
    'format.delimiter': format?.kind === 'csv' ? format.delimiter : ';',
    'format.encoding': format?.kind === 'csv' ? format.encoding : 'utf-8',
    'format.sheet': format?.kind === 'xlsx' ? (format.sheet ?? '') : '',
    ...Object.fromEntries(ALL_FIELDS.map((field) => [columnPath(field), columns[field] ?? ''])),
    identityCodePurpose: body?.target === 'person' ? (body.identityCodePurpose ?? '') : '',
  };
}

const text = (values: FormValues, path: string) => (values[path] ?? '').trim();

/**
 * What the API's schema cannot say before sending: the name the path takes, the columns every
 * customer needs, and the identity code's purpose when its column is given (the law asks one).
 */
export function profileProblems(values: FormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const name = text(values, 'name');
  if (name === '') problems.push({ field: 'name', code: 'required', message: '' });
  else if (!importProfileName.safeParse(name).success) {
    problems.push({ field: 'name', code: 'moveIn.profileName', message: '' });
  }
  const target = isTarget(values.target) ? values.target : 'person';
  for (const field of REQUIRED_FIELDS[target]) {
    if (text(values, columnPath(field)) === '') {
      problems.push({ field: columnPath(field), code: 'moveIn.columnRequired', message: '' });
    }
  }
  if (
    target === 'person' &&
    text(values, columnPath('personalIdentityCode')) !== '' &&
    text(values, 'identityCodePurpose') === ''
  ) {
    problems.push({ field: 'identityCodePurpose', code: 'moveIn.purposeRequired', message: '' });
  }
  return problems;
}

/** The request: the target's columns that are given, and the format's own settings. */
export function profileInput(values: FormValues): CallInput<typeof moveInApi.saveProfile> {
  const target = isTarget(values.target) ? values.target : 'person';
  const columns = Object.fromEntries(
    IMPORT_FIELDS[target]
      .map((field) => [field, text(values, columnPath(field))] as const)
      .filter(([, column]) => column !== ''),
  );
  const sheet = text(values, 'format.sheet');
  const format: ImportProfileBody['format'] =
    values['format.kind'] === 'xlsx'
      ? { kind: 'xlsx', ...(sheet ? { sheet } : {}) }
      : {
          kind: 'csv',
          // A delimiter may be a space or a tab: sent as typed.
          delimiter: values['format.delimiter'] ?? '',
          encoding: ENCODINGS.find((e) => e === values['format.encoding']) ?? 'utf-8',
        };
  const purpose = text(values, 'identityCodePurpose');
  const body: ImportProfileBody =
    target === 'person'
      ? {
          target,
          format,
          columns,
          ...(purpose && columns.personalIdentityCode
            ? { identityCodePurpose: purpose as never }
            : {}),
        }
      : { target, format, columns };
  return { params: { name: text(values, 'name') }, body };
}
