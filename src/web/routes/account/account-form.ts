import type { FieldProblem } from '../../client.ts';
import type { FormValues } from '../../components/form.ts';

/**
 * How the account pages' small forms behave (useContractForm): checked when sent, not when a
 * field is left (an error appearing or going away as the focus leaves a field for the button
 * would move the button from under the pointer mid-click); emptied after a save, since they
 * hold passwords and one-time codes; and leaving them loses nothing worth a question.
 */
export const SECRET_FORM = {
  checkOnBlur: false,
  emptyWhenSaved: true,
  warnUnsaved: false,
} as const;

/** Six digits, a space in the middle allowed (as the apps show them). */
export const TOTP_CODE = /^\d{3} ?\d{3}$/;

export function codeProblems(values: FormValues, path: string): FieldProblem[] {
  const value = (values[path] ?? '').trim();
  return value !== '' && !TOTP_CODE.test(value)
    ? [{ field: path, code: 'totp.format', message: 'The code is six digits' }]
    : [];
}

/** Fields the form needs though the request may leave them out (in another situation). */
export function missing(values: FormValues, paths: readonly string[]): FieldProblem[] {
  return paths
    .filter((path) => (values[path] ?? '').trim() === '')
    .map((path) => ({ field: path, code: 'required', message: '' }));
}
