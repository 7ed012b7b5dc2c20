import { ApiError, type FieldProblem } from '../client.ts';
import { checkField, errorsByField, type FieldErrors, type FormValues } from './form.ts';
import type { FieldRules } from './schema-rules.ts';

/**
 * The rules of a form before it is sent: required fields and lengths (from the schema), and the
 * form's own `check` (e.g. "the passwords differ"). Format checks run when a field is left; the
 * server decides the rest.
 */
export function errorsBeforeSending(
  values: FormValues,
  rules: Pick<FieldRules, 'required' | 'maxLength'>,
  check?: (values: FormValues) => FieldProblem[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const path of new Set([...rules.required, ...rules.maxLength.keys()])) {
    if (!(path in values) && !rules.required.has(path)) continue;
    const value = values[path] ?? '';
    const problem = checkField(path, { ...values, [path]: value }, rules.required, rules.maxLength);
    // Only the schema's own rules here: a malformed value is the blur check's and the server's.
    if (problem && (problem.code === 'required' || problem.code === 'too_big')) {
      errors[path] = problem;
    }
  }
  for (const problem of check?.(values) ?? []) errors[problem.field] ??= problem;
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
 * A 400 or 409 with `errors[]` puts each next to its field (renamed by `serverFields` where the
 * form's path differs from the server's); a 409 names the record that already has the value.
 * Anything else, or a 400 that names no field, is a failure of the whole form.
 */
export function outcomeOf(error: unknown, serverFields: Record<string, string> = {}): SendOutcome {
  if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
    const errors = errorsByField(
      (error.problem.errors ?? []).map((f) => ({ ...f, field: serverFields[f.field] ?? f.field })),
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
