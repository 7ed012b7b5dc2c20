import { parseBusinessId } from '../../finnish/business-id.ts';
import { parseEmail } from '../../finnish/email.ts';
import { parseIdentityCode } from '../../finnish/identity-code.ts';
import { parseEInvoiceAddress, parseIntermediator, parseOvt } from '../../finnish/ovt.ts';
import { parsePhone } from '../../finnish/phone.ts';
import { parsePostalCode } from '../../finnish/postal-code.ts';
import type { Address, FieldProblem, PersonView } from '../api.ts';
import { parseFinnishDate } from '../format.ts';
import type { FieldRules, NumberRange } from './schema-rules.ts';

/**
 * A form's text values by the API's dotted field path (`permanentAddress.postalCode`), so an
 * error the server names by its path lands next to the right input without a mapping table.
 */
export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, FieldProblem>;

/** The id of the input for a field path; the error summary links to it. */
export const fieldId = (path: string): string => `field-${path.replaceAll('.', '-')}`;

const blank = (value: string | undefined): boolean => (value ?? '').trim() === '';

/** The trimmed value, or null when blank: null removes a value on the server. */
export const textOrNull = (values: FormValues, path: string): string | null =>
  blank(values[path]) ? null : (values[path] ?? '').trim();

export const ADDRESS_PARTS = ['street', 'postalCode', 'postOffice', 'country'] as const;

export function addressValues(prefix: string, address: Address | null | undefined): FormValues {
  return {
    [`${prefix}.street`]: address?.street ?? '',
    [`${prefix}.postalCode`]: address?.postalCode ?? '',
    [`${prefix}.postOffice`]: address?.postOffice ?? '',
    [`${prefix}.country`]: address?.country ?? 'FI',
  };
}

/** An address input, or null when street, postal code and post office are all left empty. */
export function addressInput(values: FormValues, prefix: string): Address | null {
  const parts = ['street', 'postalCode', 'postOffice'].map((part) => values[`${prefix}.${part}`]);
  if (parts.every(blank)) return null;
  return {
    street: (values[`${prefix}.street`] ?? '').trim(),
    postalCode: (values[`${prefix}.postalCode`] ?? '').trim(),
    postOffice: (values[`${prefix}.postOffice`] ?? '').trim(),
    country: (values[`${prefix}.country`] ?? '').trim().toUpperCase() || 'FI',
  };
}

type Billing = NonNullable<PersonView['billing']>;

export function billingValues(billing: Billing | null | undefined): FormValues {
  return {
    ...addressValues('billing.billingAddress', billing?.billingAddress),
    'billing.eInvoiceAddress': billing?.eInvoiceAddress ?? '',
    'billing.eInvoiceIntermediator': billing?.eInvoiceIntermediator ?? '',
    'billing.ovt': billing?.ovt ?? '',
  };
}

/** Billing data is replaced as a whole; null when every part of it is empty. */
export function billingInput(values: FormValues): Billing | null {
  const billing = {
    billingAddress: addressInput(values, 'billing.billingAddress'),
    eInvoiceAddress: textOrNull(values, 'billing.eInvoiceAddress'),
    eInvoiceIntermediator: textOrNull(values, 'billing.eInvoiceIntermediator'),
    ovt: textOrNull(values, 'billing.ovt'),
  };
  return Object.values(billing).every((part) => part === null) ? null : billing;
}

/** A request body with every member present: null where the form leaves it empty. */
export type FullInput<T> = Required<{ [K in keyof T]: T[K] | null }>;

/** The members of `current` that differ from `initial`: what a PATCH should send. */
export function changedFields<T extends Record<string, unknown>>(
  initial: T,
  current: T,
): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(current) as (keyof T)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(initial[key])) patch[key] = current[key];
  }
  return patch;
}

/** Drops null and undefined members: a new record leaves out what was not given. */
export function withoutEmpty<T extends Record<string, unknown>>(input: T): T {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

type Check = (value: string, values: FormValues) => { code: string; message: string } | null;
const fromParser =
  (parse: (input: string) => { ok: true } | { ok: false; code: string; message: string }): Check =>
  (value) => {
    const result = parse(value);
    return result.ok ? null : { code: result.code, message: result.message };
  };

/** Checks run when a field loses focus, with the parsers the server uses (the server decides). */
export const checks = {
  identityCode: fromParser(parseIdentityCode),
  businessId: fromParser(parseBusinessId),
  email: fromParser(parseEmail),
  phone: fromParser(parsePhone),
  ovt: fromParser(parseOvt),
  eInvoiceAddress: fromParser(parseEInvoiceAddress),
  intermediator: fromParser(parseIntermediator),
  date: ((value) =>
    parseFinnishDate(value) ? null : { code: 'date.format', message: 'd.m.yyyy' }) as Check,
  postalCode:
    (prefix: string): Check =>
    (value, values) => {
      const result = parsePostalCode(value, values[`${prefix}.country`] || 'FI');
      return result.ok ? null : { code: result.code, message: result.message };
    },
};

/** Which check each field path gets; fields not listed are only checked by the server. */
export function checkFor(path: string): Check | undefined {
  if (path.endsWith('.postalCode')) return checks.postalCode(path.slice(0, -'.postalCode'.length));
  const byPath: Record<string, Check> = {
    personalIdentityCode: checks.identityCode,
    businessId: checks.businessId,
    email: checks.email,
    phone: checks.phone,
    'billing.ovt': checks.ovt,
    'billing.eInvoiceAddress': checks.eInvoiceAddress,
    'billing.eInvoiceIntermediator': checks.intermediator,
    'addressProtection.endsOn': checks.date,
  };
  return byPath[path];
}

/** What `checkField` checks a field against: the schema's rules (`fieldRules`), or some of them. */
export type FieldChecks = Pick<FieldRules, 'required'> & Partial<FieldRules>;

/** A number as typed: "1,5", "1 000"; NaN when it is not one. */
const typedNumber = (text: string): number =>
  /^[+-]?[\d\s]*[.,]?\d+$/.test(text) ? Number(text.replace(/\s/g, '').replace(',', '.')) : NaN;

/** The problem of a number outside its range, or null (a text that is not a number: the server's). */
function rangeProblem(path: string, value: string, range: NumberRange): FieldProblem | null {
  const number = typedNumber(value);
  if (Number.isNaN(number)) return null;
  const { min, max, minExclusive, maxExclusive } = range;
  if (min !== undefined && (minExclusive ? number <= min : number < min)) {
    return {
      field: path,
      code: 'number.tooSmall',
      message: `${minExclusive ? 'Over' : 'At least'} ${min}`,
    };
  }
  if (max !== undefined && (maxExclusive ? number >= max : number > max)) {
    return {
      field: path,
      code: 'number.tooLarge',
      message: `${maxExclusive ? 'Under' : 'At most'} ${max}`,
    };
  }
  return null;
}

/**
 * The error a field has after leaving it, or null: `required` fields may not stay empty, a text
 * has at least its `minLength` and at most its `maxLength` characters (code points, as the
 * server counts them), a number stays in its `range`; then the field's format check.
 */
export function checkField(
  path: string,
  values: FormValues,
  rules: FieldChecks,
): FieldProblem | null {
  const value = values[path] ?? '';
  if (blank(value))
    return rules.required.has(path) ? { field: path, code: 'required', message: '' } : null;
  const length = [...value.trim()].length;
  const max = rules.maxLength?.get(path);
  if (max !== undefined && length > max) {
    return { field: path, code: 'too_big', message: `At most ${max} characters` };
  }
  const min = rules.minLength?.get(path);
  if (min !== undefined && length < min) {
    return { field: path, code: 'too_small', message: `At least ${min} characters` };
  }
  const range = rules.range?.get(path);
  const outside = range ? rangeProblem(path, value.trim(), range) : null;
  if (outside) return outside;
  const problem = checkFor(path)?.(value.trim(), values);
  return problem ? { field: path, ...problem } : null;
}

/**
 * The server's field errors by path. A date the server could not read is reported as the date
 * format the form asks for.
 */
export function errorsByField(errors: FieldProblem[] | undefined): FieldErrors {
  const byField: FieldErrors = {};
  for (const error of errors ?? []) {
    const problem =
      error.field.endsWith('endsOn') && error.code === 'invalid_format'
        ? { ...error, code: 'date.format' }
        : error;
    byField[error.field] ??= problem;
  }
  return byField;
}
