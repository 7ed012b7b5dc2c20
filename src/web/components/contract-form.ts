import { ApiError, type FieldProblem } from '../client.ts';
import {
  checkField,
  errorsByField,
  type FieldChecks,
  type FieldErrors,
  type FormValues,
} from './form.ts';
import type { FieldRules } from './schema-rules.ts';

/** The codes of `checkField` that come from the schema's rules, not from a format check. */
const SCHEMA_CODES: ReadonlySet<string> = new Set([
  'required',
  'too_big',
  'too_small',
  'number.tooSmall',
  'number.tooLarge',
]);

/**
 * The rules of a form before it is sent: required fields, lengths and ranges (from the schema), and the
 * form's own `check` (e.g. "the passwords differ"). Format checks run when a field is left; the
 * server decides the rest.
 */
export function errorsBeforeSending(
  values: FormValues,
  rules: FieldChecks,
  check?: (values: FormValues) => FieldProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  const paths = [
    ...rules.required,
    ...(rules.maxLength?.keys() ?? []),
    ...(rules.minLength?.keys() ?? []),
    ...(rules.range?.keys() ?? []),
  ];
  for (const path of new Set(paths)) {
    // A member the form has no field for (an id, a version) is the input builder's to give.
    if (!(path in values)) continue;
    const value = values[path] ?? '';
    const problem = checkField(path, { ...values, [path]: value }, rules);
    // Only the schema's own rules here: a malformed value is the blur check's and the server's.
    if (problem && SCHEMA_CODES.has(problem.code ?? '')) {
      errors[path] = problem;
    }
  }
  // The form's own words win over the schema's generic ones (a range named in its unit).
  for (const problem of check?.(values) ?? []) errors[problem.field] = problem;
  return errors;
}

/** What a failed send means for the form: errors by field, the duplicate (409), or a failure. */
export type SendOutcome = {
  errors: FieldErrors;
  duplicateOf: string | null;
  /** What went wrong beyond the fields (shown as a notice), or null. */
  failure: unknown;
};

/**
 * The form's path of a field the server (and the schema) names otherwise: by name, or a function
 * (e.g. `contractFields.2` → `contractFields`, the checkbox group).
 */
export type ServerFields = Readonly<Record<string, string>> | ((field: string) => string);

export const formPathOf = (names: ServerFields | undefined, field: string): string =>
  typeof names === 'function' ? names(field) : (names?.[field] ?? field);

/** The schema's rules under the form's paths. */
export function rulesUnder(rules: FieldRules, names: ServerFields | undefined): FieldRules {
  if (!names) return rules;
  const renamed = <T>(map: ReadonlyMap<string, T>) =>
    new Map([...map].map(([path, rule]) => [formPathOf(names, path), rule]));
  return {
    required: new Set([...rules.required].map((path) => formPathOf(names, path))),
    maxLength: renamed(rules.maxLength),
    minLength: renamed(rules.minLength),
    range: renamed(rules.range),
    defaults: Object.fromEntries(
      Object.entries(rules.defaults).map(([path, value]) => [formPathOf(names, path), value]),
    ),
  };
}

/**
 * A 400 or 409 with `errors[]` puts each next to its field (renamed by `serverFields` where the
 * form's path differs from the server's); a 409 names the record that already has the value.
 * Anything else, or a 400 that names no field, is a failure of the whole form.
 */
export function outcomeOf(error: unknown, serverFields?: ServerFields): SendOutcome {
  if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
    const errors = errorsByField(
      (error.problem.errors ?? []).map((f) => ({ ...f, field: formPathOf(serverFields, f.field) })),
    );
    const duplicateOf = error.status === 409 ? (error.problem.existingId ?? null) : null;
    const named = Object.keys(errors).length > 0;
    return { errors, duplicateOf, failure: named || duplicateOf ? null : error };
  }
  return { errors: {}, duplicateOf: null, failure: error };
}

/** Whether the form holds something other than what it started from. */
export function changedFrom(initial: FormValues, values: FormValues): boolean {
  const paths = new Set([...Object.keys(initial), ...Object.keys(values)]);
  for (const path of paths) if ((initial[path] ?? '') !== (values[path] ?? '')) return true;
  return false;
}
