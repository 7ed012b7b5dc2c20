import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, type FieldProblem } from '../../api.ts';
import {
  checkField,
  errorsByField,
  type FieldErrors,
  type FormValues,
} from '../../components/form.ts';
import { useForm, type FormController } from '../../components/useForm.ts';

export type AccountForm = {
  form: FormController;
  /** Counts the sends that ended in field errors: the error summary takes the focus on each. */
  attempt: number;
  busy: boolean;
  /** Why the last send failed, when not because of a field (e.g. 429 after too many tries). */
  failure: unknown;
  submit: (event: FormEvent) => void;
};

/**
 * A small form of the account pages: the required fields and `check` are checked when it is
 * sent, the server's field errors land next to their fields, and the form empties after
 * `send` succeeded (these forms hold passwords and one-time codes).
 */
export function useAccountForm(options: {
  initial: FormValues;
  required: readonly string[];
  check?: (values: FormValues) => FieldProblem[];
  send: (values: FormValues) => Promise<void>;
  done: () => void;
  /** The form's path of a field the server names otherwise (two forms on a page, unique ids). */
  serverFields?: Record<string, string>;
}): AccountForm {
  // The options are fixed for the form's lifetime.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const required = useMemo(() => new Set(options.required), []);
  const form = useForm(options.initial, required);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    for (const path of required) {
      const problem = checkField(path, form.values, required);
      if (problem) errors[path] = problem;
    }
    for (const problem of options.check?.(form.values) ?? []) errors[problem.field] ??= problem;
    setFailure(null);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    options.send(form.values).then(
      () => {
        setBusy(false);
        form.reset(options.initial);
        options.done();
      },
      (error: unknown) => {
        setBusy(false);
        const fields =
          error instanceof ApiError && error.status === 400 ? error.problem.errors : undefined;
        if (fields && fields.length > 0) {
          const rename = options.serverFields ?? {};
          const byField = errorsByField(
            fields.map((f) => ({ ...f, field: rename[f.field] ?? f.field })),
          );
          form.setErrors(byField);
          setAttempt((a) => a + 1);
        } else setFailure(error);
      },
    );
  };

  // Checked when sent, not when a field is left: an error appearing or going away as the focus
  // leaves a field for the button would move the button from under the pointer mid-click.
  return { form: { ...form, blur: () => {} }, attempt, busy, failure, submit };
}

/** Six digits, a space in the middle allowed (as the apps show them). */
export const TOTP_CODE = /^\d{3} ?\d{3}$/;

export function codeProblems(values: FormValues, path: string): FieldProblem[] {
  const value = (values[path] ?? '').trim();
  return value !== '' && !TOTP_CODE.test(value)
    ? [{ field: path, code: 'totp.format', message: 'The code is six digits' }]
    : [];
}
